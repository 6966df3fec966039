from django.urls import path

from citydip.core.views import placeholder

app_name = "survey"
urlpatterns = [
    path("", placeholder, name="index"),
]
