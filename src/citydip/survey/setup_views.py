"""Setting a wave up in the browser: upload an XLSForm, read check-form's report, create the wave.

The upload runs exactly ``citydip survey check-form`` (``commands/check_form.check``): on success the
questionnaire is stored (by checksum, so the same file twice is one questionnaire) and the page offers
to field it as a wave; on failure the page lists every error with its sheet, row and column and
nothing is stored.
"""
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.errors import CitydipError, CitydipErrors
from citydip.core.roles import RESEARCHER, role_required
from citydip.survey.commands.check_form import check, summary
from citydip.survey.models import Questionnaire
from citydip.survey.waves import field_questionnaire, store_questionnaire

MAX_FORM_BYTES = 20 * 1024 * 1024
FORM_SUFFIXES = (".xlsx", ".xls", ".csv", ".md")


class UploadForm(forms.Form):
    form = forms.FileField(label=gettext_lazy("XLSForm file (.xlsx)"))


class WaveForm(forms.Form):
    questionnaire = forms.ModelChoiceField(queryset=Questionnaire.objects.all(), widget=forms.HiddenInput)
    name = forms.CharField(label=gettext_lazy("Name of the wave"), max_length=200, required=False)
    opens = forms.DateField(label=gettext_lazy("Opens on (optional)"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    closes = forms.DateField(label=gettext_lazy("Closes on (optional)"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            raise forms.ValidationError(_("The wave cannot close before it opens."))
        return data


def error_rows(error):
    """Every error of a CitydipError(s) as a dict for the report table."""
    errors = error.errors if isinstance(error, CitydipErrors) else [error]
    return [{"file": e.location.get("file", ""), "sheet": e.location.get("sheet", ""),
             "row": e.location.get("row", e.location.get("line", "")), "column": e.location.get("column", e.location.get("field", "")),
             "message": e.message, "code": e.code} for e in errors]


def check_upload(upload):
    """(questionnaire, summary lines, error rows) for an uploaded file; only a good form is stored."""
    name = upload.name.rsplit("/", 1)[-1]
    if not name.lower().endswith(FORM_SUFFIXES):
        return None, [], error_rows(CitydipError("SURVEY-E001", _("an XLSForm is an .xlsx file (or .xls, .csv, .md)"),
                                                  file=name))
    if upload.size > MAX_FORM_BYTES:
        return None, [], error_rows(CitydipError("SURVEY-E001", _("the file is larger than 20 MB"), file=name))
    data = upload.read()
    try:
        form = check(data, name)
    except CitydipError as error:
        return None, [], error_rows(error)
    questionnaire, _form = store_questionnaire(data, name)
    return questionnaire, summary(form), []


@role_required(RESEARCHER)
def upload_form(request):
    upload = UploadForm(request.POST or None, request.FILES or None)
    context = {"upload": upload, "questionnaires": Questionnaire.objects.all()[:10]}
    if request.method == "POST" and upload.is_valid():
        questionnaire, lines, errors = check_upload(upload.cleaned_data["form"])
        record(request.user, "survey.form_check", questionnaire, filename=upload.cleaned_data["form"].name,
               ok=not errors, errors=len(errors))
        context.update(lines=lines, errors=errors, questionnaire=questionnaire, checked=True)
        if questionnaire is not None:
            context["wave_form"] = WaveForm(initial={
                "questionnaire": questionnaire, "name": f"{questionnaire.title} {questionnaire.version}".strip()})
    return render(request, "survey/form_upload.html", context, status=422 if context.get("errors") else 200)


@role_required(RESEARCHER)
@require_POST
def create_wave(request):
    form = WaveForm(request.POST)
    if not form.is_valid():
        questionnaire = Questionnaire.objects.filter(pk=request.POST.get("questionnaire")).first()
        return render(request, "survey/form_upload.html", {
            "upload": UploadForm(), "wave_form": form, "questionnaire": questionnaire, "checked": True,
            "questionnaires": Questionnaire.objects.all()[:10]}, status=422)
    data = form.cleaned_data
    try:
        wave = field_questionnaire(data["questionnaire"], data["name"] or None, user=request.user,
                                   opens=data["opens"], closes=data["closes"])
    except CitydipError as error:
        messages.error(request, error.message)
        return redirect("survey:form-upload")
    messages.success(request, _("Wave “%(name)s” created; it is now the current wave. Pilot it before it opens.")
                     % {"name": wave.name})
    return redirect("survey:pilot")

