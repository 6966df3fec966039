"""The partner country's name in the instrument's texts, per language (issue 17).

Texts say ``{partner_country}`` where the country is named; build_instrument fills in its name in
each language (``core.partner.country_name``: China, Chine, Cina, Chiny…). Where a language needs
another form of the name (a case, or the article and preposition
French and Italian put before it), the translation says ``{partner_country:<form>}`` and FORMS gives
that form for the partner country: ``{partner_country:loc}`` is "Chinach" in Polish. A study of
another partner country adds its forms here; the build names every form it is missing.
"""
from __future__ import annotations

import re

from citydip.core.partner import country_name

PLACEHOLDER = re.compile(r"\{partner_country(?::(?P<form>[a-z_]+))?\}")

FORMS = {
    "CN": {
        "de": {"gen": "Chinas"},
        "fr": {"in": "en Chine", "the": "la Chine", "of": "de Chine", "with": "avec la Chine", "of_the": "de la Chine"},
        "it": {"in": "in Cina", "the": "la Cina", "of_the": "della Cina", "with": "con la Cina", "from": "dalla Cina"},
        "es": {},
        "pl": {"gen": "Chin", "loc": "Chinach", "ins": "Chinami", "dat": "Chinom"},
        # the 16 languages added as drafts (helper "languages"); a form per case or article the texts use
        "bg": {},
        "cs": {"gen": "Číny", "loc": "Číně", "ins": "Čínou", "dat": "Číně", "acc": "Čínu"},
        "da": {"gen": "Kinas"},
        "el": {"the": "την Κίνα", "of_the": "της Κίνας", "in": "στην Κίνα", "gen": "Κίνας"},
        "et": {"gen": "Hiina", "ine": "Hiinas", "com": "Hiinaga", "ela": "Hiinast", "ill": "Hiinasse"},
        "fi": {"gen": "Kiinan", "ine": "Kiinassa", "ela": "Kiinasta", "ill": "Kiinaan", "par": "Kiinaa"},
        "hr": {"gen": "Kine", "loc": "Kini", "ins": "Kinom", "dat": "Kini", "acc": "Kinu"},
        "hu": {"ine": "Kínában", "ins": "Kínával", "ela": "Kínából", "ill": "Kínába", "adj": "kínai",
               "gen": "Kína"},
        "lt": {"gen": "Kinijos", "loc": "Kinijoje", "ins": "Kinija", "dat": "Kinijai", "acc": "Kiniją"},
        "lv": {"gen": "Ķīnas", "loc": "Ķīnā", "acc": "Ķīnu", "dat": "Ķīnai"},
        "nl": {},
        "pt": {"in": "na China", "of_the": "da China", "with": "com a China", "the": "a China"},
        "ro": {"gen": "Chinei"},
        "sk": {"gen": "Číny", "loc": "Číne", "ins": "Čínou", "dat": "Číne", "acc": "Čínu"},
        "sl": {"gen": "Kitajske", "loc": "Kitajskem", "ins": "Kitajsko", "dat": "Kitajski", "acc": "Kitajsko"},
        "sv": {"gen": "Kinas"},
    },
}


class MissingForm(ValueError):
    pass


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
