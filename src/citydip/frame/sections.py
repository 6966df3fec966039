"""The city page is assembled from sections that each app contributes (partnerships, survey, interviews).

An app adds a section by defining ``city_section(request, city)`` in its ``city_sections.py``,
returning ``None`` or ``{"title", "template", "context", "order"}``; the template is included with
``panel`` (the context, as for home panels) and ``city``. The frame knows no app, as the home page knows no panel.
"""
from importlib import import_module

from django.apps import apps


def section_modules():
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("citydip."):
            continue
        try:
            modules.append(import_module(f"{config.name}.city_sections"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.city_sections":
                raise
    return modules


def collect_city_sections(request, city):
    sections = []
    for module in section_modules():
        section = module.city_section(request, city)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda s: s.get("order", 100))
