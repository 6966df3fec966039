from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "citydip.cases"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "case studies"
