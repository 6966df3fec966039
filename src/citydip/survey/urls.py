from django.urls import path

from citydip.survey import pilot_views, respond_views, setup_views, study_views, translation_views, views

app_name = "survey"
urlpatterns = [
    path("", views.index, name="index"),
    path("wave/<int:pk>/", views.wave_detail, name="wave"),
    path("response/<int:pk>/", views.response_detail, name="response"),
    path("form/", setup_views.upload_form, name="form-upload"),
    path("wave/new/", setup_views.create_wave, name="wave-create"),
    path("pilot/", pilot_views.pilot_page, name="pilot"),
    path("study/", study_views.study_settings, name="study-settings"),
    path("translations/", translation_views.translations, name="translations"),
    path("translations/questionnaire.xlsx", translation_views.questionnaire_download, name="translations-instrument"),
    path("translations/<str:code>.<str:fmt>", translation_views.translations_download, name="translations-download"),
    path("wave/<int:pk>/preview/", pilot_views.preview_language, name="preview-language"),
    path("wave/<int:pk>/pilot/clear/", pilot_views.clear_pilot, name="pilot-clear"),
    # The respondent's pages: no login, the personal token is the authentication.
    path("r/<str:token>/", respond_views.respond, name="respond"),
    path("r/<str:token>/review/", respond_views.review, name="review"),
    path("r/<str:token>/done/", respond_views.done, name="done"),
    path("r/<str:token>/suggest", respond_views.suggest_places, name="suggest"),
    path("privacy/", respond_views.privacy, name="privacy"),
]
