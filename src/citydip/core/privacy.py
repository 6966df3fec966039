"""Right of access and erasure for one person, across every app that keeps personal data.

Each app that stores people defines ``<app>/privacy.py`` (found through ``core/hooks.py``) with:

* ``SELECTORS``: the command options that pick a person in that app (``--contact``, ``--interview``);
* ``find(email=None, **selector)``: that app's records of the person (falsy when none);
* ``export(found) -> dict``: what it holds about them, JSON-able, keyed by kind (``contacts``...);
* ``erase(found, secrets) -> dict``: erase them, keeping what the study needs without the person;
  returns counts and primary keys for the audit event (never names).

``secrets`` are the strings (names, e-mail addresses, phone numbers) to scrub from free text anywhere;
``scrub`` and ``row`` are the helpers the apps share. The audit event names only counts and keys.
"""
import re

from django.db import transaction

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.hooks import app_modules

ERASED = "[erased]"


def row(obj):
    return {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields}


def scrub(text, secrets):
    for secret in secrets:
        text = re.sub(re.escape(secret), ERASED, text, flags=re.IGNORECASE)
    return text


def hooks():
    return [module for _, module in app_modules("privacy")]


def selectors():
    """The options that pick a person: ``--email`` and each app's own (``--contact``, ``--interview``)."""
    return tuple(selector for module in hooks() for selector in module.SELECTORS)


def find_person(**selector):
    found = [(module, module.find(**selector)) for module in hooks()]
    found = [(module, records) for module, records in found if records]
    if not found:
        given = next((k for k, v in selector.items() if v not in (None, "")), "email")
        raise CitydipError("CORE-E014", "no person matches: check the e-mail or id", field=given)
    return found


def export_person(**selector):
    data = {}
    for module in hooks():
        data.update(module.export(module.find(**selector) or []))
    if not any(data.values()):
        find_person(**selector)  # raises the error that names the selector
    return data


@transaction.atomic
def erase_person(user=None, **selector):
    found = find_person(**selector)
    secrets = [s for module, records in found for s in getattr(module, "secrets", lambda r: [])(records)]
    detail = {}
    for module, records in found:
        detail.update(module.erase(records, secrets))
    return record(user, "privacy-erase", None, **detail)
