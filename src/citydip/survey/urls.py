from django.urls import path

from citydip.survey import respond_views, views

app_name = "survey"
urlpatterns = [
    path("", views.index, name="index"),
    path("wave/<int:pk>/", views.wave_detail, name="wave"),
    path("response/<int:pk>/", views.response_detail, name="response"),
    path("test-link/", views.test_link, name="test-link"),
    # The respondent's pages: no login, the personal token is the authentication.
    path("r/<str:token>/", respond_views.respond, name="respond"),
    path("r/<str:token>/review/", respond_views.review, name="review"),
    path("r/<str:token>/done/", respond_views.done, name="done"),
    path("r/<str:token>/suggest", respond_views.suggest_places, name="suggest"),
    path("privacy/", respond_views.privacy, name="privacy"),
]
