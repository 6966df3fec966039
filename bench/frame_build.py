"""Time and peak memory of a full frame build from both sources.

    python bench/frame_build.py [URAU.csv] [--database-url URL]

URAU.csv defaults to ../shared/data/frame/eu_cities_urau.csv next to the repository; when it is not
there the Urban Audit source is skipped with a message. The builds run in a temporary SQLite database
unless --database-url is given (its frame tables are emptied first: never point it at real data).
For each source it prints the time of a build into an empty frame, of a second build (nothing
changes), and the peak Python memory of the first build (tracemalloc, in a separate run because
tracing slows the code down), plus the process's peak resident memory at the end. With both sources
it ends with the per-country counts of the two frames as a Markdown table (as in docs/frame.md).
"""
import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_URAU = REPO.parent / "shared" / "data" / "frame" / "eu_cities_urau.csv"


def setup_django(database_url):
    sys.path.insert(0, str(REPO / "src"))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("init", quiet=True)


def one_build(source, path):
    from citydip.core.countries import EU27
    from citydip.frame.build import build_frame
    from citydip.frame.importers import importer_for

    data = importer_for(source)(path, countries=EU27, min_population=50000)
    return build_frame(data, min_population=50000, countries=EU27, quiet=True)


def empty_frame():
    from citydip.frame.models import City, FrameVersion

    FrameVersion.objects.all().delete()
    City.objects.all().delete()


def measure(source, path):
    empty_frame()
    start = time.perf_counter()
    report = one_build(source, path)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = one_build(source, path)
    second = time.perf_counter() - start
    empty_frame()
    tracemalloc.start()
    one_build(source, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    counts = report.counts
    print(f"{source:<9} {counts['read']:>5} read {counts['in_frame']:>5} in frame "
          f"{len(counts['by_country']):>3} countries | build {first:6.2f} s | second build {second:6.2f} s "
          f"({'unchanged' if not again.changed else 'CHANGED'}) | peak {peak / 2**20:6.1f} MiB (tracemalloc)")
    return counts["by_country"]


def print_comparison(urau, geonames):
    print("\n| country | Urban Audit | GeoNames fallback | difference |\n|---|---:|---:|---:|")
    for code in sorted(set(urau) | set(geonames)):
        a, b = urau.get(code, 0), geonames.get(code, 0)
        print(f"| {code} | {a} | {b} | {b - a:+d} |")
    a, b = sum(urau.values()), sum(geonames.values())
    print(f"| **EU-27** | **{a}** | **{b}** | **{b - a:+d}** |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urau", nargs="?", default=str(DEFAULT_URAU), help="the Urban Audit CSV")
    parser.add_argument("--database-url", help="database to use (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        urau = None
        if Path(args.urau).is_file():
            urau = measure("urau", args.urau)
        else:
            print(f"urau      skipped: {args.urau} not found (pass the Urban Audit CSV as the first argument)")
        geonames = measure("geonames", None)
        empty_frame()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident memory {rss:.0f} MiB")
    if urau:
        print_comparison(urau, geonames)


if __name__ == "__main__":
    main()
