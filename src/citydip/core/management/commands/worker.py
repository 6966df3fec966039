from citydip.core.command import CitydipCommand, arg
from citydip.core.jobs.worker import run_worker


class Command(CitydipCommand):
    help = "Run background jobs (invitations, exports, analysis, reports...) queued from the web or scripts."

    arguments = (
        arg("--once", action="store_true", help="run the jobs queued now, then exit"),
        arg("--interval", type=float, default=1.0, help="seconds between looks at the queue when it is empty"),
    )

    def handle(self, *args, once, interval, **options):
        if not once:
            self.stdout.write("citydip worker: running queued jobs (Ctrl-C stops it)")
            self.stdout.flush()
        run_worker(once=once, interval=interval)
