from django.contrib import admin

from citydip.frame.models import City, FrameVersion


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "population", "population_year", "population_status", "size_class",
                    "in_frame", "urau_code", "geonames_id", "source")
    list_filter = ("in_frame", "size_class", "population_status", "source", "is_capital", "country")
    search_fields = ("name", "native_name", "urau_code", "nuts3", "wikidata_id", "=geonames_id")
    list_select_related = ("country",)
    readonly_fields = ("frame_version",)
    ordering = ("country_id", "name")


@admin.register(FrameVersion)
class FrameVersionAdmin(admin.ModelAdmin):
    list_display = ("pk", "created", "source", "input_file", "checksum")
    list_filter = ("source",)
    search_fields = ("input_file", "checksum")
    date_hierarchy = "created"
    readonly_fields = ("created", "source", "input_file", "checksum", "rule", "counts")
    exclude = ("cities",)

    def has_add_permission(self, request):
        return False
