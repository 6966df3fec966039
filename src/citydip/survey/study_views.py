"""Survey → Study settings: what the consent page, the privacy notice and the letters name.

Researchers and admins edit the one StudySettings row here; every change is written to the audit
log with the fields it changed. An empty field shows as a placeholder to pilot respondents and
blocks invitations (study_settings.require_complete).
"""
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citydip.core.audit import record
from citydip.core.roles import RESEARCHER, role_required
from citydip.survey.models import StudySettings
from citydip.survey.study_settings import FIELDS, missing


class StudySettingsForm(forms.ModelForm):
    class Meta:
        model = StudySettings
        fields = list(FIELDS)
        widgets = {field: forms.TextInput(attrs={"size": 80}) for field in FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in FIELDS.items():
            text = _(label)
            self.fields[field].label = text[:1].upper() + text[1:]


@role_required(RESEARCHER)
def study_settings(request):
    settings = StudySettings.get()
    form = StudySettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        changed = list(form.changed_data)
        saved = form.save(commit=False)
        if changed:
            saved.synthetic = False  # a person set them: no longer the demo's made-up values
        saved.save()
        record(request.user, "survey.study_settings.update", saved, changed=changed)
        messages.success(request, _("Study settings saved."))
        return redirect("survey:study-settings")
    return render(request, "survey/study_settings.html", {
        "form": form, "settings": settings, "missing": [_(FIELDS[field]) for field in missing(settings)]})
