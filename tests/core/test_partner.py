"""The partner country is a setting, and its name comes in every EU language (core/partner.py)."""
import pytest
from django.utils import translation

from citydip.core.errors import CitydipError
from citydip.core.partner import country_name, partner_country, partner_country_name

EU_LANGUAGES = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"]


def test_china_is_the_default_and_named_in_every_eu_language(settings):
    del settings.CITYDIP_PARTNER_COUNTRY
    assert partner_country() == "CN"
    names = {lang: partner_country_name(lang) for lang in EU_LANGUAGES}
    assert names["en"] == "China" and names["pl"] == "Chiny" and names["sl"] == "Kitajska"
    assert names["el"] == "Κίνα" and names["bg"] == "Китай" and names["ga"] == "An tSín"
    assert all(names.values())


def test_another_partner_country_follows_the_setting(settings):
    settings.CITYDIP_PARTNER_COUNTRY = "jp"
    assert partner_country() == "JP"
    assert partner_country_name("pl") == "Japonia"
    assert partner_country_name("pt-br") == "Japão"  # a regional code falls back to its language
    with translation.override("de"):
        assert partner_country_name() == "Japan"
    assert country_name("TW", "en") == "Taiwan"


def test_a_wrong_code_is_a_clear_error(settings):
    settings.CITYDIP_PARTNER_COUNTRY = "XX"
    with pytest.raises(CitydipError, match="CITYDIP_PARTNER_COUNTRY"):
        partner_country()
