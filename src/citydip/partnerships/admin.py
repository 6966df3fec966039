from django.contrib import admin

from citydip.partnerships.models import Evidence, ImportedRow, ImportRun, Partnership, ReviewDecision


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ("city", "place", "kind", "year_signed", "status")
    list_filter = ("kind", "status", "city__country")
    search_fields = ("city__name", "place__name", "place__name_zh")
    raw_id_fields = ("city", "place")
    inlines = [EvidenceInline]


@admin.register(ImportedRow)
class ImportedRowAdmin(admin.ModelAdmin):
    list_display = ("eu_name", "eu_country", "cn_name", "outcome", "source_name", "reason")
    list_filter = ("outcome", "source_name", "eu_country", "eu_level")
    search_fields = ("eu_name", "cn_name")
    raw_id_fields = ("city", "place", "partnership")


admin.site.register(ImportRun)
admin.site.register(ReviewDecision)
