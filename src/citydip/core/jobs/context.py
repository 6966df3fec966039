"""What a task receives as ``context``: report progress, write log lines, check for cancellation and
write output files, whether it runs in a worker (:class:`JobContext`, reports to the job's row) or on
the command line (:class:`ConsoleContext`, draws the same progress with rich).

Output files are written atomically: ``context.output_file(name)`` writes through
``core/files.py: atomic_write``; ``context.output_folder()`` gives a scratch folder whose files are
moved into place only when the block ends without error. A run killed half-way therefore leaves no
half-written output, and running the job again writes the files anew.
"""
import os
import shutil
import sys
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.db import connection
from django.utils import timezone

from citydip.core.files import atomic_write

_current = ContextVar("citydip_task_context", default=None)


def current_context():
    """The context of the task running in this thread, or None."""
    return _current.get()


@contextmanager
def activated(context):
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


class JobCancelled(Exception):
    """Raised inside a task when someone pressed Cancel; the job ends as cancelled, not failed."""


class BaseContext:
    is_job = False  # True in a worker: the outputs are downloaded from the job's page

    def __init__(self, output_dir, user=None):
        self.output_dir = Path(output_dir) if output_dir is not None else None
        self.user = user
        self.provenance = {}
        self.current, self.total, self.message = 0, None, ""

    # -- progress -------------------------------------------------------------------------------
    def step(self, message, total=None):
        """Start a stage: ``message`` shown next to the bar, ``total`` units to come."""
        self.current, self.total, self.message = 0, total, str(message)
        self._show(force=True)

    def progress(self, current=None, total=None, message=None):
        if current is not None:
            self.current = current
        if total is not None:
            self.total = total
        if message is not None:
            self.message = str(message)
        self._show()
        self.check_cancelled()

    def advance(self, n=1, message=None):
        self.progress(self.current + n, message=message)

    def _show(self, force=False):
        raise NotImplementedError

    # -- log, cancellation, provenance ----------------------------------------------------------
    def log(self, message, level="info"):
        raise NotImplementedError

    def cancelled(self):
        return False

    def check_cancelled(self):
        if self.cancelled():
            raise JobCancelled()

    def describe(self, **provenance):
        """Record what the outputs were made from (data, wave, synthetic or not...): shown next to the files."""
        self.provenance.update(provenance)

    # -- output files ---------------------------------------------------------------------------
    def _work_root(self):
        return self.output_dir / ".work"

    def _register(self, relative_name, path):
        """A finished output file (path inside ``output_dir``)."""

    @contextmanager
    def output_file(self, name, mode="wb", **open_kwargs):
        """Open ``output_dir/name`` for writing; the file appears only when the block succeeds."""
        target = self.output_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(target, mode, **open_kwargs) as handle:
            yield handle
        self._register(name, target)

    def register_outputs(self, paths=None):
        """Files a builder wrote straight into ``output_dir`` (each written atomically): list them with the
        job (all files below ``output_dir`` when ``paths`` is None). Returns their names."""
        root = self.output_dir.resolve()
        found = sorted(Path(p).resolve() for p in paths) if paths is not None else sorted(
            p for p in root.rglob("*") if p.is_file() and ".work" not in p.relative_to(root).parts)
        names = []
        for path in found:
            name = path.relative_to(root).as_posix()
            self._register(name, path)
            names.append(name)
        return names

    def zip_outputs(self, name, names):
        """One zip of the files ``names`` (relative to ``output_dir``), written atomically; returns ``name``."""
        import zipfile

        with self.output_file(name, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in names:
                archive.write(self.output_dir / member, member)
        return name

    @contextmanager
    def output_folder(self):
        """A scratch folder; when the block succeeds its files move into ``output_dir`` (same names)."""
        scratch = self._work_root() / uuid.uuid4().hex
        scratch.mkdir(parents=True)
        try:
            yield scratch
            for path in sorted(p for p in scratch.rglob("*") if p.is_file()):
                relative = path.relative_to(scratch)
                target = self.output_dir / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                self._register(relative.as_posix(), target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            try:
                self._work_root().rmdir()
            except OSError:
                pass


class ConsoleContext(BaseContext):
    """The command line: a rich progress bar (none with ``quiet``), log lines on ``stdout`` (none without ``echo``)."""

    def __init__(self, output_dir=None, user=None, stdout=None, quiet=False, echo=True):
        super().__init__(output_dir, user)
        self.stdout = stdout or sys.stdout
        self.quiet, self.echo = quiet, echo
        self._bar = self._task = None

    def __enter__(self):
        if not self.quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            # Redrawn at each step rather than by rich's refresh thread: a command that forks its work
            # (core/parallel.py) may do so only while no other thread runs.
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), transient=False, auto_refresh=False)
            self._bar.start()
        return self

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.stop()
        return False

    def step(self, message, total=None):
        super().step(message, total)
        if self._bar is not None:
            self._task = self._bar.add_task(self.message, total=total)

    def _show(self, force=False):
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.current, total=self.total, description=self.message)
            self._bar.refresh()

    def log(self, message, level="info"):
        if self.echo:
            self.stdout.write(str(message) + ("" if str(message).endswith("\n") else "\n"))


class JobContext(BaseContext):
    """A job in a worker: progress, log and files go to the job's rows, at most every half second.

    Inside a transaction (an import that must change all or nothing) the writes wait until the
    transaction is over, so that they are neither rolled back with it nor hold its lock.
    """

    is_job = True
    FLUSH_EVERY = 0.5
    CANCEL_EVERY = 1.0

    def __init__(self, job, output_dir):
        super().__init__(output_dir, job.started_by)
        self.job = job
        self._pending_log = []
        self._last_flush = self._last_cancel_check = 0.0
        self._cancelled = False
        self._depth = len(connection.atomic_blocks)  # transactions already open when the task started

    def _can_write(self):
        return len(connection.atomic_blocks) <= self._depth

    def _show(self, force=False):
        now = time.monotonic()
        if (force or now - self._last_flush >= self.FLUSH_EVERY) and self._can_write():
            self.flush()

    def flush(self):
        from citydip.core.jobs.models import Job, JobLogLine

        self._last_flush = time.monotonic()
        Job.objects.filter(pk=self.job.pk).update(
            progress_current=self.current, progress_total=self.total, progress_message=self.message[:300],
            heartbeat_at=timezone.now(), provenance=self.provenance)
        if self._pending_log:
            JobLogLine.objects.bulk_create(self._pending_log)
            self._pending_log = []

    def log(self, message, level="info"):
        from citydip.core.jobs.models import JobLogLine

        self._pending_log.append(JobLogLine(job_id=self.job.pk, level=level, message=str(message)))
        if self._can_write():
            self.flush()

    def cancelled(self):
        from citydip.core.jobs.models import Job

        now = time.monotonic()
        if not self._cancelled and now - self._last_cancel_check >= self.CANCEL_EVERY:
            self._last_cancel_check = now
            self._cancelled = Job.objects.filter(pk=self.job.pk, cancel_requested=True).exists()
        return self._cancelled

    def _register(self, relative_name, path):
        from citydip.core.jobs.models import JobFile

        JobFile.objects.update_or_create(job_id=self.job.pk, name=relative_name,
                                         defaults={"size": path.stat().st_size, "created_at": timezone.now()})
