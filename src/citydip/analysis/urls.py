from django.urls import path

from citydip.core.views import placeholder

app_name = "analysis"
urlpatterns = [
    path("", placeholder, name="index"),
]
