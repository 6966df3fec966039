"""The study settings (survey.models.StudySettings) as the respondent's pages, the privacy notice,
the letters and the paper questionnaire use them.

- :func:`values` gives every field's text, or a clear placeholder "[not set: data controller]" when it
  is empty, so a pilot shows at a glance what is missing;
- :func:`require_complete` refuses to open the survey to real cities (sending invitations, printing
  letters) while a field is empty (SURVEY-E030, naming the fields and the page to set them);
- :func:`fill` puts the values into the instrument's ``{study_...}`` placeholders.
"""
from django.utils import translation
from django.utils.translation import gettext_noop as _

from citydip.core.errors import CitydipError

# English names (placeholders and command-line messages stay English); pages translate them with gettext.
FIELDS = {
    "institution": _("institution"),
    "principal_investigator": _("principal investigator"),
    "contact": _("contact address"),
    "funder": _("funder and grant"),
    "ethics_approval": _("ethics approval reference"),
    "data_controller": _("data controller"),
    "retention": _("retention period"),
}
# The instrument's placeholders ({study_institution} …) and the field each one names.
PLACEHOLDERS = {
    "study_institution": "institution", "study_investigator": "principal_investigator", "study_contact": "contact",
    "study_funder": "funder", "study_ethics": "ethics_approval", "study_controller": "data_controller",
    "study_retention": "retention",
}


def placeholder(field):
    """The placeholder, in English like its "[not set: ...]" frame (the team's working language), so that
    it reads the same whichever language a pilot respondent chose."""
    with translation.override("en"):
        return f"[not set: {FIELDS[field]}]"


def current():
    from citydip.survey.models import StudySettings

    return StudySettings.get()


def values(settings=None):
    """``{field: text}``, each the value or its placeholder."""
    settings = settings or current()
    return {field: (getattr(settings, field) or "").strip() or placeholder(field) for field in FIELDS}


def missing(settings=None):
    settings = settings or current()
    return [field for field in FIELDS if not (getattr(settings, field) or "").strip()]


def require_complete():
    """Raise SURVEY-E030 unless every study setting is set (called before invitations or letters go out)."""
    empty = missing()
    if empty:
        names = ", ".join(str(FIELDS[field]) for field in empty)
        raise CitydipError("SURVEY-E030", f"the study settings are incomplete ({names}): the consent page and the "
                           "privacy notice would show placeholders to real cities. Set them on Survey → Study "
                           "settings (/survey/study/) before sending invitations or letters", field=empty[0])


def fill(text, study=None):
    """``text`` with ``{study_institution}`` … replaced by the study settings (or their placeholders)."""
    if not text or "{study_" not in text:
        return text
    study = study or values()
    for key, field in PLACEHOLDERS.items():
        text = text.replace("{" + key + "}", study[field])
    return text
