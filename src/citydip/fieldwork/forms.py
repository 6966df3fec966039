from django import forms
from django.utils.translation import gettext_lazy as _

from citydip.fieldwork.models import ContactEvent, EmailTemplate, Invitation


class ContactEventForm(forms.ModelForm):
    class Meta:
        model = ContactEvent
        fields = ["kind", "contact", "outcome", "next_step", "due"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}), "outcome": forms.TextInput()}
        labels = {"kind": _("Kind"), "contact": _("Contact"), "outcome": _("Outcome"), "next_step": _("Next step"),
                  "due": _("Due")}

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = city.contacts.all() if city else self.fields["contact"].queryset.none()
        self.fields["contact"].required = False


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[(s.value, s.label) for s in Invitation.MANUAL]
                               + [("sent", _("undo: sent"))])


class EmailTemplateForm(forms.ModelForm):
    class Meta:
        model = EmailTemplate
        fields = ["subject", "body"]
        labels = {"subject": _("Subject"), "body": _("Text")}
        widgets = {"body": forms.Textarea(attrs={"rows": 22})}

    def clean(self):
        from citydip.core.errors import CitydipError
        from citydip.fieldwork.compose import check_template

        data = super().clean()
        try:
            check_template(data.get("subject", ""), data.get("body", ""))
        except CitydipError as error:
            self.add_error(error.location.get("field"), error.message)
        return data
