from django.urls import path

from citydip.mapping import views

app_name = "mapping"
urlpatterns = [
    path("", views.index, name="index"),
    path("build", views.build, name="build"),
    path("data/<slug:name>.json", views.data, name="data"),
    path("public/switch/", views.switch_public, name="switch-public"),
    path("public/", views.public_index, name="public"),
    path("public/data/<slug:name>.json", views.public_data, name="public-data"),
]
