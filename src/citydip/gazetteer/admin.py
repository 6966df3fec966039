from django.contrib import admin

from citydip.gazetteer.models import GazetteerBuild, Place, PlaceName


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    extra = 0


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "name_zh", "place_id", "level", "province", "country_code", "population")
    list_filter = ("level", "country_code")
    search_fields = ("name", "name_zh", "place_id")
    raw_id_fields = ("province", "parent")
    inlines = [PlaceNameInline]


admin.site.register(GazetteerBuild)
