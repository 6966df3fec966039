"""A fieldworker's list of cities to chase today, most urgent first."""
from datetime import timedelta

from django.utils import timezone

from citydip.fieldwork.models import Contact, ContactEvent, Invitation
from citydip.fieldwork.statuses import refresh_statuses
from citydip.frame.models import City
from citydip.survey.models import Response

S = Invitation.Status


def todo_items(wave, today=None, quiet_days=7, call_after_reminders=2):
    """[(priority, city, reason)] sorted: due follow-ups, bounces, no contact, stalled partials, silent cities."""
    today = today or timezone.localdate()
    items = [(0, e.city, f"due {e.due:%Y-%m-%d}: {e.next_step or e.outcome}")
             for e in ContactEvent.objects.filter(due__lte=today, done=False).select_related("city")]
    chased = {city.pk for _, city, _ in items}
    invitations = Invitation.objects.filter(wave=wave).select_related("city") if wave else Invitation.objects.none()
    if wave:
        refresh_statuses(wave)
    for invitation in invitations.filter(status__in=(S.BOUNCED, S.WRONG_CONTACT)).exclude(city__in=chased):
        items.append((1, invitation.city, f"{invitation.get_status_display()}: find another contact"))
    reachable = Contact.objects.filter(retired__isnull=True).exclude(email="").values("city_id")
    for city in City.objects.filter(in_frame=True).exclude(pk__in=reachable).exclude(pk__in=chased)[:200]:
        items.append((2, city, "no contact with an e-mail address: find one"))
    stalled = timezone.now() - timedelta(days=quiet_days)
    if wave:
        for response in Response.objects.filter(wave=wave, state=Response.State.PARTIAL,
                                                last_saved__lt=stalled).select_related("city"):
            items.append((3, response.city, f"partial answer untouched since {response.last_saved:%Y-%m-%d}: "
                                             "encourage to finish"))
    for invitation in invitations.filter(status__in=(S.SENT, S.OPENED), reminders_sent__gte=call_after_reminders,
                                         last_message_at__lt=stalled).exclude(city__in=chased):
        items.append((4, invitation.city, f"no answer after {invitation.reminders_sent} reminders: call"))
    return sorted(items, key=lambda item: (item[0], item[1].country_id, item[1].name))
