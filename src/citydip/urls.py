"""URL map: one prefix per stage; each app owns its own urls.py."""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("", include("citydip.core.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("frame/", include("citydip.frame.urls")),
    path("gazetteer/", include("citydip.gazetteer.urls")),
    path("partnerships/", include("citydip.partnerships.urls")),
    path("survey/", include("citydip.survey.urls")),
    path("api/", include("citydip.survey.api_urls")),
    path("fieldwork/", include("citydip.fieldwork.urls")),
    path("map/", include("citydip.mapping.urls")),
    path("analysis/", include("citydip.analysis.urls")),
    path("qda/", include("citydip.qda.urls")),
    path("cases/", include("citydip.cases.urls")),
    path("reports/", include("citydip.reports.urls")),
    path("jobs/", include("citydip.core.jobs.urls")),
    # Django's set_language: the staff's language switch in the header (English / Polski).
    path("i18n/", include("django.conf.urls.i18n")),
]
