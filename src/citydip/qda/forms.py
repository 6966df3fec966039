from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from citydip.frame.models import City
from citydip.qda.agreement import LEVELS
from citydip.qda.models import Code, DocType, Document, Interview
from citydip.qda.textread import SUFFIXES
from citydip.qda.units import UNIT_KINDS


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["institution_type", "role", "city", "case", "directorate", "unit", "date", "mode", "consent_recording",
                  "consent_verbatim", "attribution", "consent_date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}),
                   "consent_date": forms.DateInput(attrs={"type": "date"})}


def case_studies():
    return apps.get_model("analysis", "CaseStudy").objects.select_related("city").order_by("city__name")


class DocumentUploadForm(forms.Form):
    file = forms.FileField(help_text=f"{', '.join(SUFFIXES)} (PDF with a text layer)")
    title = forms.CharField(required=False, max_length=300)
    kind = forms.ChoiceField(choices=Document.Kind.choices)
    interview = forms.ModelChoiceField(Interview.objects.usable(), required=False)
    city = forms.ModelChoiceField(City.objects.all(), required=False,
                                  help_text=_("the city the document is about (default: the case's or interview's)"))
    case = forms.ModelChoiceField(case_studies(), required=False, label=_("case study"))
    doc_type = forms.ChoiceField(choices=[("", "—"), *DocType.choices], required=False, label=_("document type"),
                                 help_text=_("for case documents"))
    doc_date = forms.DateField(required=False, label=_("date of the document"),
                               widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.CharField(required=False, max_length=20, help_text=_("language code, e.g. pl, de, zh"))
    source = forms.CharField(required=False, max_length=500, label=_("source URL or citation"))
    licence = forms.CharField(required=False, max_length=300, label=_("licence or access note"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = case_studies()  # evaluated per request, not at import

    def clean(self):
        data = super().clean()
        if data.get("kind") == Document.Kind.CASE_DOCUMENT:
            for name in ("case", "doc_type"):
                if not data.get(name):
                    self.add_error(name, _("a case document needs this"))
        return data


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
