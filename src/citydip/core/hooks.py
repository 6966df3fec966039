"""Extension points: find the module of a given name in every citydip app.

The home page (``home.py``), the city page (``city_sections.py``) and the demo (``demo_data.py``) are
assembled from what each app offers; the core knows no app. Apps come in INSTALLED_APPS order.
"""
from importlib import import_module

from django.apps import apps


def app_modules(module_name):
    """[(app config, module)] for each citydip app that has ``<app>/<module_name>.py``."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("citydip."):
            continue
        path = f"{config.name}.{module_name}"
        try:
            found.append((config, import_module(path)))
        except ModuleNotFoundError as error:
            if error.name != path:  # the module exists but its own import failed: show that
                raise
    return found
