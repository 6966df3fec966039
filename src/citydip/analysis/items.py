"""Every item of the questionnaire in a table (issue 14): the items the other parts do not model.

- ``item_<name>``: the distribution of one closed item among the cities asked it (``SELECT_ITEMS``);
- ``noncoop_<name>``: the non-cooperating branch, cities that cooperated in the past beside those that
  never did (why not, past contacts, interest in future cooperation, other Asian partners, contact);
- ``coordination_by_country``: the mean coordination score (never 0, occasionally 1, regularly 2) by
  country, with the number of cities behind each mean;
- ``ended_*``: ties that ended, from the partners of cities cooperating now (status "ended") and the
  former partners of cities that cooperated in the past: when, by whom, why, council decisions;
- ``partners_kind_status``, ``partners_start_decade``: the partners repeat.

Titles give the question's English wording from the wave's questionnaire and the variable name
(``labels.item_title``). Shares are of the cities that answered (``answered``); "don't know" is a category of its own, so a
reader sees how often officials could not say. Counts are unweighted: these are descriptions of the
respondents; the weighted estimates are in ``prevalence`` and the models.

``COVERAGE`` says which output uses each item of the instrument and ``DESCRIPTIVE_ONLY`` which items are
deliberately left to reading (free text); tests/analysis/test_items.py fails when an item of the
instrument is in neither.
"""
from collections import Counter

import numpy as np
import pandas as pd

from citydip.analysis import figures
from citydip.analysis.dataset import COORD_ITEMS, INST_ITEMS
from citydip.analysis.labels import item_title
from citydip.analysis.publish import partner_text
from citydip.analysis.rankings import COORD_LABELS

SELECT_ITEMS = ("consent", "publish_city_name", "initiator", "key_person", "coop_importance", "delegations_year",
                "staff_fte", "budget_band", "main_goal", "bri", "change_2020", "brokers", "security_review",
                "format_17_1", "eu_programmes", "thm_ties", "thm_pressure", "followup_consent", "respondent_position",
                "colleagues_consulted")
NONCOOP_ITEMS = ("no_coop_reasons", "past_contacts", "future_interest", "other_asian_partners", "willing_contact")
END_ITEMS = ("end_year", "ended_by", "end_reasons", "council")
BRANCHES = ("past", "never")

COVERAGE = {
    **{item: f"item_{item}" for item in SELECT_ITEMS},
    **{item: f"noncoop_{item}" for item in NONCOOP_ITEMS},
    **{f"{prefix}_{item}": f"ended_{item}" for prefix in ("partner", "former") for item in END_ITEMS},
    "former_kind": "ended_partnerships", "former_year": "ended_partnerships",
    "partner_kind": "partners_kind_status", "partner_status": "partners_kind_status",
    "partner_year": "partners_start_decade",
    # analysed by the other parts of `citydip analyze`
    "coop_status": "prevalence", "partner_areas": "ranking_areas", "goals": "ranking_goals",
    "benefits": "ranking_benefits", "obstacles": "ranking_obstacles", "importance": "importance",
    **{item: "institutionalisation" for item in INST_ITEMS},
    **{item: "coordination_by_country" for item in COORD_ITEMS},
    "partner_place_id": "network", "former_place_id": "ended_partnerships",
}
DESCRIPTIVE_ONLY = {  # free text, read and quoted rather than counted
    "partner_name": "the place is analysed through partner_place_id and the register",
    "former_name": "the place is analysed through former_place_id",
    "partner_activities": "free text", "comments": "free text", "respondent_office": "free text",
    **{name: "the text of an 'other' choice, counted as 'other' in its item" for name in (
        "partner_areas_other", "partner_end_other", "former_end_other", "initiator_other", "goals_other",
        "benefits_other", "obstacles_other", "no_coop_reasons_other", "other_asian_other",
        "respondent_position_other")},
}


def _chosen(value):
    if isinstance(value, list):
        return [str(v) for v in value]
    return [] if value in (None, "") else [str(value)]


def frequencies(values, labels=None):
    """``choice, label, cities, share, answered`` for one item; ``values`` holds one answer per city
    (a string, a list for a multiple choice, or None when not answered)."""
    answered = [_chosen(v) for v in values if _chosen(v)]
    counted = Counter(choice for chosen in answered for choice in chosen)
    order = [c for c in (labels or {}) if c in counted] + sorted(c for c in counted if c not in (labels or {}))
    rows = [{"choice": c, "label": (labels or {}).get(c, c), "cities": counted[c],
             "share": counted[c] / len(answered)} for c in order]
    table = pd.DataFrame(rows, columns=["choice", "label", "cities", "share"])
    table["answered"] = len(answered)
    return table


def by_branch(answers_by_status, item, labels=None):
    """One item for the cities that cooperated in the past and those that never did, side by side."""
    parts = {branch: frequencies([a.get(item) for a in answers_by_status.get(branch, [])], labels)
             for branch in BRANCHES}
    merged = frequencies([a.get(item) for b in BRANCHES for a in answers_by_status.get(b, [])], labels)
    merged = merged.rename(columns={"cities": "all_cities", "share": "all_share", "answered": "all_answered"})
    for branch, table in parts.items():
        part = table.set_index("choice")
        merged[f"{branch}_cities"] = merged["choice"].map(part["cities"]).fillna(0).astype(int)
        merged[f"{branch}_share"] = merged["choice"].map(part["share"]).fillna(0.0)
        merged[f"{branch}_answered"] = len([a for a in answers_by_status.get(branch, []) if _chosen(a.get(item))])
    return merged


def coordination_by_country(cities):
    """Per country, the cities cooperating now and per coordination item (headed by whom the city
    coordinates with, ``rankings.COORD_LABELS``) the number answering and the mean score."""
    current = cities[cities["respondent"] & (cities["current"] == 1)]
    rows = []
    for country, group in current.groupby("country", sort=True):
        row = {"country": country, "cities": len(group)}
        for item in COORD_ITEMS:
            values = group[item].dropna()
            row[f"{COORD_LABELS[item]}: answered"] = len(values)
            row[f"{COORD_LABELS[item]}: mean"] = float(values.mean()) if len(values) else np.nan
        rows.append(row)
    columns = ["country", "cities"] + [f"{COORD_LABELS[i]}: {s}" for i in COORD_ITEMS for s in ("answered", "mean")]
    return pd.DataFrame(rows, columns=columns).rename(columns=partner_text)


def ended_ties(answers, countries):
    """One row per ended tie: the branch it was reported in, the country of the city (never its name:
    a city may have asked not to be named), kind, years, who ended it, why, council decision."""
    rows = []
    for city_id in sorted(answers):
        found = answers[city_id]
        if found.get("coop_status") == "current":
            ties = [("partner", p) for p in found.get("partners") or [] if isinstance(p, dict)
                    and p.get("partner_status") == "ended"]
        elif found.get("coop_status") == "past":
            ties = [("former", p) for p in found.get("former_partners") or [] if isinstance(p, dict)]
        else:
            ties = []
        for prefix, tie in ties:
            rows.append({"reported_by": "city cooperating now" if prefix == "partner" else "city that cooperated before",
                         "country": countries.get(city_id, ""), "kind": tie.get(f"{prefix}_kind"),
                         "place_id": tie.get(f"{prefix}_place_id") or "",
                         "start_year": tie.get(f"{prefix}_year"), "end_year": tie.get(f"{prefix}_end_year"),
                         "ended_by": tie.get(f"{prefix}_ended_by"),
                         "end_reasons": " ".join(_chosen(tie.get(f"{prefix}_end_reasons"))),
                         "council": tie.get(f"{prefix}_council")})
    return pd.DataFrame(rows, columns=["reported_by", "country", "kind", "place_id", "start_year", "end_year",
                                       "ended_by", "end_reasons", "council"])


def in_wave(item, data):
    """Whether the wave's questionnaire has the item (items of another edition are left out, not skipped)."""
    return item in data.labels or any(item in answers for answers in data.answers.values())


def run(data, out):
    respondents = set(data.respondents["city_id"])
    answers = {cid: a for cid, a in data.answers.items() if cid in respondents}
    labels = data.labels
    note = "cities that answered the question; shares of those; 'don't know' counted as an answer"
    for item in (item for item in SELECT_ITEMS if in_wave(item, data)):
        pool = data.answers.values() if item == "consent" else answers.values()
        table = frequencies([a.get(item) for a in pool], labels.get(item))
        if table.empty:
            out.skip(f"item_{item}", f"no answers to {item} (not in this wave's questionnaire, or nobody was asked it)")
            continue
        out.table(f"item_{item}", table, item_title(data.questions, item), note)
    run_noncooperating(answers, labels, data.questions, out)
    table = coordination_by_country(data.cities)
    if table.empty:
        out.skip("coordination_by_country", "no respondent cooperates now")
    else:
        out.table("coordination_by_country", table, "Coordination of the cooperation by country",
                  "cities cooperating now; mean score never = 0, occasionally = 1, regularly = 2 among the cities "
                  "that answered (don't know left out); variables " + ", ".join(COORD_ITEMS))
    if in_wave("partner_ended_by", data) or in_wave("former_partners", data):
        run_ended(answers, dict(zip(data.cities["city_id"], data.cities["country"])), labels, data.questions, out)
    run_partners(data.partners, labels, out)


def run_noncooperating(answers, labels, questions, out):
    by_status = {branch: [a for a in answers.values() if a.get("coop_status") == branch] for branch in BRANCHES}
    if not any(by_status.values()):
        out.skip("noncoop", "no respondent cooperated only in the past or never")
        return
    note = ("cities that do not cooperate now: those that cooperated in the past and those that never did, "
            "each share of the cities of that group that answered")
    for item in NONCOOP_ITEMS:
        table = by_branch(by_status, item, labels.get(item))
        if table.empty and item not in labels:
            continue  # not in this wave's questionnaire
        if table.empty:
            out.skip(f"noncoop_{item}", f"no answers to {item}")
            continue
        title = item_title(questions, item, prefix="Cities not cooperating now:")
        out.table(f"noncoop_{item}", table, title, note)
        if item in ("no_coop_reasons", "future_interest"):
            out.figure(f"noncoop_{item}", figures.bar_chart(table["label"], table["all_share"], "share of cities"),
                       title, note)


def run_ended(answers, countries, labels, questions, out):
    ties = ended_ties(answers, countries)
    if ties.empty:
        out.skip("ended", "no respondent reported a tie that ended")
        return
    out.table("ended_partnerships", labelled_ties(ties, labels), "Ties that ended, as the cities reported them",
              "one row per tie, answers in the questionnaire's words; the reporting city is given by country only")
    by = {"ended_by": "ended_by", "end_reasons": "end_reasons", "council": "council"}
    for column, name in by.items():
        values = [v.split() if column == "end_reasons" else v for v in ties[column]]
        table = frequencies(values, labels.get(f"partner_{column}"))
        title = item_title(questions, f"partner_{column}", f"former_{column}", prefix="Ties that ended:")
        out.table(f"ended_{name}", table, title, "ties whose end was reported")
    years = pd.to_numeric(ties["end_year"], errors="coerce").dropna().astype(int)
    table = years.value_counts().sort_index().rename_axis("end_year").reset_index(name="ties")
    out.table("ended_end_year", table, "Ties that ended, by the year they ended",
              f"{len(years)} of {len(ties)} ended ties with a known year")
    reasons = frequencies([v.split() for v in ties["end_reasons"]], labels.get("partner_end_reasons"))
    out.figure("ended_end_reasons", figures.bar_chart(reasons["label"], reasons["share"], "share of ended ties"),
               "Why ties ended")


def labelled_ties(ties, labels):
    """The ended ties with each answer in the questionnaire's English words (the codes are counted, with
    their labels, in the ``ended_<item>`` tables); an answer without a label keeps its code."""
    def words(column, value):
        named = labels.get(f"partner_{column}") or labels.get(f"former_{column}") or {}
        if column == "end_reasons":
            return "; ".join(named.get(v, v) for v in str(value or "").split())
        return value if value is None or pd.isna(value) else named.get(str(value), value)

    return ties.assign(**{column: [words(column, v) for v in ties[column]]
                          for column in ("kind", "ended_by", "end_reasons", "council")})


def run_partners(partners, labels, out):
    if partners.empty:
        out.skip("partners_kind_status", "no partners named in the survey")
        return
    kinds, statuses = labels.get("partner_kind") or {}, labels.get("partner_status") or {}
    table = pd.crosstab(partners["partner_kind"].map(lambda v: kinds.get(v, v)).fillna("not answered"),
                        partners["partner_status"].map(lambda v: statuses.get(v, v)).fillna("not answered"))
    out.table("partners_kind_status", table.reset_index(), "Partners named in the survey: kind by status",
              "one row per kind of tie, one column per status, in the questionnaire's words; counts of partners")
    years = pd.to_numeric(partners["partner_year"], errors="coerce").dropna().astype(int)
    decades = (years // 10 * 10).value_counts().sort_index().rename_axis("decade").reset_index(name="partners")
    out.table("partners_start_decade", decades, "Partners named in the survey: decade the tie began",
              f"{len(years)} of {len(partners)} partners with a known year")
