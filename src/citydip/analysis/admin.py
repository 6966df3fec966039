from django.contrib import admin

from citydip.analysis.models import AnalysisRun, CaseStudy, Covariate


@admin.register(Covariate)
class CovariateAdmin(admin.ModelAdmin):
    list_display = ("variable", "level", "city", "country", "year", "value", "source", "synthetic")
    list_filter = ("level", "variable", "synthetic")
    search_fields = ("variable", "city__name", "country__iso2", "source")
    raw_id_fields = ("city",)


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ("city", "status", "status_reason", "selected", "seed", "updated")
    list_filter = ("status",)
    search_fields = ("city__name",)
    raw_id_fields = ("city",)


@admin.register(AnalysisRun)
class AnalysisRunAdmin(admin.ModelAdmin):
    list_display = ("started", "finished", "output_dir", "checksum")
    readonly_fields = ("started", "finished", "output_dir", "database_state", "versions", "outputs", "skipped")
