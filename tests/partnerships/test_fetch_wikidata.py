"""fetch-wikidata against a recorded SPARQL answer served on 127.0.0.1 (the tests never leave the machine)."""
import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.core.management import CommandError, call_command

from citydip.partnerships.importer import import_pairs
from citydip.partnerships.models import Partnership
from citydip.partnerships.sources.wikidata import build_query

ANSWER = Path("tests/fixtures/partnerships/wikidata/p190_answer.json").read_bytes()


class Recorded(BaseHTTPRequestHandler):
    queries = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        Recorded.queries.append(parse_qs(body)["query"][0])
        status, payload = (500, b"boom") if "fail" in self.path else (200, ANSWER)
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def sparql():
    server = HTTPServer(("127.0.0.1", 0), Recorded)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql"
    server.shutdown()
    server.server_close()


def test_it_writes_the_pairs_csv_shape_from_the_sparql_answer(gazetteer, frame, sparql, tmp_path, capsys):
    output = tmp_path / "wikidata.csv"
    call_command("partnerships", "fetch-wikidata", "--output", str(output), "--endpoint", sparql)
    with open(output, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 and "2 pairs" in capsys.readouterr().out
    hamburg = rows[1]
    assert (hamburg["eu_city"], hamburg["eu_wikidata"], hamburg["cn_geonameid"], hamburg["start_year"]) == (
        "Hamburg", "Q1055", "1796236", "1986")
    assert (hamburg["eu_lat"], hamburg["eu_lon"], hamburg["is_prc_mainland"]) == ("53.55100", "9.99300", "1")
    assert rows[0]["end_year"] == "2020"
    assert '"AT"' in Recorded.queries[-1] and "P190" in Recorded.queries[-1]


def test_its_output_imports_as_wikidata_evidence(gazetteer, frame, sparql, tmp_path):
    output = tmp_path / "wikidata.csv"
    call_command("partnerships", "fetch-wikidata", "--output", str(output), "--endpoint", sparql)
    run = import_pairs(output, "wikidata")
    assert run.counts["matched"] == 2
    chongqing = Partnership.objects.get(city=frame["Düsseldorf"], place__place_id="1814906")
    evidence = chongqing.evidence.get()
    assert (evidence.source, evidence.year_signed, evidence.status) == ("wikidata", 2004, "ended")


def test_it_says_clearly_when_the_service_cannot_be_reached(db, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("partnerships", "fetch-wikidata", "--output", str(tmp_path / "x.csv"),
                     "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "2")
    assert "PART-E011" in str(error.value) and "cannot reach" in str(error.value)
    assert not (tmp_path / "x.csv").exists()


def test_it_reports_an_error_answer(db, sparql, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("partnerships", "fetch-wikidata", "--output", str(tmp_path / "x.csv"), "--endpoint", sparql + "/fail")
    assert "PART-E010" in str(error.value) and "HTTP 500" in str(error.value)


def test_the_query_names_the_countries_asked_for():
    query = build_query({"PL", "DE"})
    assert 'VALUES ?iso { "DE" "PL" }' in query and '?partner wdt:P297 "CN"' in query  # the partner country
    assert json.loads(ANSWER)["results"]["bindings"]
