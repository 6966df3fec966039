from django.urls import path

from citydip.core.views import placeholder

app_name = "partnerships"
urlpatterns = [
    path("", placeholder, name="index"),
]
