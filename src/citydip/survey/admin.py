"""Admin for questionnaires, waves, responses and links. Tokens are never shown, only their hash."""
from django.contrib import admin
from django.db.models import Count
from django.template.response import TemplateResponse

from citydip.core.audit import record
from citydip.survey import sheets
from citydip.survey.models import AccessToken, Questionnaire, Response, Wave


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ("form_id", "version", "title", "default_language", "created")
    search_fields = ("form_id", "title", "filename")
    readonly_fields = ("checksum", "created", "filename")
    exclude = ("content",)


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ("name", "questionnaire", "frame_version", "opens", "closes", "response_count", "created")
    list_select_related = ("questionnaire", "frame_version")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_responses=Count("responses"))

    @admin.display(description="responses", ordering="n_responses")
    def response_count(self, obj):
        return obj.n_responses


class AccessTokenInline(admin.TabularInline):
    model = AccessToken
    extra = 0
    can_delete = False
    fields = ("kind", "language", "created", "created_by", "last_used", "revoked", "token_hash")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.action(description="Create a pilot link for each selected response's city (shown once)")
def create_test_links(modeladmin, request, queryset):
    """Issue pilot links (answers kept apart, see sheets.py) and show them on one page; they cannot be
    shown again (only hashes are kept)."""
    from django.urls import reverse

    links = []
    for response in queryset.select_related("wave", "city"):
        language = response.language or response.wave.questionnaire.default_language
        raw = sheets.issue_pilot(response.wave, response.city, language, request.user)
        record(request.user, "survey.pilot_link", response.wave, city=response.city.city_id, language=language)
        url = request.build_absolute_uri(reverse("survey:respond", args=[raw]))
        links.append({"response": response, "url": url})
    context = {**modeladmin.admin_site.each_context(request), "links": links, "title": "Pilot links"}
    return TemplateResponse(request, "survey/admin_test_links.html", context)


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ("city", "wave", "state", "language", "synthetic", "confidential", "last_saved", "submitted")
    list_filter = ("wave", "state", "synthetic", "confidential", "language", "city__country")
    list_select_related = ("city", "wave")
    search_fields = ("city__name", "city__urau_code")
    readonly_fields = ("started", "last_saved", "submitted", "revision", "current_page")
    inlines = [AccessTokenInline]
    actions = [create_test_links]


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = ("response", "kind", "language", "created", "created_by", "last_used", "revoked")
    list_filter = ("kind", "revoked")
    search_fields = ("response__city__name", "token_hash")
    fields = ("response", "kind", "language", "created", "created_by", "last_used", "revoked", "token_hash")
    readonly_fields = ("response", "kind", "created", "created_by", "last_used", "token_hash")

    def has_add_permission(self, request):
        return False  # links are issued by `tokens.issue` (pilot links, which store apart, are issued by sheets.py)
