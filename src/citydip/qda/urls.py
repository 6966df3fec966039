from django.urls import path

from citydip.qda import analysis_views, api, views

app_name = "qda"
urlpatterns = [
    path("", views.index, name="index"),
    path("interviews/new/", views.interview_edit, name="interview-new"),
    path("officials/", views.officials, name="officials"),
    path("interviews/<int:pk>/", views.interview_detail, name="interview"),
    path("interviews/<int:pk>/edit/", views.interview_edit, name="interview-edit"),
    path("interviews/<int:pk>/withdraw/", views.interview_withdraw, name="interview-withdraw"),
    path("documents/new/", views.document_upload, name="document-new"),
    path("documents/<int:pk>/", views.workbench, name="workbench"),
    path("documents/<int:pk>/assign/", views.document_assign, name="document-assign"),
    path("documents/<int:pk>/coding.json", api.coding, name="api-coding"),
    path("documents/<int:pk>/segments/", api.add_segments, name="api-add-segments"),
    path("segments/<int:pk>/delete/", api.delete_segment, name="api-delete-segment"),
    path("memos/", api.add_memo, name="api-add-memo"),
    path("codebook/", views.codebook, name="codebook"),
    path("codebook/export.qdc", views.codebook_export, name="codebook-export"),
    path("codebook/import/", views.codebook_import, name="codebook-import"),
    path("project/export.qdpx", views.project_export, name="project-export"),
    path("reliability/", analysis_views.reliability_page, name="reliability"),
    path("reliability/resolve/", analysis_views.resolve, name="resolve"),
    path("queries/", analysis_views.queries_page, name="queries"),
    path("quotes/", analysis_views.quotes_page, name="quotes"),
    path("quotes/<int:pk>.<str:fmt>", analysis_views.quotes_download, name="quotes-download"),
]
