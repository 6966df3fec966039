import os
import sys

from django.conf import settings

from citydip.core.command import CitydipCommand, arg


class Command(CitydipCommand):
    help = "Serve the web app with gunicorn (several workers), as in production."

    arguments = (
        arg("--host", default="127.0.0.1"),
        arg("--port", type=int, default=8000),
        arg("--workers", type=int, default=settings.WEB_CONCURRENCY, help="gunicorn worker processes (default: WEB_CONCURRENCY or 3)"),
        arg("--threads", type=int, default=4),
    )

    def handle(self, *args, host, port, workers, threads, **options):
        self.stdout.write(f"citydip is serving on http://{host}:{port}/  (Ctrl-C stops it)")
        self.stdout.flush()
        argv = [
            sys.executable, "-m", "gunicorn", "citydip.wsgi:application",
            "--bind", f"{host}:{port}", "--workers", str(workers), "--threads", str(threads),
            "--graceful-timeout", "20", "--access-logfile", "-" if settings.DEBUG else "/dev/null",
        ]
        os.execvpe(argv[0], argv, os.environ.copy())
