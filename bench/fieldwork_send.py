"""Time to render and send N invitations (default 900) to a local aiosmtpd server.

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
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.core.management import call_command

    from tests.fieldwork.conftest import Collector, free_port, make_cities, make_wave

    call_command("init", quiet=True)
    make_wave("bench wave")
    make_cities(args.cities)
    collector, port = Collector(), free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    started = time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(call_command, "fieldwork", "invite", "--rate", "0", "--quiet")
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
    else:
        call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    elapsed = time.perf_counter() - started
    again = time.perf_counter()
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    rerun = time.perf_counter() - again
    controller.stop()
    received = len(collector.messages)
    print(f"database {django.db.connection.vendor}; cities {args.cities}; messages received {received}")
    print(f"render+send: {elapsed:.1f} s, {received / elapsed:.1f} messages/s, {1000 * elapsed / received:.1f} ms/message")
    print(f"re-run with nothing to send: {rerun:.2f} s")


if __name__ == "__main__":
    main()
