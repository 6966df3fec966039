"""Extension points: find the module of a given name in every citydip app.

The home page (``home.py``), the city page (``city_sections.py``), the demo (``demo_data.py``, ``demo_prefetch.py``), the
privacy commands (``privacy.py``), the database checksum (``checksum.py``) and verbs added to another
app's command (``command_verbs.py``) are assembled from what each app offers; the core knows no app
and is itself never a contributor (its module of the same name is the collector). Apps come in
INSTALLED_APPS order. ARCHITECTURE.md lists the extension points.
"""
from importlib import import_module

from django.apps import apps


def app_modules(module_name):
    """[(app config, module)] for each citydip app that has ``<app>/<module_name>.py``."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("citydip.") or config.name == "citydip.core":
            continue
        path = f"{config.name}.{module_name}"
        try:
            found.append((config, import_module(path)))
        except ModuleNotFoundError as error:
            if error.name != path:  # the module exists but its own import failed: show that
                raise
    return found
