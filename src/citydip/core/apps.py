from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "citydip.core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citydip.core import checks  # noqa: F401  (registers system checks)
