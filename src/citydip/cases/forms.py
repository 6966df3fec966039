from django import forms
from django.utils.translation import gettext_lazy as _

from citydip.analysis.models import CaseStudy
from citydip.cases.models import CaseEvent, FieldVisit


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=CaseStudy.Status.choices, label=_("status"))
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, label=_("reason"),
                             help_text=_("why the case moves to this status (shown on the timeline)"))


class EventForm(forms.ModelForm):
    class Meta:
        model = CaseEvent
        fields = ["date", "kind", "title", "description", "source"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "description": forms.Textarea(attrs={"rows": 2})}
        labels = {"date": _("date"), "kind": _("kind"), "title": _("what happened"), "description": _("details"),
                  "source": _("source (URL, citation, interview)")}


class VisitForm(forms.ModelForm):
    class Meta:
        model = FieldVisit
        fields = ["start", "end", "people_met", "notes"]
        widgets = {"start": forms.DateInput(attrs={"type": "date"}), "end": forms.DateInput(attrs={"type": "date"}),
                   "people_met": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 4})}
        labels = {"start": _("first day"), "end": _("last day"), "people_met": _("people met (pseudonyms, one a line)"),
                  "notes": _("notes")}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("the last day comes before the first"))
        return data
