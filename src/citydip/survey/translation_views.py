"""Researchers' page of the translations: each language's status, its translator's file to download,
and a reviewed file to upload (the same code as ``citydip survey translations export|import``)."""
from django import forms
from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from citydip.core.errors import CitydipError
from citydip.core.roles import RESEARCHER, role_required
from citydip.survey import translation_files, translation_units
from citydip.survey.commands.translations import export_file, import_file
from citydip.survey.instruments import build_instrument

MAX_UPLOAD = 10 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Translator's file (XLIFF or CSV)"))
    reviewed_by = forms.CharField(label=_("Reviewed by (marks the language reviewed)"), required=False, max_length=100)


def language_rows():
    names = dict(settings.LANGUAGES)
    return [{"code": code, "name": names.get(code, code), **translation_units.summary(code)}
            for code in translation_units.languages()]


@role_required(RESEARCHER)
@require_http_methods(["GET", "POST"])
def translations(request):
    report, error, form = None, None, UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_UPLOAD:
                    raise CitydipError("SURVEY-E305", "the file is larger than 10 MB", file=upload.name)
                report = import_file(upload.read(), upload.name, form.cleaned_data["reviewed_by"].strip(),
                                     user=request.user)
            except CitydipError as failure:
                error = failure
    return render(request, "survey/translations.html", {"rows": language_rows(), "form": form, "report": report,
                                                        "error": error, "formats": translation_files.FORMATS})


@role_required(RESEARCHER)
@require_GET
def translations_download(request, code, fmt):
    if code not in translation_units.languages() or fmt not in translation_files.FORMATS:
        raise Http404("no such language or format")
    suffix = "csv" if fmt == "csv" else "xlf"
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-xliff+xml"
    response = HttpResponse(export_file(code, fmt), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="citydip-translations-{code}.{suffix}"'
    return response


@role_required(RESEARCHER)
@require_GET
def questionnaire_download(request):
    """The XLSForm with the team's translations (rebuilt in the data folder after each import), else
    the packaged one: the form to give a new wave."""
    edited = translation_units.instrument_output()
    path = edited if edited.exists() else build_instrument.OUTPUT
    return FileResponse(path.open("rb"), as_attachment=True, filename=build_instrument.OUTPUT.name,
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
