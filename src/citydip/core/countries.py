"""The EU-27 member states and their official languages (ISO 639-1), as data.

Eurostat writes Greece as EL; citydip uses ISO 3166-1 alpha-2 everywhere (GR), and
:func:`normalise_iso2` maps Eurostat's codes (EL, UK) to ISO ones. Names come from pycountry.
"""
import pycountry

EU27_LANGUAGES = {
    "AT": ["de"], "BE": ["nl", "fr", "de"], "BG": ["bg"], "CY": ["el", "tr"], "CZ": ["cs"],
    "DE": ["de"], "DK": ["da"], "EE": ["et"], "ES": ["es", "ca", "eu", "gl"], "FI": ["fi", "sv"],
    "FR": ["fr"], "GR": ["el"], "HR": ["hr"], "HU": ["hu"], "IE": ["en", "ga"], "IT": ["it"],
    "LT": ["lt"], "LU": ["lb", "fr", "de"], "LV": ["lv"], "MT": ["mt", "en"], "NL": ["nl"],
    "PL": ["pl"], "PT": ["pt"], "RO": ["ro"], "SE": ["sv"], "SI": ["sl"], "SK": ["sk"],
}
EU27 = tuple(sorted(EU27_LANGUAGES))
EUROSTAT_TO_ISO = {"EL": "GR", "UK": "GB"}
# Names that read better than ISO's formal ones in tables and maps.
SHORT_NAMES = {"CZ": "Czechia", "NL": "Netherlands", "CN": "China", "TW": "Taiwan", "KR": "South Korea"}


def normalise_iso2(code):
    code = (code or "").strip().upper()
    return EUROSTAT_TO_ISO.get(code, code)


def country_name(iso2):
    if iso2 in SHORT_NAMES:
        return SHORT_NAMES[iso2]
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return iso2
    return getattr(country, "common_name", None) or country.name


def is_country_code(iso2):
    return pycountry.countries.get(alpha_2=iso2) is not None
