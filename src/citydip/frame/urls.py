from django.urls import path

from citydip.frame import build_views, views

app_name = "frame"
urlpatterns = [
    path("", views.city_list, name="city-list"),
    path("", views.city_list, name="index"),
    path("city/<int:pk>/", views.city_detail, name="city-detail"),
    path("versions/", views.version_list, name="versions"),
    path("build/", build_views.build_page, name="build"),
]
