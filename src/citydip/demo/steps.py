"""The demo database is built by steps that each app contributes.

An app adds a step by defining ``build_demo(ctx)`` in its ``demo_data.py``; ``ctx`` is a
:class:`DemoContext` with the data folder (or None), a seeded random generator, a ``log`` function and
the ``quiet`` flag. Steps run in the order of INSTALLED_APPS, so each can use what earlier ones built.

Reading files needs no database, so it need not wait for the steps before it: an app's
``demo_prefetch.py`` (a light module: it imports what its tasks need inside them) defines
``prefetch_demo(ctx)``, which starts such work with ``ctx.prefetch(name, task)`` in a second process
(core/parallel.py: start_forked) before the first step runs, and its step collects the result with
``ctx.prefetched(name, task)`` (which runs ``task`` itself when nothing was started, as when a test
calls the step alone). The gazetteer's sources and the survey's questionnaire are read that way while
the demo imports its steps and builds the frame (docs/reliability.md).
"""
import random
from dataclasses import dataclass, field
from pathlib import Path

from citydip.core.hooks import app_modules
from citydip.core.parallel import start_forked


@dataclass
class DemoContext:
    data_dir: Path | None
    log: callable
    quiet: bool = False
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    started: dict = field(default_factory=dict)

    def prefetch(self, name, task):
        """Start ``task`` (no database) in a second process now; a step collects it with :meth:`prefetched`."""
        self.started[name] = start_forked(task)

    def prefetched(self, name, task):
        """The result of the prefetch ``name``, or of ``task`` run here when none was started."""
        started = self.started.pop(name, None)
        return started.result() if started else task()

    def finish(self):
        """Collect what no step asked for (a step that found its work done), so no child is left behind."""
        for name in list(self.started):
            self.started.pop(name).result()

    def data_file(self, *parts):
        """A file of the open reference data, or None when it is not there (then a step uses its fallback)."""
        if self.data_dir is None:
            return None
        path = self.data_dir.joinpath(*parts)
        return path if path.exists() else None


def start_prefetches(ctx):
    for _, module in app_modules("demo_prefetch"):
        module.prefetch_demo(ctx)


def demo_steps():
    return [(config.label, module.build_demo) for config, module in app_modules("demo_data")]
