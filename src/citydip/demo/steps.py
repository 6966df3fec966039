"""The demo database is built by steps that each app contributes.

An app adds a step by defining ``build_demo(ctx)`` in its ``demo_data.py``; ``ctx`` is a
:class:`DemoContext` with the data folder (or None), a seeded random generator, a ``log`` function and
the ``quiet`` flag. Steps run in the order of INSTALLED_APPS, so each can use what earlier ones built.
"""
import random
from dataclasses import dataclass, field
from pathlib import Path

from citydip.core.hooks import app_modules


@dataclass
class DemoContext:
    data_dir: Path | None
    log: callable
    quiet: bool = False
    rng: random.Random = field(default_factory=lambda: random.Random(2026))

    def data_file(self, *parts):
        """A file of the open reference data, or None when it is not there (then a step uses its fallback)."""
        if self.data_dir is None:
            return None
        path = self.data_dir.joinpath(*parts)
        return path if path.exists() else None


def demo_steps():
    return [(config.label, module.build_demo) for config, module in app_modules("demo_data")]
