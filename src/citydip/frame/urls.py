from django.urls import path

from citydip.core.views import placeholder

app_name = "frame"
urlpatterns = [
    path("", placeholder, name="city-list"),
]
