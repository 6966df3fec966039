from django import forms
from django.contrib.auth import get_user_model

from citydip.frame.models import City
from citydip.qda.agreement import LEVELS
from citydip.qda.models import Code, Document, Interview
from citydip.qda.textread import SUFFIXES
from citydip.qda.units import UNIT_KINDS


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["institution_type", "role", "city", "directorate", "date", "mode", "consent_recording",
                  "consent_verbatim", "attribution", "consent_date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}),
                   "consent_date": forms.DateInput(attrs={"type": "date"})}


class DocumentUploadForm(forms.Form):
    file = forms.FileField(help_text=f"{', '.join(SUFFIXES)} (PDF with a text layer)")
    title = forms.CharField(required=False, max_length=300)
    kind = forms.ChoiceField(choices=Document.Kind.choices)
    interview = forms.ModelChoiceField(Interview.objects.usable(), required=False)
    city = forms.ModelChoiceField(City.objects.all(), required=False,
                                  help_text="the city the document is about (default: the interview's city)")
    case_label = forms.CharField(required=False, max_length=200, label="case study")


class CodeForm(forms.ModelForm):
    class Meta:
        model = Code
        fields = ["parent", "name", "definition", "inclusion", "exclusion", "example", "colour"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"}),
                   "definition": forms.Textarea(attrs={"rows": 2}), "inclusion": forms.Textarea(attrs={"rows": 2}),
                   "exclusion": forms.Textarea(attrs={"rows": 2}), "example": forms.Textarea(attrs={"rows": 2})}


class UploadForm(forms.Form):
    file = forms.FileField()


class AssignForm(forms.Form):
    coder = forms.ModelChoiceField(get_user_model().objects.filter(groups__name="coder").order_by("username"))


class ReliabilityForm(forms.Form):
    unit = forms.ChoiceField(choices=[(u, u) for u in UNIT_KINDS], initial="paragraph")
    uncoded = forms.ChoiceField(choices=[("include", "include uncoded text"), ("exclude", "exclude uncoded text")],
                                initial="include")
    level = forms.ChoiceField(choices=[(lv, lv) for lv in LEVELS], initial="nominal")
    coders = forms.ModelMultipleChoiceField(
        get_user_model().objects.filter(qda_segments__isnull=False).distinct().order_by("username"),
        required=False, widget=forms.CheckboxSelectMultiple, help_text="none ticked: every coder")
