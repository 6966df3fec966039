"""The respondent's requests run a fixed, small number of SQL statements (issue 19): a field left out of
the token's one query (tokens.resolve loads only what the respondent's pages and the API read) would
show here as an extra query."""
import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.survey.web_fixtures import city, link, mini_wave  # noqa: F401


def statements(request):
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code == 200, response.content[:300]
    return len(queries.captured_queries)


def test_page_views_saves_and_the_api_each_take_their_few_queries(link):
    client = Client()
    api = f"/api/v1/responses/{link}"
    saved = lambda body: client.post(api, json.dumps(body), content_type="application/json")  # noqa: E731
    # the first view of a form in a process loads it (and marks the link opened): not counted, as other
    # tests in the same process may have loaded the form already
    client.get(f"/survey/r/{link}/")
    counts = {
        "page view": statements(lambda: client.get(f"/survey/r/{link}/")),
        "API read": statements(lambda: client.get(api)),
        "API save": statements(lambda: saved({"answers": {"coop_status": "never"}})),
        "API save again": statements(lambda: saved({"answers": {"coop_status": "never"}})),
        "page view again": statements(lambda: client.get(f"/survey/r/{link}/")),
        "API submit": statements(lambda: saved({"answers": {"past_contacts": "yes", "publish_city_name": "no"},
                                                "submit": True})),
        "page view submitted": statements(lambda: client.get(f"/survey/r/{link}/")),
    }
    assert counts == {"page view": 1, "API read": 1, "API save": 5, "API save again": 5, "page view again": 1,
                      "API submit": 9, "page view submitted": 1}
