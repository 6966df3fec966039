"""What the privacy notice names: the study settings (institution, principal investigator, contact,
funder and grant, ethics approval, data controller, retention period).

An unset value shows as a clear placeholder, "[not set: data controller]", so a pilot shows at a
glance what is missing (opening a live wave is refused until every one is set).
"""
from django.conf import settings

FIELDS = {
    "institution": "institution",
    "principal_investigator": "principal investigator",
    "contact": "contact address",
    "funder": "funder and grant",
    "ethics_approval": "ethics approval reference",
    "data_controller": "data controller",
    "retention": "retention period",
}


def placeholder(field):
    return f"[not set: {FIELDS[field]}]"


def study_values():
    """``{field: text}`` for the notice, each a value or its placeholder."""
    configured = getattr(settings, "CITYDIP_STUDY", {}) or {}
    return {field: (str(configured.get(field) or "").strip() or placeholder(field)) for field in FIELDS}
