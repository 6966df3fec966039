"""Compose a message from an EmailTemplate: choose the language, fill the placeholders.

Templates use Django's template syntax with autoescaping off (the messages are plain text).
Only the placeholders of :data:`default_templates.PLACEHOLDERS` may be used; :func:`check_template`
says which other name a template used, so a typo is caught when the template is saved, not when
800 messages have gone out with an empty hole in them.
"""
import datetime
import re

from django.template import Context, Engine, TemplateSyntaxError
from django.utils import formats, timezone, translation

from citydip.core.errors import CitydipError
from citydip.fieldwork import default_templates
from citydip.fieldwork.config import privacy_url, setting
from citydip.fieldwork.models import EmailTemplate
from citydip.survey.study_settings import values as study_values

# The study settings a message may name (placeholders of default_templates.PLACEHOLDERS).
STUDY_FIELDS = ("institution", "principal_investigator", "funder", "ethics_approval", "data_controller")

ENGINE = Engine(autoescape=False)
VARIABLE = re.compile(r"{{\s*([a-zA-Z_][\w.]*)")
DEFAULT_DEADLINE_DAYS = 28


def ensure_default_templates():
    """Copy the default templates into the database where a (kind, language) has none yet."""
    present = set(EmailTemplate.objects.values_list("kind", "language"))
    missing = [EmailTemplate(kind=kind, language=language, subject=subject, body=body)
               for kind, by_language in default_templates.DEFAULTS.items()
               for language, (subject, body) in by_language.items() if (kind, language) not in present]
    if missing:
        EmailTemplate.objects.bulk_create(missing, ignore_conflicts=True)


class Composer:
    """Templates loaded once (one query) and compiled once, for a run that composes many messages."""

    def __init__(self):
        ensure_default_templates()
        self.templates = {(t.kind, t.language): t for t in EmailTemplate.objects.all()}
        self.languages = {language for _, language in self.templates}
        self.compiled = {}

    def language(self, contact=None, city=None):
        """The contact's language when we have templates in it, else the city's first such official language, else en."""
        candidates = [getattr(contact, "language", "")] + (list(city.country.languages or []) if city else [])
        return next((lang for lang in candidates if lang and lang in self.languages), "en")

    def template(self, kind, language):
        return self.templates.get((kind, language)) or self.templates[(kind, "en")]

    def render(self, kind, language, context):
        """(subject, body) of the template filled with ``context``; the subject is kept on one line."""
        template = self.template(kind, language)
        if template.pk not in self.compiled:
            self.compiled[template.pk] = (ENGINE.from_string(template.subject), ENGINE.from_string(template.body))
        subject, body = (part.render(Context(context, autoescape=False)) for part in self.compiled[template.pk])
        return " ".join(subject.split()), body


def choose_language(contact=None, city=None):
    return Composer().language(contact, city)


def template_for(kind, language):
    return Composer().template(kind, language)


def check_template(subject, body):
    """Raise CitydipError when the text does not compile or uses an unknown placeholder."""
    for field, text in (("subject", subject), ("body", body)):
        try:
            ENGINE.from_string(text)
        except TemplateSyntaxError as error:
            raise CitydipError("FIELD-E020", f"the template does not compile: {error}", field=field) from error
        unknown = sorted({name.split(".")[0] for name in VARIABLE.findall(text)} - set(default_templates.PLACEHOLDERS))
        if unknown:
            raise CitydipError(
                "FIELD-E021", f"unknown placeholder {{{{ {unknown[0]} }}}}: use one of "
                + ", ".join(default_templates.PLACEHOLDERS), field=field)


def deadline_text(wave, language, sent=None):
    """The wave's closing date in the language's own format (28 days after sending when the wave has none)."""
    closes = getattr(wave, "closes", None) or ((sent or timezone.now()).date() + datetime.timedelta(days=DEFAULT_DEADLINE_DAYS))
    with translation.override(language):
        return formats.date_format(closes, "DATE_FORMAT")


def message_context(city, contact, wave, language, link, optout_link):
    study = study_values()
    return {
        "city": city.name,
        "contact_name": contact.display_name() if contact else city.name,
        "link": link,
        "deadline": deadline_text(wave, language),
        "optout_link": optout_link,
        "project_contact": project_contact(),
        "privacy_notice": privacy_url(language),
        **{field: study[field] for field in STUDY_FIELDS},
    }


def render_message(template, context):
    """(subject, body) of a template filled with ``context``; the subject is kept on one line."""
    subject = ENGINE.from_string(template.subject).render(Context(context, autoescape=False))
    body = ENGINE.from_string(template.body).render(Context(context, autoescape=False))
    return " ".join(subject.split()), body


def project_contact():
    """Whom respondents can write to: the study settings' contact, else CITYDIP_PROJECT_CONTACT."""
    from citydip.survey.models import StudySettings

    return StudySettings.get().contact.strip() or setting("CITYDIP_PROJECT_CONTACT")
