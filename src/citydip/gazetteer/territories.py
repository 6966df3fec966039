"""Whose places the gazetteer holds: the partner country, and the territories a study keeps apart from it.

The partner country is ``CITYDIP_PARTNER_COUNTRY`` (core/partner.py). Its places are matched; places of
the territories kept apart are in the gazetteer too but a match to one is ``unmatched`` with the place as
an alternative (the matcher's not-this-country rule), and a partnership import sets such rows aside
unless asked (``--all-territories``). Every other country's cities are "foreign": a name that is better
known as one of them is not forced onto a place of the partner country.

China's rule is data, here: Hong Kong, Macau and Taiwan are kept apart from the PRC mainland. Another
partner country keeps nothing apart unless a line is added below.
"""
from citydip.core.partner import country_name, partner_country

KEPT_APART = {
    "CN": ("HK", "MO", "TW"),  # China: the PRC mainland; Hong Kong, Macau and Taiwan apart
}


def partner():
    return partner_country()


def kept_apart():
    return KEPT_APART.get(partner_country(), ())


def territories():
    """The partner country and the territories kept apart from it (their places are in the gazetteer)."""
    return (partner_country(), *kept_apart())


def partner_name(language_code="en"):
    return country_name(partner_country(), language_code)


def territory_label(code):
    """"" for the partner country itself; the English name of a territory kept apart ("Hong Kong")."""
    return "" if code == partner_country() else country_name(code, "en")
