"""Demo step: build the gazetteer, enriched by the open data's cn_gazetteer.csv when it is there."""
from citydip.gazetteer.build import build_gazetteer
from citydip.gazetteer.demo_prefetch import SOURCES, cn_gazetteer, read


def build_demo(ctx):
    path = cn_gazetteer(ctx)
    build = build_gazetteer(path, read=ctx.prefetched(SOURCES, read(path)))
    c = build.counts
    ctx.log(f"gazetteer: {c['places']} places, {c['names']} names"
            + (f" (enriched from {path.name})" if path else " (from the installed packages only)"))
