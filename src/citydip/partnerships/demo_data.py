"""Demo step: import the open partnership data (or the small fallback sample shipped here)."""
from pathlib import Path

from citydip.partnerships.importer import import_pairs

FALLBACK = Path(__file__).parent / "data" / "fallback_pairs.csv"


def build_demo(ctx):
    path = ctx.data_file("twinning", "eu_china_pairs.csv")
    source = "eu_china_pairs"
    if path is None:
        path, source = FALLBACK, "citydip fallback sample"
        ctx.log("partnerships: open data not found, importing the fallback sample of well-known pairs")
    run = import_pairs(path, source)
    c = run.counts
    ctx.log(f"partnerships: {c['rows']} rows from {path.name}: matched {c['matched']}, review {c['review']}, "
            f"rejected {c['rejected']}, not a city partnership {c['not_city']}, not PRC mainland {c['not_prc']}")
