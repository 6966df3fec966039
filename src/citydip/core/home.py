"""The home page is assembled from panels that each app contributes.

An app that wants a panel on the home page defines ``home_panel(request)`` in its ``home.py``
returning ``None`` or a dict ``{"title", "template", "context", "order"}``. The core knows no app.
"""
from citydip.core.hooks import app_modules


def collect_panels(request):
    panels = []
    for _, module in app_modules("home"):
        panel = module.home_panel(request)
        if panel:
            panels.append(panel)
    return sorted(panels, key=lambda p: p.get("order", 100))
