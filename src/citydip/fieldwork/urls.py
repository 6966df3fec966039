from django.urls import path

from citydip.core.views import placeholder

app_name = "fieldwork"
urlpatterns = [
    path("", placeholder, name="index"),
]
