"""`citydip qda import-document`: .txt .md .docx .pdf, speaker turns, character offsets, consent."""
import pytest
from django.core.management import CommandError, call_command

from citydip.qda.models import Document, Interview
from citydip.qda.units import paragraphs, sentences, speaker_turns

TRANSCRIPT = "Interviewer: Warum Łódź und 中文?\n\nR: Wegen des Handels. Und der Kultur!\n\n**Anna:** Ja.\n\n[Speaker 1] Gut.\n"


def test_it_imports_a_text_transcript_with_speaker_turns(db, tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT.replace("\n", "\r\n"), encoding="utf-8")
    call_command("qda", "import-document", str(path))
    document = Document.objects.get()
    assert "\r" not in document.text
    speakers = list(document.turns.values_list("speaker", flat=True))
    assert speakers == ["Interviewer", "R", "Anna", "Speaker 1"]
    first = document.turns.first()
    assert document.text[first.start:first.end] == "Interviewer: Warum Łódź und 中文?"


def test_offsets_count_characters_not_bytes():
    turns = speaker_turns(TRANSCRIPT)
    speaker, start, end = turns[1]
    assert TRANSCRIPT[start:end] == "R: Wegen des Handels. Und der Kultur!"
    assert start == len("Interviewer: Warum Łódź und 中文?\n\n")


def test_units_split_paragraphs_and_sentences():
    assert len(paragraphs(TRANSCRIPT)) == 4
    texts = [TRANSCRIPT[s:e] for s, e in sentences(TRANSCRIPT)]
    assert "R: Wegen des Handels." in texts and "Und der Kultur!" in texts


def test_a_sentence_with_a_colon_is_not_a_speaker():
    text = "Interviewer: Hello.\n\nR: Fine.\n\nNote that this: once.\n\nR: Again.\n"
    assert [s for s, _, _ in speaker_turns(text)] == ["Interviewer", "R", "R"]


def test_it_imports_markdown_and_docx(db, tmp_path):
    import docx

    (tmp_path / "notes.md").write_text("# Case notes\n\nThe **mayor** signed in 2004.\n", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("Interviewer: Dzień dobry, Łódź?")
    word.add_paragraph("R: Tak.")
    word.save(tmp_path / "wywiad.docx")
    from citydip.analysis.models import CaseStudy
    from citydip.core.models import Country
    from citydip.frame.models import City

    case = CaseStudy.objects.create(city=City.objects.create(name="Łódź", country=Country.ensure("PL"),
                                                             urau_code="PL003C"))
    call_command("qda", "import-document", str(tmp_path / "notes.md"), "--kind", "case_document", "--case", "PL003C",
                 "--type", "report", "--date", "2004-05-01", "--language", "pl", "--source", "BIP Łódź",
                 "--licence", "public record")
    call_command("qda", "import-document", str(tmp_path / "wywiad.docx"))
    notes = Document.objects.get(title="notes")
    assert (notes.case, notes.city, notes.doc_type, str(notes.doc_date), notes.language) == (
        case, case.city, "report", "2004-05-01", "pl")
    assert notes.citation() == "notes (report, 2004-05-01, pl). BIP Łódź. public record."
    transcript = Document.objects.get(title="wywiad")
    assert transcript.text == "Interviewer: Dzień dobry, Łódź?\n\nR: Tak.\n"
    assert transcript.turns.count() == 2


def test_it_imports_a_text_pdf(db, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType: a real text layer
    import matplotlib.pyplot as plt

    figure = plt.figure()
    figure.text(0.1, 0.8, "Interviewer: Why Łódź?")
    figure.text(0.1, 0.7, "R: Because of trade.")
    figure.savefig(tmp_path / "scan.pdf")
    plt.close(figure)
    call_command("qda", "import-document", str(tmp_path / "scan.pdf"))
    assert Document.objects.get().text.startswith("Interviewer: Why Łódź?")


def test_it_links_a_document_to_an_interview_and_its_city(db, tmp_path):
    from citydip.core.models import Country
    from citydip.frame.models import City

    city = City.objects.create(name="Łódź", country=Country.ensure("PL"), urau_code="PL003C")
    interview = Interview.objects.create(institution_type="city", city=city)
    path = tmp_path / "t.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    call_command("qda", "import-document", str(path), "--interview", str(interview.pk))
    document = Document.objects.get()
    assert document.interview == interview and document.city == city
    assert interview.pseudonym == "City official 1"


def test_it_rejects_an_unknown_file_type_and_stores_nothing(db, tmp_path):
    path = tmp_path / "audio.mp3"
    path.write_bytes(b"ID3")
    with pytest.raises(CommandError, match=r"audio.mp3.*QDA-E001"):
        call_command("qda", "import-document", str(path))
    assert not Document.objects.exists()


def test_it_refuses_a_transcript_for_a_withdrawn_interview(db, tmp_path):
    from django.utils import timezone

    interview = Interview.objects.create(institution_type="eeas", withdrawn_at=timezone.now())
    path = tmp_path / "t.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    with pytest.raises(CommandError, match="QDA-E007"):
        call_command("qda", "import-document", str(path), "--interview", str(interview.pk))


def test_open_survey_answers_become_documents(db):
    from citydip.core.models import Country
    from citydip.frame.models import City
    from citydip.survey.models import Questionnaire, Response, Wave

    form = Questionnaire.objects.create(form_id="f", filename="f.xlsx", content=b"", checksum="x")
    wave = Wave.objects.create(name="2026", questionnaire=form)
    city = City.objects.create(name="Duisburg", country=Country.ensure("DE"))
    Response.objects.create(wave=wave, city=city, answers={
        "coop_status": "current", "comments": "Wir arbeiten seit 1998 zusammen.",
        "partners": [{"partner_name": "Wuhan", "partner_activities": "Stahl und Logistik"}]})
    call_command("qda", "import-survey")
    call_command("qda", "import-survey")  # running it again changes nothing
    document = Document.objects.get()
    assert document.kind == "survey_answer" and document.city == city
    assert "comments: Wir arbeiten seit 1998 zusammen." in document.text
    assert "partner_activities (Wuhan): Stahl und Logistik" in document.text


def test_it_imports_a_saved_web_page_as_paragraphs_without_scripts(db, tmp_path):
    page = tmp_path / "press.html"
    page.write_text("<html><head><title>x</title><style>p{}</style></head><body><h1>Rada Miasta</h1>"
                    "<p>Uchwała <b>nr 12</b> o współpracy\n z Chengdu.</p><script>alert(1)</script>"
                    "<ul><li>punkt 1</li><li>punkt 2</li></ul></body></html>", encoding="utf-8")
    call_command("qda", "import-document", str(page))
    assert Document.objects.get(title="press").text == (
        "Rada Miasta\n\nUchwała nr 12 o współpracy z Chengdu.\n\npunkt 1\n\npunkt 2\n")


def test_an_unknown_case_is_an_error_naming_the_option(db, tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(CommandError, match=r"\[case\] no case study XX999C.*QDA-E015"):
        call_command("qda", "import-document", str(tmp_path / "a.txt"), "--case", "XX999C")
