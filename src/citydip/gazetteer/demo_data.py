"""Demo step: build the gazetteer, enriched by the open data's cn_gazetteer.csv when it is there."""
from citydip.gazetteer.build import build_gazetteer


def build_demo(ctx):
    path = ctx.data_file("twinning", "cn_gazetteer.csv")
    build = build_gazetteer(path)
    c = build.counts
    ctx.log(f"gazetteer: {c['places']} places, {c['names']} names"
            + (f" (enriched from {path.name})" if path else " (from the installed packages only)"))
