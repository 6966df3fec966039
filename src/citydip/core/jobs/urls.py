from django.urls import path

from citydip.core.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/progress", views.job_progress, name="progress"),
    path("<int:pk>/cancel", views.job_cancel, name="cancel"),
    path("<int:pk>/restart", views.job_restart, name="restart"),
    path("<int:pk>/files/<path:name>", views.job_file, name="file"),
]
