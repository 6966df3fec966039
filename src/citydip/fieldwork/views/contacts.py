"""Contacts in the browser: import a file (report of bad rows, then confirm), add and edit one contact.

The import runs the same checks as ``citydip survey contacts import`` (``contacts_file.py``): every bad
row is listed with its line, column and reason; nothing is imported until the user confirms, and then
only the valid rows, in one transaction. Between the check and the confirmation the file waits in the
user's session (contacts are personal data: no copy on disk), and it is checked again on confirmation.
"""
import base64
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.roles import FIELDWORKER, RESEARCHER, role_required
from citydip.fieldwork.contacts_file import check_fields, check_rows, import_contacts, read_table
from citydip.fieldwork.models import Contact
from citydip.frame.models import City

FIELD_ROLES = (RESEARCHER, FIELDWORKER)
SESSION_KEY = "citydip_contacts_upload"
MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt")


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Contacts file (CSV or XLSX)"))


def check_file(name, data):
    """(checked rows, error rows) of a contacts file's bytes; CitydipError when the file is unreadable."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        _header, rows = read_table(path)
        return check_rows(rows, name)


def error_rows(errors):
    return [{"line": e.location.get("line", ""), "field": e.location.get("field", ""), "message": e.message,
             "code": e.code} for e in errors]


@role_required(*FIELD_ROLES)
def contacts_import(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    action = request.POST.get("action")
    if request.method == "POST" and action == "confirm":
        return confirm_import(request)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = Path(upload.name).name
        if not name.lower().endswith(SUFFIXES) or upload.size > MAX_BYTES:
            context["failure"] = _("A contacts file is a CSV or XLSX file of at most 5 MB.")
            return render(request, "fieldwork/contacts_import.html", context, status=422)
        data = upload.read()
        try:
            checked = check_file(name, data)
        except CitydipError as error:
            context["failure"] = str(error)
            return render(request, "fieldwork/contacts_import.html", context, status=422)
        request.session[SESSION_KEY] = {"name": name, "data": base64.b64encode(data).decode()}
        record(request.user, "fieldwork.contacts_check", file=name, valid=len(checked.rows), bad=len(checked.errors))
        context.update(name=name, valid=len(checked.rows), errors=error_rows(checked.errors), checked=True)
    return render(request, "fieldwork/contacts_import.html", context)


def confirm_import(request):
    stored = request.session.pop(SESSION_KEY, None)
    if stored is None:
        messages.error(request, _("Upload the file again: the checked file is no longer waiting."))
        return redirect("fieldwork:contacts-import")
    name = stored["name"]
    try:
        checked = check_file(name, base64.b64decode(stored["data"]))
    except CitydipError as error:
        messages.error(request, str(error))
        return redirect("fieldwork:contacts-import")
    if not checked.rows:
        messages.error(request, _("Nothing imported: the file has no valid row."))
        return redirect("fieldwork:contacts-import")
    with transaction.atomic():
        count = import_contacts(checked)
        record(request.user, "fieldwork.contacts_import", file=name, imported=count, rejected=len(checked.errors))
    messages.success(request, _("%(count)d contacts imported from %(name)s; %(bad)d bad rows left out.")
                     % {"count": count, "name": name, "bad": len(checked.errors)})
    return redirect("fieldwork:index")


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["person", "role", "office", "email", "phone", "language", "primary"]
        labels = {"person": gettext_lazy("Name"), "role": gettext_lazy("Role"), "office": gettext_lazy("Office"),
                  "email": gettext_lazy("E-mail address"), "phone": gettext_lazy("Phone"),
                  "language": gettext_lazy("Language (two letters, e.g. de, pl)"),
                  "primary": gettext_lazy("Primary contact (invitations go to this person)")}
        help_texts = {"language": ""}

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city or self.instance.city

    def clean(self):
        data = super().clean()
        row = {"email": data.get("email", ""), "phone": data.get("phone", ""), "language": data.get("language", "")}
        problem = check_fields(row)
        if problem:
            _code, reason, field = problem
            self.add_error(field if field in self.fields else None, reason)
        email = (data.get("email") or "").lower()
        others = Contact.objects.filter(city=self.city, retired__isnull=True, email__iexact=email)
        if email and others.exclude(pk=self.instance.pk).exists():
            self.add_error("email", _("%(email)s is already a contact of %(city)s") % {"email": email,
                                                                                       "city": self.city.name})
        data["language"] = (data.get("language") or "").lower()
        return data


def save_contact(form, user, action):
    with transaction.atomic():
        contact = form.save(commit=False)
        contact.city = form.city
        if not contact.source:
            contact.source = f"entered by {user.get_username()}"
        contact.save()
        if contact.primary or not Contact.objects.filter(city=contact.city, primary=True, retired__isnull=True).exists():
            Contact.objects.filter(city=contact.city).exclude(pk=contact.pk).update(primary=False)
            Contact.objects.filter(pk=contact.pk).update(primary=True)
        record(user, action, contact, city=contact.city.city_id, fields=sorted(form.changed_data))
    return contact


@role_required(*FIELD_ROLES)
def contact_add(request, pk):
    city = get_object_or_404(City.objects.select_related("country"), pk=pk)
    form = ContactForm(request.POST or None, city=city)
    if request.method == "POST" and form.is_valid():
        contact = save_contact(form, request.user, "fieldwork.contact_add")
        messages.success(request, _("Contact %(name)s added.") % {"name": contact.display_name()})
        return redirect("fieldwork:city", pk=city.pk)
    return render(request, "fieldwork/contact_form.html", {"form": form, "city": city, "contact": None})


@role_required(*FIELD_ROLES)
def contact_edit(request, pk):
    contact = get_object_or_404(Contact.objects.select_related("city", "city__country"), pk=pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        save_contact(form, request.user, "fieldwork.contact_edit")
        messages.success(request, _("Contact %(name)s saved.") % {"name": contact.display_name()})
        return redirect("fieldwork:city", pk=contact.city_id)
    return render(request, "fieldwork/contact_form.html", {"form": form, "city": contact.city, "contact": contact})
