"""The partner country's name in the instrument's texts, per language (issue 17).

Texts say ``{partner_country}`` where the country is named; build_instrument fills in its name in
each language (ISO 3166-1 names translated by pycountry's gettext catalogues: China, Chine, Cina,
Chiny…). Where a language needs another form of the name (a case, or the article and preposition
French and Italian put before it), the translation says ``{partner_country:<form>}`` and FORMS gives
that form for the partner country: ``{partner_country:loc}`` is "Chinach" in Polish. A study of
another partner country adds its forms here; the build names every form it is missing.
"""
from __future__ import annotations

import gettext
import re

import pycountry

PLACEHOLDER = re.compile(r"\{partner_country(?::(?P<form>[a-z_]+))?\}")

FORMS = {
    "CN": {
        "de": {"gen": "Chinas"},
        "fr": {"in": "en Chine", "the": "la Chine", "of": "de Chine", "with": "avec la Chine", "of_the": "de la Chine"},
        "it": {"in": "in Cina", "the": "la Cina", "of_the": "della Cina", "with": "con la Cina", "from": "dalla Cina"},
        "es": {},
        "pl": {"gen": "Chin", "loc": "Chinach", "ins": "Chinami", "dat": "Chinom"},
    },
}


class MissingForm(ValueError):
    pass


def country_name(country, language):
    """The country's short name in ``language`` (English when pycountry has no translation)."""
    record = pycountry.countries.get(alpha_2=country.upper())
    if record is None:
        raise MissingForm(f"unknown ISO 3166-1 country code {country!r}")
    english = getattr(record, "common_name", None) or record.name
    if language == "en":
        return english
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return english
    return catalogue.gettext(record.name) if english == record.name else catalogue.gettext(english)


def fill(text, country, language, where=""):
    """``text`` with every ``{partner_country…}`` placeholder replaced for ``language``."""
    if "{partner_country" not in (text or ""):
        return text

    def replace(match):
        form = match.group("form")
        if form is None:
            return country_name(country, language)
        try:
            return FORMS[country.upper()][language][form]
        except KeyError:
            raise MissingForm(f"{where}: no form '{form}' of {country} in language '{language}': add it to "
                              f"FORMS in partner_country.py") from None
    return PLACEHOLDER.sub(replace, text)
