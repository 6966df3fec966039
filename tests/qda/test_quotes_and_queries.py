"""Quote bank under consent, code frequencies, co-occurrence and the code × case matrix."""
import io

import docx

from citydip.qda import queries
from citydip.qda.models import Code, Interview
from citydip.qda.quotes import PARAPHRASE_ONLY, quote_bank, quotes_docx, quotes_markdown


def test_quotes_follow_consent(demo_qda):
    code = Code.objects.get(name="political risk")
    quotes = quote_bank(code)
    eeas = [q for q in quotes if q.document.interview.institution_type == "eeas"]
    assert eeas and all(q.text is None for q in eeas)  # no verbatim consent
    assert all(q.attribution == "EEAS official 1" for q in eeas)  # anonymous
    german = [q for q in quotes if q.document.interview.institution_type == "city"]
    assert german[0].text == "Menschenrechte sind im Stadtrat ein wichtiges Thema"
    assert "Leiter Wirtschaftsförderung" in german[0].attribution  # attribution by function
    markdown = quotes_markdown(code, quotes)
    assert PARAPHRASE_ONLY in markdown and "Human rights questions" not in markdown


def test_quotes_export_to_docx(demo_qda):
    code = Code.objects.get(name="economic")
    document = docx.Document(io.BytesIO(quotes_docx(code, quote_bank(code))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Cities sign agreements for trade and investment" in text and "EC official 1" in text


def test_a_withdrawn_interview_gives_no_quotes_and_no_counts(demo_qda):
    withdrawn = Interview.objects.get(withdrawn_at__isnull=False)
    interview = Interview.objects.get(pseudonym="EC official 1")
    code = Code.objects.get(name="capacity")
    before = len(quote_bank(code))
    interview.withdrawn_at, interview.save = withdrawn.withdrawn_at, interview.save
    interview.save()
    assert len(quote_bank(code)) == before - 1
    groups, rows = queries.frequencies_by(queries.institution_of)
    assert "European Commission" not in groups


def test_frequencies_by_institution_and_co_occurrence(demo_qda):
    groups, rows = queries.frequencies_by(queries.institution_of)
    assert {"European Commission", "EEAS", "city"} <= set(groups)
    economic = next(r for r in rows if r[0].name == "economic")
    assert economic[2] == 7  # segments of both coders
    pairs = {(a.name, b.name): n for (a, b), n in queries.co_occurrence().items()}
    assert pairs == {("BRI", "symbolic"): 1}  # demo_coder_a coded a BRI passage as symbolic too


def test_the_code_case_matrix_joins_the_citys_survey_answers(demo_qda):
    from citydip.core.models import Country
    from citydip.frame.models import City
    from citydip.survey.models import Questionnaire, Response, Wave

    city = City.objects.create(name="Rotterdam", country=Country.ensure("NL"))
    interview = Interview.objects.get(pseudonym="City official 1")
    interview.city = city
    interview.save()
    interview.documents.update(city=city)
    form = Questionnaire.objects.create(form_id="f", filename="f.xlsx", content=b"", checksum="x")
    Response.objects.create(wave=Wave.objects.create(name="w", questionnaire=form), city=city,
                            answers={"coop_status": "current", "importance": "important"})
    codes, rows = queries.code_case_matrix()
    row = next(r for r in rows if r["city"] == city)
    assert row["survey"][:2] == ["current", "important"]
    assert row["counts"][[c.name for c in codes].index("economic")] == 2
