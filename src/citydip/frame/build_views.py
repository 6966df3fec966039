"""Build the frame from the browser: upload an Urban Audit file, or rebuild from the configured source.

The build is a job (``frame/tasks.py``); its page shows the progress, the report of what changed and
``changes.csv``. Researchers only.
"""
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.jobs import start_job
from citydip.core.roles import RESEARCHER, role_required
from citydip.frame import tasks
from citydip.frame.models import FrameVersion

MAX_BYTES = 50 * 1024 * 1024


class BuildForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Urban Audit file (CSV)"), required=False,
                           help_text=gettext_lazy("columns urau_code, name, country_iso2, population, "
                                                  "population_year, lat, lon (as Eurostat's Urban Audit)"))
    min_population = forms.IntegerField(label=gettext_lazy("A city is in the frame above this population"),
                                        min_value=0, initial=settings.CITYDIP_MIN_POPULATION)
    countries = forms.CharField(label=gettext_lazy("Countries (ISO codes separated by commas, or EU27)"),
                                initial="EU27", max_length=200)

    def clean_countries(self):
        from citydip.frame.management.commands.frame import parse_countries

        try:
            return parse_countries(self.cleaned_data["countries"])
        except CitydipError as error:
            raise forms.ValidationError(error.message) from None


@role_required(RESEARCHER)
def build_page(request):
    form = BuildForm(request.POST or None, request.FILES or None)
    source, path = tasks.configured_source()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        params = {"min_population": data["min_population"], "countries": data["countries"]}
        upload = data["file"]
        if request.POST.get("action") == "upload":
            if upload is None:
                form.add_error("file", _("Choose the file to upload."))
            elif upload.size > MAX_BYTES or not upload.name.lower().endswith(".csv"):
                form.add_error("file", _("The frame file is a CSV file of at most 50 MB."))
            else:
                target = tasks.upload_folder() / f"{uuid.uuid4().hex}.csv"
                with open(target, "wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
                params.update(source="urau", input_path=str(target), input_name=Path(upload.name).name)
        else:
            params.update(source=source, input_path=path, input_name=Path(path).name if path else "")
        if not form.errors:
            job = start_job(tasks.build, user=request.user, **params)
            record(request.user, "frame.build_start", job, source=params["source"], file=params["input_name"])
            return redirect("jobs:detail", pk=job.pk)
    return render(request, "frame/build.html", {"form": form, "source": source, "source_path": path,
                                                "version": FrameVersion.current()})
