"""Keep Python's garbage collector off the long-lived objects of a server process.

A worker holds a few hundred thousand objects that live as long as it does: Django's code and
templates, and each questionnaire's form model (its nodes, choices and parsed expressions). Python's
cyclic collector walks every one of them at each full (oldest-generation) collection, which a busy
worker meets every few hundred requests: a pause of tens to hundreds of milliseconds for whichever
respondent is waiting then (the single-respondent p99 of issue 19). :func:`settle` moves the objects
alive now into the collector's permanent generation (``gc.freeze``), which no collection walks;
what is created later is collected as before. It is called when a worker has loaded the application
(wsgi.py) and after a questionnaire's form is parsed (survey/review.py).

Objects frozen are never freed; both callers freeze objects kept for the life of the process anyway
(a form stays in its cache), plus any garbage not yet collected at that moment, which is small
and bounded (one freeze per loaded questionnaire).
"""
import gc


def settle(collect=False):
    """Freeze what is alive now; with ``collect`` first free the garbage (a slower, one-off call)."""
    if collect:
        gc.collect()
    gc.freeze()
