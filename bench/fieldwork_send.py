"""Time to render and send N invitations (default 900) to a local aiosmtpd server (own process).

    PYTHONPATH=src python bench/fieldwork_send.py [--cities 900] [--database-url sqlite:////tmp/bench.sqlite3]

Builds a scratch database with synthetic cities and contacts, starts aiosmtpd on 127.0.0.1, runs
`citydip fieldwork invite --rate 0` and prints messages per second; then runs it again (nothing to
send) and prints how long the idempotent re-run takes.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=900)
    parser.add_argument("--database-url", default=None, help="scratch database (default: a temporary SQLite file)")
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive functions")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="citydip-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    import subprocess

    from django.conf import settings
    from django.core.management import call_command

    from citydip.fieldwork.models import MessageLog
    from tests.fieldwork.conftest import free_port, make_cities, make_wave

    call_command("init", quiet=True)
    make_wave("bench wave")
    make_cities(args.cities)
    port = free_port()
    # The SMTP server runs in its own process, as a real one would (not competing for this one's GIL).
    server = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                               "-c", "aiosmtpd.handlers.Sink"])
    time.sleep(1.5)
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    started, cpu = time.perf_counter(), time.process_time()
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(call_command, "fieldwork", "invite", "--rate", "0", "--quiet")
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
    else:
        call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    again = time.perf_counter()
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    rerun = time.perf_counter() - again
    server.terminate()
    received = MessageLog.objects.filter(result="sent").count()
    print(f"database {django.db.connection.vendor}; cities {args.cities}; messages accepted by the server {received}")
    print(f"render+send: {elapsed:.1f} s, {received / elapsed:.1f} messages/s, {1000 * elapsed / received:.1f} ms/message")
    print(f"CPU time of the sending process: {cpu:.1f} s, {1000 * cpu / received:.1f} ms/message "
          f"(wall time depends on the machine's load: {os.getloadavg()[0]:.1f})")
    print(f"re-run with nothing to send: {rerun:.2f} s")


if __name__ == "__main__":
    main()
