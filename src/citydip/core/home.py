"""The home page is assembled from panels that each app contributes.

An app that wants a panel on the home page defines ``home_panel(request)`` in its ``home.py``
returning ``None`` or a dict ``{"title", "template", "context", "order"}``. The core knows no app.
"""
from importlib import import_module

from django.apps import apps


def collect_panels(request):
    panels = []
    for config in apps.get_app_configs():
        if not config.name.startswith("citydip.") or config.name == "citydip.core":
            continue
        try:
            module = import_module(f"{config.name}.home")
        except ModuleNotFoundError as error:
            if error.name == f"{config.name}.home":
                continue
            raise
        panel = module.home_panel(request)
        if panel:
            panels.append(panel)
    return sorted(panels, key=lambda p: p.get("order", 100))
