from django.urls import path

from citydip.core.views import placeholder

app_name = "mapping"
urlpatterns = [
    path("", placeholder, name="index"),
]
