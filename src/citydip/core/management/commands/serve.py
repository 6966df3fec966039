"""`citydip serve`: the web application (gunicorn, several workers) and one job worker beside it.

Both run as child processes; Ctrl-C or SIGTERM stops both, and if one of them ends the other is
stopped too, so a server never runs without its worker unnoticed. Production may run the web server
with ``--no-worker`` and workers apart (`citydip worker`, docs/production.md).
"""
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
        arg("--workers", type=int, default=settings.WEB_CONCURRENCY, help="gunicorn worker processes (default: WEB_CONCURRENCY or 3)"),
        arg("--threads", type=int, default=4),
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
        children = [subprocess.Popen(web, env=os.environ.copy(), start_new_session=True)]
        if not no_worker:
            children.append(subprocess.Popen([sys.executable, "-m", "citydip", "worker"], env=os.environ.copy(),
                                             start_new_session=True))
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
