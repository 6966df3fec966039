"""Fieldwork settings, read in settings.py (from the environment, NAME or NAME_FILE) with these defaults.

CITYDIP_BASE_URL          public address of the site, used in links sent by e-mail and on letters
CITYDIP_PROJECT_CONTACT   who respondents can write to (name and e-mail), shown in every message
CITYDIP_PRIVACY_URL       the privacy notice, linked from every message and letter
CITYDIP_SEND_RATE         messages per second at most (default 2; 0 = no limit)
CITYDIP_LETTER_SIGNATURE  name and function printed under the letters (lines separated by "|")
"""
from django.conf import settings

DEFAULTS = {
    "CITYDIP_BASE_URL": "http://127.0.0.1:8000",
    "CITYDIP_PROJECT_CONTACT": "The citydip survey team <citydip@localhost>",
    "CITYDIP_PRIVACY_URL": "",
    "CITYDIP_SEND_RATE": "2",
    "CITYDIP_LETTER_SIGNATURE": "The citydip survey team",
}


def setting(name):
    value = getattr(settings, name, None)
    return DEFAULTS[name] if value in (None, "") else value


def base_url():
    return setting("CITYDIP_BASE_URL").rstrip("/")


def privacy_url(language=""):
    """The privacy notice; the survey's own one opens in the message's language."""
    configured = setting("CITYDIP_PRIVACY_URL")
    if configured:
        return configured
    return base_url() + "/survey/privacy/" + (f"?lang={language}" if language else "")
