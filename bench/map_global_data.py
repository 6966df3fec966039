"""Load the global twinning list (all_pairs.csv, ~26,000 listings) into a scratch citydip database.

For the map's scale bench only: the host city of each listing becomes a frame City, its partner a
gazetteer Place (of the partner's country), each pair a Partnership with one `import` Evidence row.
So the map endpoints serve tens of thousands of ties through exactly the code the study uses.

    DATABASE_URL=sqlite:////tmp/map_bench.sqlite3 PYTHONPATH=src python bench/map_global_data.py \\
        /work/shared/data/twinning/all_pairs.csv
"""
import csv
import os
import sys
import time
from pathlib import Path

SIZE_CLASSES = ("50k–100k", "100k–250k", "250k–500k", "500k–1M", ">1M")
KINDS = ("sister", "friendship", "memorandum", "agreement", "informal", "unknown")


def read_pairs(path):
    """Rows with both ends geocoded and an ISO code on each side, de-duplicated by (host, partner)."""
    pairs = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not (row["iso2_1"] and row["iso2_2"] and row["lat1"] and row["lng1"] and row["lat2"] and row["lng2"]):
                continue
            host = (row["city1"].strip(), row["iso2_1"], float(row["lat1"]), float(row["lng1"]))
            partner = (row["city2"].strip(), row["iso2_2"], float(row["lat2"]), float(row["lng2"]))
            pairs.setdefault((host[:2], partner[:2]), (host, partner, row["source_ref"]))
    return list(pairs.values())


def load(path):
    """Create countries, cities, places, partnerships and evidence in bulk; returns the counts."""
    from django.db import transaction

    from citydip.core.models import Country
    from citydip.frame.models import City
    from citydip.gazetteer.models import Place
    from citydip.partnerships.models import Evidence, Partnership

    pairs = read_pairs(path)
    with transaction.atomic():
        for iso2 in {p[0][1] for p in pairs} | {p[1][1] for p in pairs}:
            Country.ensure(iso2)
        hosts = {p[0][:2]: p[0] for p in pairs}
        partners = {p[1][:2]: p[1] for p in pairs}
        City.objects.bulk_create(
            [City(name=n, country_id=iso, lat=lat, lon=lon, population=50_000 + (i * 7919) % 900_000,
                  size_class=SIZE_CLASSES[i % 5]) for i, (n, iso, lat, lon) in enumerate(hosts.values())],
            batch_size=2000)
        Place.objects.bulk_create([Place(place_id=f"B{i}", name=n, country_code=iso[:2], lat=lat, lon=lon)
                                   for i, (n, iso, lat, lon) in enumerate(partners.values())], batch_size=2000)
        city_pk = {(c.name, c.country_id): c.pk for c in City.objects.all()}
        place_pk = {(p.name, p.country_code): p.pk for p in Place.objects.all()}
        Partnership.objects.bulk_create(
            [Partnership(city_id=city_pk[h[:2]], place_id=place_pk[p[:2]], kind=KINDS[i % 6],
                         year_signed=(1950 + i % 72) if i % 3 else None, areas=["culture"])
             for i, (h, p, _) in enumerate(pairs)], batch_size=2000, ignore_conflicts=True)
        partnership_pk = {(c, p): pk for pk, c, p in Partnership.objects.values_list("pk", "city_id", "place_id")}
        Evidence.objects.bulk_create(
            [Evidence(partnership_id=partnership_pk[(city_pk[h[:2]], place_pk[p[:2]])], source="import",
                      source_name="all_pairs", reference=ref) for h, p, ref in pairs], batch_size=2000)
    return {"cities": len(hosts), "places": len(partners), "partnerships": len(partnership_pk)}


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from citydip.partnerships.models import Partnership

    if Partnership.objects.exists():
        print("the database already holds partnerships: use an empty scratch database")
        return 1
    started = time.perf_counter()
    counts = load(Path(argv[0]))
    print(f"loaded {counts['cities']} cities, {counts['places']} places, {counts['partnerships']} partnerships "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
