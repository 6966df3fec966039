from django.contrib import admin

from citydip.core.models import AuditEvent, Country


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("iso2", "name", "eu_member")
    list_filter = ("eu_member",)
    search_fields = ("iso2", "name")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "user__username")
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None):
        return False
