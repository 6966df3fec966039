"""`citydip serve`: the web application (gunicorn, several workers) and one job worker beside it.

Both run as child processes; Ctrl-C or SIGTERM stops both, and if one of them ends the other is
stopped too, so a server never runs without its worker unnoticed. Production may run the web server
with ``--no-worker`` and workers apart (`citydip worker`, docs/production.md).
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

from django.conf import settings

from citydip.core.command import CitydipCommand, arg


class Command(CitydipCommand):
    help = "Serve the web app with gunicorn (several workers), as in production, and one job worker."

    arguments = (
        arg("--host", default="127.0.0.1"),
        arg("--port", type=int, default=8000),
        arg("--workers", type=int, default=settings.WEB_CONCURRENCY,
            help="gunicorn worker processes (default: WEB_CONCURRENCY, else one per core)"),
        arg("--threads", type=int, default=settings.WEB_THREADS,
            help="threads per worker process (default: WEB_THREADS, else 1)"),
        arg("--no-worker", action="store_true", help="do not start a job worker (run `citydip worker` apart)"),
    )

    def handle(self, *args, host, port, workers, threads, no_worker, **options):
        web = [
            sys.executable, "-m", "gunicorn", "citydip.wsgi:application",
            "--bind", f"{host}:{port}", "--workers", str(workers), "--threads", str(threads),
            "--graceful-timeout", "20", "--access-logfile", "-" if settings.DEBUG else "/dev/null",
        ]
        # Own sessions: Ctrl-C reaches this process only, which stops each child once (the worker then
        # finishes its job if it can within the grace period, else the job is marked interrupted).
        children = [start_child(web)]
        if not no_worker:
            children.append(start_child([sys.executable, "-m", "citydip", "worker"]))
        self.stdout.write(f"citydip is serving on http://{host}:{port}/"
                          + ("" if no_worker else " with a job worker") + "  (Ctrl-C stops it)")
        self.stdout.flush()
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
        ended = [child.returncode for child in children if child.returncode not in (0, -signal.SIGTERM, None)]
        if ended and not stopping:
            sys.exit(1)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent():
    """In the child, before exec: be sent SIGKILL when `citydip serve` dies, even by SIGKILL (Linux).

    The children run in sessions of their own (so Ctrl-C reaches only this process, which stops each
    child once); without this, killing `citydip serve` outright would leave the web server and the
    worker running, orphaned, on the port."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the children outlive a killed parent
        pass


def start_child(argv):
    return subprocess.Popen(argv, env=os.environ.copy(), start_new_session=True, preexec_fn=die_with_parent)
