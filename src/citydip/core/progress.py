"""Progress of long operations: one stage of ``total`` units, reported through ``advance(n=1)``.

Inside a task (a job in a worker, or a command running a task) the progress goes to the task's
context (core/jobs/context.py): the jobs page and the command line show the same numbers. Outside
one, a rich progress bar on the terminal (nothing with ``quiet``).
"""
from contextlib import contextmanager

from citydip.core.jobs.context import ConsoleContext, current_context


@contextmanager
def progress_bar(description, total, quiet=False):
    """Yield an ``advance(n=1)`` function that moves the progress forward."""
    context = current_context()
    if context is not None:
        context.step(description, total)
        yield lambda n=1: context.advance(n)
        return
    with ConsoleContext(quiet=quiet) as console:
        console.step(description, total)
        yield lambda n=1: console.advance(n)
