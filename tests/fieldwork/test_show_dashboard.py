"""The dashboard's figures agree with the database on a wave with mixed outcomes."""
import csv
import io

import pytest
from django.utils import timezone

from citydip.fieldwork.models import Invitation
from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def _answers():
    """Answers of a "never cooperated" respondent to the study's instrument: all of them (a sufficient
    partial when not submitted) and only the first one (a break-off), with their shares checked."""
    import random

    from citydip.survey.answered import answered_share
    from citydip.survey.demo_data import INSTRUMENT
    from citydip.survey.synthetic import AnswerGenerator
    from citydip.survey.xlsform import load_form

    form = load_form(INSTRUMENT)
    full = AnswerGenerator(form, random.Random(3)).generate({"coop_status": "never"})
    first = dict(list(full.items())[:1])
    share = lambda answers: answered_share(form, answers)[0] / answered_share(form, answers)[1]  # noqa: E731
    assert share(full) >= 0.5 > share(first) > 0
    return full, first


SUFFICIENT, BREAK_OFF = _answers()


@pytest.fixture
def mixed_wave(db):
    """12 cities: 3 complete, 1 partial, refused, opted out, bounced, wrong contact, opened, sent, not sent, none."""
    wave = make_wave()
    cities = make_cities(12)
    statuses = ["sent", "sent", "sent", "sent", "refused", "opted_out", "bounced", "wrong_contact", "sent", "sent",
                "not_sent"]
    for city, status in zip(cities, statuses):
        Invitation.objects.create(wave=wave, city=city, contact=city.contacts.first(), status=status,
                                  sent_at=None if status == "not_sent" else timezone.now())
    for city, state in zip(cities[:4], ["complete", "complete", "complete", "partial"]):
        Response.objects.create(wave=wave, city=city, state=state, started=timezone.now(),
                                answers=SUFFICIENT if state == "partial" else {},
                                submitted=timezone.now() if state == "complete" else None)
    tokens.issue(wave, cities[8], "de")
    AccessToken.objects.filter(response__city=cities[8]).update(last_used=timezone.now())
    return wave, cities


def test_the_overall_figures_and_aapor_rates_agree_with_the_database(mixed_wave, researcher, client_for):
    wave, cities = mixed_wave
    page = client_for(researcher).get("/fieldwork/")
    overall = page.context["overall"]
    complete = Response.objects.filter(wave=wave, state="complete").count()
    partial = Response.objects.filter(wave=wave, state="partial").count()
    assert (overall["total"], overall["complete"], overall["partial"]) == (12, complete, partial) == (12, 3, 1)
    assert overall["refused"] == Invitation.objects.filter(status__in=["refused", "opted_out"]).count() == 2
    assert overall["no_answer"] == 12 - 3 - 1 - 2
    # I=3, P=1, R=3 (refused, opted out, opened without answering), NC=1 (wrong contact), UO=4
    assert overall["RR1"] == pytest.approx(3 / 12) and overall["RR2"] == pytest.approx(4 / 12)
    assert overall["COOP1"] == pytest.approx(3 / 7) and overall["REF1"] == pytest.approx(3 / 12)
    assert overall["e"] == 1 and overall["RR3"] == overall["RR1"] and overall["RR4"] == overall["RR2"]
    codes = {code: n for code, _, _, n in page.context["dispositions"] if n}
    assert codes == {"1.1": 3, "1.2": 1, "2.111": 2, "2.1121": 1, "2.20": 1, "3.19": 1, "3.30": 1, "3.11": 2}
    html = page.content.decode()
    assert 'data-figure="complete">3 (25.0%)' in html and 'data-rate="RR2">0.333' in html
    assert 'data-rate="RR4">0.333' in html and 'data-rate="e">1.000' in html
    import re

    # the chart is server-side SVG: no script but the vendored ones of the base page
    assert "<svg" in html and all(src.startswith("/static/") for src in re.findall(r'<script src="([^"]+)"', html))
    assert "<script>" not in html


def test_the_tables_by_country_and_size_class_add_up(mixed_wave, researcher, client_for):
    page = client_for(researcher).get("/fieldwork/")
    by_country, by_size = page.context["by_country"], page.context["by_size"]
    assert len(by_country) == 6 and sum(r["total"] for r in by_country) == 12
    assert sum(r["complete"] for r in by_country) == sum(r["complete"] for r in by_size) == 3
    germany = next(r for r in by_country if r["label"] == "Germany")  # cities 0 and 6: complete, bounced
    assert (germany["complete"], germany["no_answer"], germany["RR1"]) == (1, 1, 0.5)


def test_the_non_respondents_csv_lists_every_city_that_has_not_completed(mixed_wave, fieldworker, client_for):
    response = client_for(fieldworker).get("/fieldwork/non-respondents/?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 9 and {r["status"] for r in rows} >= {"partial", "refused", "not_sent", "opened"}
    assert "Testville 0" not in {r["name"] for r in rows}
    assert rows[0]["email"].endswith("@example.org")


def test_refresh_writes_the_derived_statuses(mixed_wave):
    from citydip.fieldwork.statuses import refresh_statuses

    wave, cities = mixed_wave
    assert refresh_statuses(wave) == 5  # 3 complete, 1 partial, 1 opened
    assert Invitation.objects.get(city=cities[8]).status == "opened"
    assert refresh_statuses(wave) == 0


def _aapor_by_hand(I, P, R, NC, O, UH, UO, NE=0):  # noqa: E741, N803
    """The Standard Definitions (AAPOR 2023, pp. 61-63) written out: e by the proportional rule."""
    e = (I + P + R + NC + O) / (I + P + R + NC + O + NE)
    return {"RR1": I / (I + P + R + NC + O + UH + UO), "RR2": (I + P) / (I + P + R + NC + O + UH + UO),
            "RR3": I / (I + P + R + NC + O + e * (UH + UO)), "RR4": (I + P) / (I + P + R + NC + O + e * (UH + UO)),
            "COOP1": I / (I + P + R + O), "REF1": R / (I + P + R + NC + O + UH + UO), "e": e}


@pytest.mark.parametrize("groups", [dict(I=262, P=36, R=149, NC=8, O=0, UH=0, UO=247),
                                    dict(I=10, P=5, R=3, NC=2, O=1, UH=4, UO=20, NE=6),
                                    dict(I=1, P=0, R=0, NC=0, O=0, UH=0, UO=0)])
def test_the_rates_agree_with_the_published_formulas(groups):
    from citydip.fieldwork.rates import aapor_rates

    ours = aapor_rates(groups)
    for name, value in _aapor_by_hand(**{"NE": 0, **groups}).items():
        assert ours[name] == pytest.approx(value, abs=1e-12), name


def test_a_sufficient_partial_outranks_a_refusal_and_a_refusal_outranks_a_break_off(mixed_wave):
    from citydip.fieldwork.rates import city_outcomes

    wave, cities = mixed_wave
    Response.objects.create(wave=wave, city=cities[4], state="partial", answers=SUFFICIENT)  # refused, then answered
    Response.objects.create(wave=wave, city=cities[5], state="partial", answers=BREAK_OFF)  # opted out
    Response.objects.create(wave=wave, city=cities[9], state="partial", answers=BREAK_OFF)  # sent
    codes = {row["name"]: row["disposition"][0] for row in city_outcomes(wave)}
    assert (codes["Testville 4"], codes["Testville 5"], codes["Testville 9"]) == ("1.2", "2.111", "2.12")
    assert Invitation.objects.get(city=cities[4]).status == "refused"  # the fieldworker's record stays


def test_a_stored_outcome_is_not_overwritten_when_its_evidence_is_gone(mixed_wave):
    from citydip.fieldwork.statuses import refresh_statuses, unsupported_statuses

    wave, cities = mixed_wave
    refresh_statuses(wave)
    AccessToken.objects.filter(response__city=cities[8]).update(last_used=None)  # e.g. a reset test link
    assert refresh_statuses(wave) == 0
    assert Invitation.objects.get(city=cities[8]).status == "opened"
    assert [inv.city_id for inv in unsupported_statuses(wave)] == [cities[8].pk]
