from django.apps import AppConfig


class FieldworkConfig(AppConfig):
    name = "citydip.fieldwork"
    default_auto_field = "django.db.models.BigAutoField"
