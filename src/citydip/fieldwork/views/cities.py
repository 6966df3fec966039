"""A city's contacts, invitation and contact log; the to-do list of cities to chase today."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.roles import FIELDWORKER, RESEARCHER, role_required
from citydip.fieldwork.forms import ContactEventForm, StatusForm
from citydip.fieldwork.invitations import invitation_for, reissue
from citydip.fieldwork.models import Contact, ContactEvent, Invitation
from citydip.fieldwork.statuses import refresh_statuses
from citydip.fieldwork.todo import todo_items
from citydip.frame.models import City
from citydip.survey.models import Wave

FIELD_ROLES = (RESEARCHER, FIELDWORKER)


def city_context(city, wave):
    if wave:
        refresh_statuses(wave)
    invitation = invitation_for(wave, city) if wave else None
    return {
        "city": city, "wave": wave, "invitation": invitation,
        "contacts": city.contacts.order_by("retired", "-primary", "person"),
        "events": city.contact_events.select_related("by", "contact")[:100],
        "messages_sent": invitation.messages.order_by("-claimed_at") if invitation else [],
    }


@role_required(*FIELD_ROLES)
def city_log(request, pk):
    city = get_object_or_404(City.objects.select_related("country"), pk=pk)
    wave = Wave.current()
    form = ContactEventForm(request.POST or None, city=city)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.city, event.wave, event.by = city, wave, request.user
        event.save()
        record(request.user, "fieldwork.contact_event", event, city=city.city_id)
        messages.success(request, _("Added to the contact log."))
        return redirect("fieldwork:city", pk=city.pk)
    record(request.user, "fieldwork.view_contacts", city)
    context = city_context(city, wave) | {"form": form, "status_form": StatusForm()}
    return render(request, "fieldwork/city.html", context)


@require_POST
@role_required(*FIELD_ROLES)
def set_status(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        invitation.set_status(form.cleaned_data["status"])
        ContactEvent.objects.create(city=invitation.city, wave=invitation.wave, contact=invitation.contact,
                                    kind=ContactEvent.Kind.NOTE, by=request.user,
                                    outcome=f"status set to {invitation.get_status_display()}")
        record(request.user, "fieldwork.set_status", invitation, status=invitation.status)
    return redirect("fieldwork:city", pk=invitation.city_id)


@require_POST
@role_required(*FIELD_ROLES)
def contact_action(request, pk):
    """Retire a contact, make it the primary one, or re-issue the invitation to it."""
    contact = get_object_or_404(Contact, pk=pk)
    action = request.POST.get("action")
    if action == "retire":
        Contact.objects.filter(pk=contact.pk).update(retired=timezone.localdate(), primary=False)
    elif action == "primary":
        Contact.objects.filter(city=contact.city).update(primary=False)
        Contact.objects.filter(pk=contact.pk).update(primary=True, retired=None)
    elif action == "reissue" and Wave.current():
        invitation, _created = Invitation.objects.get_or_create(wave=Wave.current(), city=contact.city,
                                                         defaults={"contact": contact})
        reissue(invitation, contact, request.user)
        messages.success(request, _("The invitation will go to %(name)s with the next invitations sent; answers "
                                    "already given are kept.") % {"name": contact.display_name()})
    record(request.user, f"fieldwork.contact_{action}", contact)
    return redirect("fieldwork:city", pk=contact.city_id)


@require_POST
@role_required(*FIELD_ROLES)
def event_done(request, pk):
    event = get_object_or_404(ContactEvent, pk=pk)
    ContactEvent.objects.filter(pk=event.pk).update(done=True)
    return redirect(request.POST.get("next") or "fieldwork:todo")


@role_required(*FIELD_ROLES)
def todo(request):
    wave = Wave.current()
    items = todo_items(wave)
    due_events = {e.city_id: e for e in ContactEvent.objects.filter(due__lte=timezone.localdate(), done=False)}
    return render(request, "fieldwork/todo.html", {"wave": wave, "items": items, "due_events": due_events})
