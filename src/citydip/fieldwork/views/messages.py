"""E-mail templates (list, edit, preview with a real city) and letters as PDF."""
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.jobs import start_job
from citydip.core.roles import FIELDWORKER, RESEARCHER, role_required
from citydip.fieldwork import compose, letters, tasks
from citydip.fieldwork.config import base_url
from citydip.fieldwork.invitations import best_contacts
from citydip.fieldwork.models import EmailTemplate
from citydip.fieldwork.rates import city_outcomes
from citydip.frame.models import City
from citydip.survey.models import Wave
from citydip.survey.study_settings import FIELDS, missing

FIELD_ROLES = (RESEARCHER, FIELDWORKER)
PREVIEW_TOKEN = "PREVIEW-ONLY-a-personal-token-goes-here"


@role_required(*FIELD_ROLES)
def template_list(request):
    compose.ensure_default_templates()
    return render(request, "fieldwork/templates.html", {"templates": EmailTemplate.objects.all()})


def preview_city(request, language):
    """The city asked for, else a city of a country speaking the language, else any."""
    city_pk = request.GET.get("city")
    if city_pk and city_pk.isdigit():
        return City.objects.filter(pk=city_pk).select_related("country").first()
    cities = City.objects.filter(in_frame=True).select_related("country").order_by("-population")
    return next((c for c in cities[:2000] if language in (c.country.languages or [])), cities.first())


@role_required(*FIELD_ROLES)
def template_preview(request, pk):
    template = get_object_or_404(EmailTemplate, pk=pk)
    form = None
    if request.method == "POST" and request.POST.get("save"):
        from citydip.fieldwork.forms import EmailTemplateForm

        form = EmailTemplateForm(request.POST, instance=template)
        if form.is_valid():
            form.save()
            record(request.user, "fieldwork.edit_template", template)
            messages.success(request, _("Template saved."))
            return redirect("fieldwork:template", pk=template.pk)
    city = preview_city(request, template.language)
    wave = Wave.current()
    contact = best_contacts([city.pk]).get(city.pk) if city else None
    link = f"{base_url()}/survey/r/{PREVIEW_TOKEN}/?lang={template.language}"
    subject = body = ""
    if city:
        context = compose.message_context(city, contact, wave, template.language, link,
                                          f"{base_url()}/fieldwork/optout/{PREVIEW_TOKEN}/")
        subject, body = compose.render_message(template, context)
    if form is None:
        from citydip.fieldwork.forms import EmailTemplateForm

        form = EmailTemplateForm(instance=template)
    return render(request, "fieldwork/template_preview.html", {
        "template": template, "city": city, "contact": contact, "subject": subject, "body": body, "form": form,
        "cities": City.objects.filter(in_frame=True).order_by("country_id", "name")[:1000]})


@require_POST
@role_required(*FIELD_ROLES)
def letters_pdf(request):
    """Letters for the cities posted (``city``), or for every non-respondent of a country (``country``).
    One letter is downloaded at once; a batch is a job (``tasks.letter_batch``) with the PDF to download."""
    wave = Wave.current()
    if wave is None:
        messages.error(request, _("There is no survey wave yet."))
        return redirect("fieldwork:index")
    empty = missing()
    if empty:  # the letter's consent and privacy wording must not show "[not set: ...]" to a real city
        return render(request, "fieldwork/letters_refused.html",
                      {"missing": [_(FIELDS[field]) for field in empty]}, status=409)
    pks = [int(pk) for pk in request.POST.getlist("city") if pk.isdigit()]
    if not pks:
        country = request.POST.get("country", "")
        chase = {"not_sent", "sent", "opened", "partial", "bounced", "wrong_contact"}
        pks = [r["pk"] for r in city_outcomes(wave) if r["status"] in chase and (not country or r["country"] == country)]
    if len(pks) > 1:  # a batch: a job, whose page offers the PDF for download when it is written
        job = start_job(tasks.letter_batch, user=request.user, wave_id=wave.pk, city_ids=pks)
        record(request.user, "fieldwork.letters", wave, cities=len(pks), job=job.pk)
        return redirect("jobs:detail", pk=job.pk)
    contacts = best_contacts(pks)
    cities = City.objects.filter(pk__in=pks).select_related("country").order_by("country_id", "name")
    contexts = [letters.letter_context(wave, city, contacts.get(city.pk), request.user) for city in cities]
    if not contexts:
        messages.error(request, _("No city to write to."))
        return redirect("fieldwork:index")
    record(request.user, "fieldwork.letters", wave, cities=len(contexts))
    response = HttpResponse(letters.letters_pdf(contexts), content_type="application/pdf")
    name = f"letter_{cities[0].city_id}.pdf" if len(contexts) == 1 else f"letters_{len(contexts)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
