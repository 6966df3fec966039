from django.urls import path

from citydip.analysis import views

app_name = "analysis"
urlpatterns = [
    path("", views.index, name="index"),
    path("run", views.run, name="run"),
    path("runs/<int:pk>/<path:path>", views.run_file, name="run-file"),
]
