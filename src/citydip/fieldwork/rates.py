"""Outcomes and response rates by the AAPOR Standard Definitions (formulas in docs/fieldwork.md).

The cases are the cities of the frame (all eligible by construction). Each gets one final
disposition from its invitation's derived status (a city never invited counts as "no invitation
sent"). AAPOR groups: I complete, P partial, R refusal and break-off, NC non-contact, O other,
UH/UO unknown eligibility.
"""
from collections import Counter, defaultdict

from citydip.fieldwork.models import Invitation
from citydip.fieldwork.statuses import derive_status, invitation_status, response_facts
from citydip.frame.models import City

S = Invitation.Status

# status -> (AAPOR code, AAPOR label, group)
DISPOSITIONS = {
    S.COMPLETE: ("1.1", "Complete", "I"),
    S.PARTIAL: ("1.2", "Partial", "P"),
    S.REFUSED: ("2.111", "Explicit refusal (incl. the opt-out link)", "R"),
    S.OPTED_OUT: ("2.111", "Explicit refusal (incl. the opt-out link)", "R"),
    S.OPENED: ("2.1121", "Logged on to survey, did not complete any item", "R"),
    S.WRONG_CONTACT: ("2.20", "Non-contact (the right person not reached)", "NC"),
    S.SENT: ("3.19", "Nothing ever returned", "UO"),
    S.BOUNCED: ("3.30", "Invitation returned undelivered", "UO"),
    S.NOT_SENT: ("3.11", "No invitation sent", "UO"),
}
GROUPS = ("I", "P", "R", "NC", "O", "UH", "UO")
# The four columns of the tables by country and size class.
SUMMARY = {S.COMPLETE: "complete", S.PARTIAL: "partial", S.REFUSED: "refused", S.OPTED_OUT: "refused"}
SUMMARY_COLUMNS = ("complete", "partial", "refused", "no_answer")


def city_outcomes(wave):
    """One dict per frame city: pk, city_id, name, country, size_class, status (derived), invitation."""
    facts = response_facts(wave)
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
                     "population": city.population, "status": status, "invitation": invitation})
    return rows


def aapor_rates(groups):
    """RR1, RR2, COOP1, REF1 from counts per AAPOR group; None when a denominator is zero."""
    g = Counter(groups)
    everyone = g["I"] + g["P"] + g["R"] + g["NC"] + g["O"] + g["UH"] + g["UO"]
    cooperating = g["I"] + g["P"] + g["R"] + g["O"]

    def ratio(numerator, denominator):
        return numerator / denominator if denominator else None

    return {"RR1": ratio(g["I"], everyone), "RR2": ratio(g["I"] + g["P"], everyone),
            "COOP1": ratio(g["I"], cooperating), "REF1": ratio(g["R"], everyone)}


def dispositions(rows):
    """[(code, label, group, count)] in code order, and the counts per group."""
    counts, groups = Counter(), Counter()
    for row in rows:
        counts[DISPOSITIONS[row["status"]]] += 1
        groups[DISPOSITIONS[row["status"]][2]] += 1
    table = sorted({(*disposition, counts[disposition]) for disposition in DISPOSITIONS.values()})
    return table, groups


def summary_row(label, rows):
    counts = Counter(SUMMARY.get(row["status"], "no_answer") for row in rows)
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
