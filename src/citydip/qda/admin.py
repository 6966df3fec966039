from django.contrib import admin

from citydip.qda.models import Code, Document, DocumentAssignment, Interview, Memo, Resolution, Segment


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ("pseudonym", "institution_type", "city", "date", "consent_verbatim", "attribution", "withdrawn_at")
    list_filter = ("institution_type", "consent_verbatim", "attribution", "synthetic")
    search_fields = ("pseudonym", "role", "directorate")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "interview", "city", "case", "doc_type", "synthetic")
    list_filter = ("kind", "synthetic")
    search_fields = ("title", "case_ref", "source_file", "source")
    raw_id_fields = ("city",)


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "colour", "codable")
    search_fields = ("name", "definition")


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ("document", "code", "coder", "start", "end", "created")
    list_filter = ("code", "coder")


admin.site.register(Memo)
admin.site.register(DocumentAssignment)
admin.site.register(Resolution)
