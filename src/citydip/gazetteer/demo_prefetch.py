"""The demo reads the gazetteer's sources (GeoNames, the partner country's tables, cn_gazetteer.csv) in a
second process while it starts (demo/steps.py); its gazetteer step writes them."""

SOURCES = "gazetteer sources"


def cn_gazetteer(ctx):
    return ctx.data_file("twinning", "cn_gazetteer.csv")


def read(path):
    def task():
        from citydip.gazetteer.build import read_sources

        return read_sources(path)
    return task


def prefetch_demo(ctx):
    ctx.prefetch(SOURCES, read(cn_gazetteer(ctx)))
