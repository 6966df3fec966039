"""The facts of the methods chapter, read from the database: frame, fieldwork, response rates.

Used by the report's methods chapter and the deposit's README, so both say the same thing.
"""
from __future__ import annotations

from collections import Counter

from django.db.models import Max, Min, Sum


def frame_facts(wave):
    from citydip.frame.models import City, FrameVersion

    version = (wave.frame_version if wave and wave.frame_version_id else None) or FrameVersion.current()
    cities = City.objects.filter(in_frame=True)
    return {
        "version": str(version) if version else "no frame built",
        "source": version.source if version else "", "input_file": (version.input_file if version else "") or "",
        "input_checksum": version.checksum if version else "", "rule": version.rule if version else {},
        "built": version.created.date().isoformat() if version else "",
        "cities": cities.count(), "countries": cities.values("country").distinct().count(),
        "size_classes": dict(sorted(Counter(cities.values_list("size_class", flat=True)).items(),
                                    key=lambda kv: str(kv[0]))),
    }


def fieldwork_facts(wave):
    from citydip.fieldwork.models import ContactEvent, Invitation, MessageLog
    from citydip.survey.models import Response

    invitations = Invitation.objects.filter(wave=wave)
    sent = MessageLog.objects.filter(invitation__wave=wave).exclude(result__in=("failed", "released", "claimed"))
    responses = Response.objects.filter(wave=wave)
    events = Counter(ContactEvent.objects.filter(wave=wave).values_list("kind", flat=True))
    dates = sent.aggregate(first=Min("claimed_at"), last=Max("claimed_at"))
    answered = responses.aggregate(first=Min("started"), last=Max("submitted"))
    return {
        "wave": wave.name, "opens": _day(wave.opens), "closes": _day(wave.closes),
        "first_message": _day(dates["first"]), "last_message": _day(dates["last"]),
        "first_answer": _day(answered["first"]), "last_submission": _day(answered["last"]),
        "languages": wave.questionnaire.languages,
        "response_languages": dict(Counter(responses.exclude(language="").values_list("language", flat=True))),
        "invitations": invitations.filter(sent_at__isnull=False).count(),  # invited = sent, as in the coverage tables
        "invitations_sent": sent.filter(kind="invitation").count(),
        "reminders_sent": invitations.aggregate(n=Sum("reminders_sent"))["n"] or 0,
        "letters": events.get("letter", 0), "calls": events.get("phone", 0),
        "emails_logged": events.get("email", 0), "notes": events.get("note", 0),
        "responses": responses.filter(state__in=("partial", "complete")).count(),
        "complete": responses.filter(state="complete").count(),
        "partial": responses.filter(state="partial").count(),
        "synthetic": responses.filter(synthetic=True).count(),
        "confidential": responses.filter(confidential=True).count(),
    }


def _day(value):
    if value is None:
        return ""
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def response_rates(wave):
    """AAPOR dispositions and rates through the fieldwork app (RR1, RR2, COOP1, REF1)."""
    from citydip.fieldwork import rates

    rows = rates.city_outcomes(wave)
    table, groups = rates.dispositions(rows)
    return {"dispositions": [{"code": c, "label": label, "group": g, "count": n} for c, label, g, n in table],
            "rates": rates.aapor_rates(groups), "cases": len(rows),
            "by_size_class": sorted(rates.breakdown(rows, "size_class"), key=lambda r: size_order(r["label"])),
            "by_country": rates.breakdown(rows, "country")}


def size_order(label):
    """Size classes smallest first: ``50k–100k`` < ``100k–250k`` < ``>1M``; unknown last."""
    import re

    match = re.search(r"(\d+(?:\.\d+)?)\s*([kKmM])", str(label))
    if not match:
        return float("inf")
    return float(match.group(1)) * (1000 if match.group(2).lower() == "k" else 1_000_000)


def facts(wave=None):
    from citydip.survey.models import Wave

    wave = wave or Wave.current()
    if wave is None:
        return {"frame": frame_facts(None), "fieldwork": None, "rates": None}
    return {"frame": frame_facts(wave), "fieldwork": fieldwork_facts(wave), "rates": response_rates(wave)}
