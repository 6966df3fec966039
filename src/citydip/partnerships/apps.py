from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "citydip.partnerships"
    default_auto_field = "django.db.models.BigAutoField"
