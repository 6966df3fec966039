"""Small databases built in code for the analysis tests (cf. datasette's tests/fixtures.py).

``city(...)``, ``wave()``, ``respond(...)``, ``partnership(...)`` make one row each; ``synthetic_study(n)``
makes a deterministic study of ``n`` cities with answers, partnerships and covariates, big enough for
the models, the typology and the case selection; ``xlsform(survey, choices)`` is a small questionnaire's
bytes.
"""
import io
import random

from citydip.core.models import Country
from citydip.frame.models import City, size_class_for
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import AccessToken, Questionnaire, Response, Wave

COUNTRIES = ("DE", "FR", "IT", "PL", "ES", "NL")
AREAS = ("economy", "education", "culture", "environment", "tourism", "science")
GOALS = ("investment", "trade", "tourism", "exchange", "know_how")


def city(name, country="DE", population=120_000, capital=False, nuts3="", urau=""):
    return City.objects.create(name=name, country=Country.ensure(country), population=population,
                               size_class=size_class_for(population), is_capital=capital, nuts3=nuts3,
                               urau_code=urau or f"{country}{City.objects.count() + 1:03d}C")


def wave(name="wave 1"):
    form = Questionnaire.objects.create(form_id="eu_china_cities", filename="form.xlsx", content=b"",
                                        checksum=f"{Questionnaire.objects.count()}")
    return Wave.objects.create(name=name, questionnaire=form)


def respond(w, c, answers, state="complete", invited=True, synthetic=False):
    response = Response.objects.create(wave=w, city=c, state=state, answers=answers, synthetic=synthetic)
    if invited:
        AccessToken.objects.create(token_hash=f"{response.pk:064d}", response=response, kind="invitation")
    return response


def place(place_id, name, province=None, level="prefecture"):
    return Place.objects.create(place_id=place_id, name=name, level=level, province=province)


def partnership(c, p, kind="sister", year=2010, status="active", areas=("culture",)):
    tie = Partnership.objects.create(city=c, place=p, kind=kind, year_signed=year, status=status, areas=list(areas))
    Evidence.objects.create(partnership=tie, source="manual", kind=kind, year_signed=year, status=status)
    return tie


def current_answers(rng, strength):
    """Answers of a city cooperating now; ``strength`` (0–1) drives institutionalisation and importance."""
    inst = {name: "yes" if rng.random() < strength else "no" for name in
            ("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks")}
    importance = "crucial" if strength > 0.7 else ("important" if strength > 0.35 else "marginal")
    if rng.random() < 0.2:
        importance = rng.choice(["crucial", "important", "marginal"])
    partners = [{"partner_name": f"Partner {i}", "partner_kind": rng.choice(["sister", "friendship", "memorandum"]),
                 "partner_year": rng.randint(1985, 2022), "partner_status": "active" if rng.random() < 0.3 + strength / 2 else "dormant",
                 "partner_areas": sorted(rng.sample(AREAS, rng.randint(1, 3)))} for i in range(rng.randint(1, 3))]
    return {"coop_status": "current", "partners": partners, "initiator": "city", **inst, "importance": importance,
            "goals": sorted(rng.sample(GOALS, rng.randint(1, 3))), "benefits": sorted(rng.sample(["jobs", "image", "students"], 2)),
            "obstacles": sorted(rng.sample(["language", "politics", "costs", "distance"], 2)),
            "coord_national": rng.choice(["none", "occasional", "regular"]), "coord_region": "occasional",
            "coord_eu": rng.choice(["none", "occasional"]), "coord_embassy": rng.choice(["none", "regular"]),
            "bri": "no", "change_2020": "decreased", "followup_consent": "yes" if rng.random() < 0.7 else "no",
            "publish_city_name": "yes"}


def synthetic_study(n=80, seed=7):
    """``n`` frame cities in six countries; about 80% respond; larger cities cooperate more often."""
    rng = random.Random(seed)
    w = wave()
    provinces = [place(f"CN-{code}", name, level="province") for code, name in (("SC", "Sichuan"), ("JS", "Jiangsu"), ("GD", "Guangdong"))]
    places = [place(str(1000 + i), f"Shi {i}", provinces[i % 3]) for i in range(12)]
    cities = []
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)]
        population = int(50_000 * (1.06 ** rng.randint(0, 60)))
        c = city(f"City {i:03d}", country, population, capital=(i < len(COUNTRIES)), nuts3=f"{country}{i % 3}1{i % 2}")
        cities.append(c)
        if rng.random() < 0.2:
            continue
        strength = min(1.0, max(0.0, (population - 50_000) / 1_000_000 + rng.random() * 0.6))
        cooperating = rng.random() < 0.25 + strength * 0.6
        answers = current_answers(rng, strength) if cooperating else {"coop_status": rng.choice(["past", "never"]),
                                                                      "publish_city_name": "yes"}
        respond(w, c, answers, synthetic=True)
        if cooperating:
            for p in rng.sample(places, rng.randint(1, 2)):
                partnership(c, p, kind=rng.choice(["sister", "friendship", "memorandum"]), year=rng.randint(1985, 2022),
                            status=rng.choice(["active", "dormant"]), areas=rng.sample(AREAS, 2))
    return w, cities


def xlsform(survey_rows, choice_rows):
    """The bytes of an XLSForm workbook: the rows of its survey and choices sheets, headers first."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "survey"
    for row in survey_rows:
        book.active.append(row)
    choices = book.create_sheet("choices")
    for row in choice_rows:
        choices.append(row)
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()
