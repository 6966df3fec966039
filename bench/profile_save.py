"""Profile of the survey's hot path: one page view and one API save, in-process under cProfile.

    python bench/profile_save.py [--saves N] [--top K] [--sort cumulative|tottime]

Builds a scratch SQLite database (as bench/survey_load.py does), then opens the web form, saves a
page of the web form (``POST /survey/r/{token}/``, "Save and continue") and saves answers through
``POST /api/v1/responses/{token}`` with Django's test client, N times each, under cProfile, and
prints the K most expensive functions, the mean time per request and the Python function calls per
request. No server, no network: this is where a request's CPU time goes, which bounds the throughput
of each gunicorn worker. The SQL statements and function calls per request are deterministic, so
they compare two versions of the code even on a busy machine; the times do not.
"""
import argparse
import cProfile
import gc
import io
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import survey_load  # noqa: E402  (the scratch database and the study are built the same way)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args(argv)
    url, cleanup = survey_load.scratch_database("sqlite")
    try:
        survey_load.setup_django(url)
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        respondents = survey_load.build_study(60, 6)
        client = Client()
        calls = [(token, chunk) for token, chunks in respondents for chunk in chunks][: args.saves]
        for token, _ in respondents[:5]:  # warm caches (form loading) as a running server would have
            client.get(f"/survey/r/{token}/")
        from citydip.core.memory import settle

        settle(collect=True)  # as wsgi.py does in a worker: what is loaded now is never walked by the collector
        pages = web_pages(respondents)
        for label, run in (("page view", lambda t, c: client.get(f"/survey/r/{t}/")),
                           ("API save", lambda t, c: client.post(f"/api/v1/responses/{t}", json.dumps({"answers": c}),
                                                                 content_type="application/json")),
                           # after the API saves, so that the page's earlier answers are stored
                           ("web form page save", lambda t, c: client.post(f"/survey/r/{t}/", pages[t]))):
            with CaptureQueriesContext(connection) as queries:
                run(*calls[-1])
            print(f"== {label}: {len(queries.captured_queries)} SQL statements in one request")
            for query in queries.captured_queries:
                print("   ", query["sql"][:150])
            profile = cProfile.Profile()
            collections = [g["collections"] for g in gc.get_stats()]
            start = time.perf_counter()
            profile.enable()
            for token, chunk in calls:
                status = run(token, chunk).status_code
                assert status in (200, 302), status
            profile.disable()
            seconds = time.perf_counter() - start
            collections = [g["collections"] - before for g, before in zip(gc.get_stats(), collections)]
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
            stats = pstats.Stats(profile)
            print(f"== {label}: {len(calls)} requests, {1000 * seconds / len(calls):.2f} ms each (under cProfile), "
                  f"{stats.total_calls / len(calls):.0f} function calls each; garbage collections by generation "
                  f"{collections}, {len(gc.get_objects())} objects a full collection walks")
            print(out.getvalue())
    finally:
        cleanup()


def web_pages(respondents):
    """{token: POST data}: the page of the web form (outside repeats) where each respondent answers the
    most questions, with those answers, as the browser posts them."""
    from citydip.survey.review import load_wave_form
    from citydip.survey.tokens import resolve

    posts = {}
    for token, chunks in respondents:
        form = load_wave_form(resolve(token).response.wave)
        answers = {k: v for chunk in chunks for k, v in chunk.items()}

        def posted(page, answers=answers):
            data = {}
            for question in page.questions():
                value = answers.get(question.name)
                if not question.repeats and value not in (None, "", []) and not isinstance(value, dict):
                    data[question.name] = [str(v) for v in value] if isinstance(value, list) else str(value)
            return data
        page = max(form.pages(), key=lambda p: len(posted(p)))
        posts[token] = {"page": page.page_id, "action": "next", "lang": "en", **posted(page)}
    return posts


if __name__ == "__main__":
    main()
