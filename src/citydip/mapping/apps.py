from django.apps import AppConfig


class MappingConfig(AppConfig):
    name = "citydip.mapping"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citydip.mapping import signals

        signals.connect()
