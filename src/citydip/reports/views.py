"""The reports page: build the report, the deposit package, the answers' exports and the map files as jobs,
and download what was built, with who built it, when and from which data."""
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from citydip.core.jobs.pages import recent_jobs, start_from_page
from citydip.core.roles import RESEARCHER, role_required
from citydip.reports import tasks
from citydip.reports.deposit import CONFIDENTIAL_MODES
from citydip.survey.exports.run import FORMATS
from citydip.survey.models import Wave
from citydip.survey.tasks import export_answers

FORMAT_LABELS = {"csv": "CSV", "xlsx": "Excel (XLSX)", "sav": "SPSS (SAV)", "dta": "Stata (DTA)",
                 "datapackage": _("Data package (zip)")}
CONFIDENTIAL_LABELS = {"country_size": _("shown by country and size class"), "omit": _("left out")}


def wave_choices():
    return [(wave.pk, wave.name) for wave in Wave.objects.order_by("-pk")]


class ExportForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=[(f, FORMAT_LABELS[f]) for f in FORMATS])
    wave = forms.TypedChoiceField(label=_("Wave"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = wave_choices()


class DepositForm(forms.Form):
    confidential_as = forms.ChoiceField(label=_("Cities that asked not to be named are"),
                                        choices=[(m, CONFIDENTIAL_LABELS[m]) for m in CONFIDENTIAL_MODES])
    wave = forms.TypedChoiceField(label=_("Wave"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = wave_choices()


@role_required(RESEARCHER)
def index(request):
    return render(request, "reports/index.html", {
        "has_wave": Wave.objects.exists(),
        "export_form": ExportForm(), "deposit_form": DepositForm(),
        "report_jobs": recent_jobs(request.user, tasks.build_report),
        "deposit_jobs": recent_jobs(request.user, tasks.build_deposit),
        "export_jobs": recent_jobs(request.user, export_answers, limit=10),
    })


@require_POST
@role_required(RESEARCHER)
def build_report(request):
    return start_from_page(request, tasks.build_report)


def invalid(request, form):
    messages.error(request, "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields
                                      else " ".join(errors) for name, errors in form.errors.items()))
    return redirect("reports:index")


@require_POST
@role_required(RESEARCHER)
def build_deposit(request):
    form = DepositForm(request.POST)
    if not form.is_valid():
        return invalid(request, form)
    return start_from_page(request, tasks.build_deposit, confidential_as=form.cleaned_data["confidential_as"],
                           wave_id=form.cleaned_data["wave"])


@require_POST
@role_required(RESEARCHER)
def export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return invalid(request, form)
    return start_from_page(request, export_answers, fmt=form.cleaned_data["fmt"], wave_id=form.cleaned_data["wave"])
