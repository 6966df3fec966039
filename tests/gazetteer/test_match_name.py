"""Every kind of spelling the issue names, one parametrised case each (the labelled set has more)."""
import pytest

from citydip.gazetteer.match import match_name

BEIJING, SHANGHAI, XIAN, GUANGZHOU = "1816670", "1796236", "1790630", "1809858"
SUZHOU_JS, SUZHOU_AH, TAIZHOU_JS, TAIZHOU_ZJ = "1886760", "1793743", "1793505", "8400694"
FUZHOU_FJ, FUZHOU_JX = "1810821", "1810820"


@pytest.mark.parametrize("text", ["Xi'an", "Xian", "Xi An", "Xī'ān", "XI-AN", "xi’an"])
def test_it_ignores_case_tone_marks_apostrophes_hyphens_and_spaces(gazetteer, text):
    assert match_name(text).place_id == XIAN


@pytest.mark.parametrize("text", ["City of Guangzhou", "Guangzhou City", "Guangzhou Municipality", "Stadt Guangzhou",
                                  "Ville de Guangzhou", "Città di Guangzhou", "Miasto Guangzhou", "Guangzhou Shi",
                                  "广州市"])
def test_it_strips_city_affixes_in_eu_languages_and_chinese(gazetteer, text):
    result = match_name(text)
    assert (result.place_id, result.status) == (GUANGZHOU, "matched")


@pytest.mark.parametrize("text", ["Sichuan Province", "Provinz Sichuan", "Provincia di Sichuan", "Province du Sichuan",
                                  "Sichuan Sheng", "四川省", "Sichuan"])
def test_it_matches_provinces_to_their_iso_code(gazetteer, text):
    result = match_name(text)
    assert (result.place_id, result.level) == ("CN-SC", "province")


@pytest.mark.parametrize("text,place_id", [("上海", SHANGHAI), ("北京市", BEIJING), ("廣州", GUANGZHOU),
                                           ("蘇州市", SUZHOU_JS), ("廣東省", "CN-GD")])
def test_it_matches_simplified_and_traditional_characters(gazetteer, text, place_id):
    assert match_name(text).place_id == place_id


@pytest.mark.parametrize("text,place_id", [("Peking", BEIJING), ("Canton", GUANGZHOU), ("Tientsin", "1792947"),
                                           ("Tsingtao", "1797929"), ("Amoy", "1790645"), ("Nanking", "1799962"),
                                           ("Mukden", "2034937"), ("Chungking", "1814906"), ("Szechwan", "CN-SC")])
def test_it_matches_historic_and_postal_romanisations(gazetteer, text, place_id):
    assert match_name(text).place_id == place_id


@pytest.mark.parametrize("text,place_id", [("Pékin", BEIJING), ("Pechino", BEIJING), ("Pekín", BEIJING),
                                           ("Schanghai", SHANGHAI), ("Szanghaj", SHANGHAI), ("Šanghaj", SHANGHAI),
                                           ("Kanton", GUANGZHOU), ("Nankin", "1799962")])
def test_it_matches_exonyms_of_eu_languages(gazetteer, text, place_id):
    assert match_name(text).place_id == place_id


@pytest.mark.parametrize("text,place_id", [("Shanghia", SHANGHAI), ("Xiamne", "1790645"), ("Kunmming", "1804651"),
                                           ("Hangzou", "1808926"), ("Qindao", "1797929")])
def test_it_forgives_typing_errors(gazetteer, text, place_id):
    result = match_name(text)
    assert result.place_id == place_id and result.score < 100


@pytest.mark.parametrize("text,place_id", [("Bejing", BEIJING), ("Chengdou", "1815286"), ("Shenzen", "1795565")])
def test_common_misspellings_recorded_by_geonames_match_exactly(gazetteer, text, place_id):
    assert match_name(text).place_id == place_id


@pytest.mark.parametrize("text,first,other", [("Suzhou", SUZHOU_JS, SUZHOU_AH), ("Taizhou", TAIZHOU_JS, TAIZHOU_ZJ),
                                              ("Fuzhou", FUZHOU_FJ, FUZHOU_JX)])
def test_a_bare_homonym_is_ambiguous_with_the_most_populous_first(gazetteer, text, first, other):
    result = match_name(text)
    assert (result.status, result.place_id) == ("ambiguous", first)
    assert other in [a["place_id"] for a in result.alternatives]


@pytest.mark.parametrize("text,province,place_id", [("Suzhou", "Anhui", SUZHOU_AH), ("Suzhou", "CN-JS", SUZHOU_JS),
                                                    ("Taizhou", "Zhejiang Province", TAIZHOU_ZJ),
                                                    ("Fuzhou", "江西省", FUZHOU_JX)])
def test_a_province_given_decides_between_homonyms(gazetteer, text, province, place_id):
    result = match_name(text, province=province)
    assert (result.status, result.place_id) == ("matched", place_id)


@pytest.mark.parametrize("text,place_id", [("Suzhou, Anhui", SUZHOU_AH), ("Taizhou (Zhejiang)", TAIZHOU_ZJ),
                                           ("Fuzhou Jiangxi", FUZHOU_JX), ("Suzhou – Jiangsu", SUZHOU_JS)])
def test_a_province_written_with_the_name_decides_too(gazetteer, text, place_id):
    assert match_name(text).place_id == place_id


@pytest.mark.parametrize("text", ["Paris", "Berlin", "Turin", "Linz", "Łódź", "Tokyo", "Osaka", "東京", "Seoul",
                                  "Busan", "Pyongyang", "Hanoi"])
def test_names_of_places_outside_china_are_unmatched(gazetteer, text):
    result = match_name(text)
    assert (result.status, result.place_id) == ("unmatched", "")


@pytest.mark.parametrize("text,territory", [("Taipei", "TW"), ("Kaohsiung", "TW"), ("Hong Kong", "HK"), ("Macau", "MO")])
def test_taiwan_hong_kong_and_macau_are_kept_apart_from_the_prc(gazetteer, text, territory):
    result = match_name(text)
    assert (result.status, result.place_id) == ("unmatched", "")
    assert result.alternatives[0]["country_code"] == territory
    included = match_name(text, territories=("CN", "HK", "MO", "TW"))
    assert included.status == "matched"


def test_a_district_qualified_by_its_city_needs_that_city(gazetteer):
    assert match_name("Jiaojiang (Taizhou)").matched_name == "Jiaojiang"
    result = match_name("Chaoyang (Beijing)")
    assert result.status == "unmatched" and result.place_id == ""


def test_an_empty_name_is_unmatched(gazetteer):
    assert match_name("  ").status == "unmatched"
