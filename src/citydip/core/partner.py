"""The partner country of the study: one setting, and its name in any language.

``CITYDIP_PARTNER_COUNTRY`` (ISO 3166-1 alpha-2, default ``CN``) says which country's cities the study
pairs with the frame's. Everything that names or filters the partner side asks here: the gazetteer,
the matcher, the partnership import, the map, the questionnaire's wording (a template variable) and
the analysis labels.

Country names come from the ISO 3166 catalogues that pycountry ships (the Debian iso-codes project,
translated into every EU language), so "China" is "Chiny" in Polish and "Kitajska" in Slovenian
without a table of our own.
"""
import gettext
from functools import lru_cache

import pycountry
from django.conf import settings
from django.utils import translation

from citydip.core.errors import CitydipError


def partner_country():
    """The partner country's ISO 3166-1 alpha-2 code, upper case (``CN`` unless configured)."""
    code = (getattr(settings, "CITYDIP_PARTNER_COUNTRY", "") or "CN").strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise CitydipError("CORE-E030", f"CITYDIP_PARTNER_COUNTRY={code!r} is not an ISO 3166-1 alpha-2 code "
                           "(e.g. CN, JP, US, UA)", field="CITYDIP_PARTNER_COUNTRY")
    return code


@lru_cache(maxsize=64)
def _catalogue(language):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return None


def country_name(code, language_code=None):
    """The short name of country ``code`` in ``language_code`` (default: the active language).

    English names are pycountry's common names ("Taiwan", "Bolivia"); a language without a catalogue
    (or a name without a translation) falls back to English.
    """
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        raise CitydipError("CORE-E030", f"{code!r} is not an ISO 3166-1 alpha-2 code", field="country")
    english = getattr(country, "common_name", None) or country.name
    language = (language_code or translation.get_language() or "en").replace("_", "-").lower()
    for candidate in (language, language.split("-")[0]):
        catalogue = _catalogue(candidate) if candidate != "en" else None
        if catalogue is None:
            continue
        for key in (english, country.name):
            translated = catalogue.gettext(key)
            if translated != key or candidate == "en":
                return translated
        return english
    return english


def partner_country_name(language_code=None):
    """The partner country's name in ``language_code`` (default: the active language), e.g. "Chiny" in pl."""
    return country_name(partner_country(), language_code)


def partner_context(request):
    """Template context: ``partner_country`` (code) and ``partner_country_name`` in the active language."""
    return {"partner_country": partner_country(), "partner_country_name": partner_country_name()}
