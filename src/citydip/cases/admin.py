"""Corrections by an admin: timeline events and field visits (researchers add them on the case page)."""
from django.contrib import admin

from citydip.cases.models import CaseEvent, FieldVisit


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ("date", "case", "kind", "title", "source", "added_by", "synthetic")
    list_filter = ("kind", "synthetic")
    search_fields = ("title", "source", "case__city__name")
    raw_id_fields = ("case",)


@admin.register(FieldVisit)
class FieldVisitAdmin(admin.ModelAdmin):
    list_display = ("start", "end", "case", "researcher", "synthetic")
    search_fields = ("case__city__name", "notes")
    raw_id_fields = ("case",)
