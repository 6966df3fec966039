"""Progress bars for long commands (rich), quiet when output is not a terminal or --quiet is given."""
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def progress_bar(description, total, quiet=False):
    """Yield an ``advance(n=1)`` function that moves a rich progress bar forward."""
    if quiet:
        yield lambda n=1: None
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=False
    ) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n=1: progress.advance(task, n)
