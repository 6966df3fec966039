"""The links put into messages and letters: the personal survey link and the opt-out link."""
from django.urls import NoReverseMatch, reverse

from citydip.fieldwork.config import base_url


def respond_url(token, language=""):
    """Path of the respondent page for a raw token (``survey:respond``), with ``?lang=xx``.

    Falls back to the literal ``/survey/r/<token>/`` while the survey app's URL is not there.
    """
    try:
        path = reverse("survey:respond", args=[token])
    except NoReverseMatch:
        path = f"/survey/r/{token}/"
    return path + (f"?lang={language}" if language else "")


def optout_url(token):
    return reverse("fieldwork:optout", args=[token])


def absolute(path, base=None):
    return (base or base_url()).rstrip("/") + path
