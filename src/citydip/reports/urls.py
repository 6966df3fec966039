from django.urls import path

from citydip.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("report/build", views.build_report, name="build-report"),
    path("deposit/build", views.build_deposit, name="build-deposit"),
    path("answers/export", views.export, name="export"),
]
