from django.apps import AppConfig


class SurveyConfig(AppConfig):
    name = "citydip.survey"
    default_auto_field = "django.db.models.BigAutoField"
