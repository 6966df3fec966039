from django.apps import AppConfig


class QdaConfig(AppConfig):
    name = "citydip.qda"
    default_auto_field = "django.db.models.BigAutoField"
