"""The case chapter (HTML, PDF, map) and what a withdrawal of consent takes out everywhere."""
import subprocess
import zipfile

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.cases.conftest import QUOTE


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_cases_report_builds_the_chapter_as_html_and_pdf(study, tmp_path):
    out = tmp_path / "chapter"
    (tmp_path / "chapter").mkdir()
    (out / "keep.txt").write_text("the researcher's own file")
    call_command("cases", "report", "DE001C", "--output", str(out))
    html = (out / "chapter.html").read_text(encoding="utf-8")
    for text in ("Case study: Essen", "Timeline", "delegation from Nanjing", "figures/map.png", "wave 2",
                 QUOTE, "Resolution of the City Council of Essen", "public record (synthetic)",
                 "with checksum sha256:", "(case study "):
        assert text in html, text
    assert (out / "keep.txt").exists()  # nothing else in the folder is touched
    assert "kleinschmidt" not in html.lower()  # free-text answers (which may name people) stay out
    assert "sister city signed with Nanjing" in html
    text = " ".join(pdf_text(out / "chapter.pdf").split())
    for words in ("Timeline", "delegation from Nanjing", "Survey answers across waves", "institutionalisation",
                  "Sources", "synthetic demo material"):
        assert words in text, words
    assert (out / "figures" / "map.png").stat().st_size > 10_000
    images = subprocess.run(["pdfimages", "-list", str(out / "chapter.pdf")], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    pictures = [line.split() for line in images if line.split()[2] == "image"]
    assert len(pictures) == 1 and int(pictures[0][3]) > 1000  # the map, embedded at print resolution
    pages = subprocess.run(["pdftoppm", "-r", "50", "-png", str(out / "chapter.pdf"), str(tmp_path / "page")],
                           check=True)
    assert pages.returncode == 0 and len(list(tmp_path.glob("page-*.png"))) >= 2
    assert '"files"' in (out / "PROVENANCE.json").read_text()


def test_the_case_id_names_a_case_too_and_an_unknown_case_is_an_error(study, tmp_path):
    from django.core.management.base import CommandError

    call_command("cases", "report", str(study["case"].pk), "--output", str(tmp_path / "by-id"))
    assert (tmp_path / "by-id" / "chapter.pdf").exists()
    with pytest.raises(CommandError, match="QDA-E015"):
        call_command("cases", "report", "XX999C", "--output", str(tmp_path / "none"))


def test_the_chapter_button_starts_a_job_that_writes_html_and_pdf(study, researcher, client_for):
    from citydip.core.jobs.models import Job
    from citydip.core.jobs.worker import run_queued_jobs

    client = client_for(researcher)
    response = client.post(f"/cases/{study['case'].pk}/chapter/")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.params == {"case_id": study["case"].pk} and job.started_by == researcher
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    names = set(job.files.values_list("name", flat=True))
    assert {"chapter.html", "chapter.pdf", "figures/map.png", "PROVENANCE.json"} <= names
    assert f'href="/jobs/{job.pk}/"' in client.get(f"/cases/{study['case'].pk}/").content.decode()
    pdf = client.get(f"/jobs/{job.pk}/files/chapter.pdf")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_withdrawing_consent_removes_the_quotations_everywhere(study, researcher, client_for, tmp_path):
    from citydip.cases import comparison
    from citydip.qda.refi.project import write_qdpx

    case, interview = study["case"], study["interview"]
    client = client_for(researcher)

    def everywhere():
        page = client.get(f"/cases/{case.pk}/").content.decode()
        compare = client.get("/cases/compare/").content.decode()
        xlsx = comparison.to_xlsx(comparison.build())
        call_command("cases", "report", "DE001C", "--output", str(tmp_path / "ch"))
        chapter = (tmp_path / "ch" / "chapter.html").read_text(encoding="utf-8")
        write_qdpx(tmp_path / "p.qdpx")
        with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
            project = "".join(archive.read(n).decode() for n in archive.namelist())
        import io

        from openpyxl import load_workbook

        cells = " ".join(str(c.value) for row in load_workbook(io.BytesIO(xlsx))["quotes"].iter_rows() for c in row)
        return {"page": page, "compare": compare, "xlsx": cells, "chapter": chapter, "refi": project}

    before = everywhere()
    assert all(QUOTE in text for text in before.values())
    response = client.post(f"/qda/interviews/{interview.pk}/withdraw/")
    assert response.status_code == 302
    after = everywhere()
    assert [name for name, text in after.items() if QUOTE in text] == []
    assert interview.pseudonym in after["page"] and "consent withdrawn" in after["page"]


def test_quotations_without_verbatim_consent_are_counted_but_not_shown(study, researcher, client_for):
    interview = study["interview"]
    interview.consent_verbatim = False
    interview.save()
    page = client_for(researcher).get(f"/cases/{study['case'].pk}/").content.decode()
    assert QUOTE not in page and "paraphrase only" in page


def test_a_withdrawn_interview_is_not_on_the_timeline(study):
    from citydip.cases.workspace import timeline

    case, interview = study["case"], study["interview"]
    assert any(e.title == f"interview with {interview.pseudonym}" for e in timeline(case))
    interview.withdrawn_at = timezone.now()
    interview.save()
    assert not any(interview.pseudonym in e.title for e in timeline(case))


def test_the_book_has_a_chapter_per_accepted_case_a_cross_case_chapter_and_the_eu_officials(study, tmp_path):
    call_command("report", "build", "--output", str(tmp_path / "book"), "--quiet")
    html = (tmp_path / "book" / "report.html").read_text(encoding="utf-8")
    assert "Case study: Essen" in html and QUOTE in html
    assert (tmp_path / "book" / "cases" / "DE001C" / "figures" / "map.png").exists()
    assert 'src="cases/DE001C/figures/map.png"' in html
    assert "Case study: Lodz" not in html  # Lodz asked not to be named: no chapter of its own
    assert "1 case of a city that asked not to be named has no chapter" in html
    cross = html[html.index('id="cross-case"'):html.index('id="interviews"')]
    assert "Essen" in cross and "a city (not named)" in cross and "Lodz" not in cross
    eu = html[html.index('id="eu-officials"'):]
    assert "Unit G.2" in eu and "EC official 1" in eu
    text = " ".join(pdf_text(tmp_path / "book" / "report.pdf").split())
    assert "Case study: Essen" in text and "Cross-case comparison" in text and "The EU officials' view" in text


def test_cases_list_shows_the_case_id_status_and_reason(study):
    import io

    out = io.StringIO()
    call_command("cases", "list", stdout=out)
    line = next(x for x in out.getvalue().splitlines() if "DE001C" in x)
    assert line.split()[0] == str(study["case"].pk) and "accepted" in line and "[accepted for the demo" in line
