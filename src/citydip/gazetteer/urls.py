from django.urls import path

from citydip.gazetteer import views

app_name = "gazetteer"
urlpatterns = [
    path("", views.index, name="index"),
    path("suggest", views.suggest_json, name="suggest"),
    path("place/<str:place_id>/", views.place_detail, name="place"),
]
