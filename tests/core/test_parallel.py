"""core/parallel.py: tasks in forked processes give the results, in order, that one process gives."""
import os
import threading

import pytest

from citydip.core.errors import CitydipError
from citydip.core.parallel import default_workers, fork_is_safe, run_forked


def pid_and_square(n):
    return lambda: (os.getpid(), n * n)


def test_results_come_back_in_the_tasks_order_from_other_processes(monkeypatch):
    done = []
    results = run_forked([pid_and_square(n) for n in range(7)], on_done=lambda: done.append(1), workers=2)
    assert [square for _, square in results] == [n * n for n in range(7)] and len(done) == 7
    assert os.getpid() not in {pid for pid, _ in results}, "the tasks ran in forked children"


def test_one_worker_runs_the_tasks_here(monkeypatch):
    monkeypatch.setenv("CITYDIP_WORKERS", "1")
    assert default_workers() == 1
    assert {pid for pid, _ in run_forked([pid_and_square(n) for n in range(3)])} == {os.getpid()}


def test_a_task_error_reaches_the_caller_as_itself():
    def failing():
        raise CitydipError("MAP-E001", "the output exists and is not a folder", file="x")

    with pytest.raises(CitydipError, match="not a folder"):
        run_forked([pid_and_square(1), failing], workers=2)


def test_an_unpicklable_error_arrives_as_its_traceback():
    class Local(Exception):  # defined here: cannot be pickled by reference
        pass

    def failing():
        raise Local("deep inside")

    with pytest.raises(RuntimeError, match="deep inside"):
        run_forked([failing, pid_and_square(2)], workers=2)


def test_forking_is_refused_by_default_while_another_thread_runs(monkeypatch):
    monkeypatch.delenv("CITYDIP_WORKERS", raising=False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert not fork_is_safe() and default_workers() == 1
        for thread in threading.enumerate():  # this one, and any the test runner runs (pytest-xdist's)
            if thread is not threading.current_thread():
                monkeypatch.setattr(thread, "fork_safe", True, raising=False)
        assert fork_is_safe()
        monkeypatch.setattr(other, "fork_safe", False)
        assert not fork_is_safe()
    finally:
        stop.set()
        other.join()


@pytest.mark.django_db
def test_the_children_do_not_hold_the_parents_database_connection():
    """Checked without a query: forking a process whose threads use SQLite and then querying in the child
    can hang on a lock taken before the fork (which is why tasks must not touch the database)."""
    from django.db import connection

    from citydip.core.models import Country

    Country.objects.exists()  # the parent's connection is open
    assert connection.connection is not None

    def child_connection_state():
        from django.db import connections

        return connections["default"].connection is None

    assert run_forked([child_connection_state, child_connection_state], workers=2) == [True, True]
    assert Country.objects.exists() is not None and connection.in_atomic_block, "the parent's connection is intact"

def test_citydip_errors_survive_pickling_with_their_code_and_location():
    import pickle

    from citydip.core.errors import CitydipErrors

    error = CitydipError("MAP-E001", "not a folder", file="maps", row=3)
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.message, again.location, str(again)) == (error.code, error.message, error.location,
                                                                        str(error))
    several = pickle.loads(pickle.dumps(CitydipErrors([error, CitydipError("X-E002", "second")])))
    assert str(several) == "[maps · row 3] not a folder (MAP-E001)\nsecond (X-E002)"


def test_tasks_run_side_by_side_in_a_script_without_django():
    """A plain script (no settings): the children have no connections to set aside, and do not fail
    over it in a loop (a pool whose initializer raises starts new children for ever)."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    script = ("import os; from citydip.core.parallel import run_forked; "
              "print(sorted({p != os.getpid() for p in run_forked([os.getpid] * 4, workers=2)}), "
              "run_forked([lambda: 6 * 7, lambda: 1], workers=2))")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["[True]", "[42,", "1]"]


def test_a_started_task_runs_in_a_child_while_this_process_goes_on(monkeypatch):
    from citydip.core.parallel import start_forked

    # as configured: in the full suite a thread another test left running would keep it in this process
    monkeypatch.setenv("CITYDIP_WORKERS", "2")
    started = start_forked(lambda: (os.getpid(), sum(range(1000))))
    busy = sum(range(10_000))  # this process goes on meanwhile
    pid, total = started.result()
    assert pid != os.getpid() and total == 499500 and busy == 49995000


def test_a_started_task_error_reaches_the_caller_as_itself():
    from citydip.core.parallel import start_forked

    def failing():
        raise CitydipError("GAZ-E001", "missing column", file="x.csv", line=1)

    with pytest.raises(CitydipError) as caught:
        start_forked(failing).result()
    assert caught.value.code == "GAZ-E001" and caught.value.location["file"] == "x.csv"


def test_with_one_worker_a_started_task_runs_here_when_its_result_is_asked(monkeypatch):
    from citydip.core.parallel import start_forked

    monkeypatch.setenv("CITYDIP_WORKERS", "1")
    ran = []
    started = start_forked(lambda: ran.append(os.getpid()) or "done")
    assert ran == []
    assert started.result() == "done" and ran == [os.getpid()]


def test_a_process_that_handles_sigterm_itself_still_ends_its_children():
    """A job worker stops gracefully on SIGTERM (its own handler). A pool's children inherited that handler,
    so the one that terminate() found waiting for the queue's lock outlived it and the worker waited for it
    for ever: a report built from the browser never finished. Before the fix this loop hung within about
    seven rounds."""
    import signal
    import subprocess
    import sys

    script = ("import signal; from citydip.core.parallel import run_forked, start_forked\n"
              "signal.signal(signal.SIGTERM, lambda *args: None)\n"
              "for _ in range(30):\n"
              "    assert run_forked([lambda: sum(range(10**5))] * 9, workers=2) == [sum(range(10**5))] * 9\n"
              "    assert start_forked(lambda: 4).result() == 4\n"
              "print('done')\n")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["CITYDIP_WORKERS"] = "2"
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the script and its stuck children
        child.communicate()
        raise AssertionError("run_forked or start_forked hung in a process that handles SIGTERM") from None
    assert child.returncode == 0 and out.split() == ["done"], err[-2000:]
