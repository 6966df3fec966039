from django.apps import AppConfig


class GazetteerConfig(AppConfig):
    name = "citydip.gazetteer"
    default_auto_field = "django.db.models.BigAutoField"
