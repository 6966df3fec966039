"""The city page is assembled from sections that each app contributes (partnerships, survey, interviews).

An app adds a section by defining ``city_section(request, city)`` in its ``city_sections.py``,
returning ``None`` or ``{"title", "template", "context", "order"}``; the template is included with
``panel`` (the context, as for home panels) and ``city``. The frame knows no app, as the home page knows no panel.
"""
from citydip.core.hooks import app_modules


def collect_city_sections(request, city):
    sections = []
    for _, module in app_modules("city_sections"):
        section = module.city_section(request, city)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda s: s.get("order", 100))
