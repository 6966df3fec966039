"""``thousands``: 1234567 -> "1,234,567" (django.contrib.humanize is not installed; this is all we need)."""
from django import template

register = template.Library()


@register.filter
def thousands(value):
    if value is None or value == "":
        return ""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value
