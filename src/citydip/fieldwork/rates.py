"""Outcomes and response rates by the AAPOR Standard Definitions (formulas in docs/fieldwork.md).

The cases are the cities of the frame (all eligible by construction). Each gets one final
disposition (AAPOR, *Standard Definitions*, 10th edition 2023, Internet surveys of specifically named
persons) from its invitation's derived status and its response (a city never invited counts as "no
invitation sent"). AAPOR groups: I complete, P partial, R refusal and break-off, NC non-contact,
O other, UH/UO unknown eligibility, NE not eligible.

Partial threshold: a response not submitted counts as a sufficient partial (1.2) when it answered at
least ``PARTIAL_THRESHOLD`` of its applicable items (survey/answered.py); with fewer answered items it
is a break-off (2.12), and with none a log-on without any item completed (2.1121). A sufficient
partial outranks a refusal recorded by a fieldworker (AAPOR codes the interview, not the later
refusal); a refusal outranks a break-off.

e, the share of the cases of unknown eligibility assumed eligible, is estimated by the proportional
rule (AAPOR's "CASRO" rule): e = (I + P + R + NC + O) / (I + P + R + NC + O + NE). No frame city has
been found ineligible so far (there is no such status: the frame lists eligible cities only), so
NE = 0 and e = 1; RR3 = RR1 and RR4 = RR2 until that changes. The rates carry ``e`` so every table
says which value was used.
"""
from collections import Counter, defaultdict

from citydip.fieldwork.models import Invitation
from citydip.fieldwork.statuses import derive_status, invitation_status, response_facts
from citydip.frame.models import City

S = Invitation.Status
PARTIAL_THRESHOLD = 0.5

COMPLETE = ("1.1", "Complete", "I")
PARTIAL = ("1.2", f"Partial (at least {PARTIAL_THRESHOLD:.0%} of applicable items answered)", "P")
REFUSAL = ("2.111", "Explicit refusal (incl. the opt-out link)", "R")
LOGGED_ON = ("2.1121", "Logged on to survey, did not complete any item", "R")
BREAK_OFF = ("2.12", f"Break-off (fewer than {PARTIAL_THRESHOLD:.0%} of applicable items answered)", "R")
NON_CONTACT = ("2.20", "Non-contact (the right person not reached)", "NC")
NOTHING_RETURNED = ("3.19", "Nothing ever returned", "UO")
UNDELIVERED = ("3.30", "Invitation returned undelivered", "UO")
NOT_SENT = ("3.11", "No invitation sent", "UO")
# every disposition citydip assigns, in code order
CODES = (COMPLETE, PARTIAL, REFUSAL, LOGGED_ON, BREAK_OFF, NON_CONTACT, NOT_SENT, NOTHING_RETURNED, UNDELIVERED)
# status -> disposition when no answer decides it
DISPOSITIONS = {
    S.COMPLETE: COMPLETE, S.PARTIAL: BREAK_OFF, S.REFUSED: REFUSAL, S.OPTED_OUT: REFUSAL, S.OPENED: LOGGED_ON,
    S.WRONG_CONTACT: NON_CONTACT, S.SENT: NOTHING_RETURNED, S.BOUNCED: UNDELIVERED, S.NOT_SENT: NOT_SENT,
}
GROUPS = ("I", "P", "R", "NC", "O", "UH", "UO", "NE")
# The four columns of the tables by country and size class, by disposition code.
SUMMARY = {"1.1": "complete", "1.2": "partial", "2.111": "refused"}
SUMMARY_COLUMNS = ("complete", "partial", "refused", "no_answer")


def disposition(status, response_state, share):
    """The AAPOR disposition (code, label, group) of one case.

    ``status``: the invitation's derived status; ``response_state``: the Response's state (or None);
    ``share``: answered / applicable items of that response (0 when unknown)."""
    if response_state == "complete":
        return COMPLETE
    if response_state == "partial" and share >= PARTIAL_THRESHOLD:
        return PARTIAL
    if status in (S.REFUSED, S.OPTED_OUT):
        return REFUSAL
    if response_state == "partial":
        return BREAK_OFF if share > 0 else LOGGED_ON
    return DISPOSITIONS[status]


def answered_shares(wave):
    """{city pk: share of applicable items answered} for the wave's partial responses."""
    from citydip.survey.answered import answered_share
    from citydip.survey.models import Response
    from citydip.survey.review import load_wave_form

    partial = Response.objects.filter(wave=wave, state=Response.State.PARTIAL).values_list("city_id", "answers")
    shares = {}
    form = None
    for city_pk, answers in partial:
        form = form or load_wave_form(wave)
        answered, applicable = answered_share(form, answers)
        shares[city_pk] = answered / applicable if applicable else 0.0
    return shares


def city_outcomes(wave):
    """One dict per frame city: pk, city_id, name, country, size_class, status (derived), invitation."""
    facts = response_facts(wave)
    shares = answered_shares(wave)
    invitations = {inv.city_id: inv for inv in Invitation.objects.filter(wave=wave).select_related("contact")}
    rows = []
    for city in City.objects.filter(in_frame=True).select_related("country").order_by("country_id", "name"):
        invitation = invitations.get(city.pk)
        if invitation is not None:
            status = invitation_status(invitation, facts)
        else:
            status = derive_status(S.NOT_SENT, facts[0].get(city.pk), False)
        rows.append({"pk": city.pk, "city_id": city.city_id, "name": city.name, "country": city.country_id,
                     "country_name": city.country.name, "size_class": city.size_class or "unknown",
                     "population": city.population, "status": status, "invitation": invitation,
                     "answered_share": shares.get(city.pk),
                     "disposition": disposition(status, facts[0].get(city.pk), shares.get(city.pk, 0.0))})
    return rows


def proportional_e(groups):
    """AAPOR's proportional rule: eligible among the cases whose eligibility is known; 1 when none is known."""
    g = Counter(groups)
    eligible = g["I"] + g["P"] + g["R"] + g["NC"] + g["O"]
    known = eligible + g["NE"]
    return eligible / known if known else 1.0


def aapor_rates(groups, e=None):
    """RR1–RR4, COOP1, REF1 and the e used, from counts per AAPOR group; a rate is None when its denominator is zero.

    e defaults to the proportional rule (:func:`proportional_e`)."""
    g = Counter(groups)
    e = proportional_e(g) if e is None else e
    interviews, others, unknown = g["I"] + g["P"], g["R"] + g["NC"] + g["O"], g["UH"] + g["UO"]

    def ratio(numerator, denominator):
        return numerator / denominator if denominator else None

    return {"RR1": ratio(g["I"], interviews + others + unknown), "RR2": ratio(interviews, interviews + others + unknown),
            "RR3": ratio(g["I"], interviews + others + e * unknown),
            "RR4": ratio(interviews, interviews + others + e * unknown),
            "COOP1": ratio(g["I"], interviews + g["R"] + g["O"]), "REF1": ratio(g["R"], interviews + others + unknown),
            "e": e}


def dispositions(rows):
    """[(code, label, group, count)] in code order, and the counts per group."""
    counts, groups = Counter(), Counter()
    for row in rows:
        counts[row["disposition"]] += 1
        groups[row["disposition"][2]] += 1
    table = [(*d, counts[d]) for d in CODES]
    return table, groups


def summary_row(label, rows):
    counts = Counter(SUMMARY.get(row["disposition"][0], "no_answer") for row in rows)
    _, groups = dispositions(rows)
    total = len(rows)
    return {"label": label, "total": total, **{c: counts[c] for c in SUMMARY_COLUMNS},
            **{c + "_pct": (100 * counts[c] / total if total else 0) for c in SUMMARY_COLUMNS}, **aapor_rates(groups)}


def breakdown(rows, key):
    """Summary rows per value of ``key`` (e.g. ``country`` or ``size_class``), sorted by that value."""
    grouped = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return [summary_row(value, grouped[value]) for value in sorted(grouped)]


def non_respondents(rows):
    return [row for row in rows if row["status"] not in (S.COMPLETE,)]
