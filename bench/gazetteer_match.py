"""Print how many names a second ``match_name`` handles on one core, and its accuracy on the labelled set.

Usage: ``DATABASE_URL=... PYTHONPATH=src python bench/gazetteer_match.py [--rounds 20]`` on a database
where ``citydip gazetteer build`` has run. Each round clears the result cache, so every name is matched
from scratch (the index itself is built once, as in a running server; its build time is printed too).
"""
import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "fixtures" / "gazetteer" / "labelled_names.csv"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pairs", help="also compare with the GeoNames ids of an eu_china_pairs.csv-shaped file")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from citydip.gazetteer.accuracy import evaluate
    from citydip.gazetteer.index import get_index
    from citydip.gazetteer.match import clear_cache, match_name

    started = time.perf_counter()
    get_index()
    print(f"index built in {time.perf_counter() - started:.2f} s")
    with open(LABELLED, encoding="utf-8") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        clear_cache()
        for name in names:
            match_name(name)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    report = evaluate(LABELLED)
    print(f"labelled set: {report['correct']}/{report['total']} correct ({report['accuracy']:.1%}), "
          f"PRC place for a non-PRC name: {report['prc_for_foreign']}")
    if args.pairs:
        compare_with_pairs(args.pairs, match_name)
    count = len(names) * args.rounds
    print(f"{count / elapsed:,.0f} names/s wall clock, {count / cpu:,.0f} names/s of CPU time on one core "
          f"(uncached, {len(names)} names x {args.rounds} rounds)")


def compare_with_pairs(path, match_name):
    """Agreement with the GeoNames ids another build chose for the Chinese partners (distinct name+province)."""
    from collections import Counter

    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["is_prc_mainland"] == "1" and r["cn_geonameid"]]
    distinct = {(r["cn_city"], r["cn_province"]): r["cn_geonameid"] for r in rows}
    for label, with_province in (("with province", True), ("bare name", False)):
        counts = Counter()
        for (name, province), expected in distinct.items():
            result = match_name(name, province=province if with_province else None)
            counts[("same" if result.place_id == expected else "other", result.status)] += 1
        same = sum(n for (agree, _), n in counts.items() if agree == "same")
        print(f"{path} ({label}): {same}/{len(distinct)} same place as cn_geonameid; {dict(counts)}")


if __name__ == "__main__":
    main()
