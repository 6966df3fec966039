from django.contrib import admin

from citydip.mapping.models import MapSettings


@admin.register(MapSettings)
class MapSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "updated", "updated_by")
    readonly_fields = ("updated", "updated_by")
