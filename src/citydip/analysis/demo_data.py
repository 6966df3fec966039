"""Demo step: a clearly labelled SYNTHETIC covariate set and a case selection.

The analysis itself is not run here (it takes a minute and writes files): run
``citydip analyze --output out/analysis`` after the demo.

The covariates are made up (source "synthetic (citydip demo): not real data", ``synthetic = True``):
each city's values come from a random generator seeded by its city_id, so they do not depend on the
order of other demo steps. They are imported through the same checks as `citydip covariates import`.
"""
import csv
import random
import tempfile
import zlib
from pathlib import Path

SOURCE = "synthetic (citydip demo): not real data"


def synthetic_rows(cities):
    """(level, id, variable, value, year, source) rows: five city-level variables and one country-level."""
    rows = []
    for city in cities:
        rng = random.Random(zlib.crc32(city.city_id.encode()))
        size = max(city.population or 50_000, 50_000)
        rows += [
            ("city", city.city_id, "gdp_per_head", round(rng.lognormvariate(10.3, 0.35) * (size / 100_000) ** 0.08), 2021),
            ("city", city.city_id, "population_growth", round(rng.gauss(0.2, 0.7), 2), 2021),
            ("city", city.city_id, "unemployment_rate", round(rng.uniform(3, 16), 1), 2022),
            ("city", city.city_id, "students_per_1000", round(rng.uniform(5, 120) * (size / 100_000) ** 0.2, 1), 2021),
            ("city", city.city_id, "airport", int(rng.random() < min(0.9, size / 1_000_000)), 2023),
        ]
    for iso2 in sorted({city.country_id for city in cities}):
        rng = random.Random(zlib.crc32(iso2.encode()))
        rows.append(("country", iso2, "gdp_per_head", round(rng.uniform(15_000, 60_000), -2), 2022))
    return [(*row, SOURCE) for row in rows]


def build_demo(ctx):
    from django.core.management import call_command

    from citydip.analysis.covariates import COLUMNS, import_file
    from citydip.analysis.models import CaseStudy
    from citydip.frame.models import City

    cities = list(City.objects.filter(in_frame=True).select_related("country").order_by("pk"))
    if not cities:
        ctx.log("analysis: no frame cities, no covariates")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic_covariates.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(synthetic_rows(cities))
        created, _ = import_file(path, synthetic=True)
    ctx.log(f"analysis: {created} synthetic covariate values (labelled synthetic)")
    try:
        call_command("cases", "select", "-n", "10", "--seed", "1", stdout=_Quiet())
        ctx.log(f"analysis: {CaseStudy.objects.count()} case studies proposed")
    except Exception as error:  # noqa: BLE001 - the demo goes on without cases when the survey has too few answers
        ctx.log(f"analysis: no case selection ({error})")
    ctx.log("analysis: run `citydip analyze --output out/analysis` for the tables and figures")


class _Quiet:
    def write(self, text):
        return len(text)

    def flush(self):
        pass
