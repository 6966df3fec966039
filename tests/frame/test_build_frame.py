import pytest
from django.core.management import call_command

from citydip.frame.models import City, FrameVersion, PopulationStatus
from tests.frame.conftest import build_from, fixture

pytestmark = pytest.mark.django_db


def test_it_builds_the_frame_from_an_urban_audit_csv():
    report = build_from("cities_ok.csv")
    assert report.changed and report.counts["created"] == 7
    assert City.objects.count() == 7
    assert sorted(City.objects.filter(in_frame=True).values_list("name", flat=True)) == [
        "Berlin", "Daugavpils", "Hamburg", "Mechelen", "Thessaloniki", "Łódź"]
    berlin = City.objects.get(urau_code="DE001C")
    assert (berlin.population, berlin.population_year, berlin.size_class) == (3669491, 2020, ">1M")
    assert berlin.is_capital and berlin.geonames_id == 2950159 and berlin.nuts3 == "DE300"
    assert berlin.city_id == "DE001C" and berlin.frame_version == report.version


def test_it_writes_greece_as_gr_and_keeps_the_eurostat_code():
    build_from("cities_ok.csv")
    city = City.objects.get(urau_code="EL002C")
    assert city.country_id == "GR"


def test_it_takes_the_geonames_population_when_the_urban_audit_has_none_and_says_so():
    build_from("cities_ok.csv")
    mechelen = City.objects.get(urau_code="BE012C")
    assert mechelen.population == 77530 and mechelen.population_year is None
    assert mechelen.population_status == PopulationStatus.GEONAMES
    assert "GeoNames" in mechelen.population_source and mechelen.in_frame


def test_it_flags_old_populations_and_rows_that_came_from_geonames():
    build_from("cities_ok.csv")
    assert City.objects.get(urau_code="EL002C").population_status == PopulationStatus.OLD
    assert City.objects.get(urau_code="DE001C").population_status == PopulationStatus.CURRENT
    latvian = City.objects.get(geonames_id=460413)
    assert latvian.population_status == PopulationStatus.GEONAMES and latvian.city_id == "GN460413"


def test_it_keeps_small_cities_out_of_the_frame_with_the_reason():
    build_from("cities_ok.csv")
    small = City.objects.get(urau_code="FR999C")
    assert not small.in_frame
    assert small.in_frame_reason == "population 45,000 is not above 50,000"
    assert small.size_class == "<50k"


def test_a_second_build_of_the_same_file_changes_nothing():
    first = build_from("cities_ok.csv")
    before = list(City.objects.order_by("pk").values())
    second = build_from("cities_ok.csv")
    assert not second.changed and second.version == first.version
    assert second.counts["unchanged"] == 7 and second.counts["created"] == second.counts["updated"] == 0
    assert FrameVersion.objects.count() == 1
    assert list(City.objects.order_by("pk").values()) == before


def test_a_new_file_updates_cities_in_place_and_never_duplicates_them():
    build_from("cities_ok.csv")
    hamburg_pk = City.objects.get(urau_code="DE002C").pk
    report = build_from("cities_updated.csv")
    assert report.changed and report.version.pk != FrameVersion.objects.last().pk
    assert (report.counts["created"], report.counts["updated"], report.counts["dropped"]) == (1, 1, 1)
    hamburg = City.objects.get(urau_code="DE002C")
    assert hamburg.pk == hamburg_pk and hamburg.population == 1852478 and hamburg.population_year == 2021
    assert hamburg.frame_version == report.version
    assert City.objects.count() == 8 and City.objects.filter(urau_code="DE001C").count() == 1


def test_a_city_that_leaves_the_frame_is_kept_and_marked_with_the_reason():
    build_from("cities_ok.csv")
    report = build_from("cities_updated.csv")
    lodz = City.objects.get(urau_code="PL002C")
    assert not lodz.in_frame
    assert lodz.in_frame_reason == f"not in frame version {report.version.pk} (urau)"


def test_each_version_records_source_checksum_rule_counts_and_its_cities():
    first = build_from("cities_ok.csv").version
    second = build_from("cities_updated.csv").version
    assert first.source == "urau" and len(first.checksum) == 64 and first.checksum != second.checksum
    assert first.rule["min_population"] == 50000 and "GR" in first.rule["countries"]
    assert first.counts["in_frame"] == 6 and first.counts["by_country"]["DE"] == 2
    assert first.cities.count() == 6 and second.cities.count() == 6
    assert first.cities.filter(urau_code="PL002C").exists()
    assert not second.cities.filter(urau_code="PL002C").exists()
    assert FrameVersion.current() == second


def test_a_higher_minimum_population_moves_cities_out_of_the_frame():
    build_from("cities_ok.csv")
    report = build_from("cities_ok.csv", min_population=500_000)
    assert report.changed
    assert sorted(City.objects.filter(in_frame=True).values_list("urau_code", flat=True)) == [
        "DE001C", "DE002C", "PL002C"]


def test_the_countries_option_limits_the_frame():
    build_from("cities_ok.csv", countries=["DE", "PL"])
    assert sorted(City.objects.values_list("country_id", flat=True)) == ["DE", "DE", "PL"]


def test_the_command_builds_and_reports_the_counts(capsys):
    call_command("frame", "build", "--source", "urau", "--input", str(fixture("cities_ok.csv")), "--quiet")
    call_command("frame", "build", "--source", "urau", "--input", str(fixture("cities_ok.csv")), "--quiet")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("frame version") and "6 in the frame" in out[0] and "created 7" in out[0]
    assert out[1].startswith("frame unchanged: version")


def test_the_command_accepts_countries_and_minimum(capsys):
    call_command("frame", "build", "--source", "urau", "--input", str(fixture("cities_ok.csv")), "--quiet",
                 "--countries", "EL,LV", "--min-population", "100000")
    assert sorted(City.objects.filter(in_frame=True).values_list("name", flat=True)) == ["Thessaloniki"]


def test_a_build_that_changes_the_frame_is_in_the_audit_log():
    from citydip.core.models import AuditEvent

    version = build_from("cities_ok.csv").version
    build_from("cities_ok.csv")
    events = list(AuditEvent.objects.filter(action="frame.build"))
    assert len(events) == 1 and events[0].object_id == str(version.pk)
    assert events[0].detail["created"] == 7 and events[0].detail["source"] == "urau"
