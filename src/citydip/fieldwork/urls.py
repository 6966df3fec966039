from django.urls import path

from citydip.fieldwork.views import cities, contacts, dashboard, messages, public, send

app_name = "fieldwork"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("non-respondents/", dashboard.non_respondents, name="non-respondents"),
    path("todo/", cities.todo, name="todo"),
    path("city/<int:pk>/", cities.city_log, name="city"),
    path("invitation/<int:pk>/status/", cities.set_status, name="set-status"),
    path("contact/<int:pk>/", cities.contact_action, name="contact-action"),
    path("contact/<int:pk>/edit/", contacts.contact_edit, name="contact-edit"),
    path("city/<int:pk>/contact/new/", contacts.contact_add, name="contact-add"),
    path("contacts/import/", contacts.contacts_import, name="contacts-import"),
    path("send/invitations/", send.send, {"kind": send.INVITATIONS}, name="send-invitations"),
    path("send/reminders/", send.send, {"kind": send.REMINDERS}, name="send-reminders"),
    path("send/test/", send.test_message, name="test-message"),
    path("event/<int:pk>/done/", cities.event_done, name="event-done"),
    path("templates/", messages.template_list, name="templates"),
    path("templates/<int:pk>/", messages.template_preview, name="template"),
    path("letters/", messages.letters_pdf, name="letters"),
    path("optout/<str:token>/", public.opt_out, name="optout"),
    path("privacy/", public.privacy, name="privacy"),
]
