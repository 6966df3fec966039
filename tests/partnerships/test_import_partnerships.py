import pytest
from django.core.management import CommandError, call_command

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.partnerships.importer import import_pairs
from citydip.partnerships.models import Evidence, ImportedRow, ImportRun, Partnership

PAIRS = "tests/fixtures/partnerships/pairs_small.csv"
HEADER = "eu_city,eu_country_iso2,eu_lat,eu_lon,cn_city,cn_province,cn_geonameid,is_prc_mainland,start_year\n"


def outcome(eu, cn):
    return ImportedRow.objects.get(eu_name=eu, cn_name=cn).outcome


def test_it_sorts_every_row_into_matched_review_rejected_or_kept_apart(gazetteer, frame):
    run = import_pairs(PAIRS, "test")
    assert run.counts == {"rows": 9, "matched": 3, "review": 2, "rejected": 1, "not_city": 2, "not_prc": 1}
    assert outcome("Hamburg", "Shanghai") == "matched"  # Wikidata id and GeoNames id
    assert outcome("Düsseldorf", "Chongqing") == "matched"  # name and country; Chinese name matched
    assert outcome("Vienna", "Chengdu") == "matched"  # English name through GeoNames alternates of Wien
    assert outcome("Hamburg", "Suzhou") == "review"  # homonym without a province
    assert outcome("Ixelles", "Beijing") == "review"  # only a frame city nearby, with another name
    assert outcome("Kleinstadt", "Wuhan") == "rejected"  # not in the frame
    assert outcome("Saarland", "Tianjin") == "not_city" and outcome("Berlin – Mitte", "Chaoyang (Beijing)") == "not_city"
    assert outcome("Lisbon", "Macau") == "not_prc"


def test_matched_rows_become_partnerships_with_evidence_from_the_source(gazetteer, frame):
    import_pairs(PAIRS, "test")
    hamburg = Partnership.objects.get(city=frame["Hamburg"], place__place_id="1796236")
    evidence = hamburg.evidence.get()
    assert (evidence.source, evidence.source_name, evidence.reference) == ("import", "test", "test#hamburg-shanghai")
    assert (hamburg.kind, hamburg.year_signed, evidence.kind, evidence.year_signed) == ("sister", 1986, "sister", 1986)
    assert Partnership.objects.count() == 3


def test_a_region_is_kept_and_flagged_but_not_counted_as_a_city_partnership(gazetteer, frame):
    import_pairs(PAIRS, "test")
    row = ImportedRow.objects.get(eu_name="Saarland")
    assert row.partnership is None and row.place.place_id == "1792947" and "region" in row.reason
    assert not Partnership.objects.filter(place__place_id="1792947").exists()


def test_importing_the_same_file_again_changes_nothing(gazetteer, frame):
    import_pairs(PAIRS, "test")
    before = (list(Partnership.objects.values()), list(Evidence.objects.values()), list(ImportedRow.objects.values()))
    second = import_pairs(PAIRS, "test")
    after = (list(Partnership.objects.values()), list(Evidence.objects.values()), list(ImportedRow.objects.values()))
    assert before == after
    assert second.counts == ImportRun.objects.order_by("id").first().counts


def test_a_wikidata_source_gives_wikidata_evidence(gazetteer, frame):
    import_pairs(PAIRS, "wikidata")
    assert Evidence.objects.filter(source="wikidata").count() == 3


def test_the_command_reports_the_counts(gazetteer, frame, capsys):
    call_command("partnerships", "import", PAIRS, "--source", "test")
    out = capsys.readouterr().out
    assert "matched 3, review 2, rejected 1" in out and "territories kept apart from China 1" in out


def test_all_territories_imports_macau_too(gazetteer, frame):
    import_pairs(PAIRS, "test", all_territories=True)
    assert Partnership.objects.filter(city=frame["Lisboa"], place__country_code="MO").exists()


@pytest.mark.parametrize("body,field,line", [
    ("Hamburg,DE,53.5,10.0,Shanghai,,1796236,yes,\n", "is_prc_mainland", 2),
    ("Hamburg,DE,north,10.0,Shanghai,,1796236,1,\n", "eu_lat", 2),
    ("Hamburg,DE,53.5,10.0,Shanghai,,1796236,1,\nHamburg,Germany,53.5,10.0,Wuhan,,,1,\n", "eu_country_iso2", 3),
    ("Hamburg,DE,53.5,10.0,,,,1,\n", "cn_city", 2),
    ("Hamburg,DE,53.5,10.0,Shanghai,,SH,1,\n", "cn_geonameid", 2),
    ("Hamburg,DE,53.5,10.0,Shanghai,,1796236,1,1850\n", "start_year", 2),
])
def test_a_malformed_row_stops_the_import_naming_line_and_field_and_stores_nothing(gazetteer, frame, tmp_path,
                                                                                  body, field, line):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "Hamburg,DE,53.5,10.0,Shanghai,,1796236,1,\n" + body, encoding="utf-8")
    with pytest.raises(CitydipError) as error:
        import_pairs(path, "test")
    assert f"line {line + 1}" in str(error.value) and field in str(error.value)
    assert not Partnership.objects.exists() and not ImportedRow.objects.exists() and not ImportRun.objects.exists()


def test_it_reports_every_bad_row_at_once(gazetteer, frame, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "Hamburg,DE,x,10.0,Shanghai,,,1,\nWien,AT,48,16,Chengdu,,,2,\n", encoding="utf-8")
    with pytest.raises(CitydipErrors) as error:
        import_pairs(path, "test")
    assert len(error.value.errors) == 2


def test_a_missing_column_is_named(gazetteer, frame, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("eu_city,eu_country_iso2,cn_city\nHamburg,DE,Shanghai\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("partnerships", "import", str(path), "--source", "test")
    assert "PART-E002" in str(error.value) and "is_prc_mainland" in str(error.value) and "line 1" in str(error.value)


def test_the_import_runs_as_a_job_and_a_second_run_of_the_job_adds_nothing(gazetteer, frame, researcher):
    from citydip.core.jobs import restart_job, start_job
    from citydip.core.jobs.models import Job
    from citydip.core.jobs.worker import run_queued_jobs
    from citydip.partnerships.tasks import import_partnerships

    job = start_job(import_partnerships, user=researcher, path=PAIRS, source="test", file_name="pairs.csv")
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert (job.result["matched"], job.result["review"], job.progress_current, job.progress_total) == (3, 2, 9, 9)
    assert job.provenance == {"source": "test", "file": "pairs.csv"}
    assert ImportRun.objects.get(pk=job.result["import_run"]).user == researcher
    before = (list(Partnership.objects.values()), list(Evidence.objects.values()))
    Job.objects.filter(pk=job.pk).update(status=Job.Status.INTERRUPTED)  # as if its worker had died at the end
    restart_job(job, researcher)
    run_queued_jobs()
    assert (list(Partnership.objects.values()), list(Evidence.objects.values())) == before
