"""The fieldwork dashboard: response rates overall, by country and by size class, AAPOR outcomes, progress."""
import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from citydip.core.audit import record
from citydip.core.roles import FIELDWORKER, RESEARCHER, role_required
from citydip.fieldwork import rates
from citydip.fieldwork.chart import progress_svg
from citydip.fieldwork.statuses import refresh_statuses
from citydip.survey.models import Wave

FIELD_ROLES = (RESEARCHER, FIELDWORKER)


def chosen_wave(request):
    wave_id = request.GET.get("wave")
    if wave_id and wave_id.isdigit():
        return Wave.objects.filter(pk=wave_id).first()
    return Wave.current()


@role_required(*FIELD_ROLES)
def index(request):
    wave = chosen_wave(request)
    if wave is None:
        return render(request, "fieldwork/index.html", {"wave": None})
    refresh_statuses(wave)
    rows = rates.city_outcomes(wave)
    table, groups = rates.dispositions(rows)
    context = {
        "wave": wave, "waves": Wave.objects.all(), "overall": rates.summary_row("all cities", rows),
        "by_country": rates.breakdown(rows, "country_name"), "by_size": rates.breakdown(rows, "size_class"),
        "dispositions": table, "groups": [(g, groups[g]) for g in rates.GROUPS],
        "chart": mark_safe(progress_svg(wave)),  # built from numbers and escaped labels only
        "non_respondents": len(rates.non_respondents(rows)),
        "rate_names": ("RR1", "RR2", "RR3", "RR4", "COOP1", "REF1", "e"),
    }
    return render(request, "fieldwork/index.html", context)


@role_required(*FIELD_ROLES)
def non_respondents(request):
    wave = chosen_wave(request)
    if wave is None:
        return render(request, "fieldwork/non_respondents.html", {"wave": None, "rows": []})
    rows = rates.non_respondents(rates.city_outcomes(wave))
    if request.GET.get("format") == "csv":
        record(request.user, "fieldwork.export_non_respondents", wave, rows=len(rows))
        return non_respondents_csv(wave, rows)
    return render(request, "fieldwork/non_respondents.html", {"wave": wave, "rows": rows})


def non_respondents_csv(wave, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="non_respondents_wave{wave.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["city_id", "name", "country_iso2", "size_class", "status", "aapor_code", "contact", "email",
                     "phone", "reminders_sent", "last_message"])
    for row in rows:
        invitation = row["invitation"]
        contact = invitation.contact if invitation else None
        writer.writerow([row["city_id"], row["name"], row["country"], row["size_class"], row["status"],
                         row["disposition"][0], contact.display_name() if contact else "",
                         contact.email if contact else "", contact.phone if contact else "",
                         invitation.reminders_sent if invitation else 0,
                         invitation.last_message_at.isoformat() if invitation and invitation.last_message_at else ""])
    return response
