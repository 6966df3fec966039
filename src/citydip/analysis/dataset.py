"""Database → tidy pandas frames, the only place where the analysis reads the database.

* ``cities``: one row per frame city (``in_frame``), with its frame facts, its fieldwork state in the
  current wave (invited, state, usable response), answer variables coded for analysis, and the
  covariates imported with ``citydip covariates import`` (latest year per variable);
* ``partners``: one row per partner named in the survey's ``partners`` repeat;
* ``register``: one row per Partnership of the register (all sources), with the partner place's
  province, for the network and the tables by kind, status and year.

Rows are sorted by ``city_id`` (and partner keys), so the same database gives the same frames and the
same checksum (see provenance.py).
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from citydip.frame.models import City, size_class_for, size_class_labels

INST_ITEMS = ("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks")
COORD_ITEMS = ("coord_national", "coord_region", "coord_eu", "coord_embassy")
COORD_LEVELS = {"none": 0, "occasional": 1, "regular": 2}
IMPORTANCE_LEVELS = ("marginal", "important", "crucial")  # instrument edition 1: `importance`
# instrument edition 2: `coop_importance`, balanced; "dont_know" is missing
COOP_IMPORTANCE_LEVELS = ("not_at_all", "not_very", "neither", "fairly", "very")
LIST_ITEMS = ("goals", "benefits", "obstacles")
TEXT_ITEMS = ("coop_status", "initiator", "importance", "coop_importance", "bri", "change_2020", "followup_consent", "publish_city_name")


@dataclass
class Dataset:
    cities: pd.DataFrame
    partners: pd.DataFrame
    register: pd.DataFrame
    wave: str = ""
    size_classes: list = field(default_factory=list)
    covariates: dict = field(default_factory=dict)  # column -> {"level", "variable", "sources", "years", "synthetic"}
    labels: dict = field(default_factory=dict)  # question -> {choice name: English label} (labels.py)
    questions: dict = field(default_factory=dict)  # question -> its English wording (labels.py), for captions
    answers: dict = field(default_factory=dict)  # city_id -> the response's answers as stored (items.py)

    @property
    def respondents(self):
        return self.cities[self.cities["respondent"]]


def size_class_order():
    from django.conf import settings

    return [f"<{settings.CITYDIP_SIZE_CLASSES[0] // 1000}k", *size_class_labels()]


def load():
    """Read the database into a :class:`Dataset`."""
    from citydip.survey.models import Wave

    wave = Wave.current()
    cities = _frame_cities()
    responses = _responses(wave)
    cities = cities.merge(responses.drop(columns="invited"), on="city_pk", how="left")
    cities["invited"] = cities["city_pk"].isin(_invited(wave))
    cities["state"] = cities["state"].fillna("")
    cities["respondent"] = cities["coop_status"].notna() & cities["state"].isin(["partial", "complete"])
    for column in ("synthetic", "confidential"):
        cities[column] = cities[column].fillna(False).astype(bool)
    cities, covariates = _with_covariates(cities)
    cities = cities.sort_values("city_id", kind="stable").reset_index(drop=True)
    from citydip.analysis.labels import choice_labels, question_labels

    return Dataset(cities=cities, partners=_partners(wave, cities), register=_register(),
                   wave=str(wave) if wave else "", size_classes=size_class_order(), covariates=covariates,
                   labels=choice_labels(wave) if wave else {}, questions=question_labels(wave) if wave else {},
                   answers=_answers(wave, cities))


def _answers(wave, cities):
    """``{city_id: answers}`` of the wave's responses, for the item-by-item tables (items.py)."""
    from citydip.survey.models import Response

    if wave is None:
        return {}
    ids = dict(zip(cities["city_pk"], cities["city_id"]))
    return {ids[pk]: answers or {} for pk, answers in
            Response.objects.filter(wave=wave, city_id__in=list(ids)).values_list("city_id", "answers")}


def _frame_cities():
    rows = []
    for city in City.objects.filter(in_frame=True).select_related("country").order_by("pk"):
        rows.append({
            "city_pk": city.pk, "city_id": city.city_id, "name": city.name, "country": city.country_id,
            "population": float(city.population) if city.population else np.nan,
            "size_class": city.size_class or size_class_for(city.population) or "unknown",
            "is_capital": int(city.is_capital), "nuts3": city.nuts3,
            "region": city.nuts3[:3] if city.nuts3 else f"{city.country_id}?",
            "lat": city.lat, "lon": city.lon,
        })
    columns = ["city_pk", "city_id", "name", "country", "population", "size_class", "is_capital", "nuts3",
               "region", "lat", "lon"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["log_population"] = np.log(frame["population"].astype(float))
    return frame


def _responses(wave):
    from citydip.survey.models import AccessToken, Response

    columns = ["city_pk", "state", "invited", "synthetic", "confidential", *answer_columns({}).keys()]
    if wave is None:
        return pd.DataFrame(columns=columns)
    invited = set(AccessToken.objects.filter(response__wave=wave, kind=AccessToken.Kind.INVITATION)
                  .values_list("response_id", flat=True))
    rows = []
    for response in Response.objects.filter(wave=wave).order_by("city_id"):
        row = {"city_pk": response.city_id, "state": response.state, "invited": response.pk in invited,
               "synthetic": response.synthetic, "confidential": response.confidential}
        row.update(answer_columns(response.answers or {}))
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _invited(wave):
    """City pks invited to the wave: an invitation was sent (e-mail or letter) or an invitation link exists."""
    from citydip.fieldwork.models import Invitation
    from citydip.survey.models import AccessToken

    if wave is None:
        return set()
    sent = Invitation.objects.filter(wave=wave, sent_at__isnull=False).values_list("city_id", flat=True)
    links = AccessToken.objects.filter(response__wave=wave, kind=AccessToken.Kind.INVITATION)
    return set(sent) | set(links.values_list("response__city_id", flat=True))


def _yes_no(value):
    return {"yes": 1.0, "no": 0.0}.get(value, np.nan)


def answer_columns(answers):
    """The answer variables of one response, coded for analysis (see docs/analysis.md, "Variables")."""
    row = {name: answers.get(name) for name in TEXT_ITEMS}
    for name in INST_ITEMS:
        row[name] = _yes_no(answers.get(name))
    for name in COORD_ITEMS:
        row[name] = COORD_LEVELS.get(answers.get(name), np.nan)
    for name in LIST_ITEMS:
        value = answers.get(name)
        row[name] = sorted(value) if isinstance(value, list) else ([value] if isinstance(value, str) else None)
    partners = [p for p in answers.get("partners") or [] if isinstance(p, dict)]
    statuses = [p.get("partner_status") for p in partners]
    row["n_partners"] = len(partners)
    row["any_active_partner"] = (1.0 if "active" in statuses else 0.0) if partners else np.nan
    row["areas"] = sorted({a for p in partners for a in (p.get("partner_areas") or [])}) if partners else None
    row["current"] = {"current": 1.0, "past": 0.0, "never": 0.0}.get(answers.get("coop_status"), np.nan)
    return row


def _partners(wave, cities):
    from citydip.survey.models import Response

    columns = ["city_id", "country", "partner_name", "partner_place_id", "partner_kind", "partner_year",
               "partner_status", "partner_areas"]
    if wave is None:
        return pd.DataFrame(columns=columns)
    ids = dict(zip(cities["city_pk"], cities["city_id"]))
    rows = []
    for response in Response.objects.filter(wave=wave, city_id__in=list(ids)).select_related("city"):
        for partner in (response.answers or {}).get("partners") or []:
            if isinstance(partner, dict):
                rows.append({"city_id": ids[response.city_id], "country": response.city.country_id,
                             **{c: partner.get(c) for c in columns[2:]}})
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["city_id", "partner_name"], kind="stable").reset_index(drop=True)


def _register():
    from citydip.partnerships.models import Evidence, Partnership

    sources = {}  # partnership pk -> the sources of its evidence (one query, not one per partnership)
    for partnership, source in Evidence.objects.order_by().values_list("partnership_id", "source"):
        sources.setdefault(partnership, set()).add(source)
    rows = []
    for tie in Partnership.objects.select_related("city", "place", "place__province").order_by("pk"):
        place = tie.place
        province = place if place.level == "province" else place.province
        rows.append({
            "city_id": tie.city.city_id, "city": tie.city.name, "country": tie.city.country_id,
            "place_id": place.place_id, "place": place.name, "place_level": place.level,
            "province_id": province.place_id if province else "", "province": province.name if province else "unknown",
            "kind": tie.kind, "status": tie.status, "year_signed": tie.year_signed, "areas": sorted(tie.areas or []),
            "sources": sorted(sources.get(tie.pk, ())),
        })
    columns = ["city_id", "city", "country", "place_id", "place", "place_level", "province_id", "province",
               "kind", "status", "year_signed", "areas", "sources"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["city_id", "place_id"], kind="stable").reset_index(drop=True)


def _with_covariates(cities):
    """Join the latest value of every covariate: city-level by city, country-level by country (``country_<name>``)."""
    from citydip.analysis.models import Covariate

    meta = {}
    from django.db.models import F

    rows = (Covariate.objects.order_by("level", "variable", "city_id", "country_id",
                                       F("year").asc(nulls_first=True), "pk")
            .values_list("level", "variable", "city_id", "country_id", "year", "value", "source", "synthetic"))
    latest = {}
    for level, variable, city_pk, iso2, year, value, source, synthetic in rows:
        column = variable if level == "city" else f"country_{variable}"
        latest[(column, city_pk if level == "city" else iso2)] = value
        info = meta.setdefault(column, {"level": level, "variable": variable, "sources": set(), "years": set(),
                                        "synthetic": False})
        info["sources"].add(source)
        info["years"].add(year)
        info["synthetic"] |= synthetic
    for column in sorted(meta):
        key = "city_pk" if meta[column]["level"] == "city" else "country"
        cities[column] = [latest.get((column, k), np.nan) for k in cities[key]]
        meta[column]["sources"] = sorted(meta[column]["sources"])
        meta[column]["years"] = sorted(y for y in meta[column]["years"] if y is not None)
    return cities, meta
