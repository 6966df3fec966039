from django.contrib import admin

from citydip.fieldwork.models import Contact, ContactEvent, EmailTemplate, Invitation, MessageLog


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("city", "person", "office", "email", "language", "primary", "retired")
    list_filter = ("primary", "language")
    search_fields = ("person", "office", "email", "city__name")
    raw_id_fields = ("city",)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("city", "wave", "status", "sent_at", "reminders_sent")
    list_filter = ("wave", "status")
    search_fields = ("city__name",)
    raw_id_fields = ("city", "contact", "token", "claim")


@admin.register(MessageLog)
class MessageLogAdmin(admin.ModelAdmin):
    list_display = ("claimed_at", "kind", "to", "result", "smtp_code")
    list_filter = ("kind", "result")
    search_fields = ("to", "message_id")
    raw_id_fields = ("invitation",)


@admin.register(ContactEvent)
class ContactEventAdmin(admin.ModelAdmin):
    list_display = ("at", "city", "kind", "by", "outcome", "due", "done")
    list_filter = ("kind", "done")
    raw_id_fields = ("city", "contact")


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    list_display = ("kind", "language", "subject", "updated")
