"""Server warm-up (core/warmup.py): the place matcher's index, built once before the first request."""


def warm_up():
    from citydip.gazetteer.index import get_index

    get_index()
