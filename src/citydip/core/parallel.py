"""Independent parts of one command, run side by side in forked processes: one per core.

``run_forked(tasks)`` calls each task (a callable without arguments, returning something picklable) and
returns the results in the tasks' order. The analysis parts, the publication maps and the demo's
synthetic answers use it: on a 2-core machine they take about half the time. A task must leave what it
reads as it found it: which tasks run one after the other in the same child depends on timing, so a
task that changed a shared object would make another task's result depend on the run (it did once:
docs/reliability.md).

Why not ``concurrent.futures.ProcessPoolExecutor`` as it is: the tasks read large objects already in
memory (the analysis dataset, the map's facts, the parsed questionnaire) that a forked child shares for free, where a spawned
child would have to start Django and load them again (seconds); and Django's database connections
must not cross a fork. So this module forks (``multiprocessing``'s "fork" context, a pool of
``workers``), hands each child the task's position in a list set just before the fork, and in each
child puts the inherited connections aside unclosed (closing them would end the parent's sessions), so
that a task that did query the database would open its own connection instead of sharing the
parent's. Tasks are expected not to touch the database; in the test suite's in-memory SQLite such a
query fails loudly ("no such table").

Forking a process that runs other threads can deadlock the child on a lock held by a thread that does
not exist in it, so by default the tasks run one after the other in this process unless every other
thread is marked ``fork_safe`` (the job worker's heartbeat is). ``CITYDIP_WORKERS=1`` turns the
processes off; ``CITYDIP_WORKERS=N`` sets their number. The results are the same either way (tested).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import traceback

_TASKS = None
_SET_ASIDE = []


def default_workers():
    """Processes to use: CITYDIP_WORKERS, else one per core; 1 when forking is not safe here."""
    configured = os.environ.get("CITYDIP_WORKERS", "").strip()
    if configured:
        return max(1, int(configured))
    if "fork" not in multiprocessing.get_all_start_methods() or not fork_is_safe():
        return 1
    return os.cpu_count() or 1


def fork_is_safe():
    """Whether this thread may fork: it is the only thread, or every other one is marked fork_safe."""
    return all(thread is threading.current_thread() or getattr(thread, "fork_safe", False)
               for thread in threading.enumerate())


def _in_child():
    """What a forked child sets up first: the default action for SIGTERM, so that the pool's terminate()
    ends it (a job worker's graceful-stop handler, inherited, made pool children outlive terminate() and
    the worker wait for them for ever), and the parent's database connections put aside."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _set_connections_aside()


def _set_connections_aside():
    from django.conf import settings

    if not (settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE")):
        return  # no Django here (a task run from a plain script): no connections to set aside
    from django.db import connections

    for alias in connections:
        _SET_ASIDE.append(connections[alias])
        del connections[alias]


def _outcome(task):
    """(True, result) or (False, the error): sent back whole when it survives pickling, else as its traceback."""
    try:
        return True, task()
    except Exception as error:
        try:
            pickle.loads(pickle.dumps(error))
            return False, error
        except Exception:
            return False, RuntimeError(traceback.format_exc())


def _call(index):
    return (index, *_outcome(_TASKS[index]))


class Started:
    """A task started in a forked child by :func:`start_forked`; :meth:`result` collects it. The child is a
    ``multiprocessing`` process of the "fork" context with a pipe back: no thread here, unlike a pool's."""

    def __init__(self, task, fork):
        self._task, self._process, self._pipe = task, None, None
        if fork:
            context = multiprocessing.get_context("fork")
            self._pipe, sending = context.Pipe(duplex=False)
            self._process = context.Process(target=_send_outcome, args=(task, sending), daemon=True)
            self._process.start()
            sending.close()

    def result(self):
        """The task's result (computed here now if no child was started); its error is raised here."""
        if self._process is None:
            return self._task()
        try:
            ok, value = self._pipe.recv()
        except EOFError:
            ok, value = False, None
        finally:
            self._pipe.close()
        self._process.join()
        if value is None and not ok:
            raise RuntimeError(f"the forked task ended without a result (exit status {self._process.exitcode})")
        if not ok:
            raise value
        return value


def _send_outcome(task, pipe):
    _in_child()
    pipe.send(_outcome(task))
    pipe.close()


def start_forked(task):
    """Start ``task`` (no arguments, picklable result, no database) in a forked child now, while this
    process goes on; ``.result()`` waits for it. Where forking is not safe or CITYDIP_WORKERS=1
    (``default_workers``), the task runs here when its result is asked for."""
    return Started(task, fork=default_workers() > 1)


def run_forked(tasks, on_done=None, workers=None):
    """Each task's result, in order; ``on_done()`` is called here as each task finishes (progress)."""
    global _TASKS
    tasks = list(tasks)
    workers = min(workers or default_workers(), len(tasks))
    if workers <= 1:
        results = []
        for task in tasks:
            results.append(task())
            if on_done:
                on_done()
        return results
    results = [None] * len(tasks)
    _TASKS = tasks
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_in_child) as pool:
            for index, ok, value in pool.imap_unordered(_call, range(len(tasks))):
                if not ok:
                    raise value
                results[index] = value
                if on_done:
                    on_done()
    finally:
        _TASKS = None
    return results
