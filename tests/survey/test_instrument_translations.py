"""The instrument's translations: one PO file per language, synced with the English source."""
import polib
import pytest

from citydip.survey.instruments import translations
from citydip.survey.instruments.build_instrument import build


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """The real PO files copied to a scratch folder, so a test may change them."""
    for file in translations.DIRECTORY.glob("*.po"):
        (tmp_path / file.name).write_bytes(file.read_bytes())
    monkeypatch.setattr(translations, "DIRECTORY", tmp_path)
    return tmp_path


def test_every_po_file_is_in_step_with_the_source():
    english = translations.source_texts()
    for code in translations.languages()[1:]:
        po = polib.pofile(str(translations.path(code)))
        assert [(e.msgctxt, e.msgid) for e in po] == english, f"run build_instrument --sync ({code}.po)"
        assert po.metadata["Language"] == code
        assert translations.review_status(code) in translations.STATUSES


def test_contexts_name_the_item_and_column():
    contexts = dict(translations.source_texts())
    assert contexts["survey:coop_status:label"].startswith("Does your city cooperate")
    assert contexts["choices:coop_status:never"] == "No, never"
    assert len(contexts) == len(translations.source_texts()), "every context is unique"


def test_a_changed_english_text_falls_back_to_english_until_retranslated(scratch, monkeypatch):
    context = "survey:partner_kind:label"
    assert translations.translations("de")[context].startswith("Um welche Art")
    texts = [(c, "Which kind of tie is it?" if c == context else t)
             for c, t in translations.source_texts()]
    monkeypatch.setattr(translations, "source_texts", lambda: texts)
    assert context not in translations.translations("de")
    po = translations.sync("de")
    entry = next(e for e in po if e.msgctxt == context)
    assert entry.fuzzy and entry.previous_msgid.startswith("What kind") and entry.msgstr.startswith("Um welche")
    assert context not in translations.translations("de")  # fuzzy: not used
    entry.flags.remove("fuzzy")
    translations.save("de", po)
    assert translations.translations("de")[context].startswith("Um welche")


def test_review_status_is_kept_in_the_file(scratch):
    translations.set_review_status("pl", "reviewed", reviewer="A. Nowak")
    assert translations.review_status("pl") == "reviewed"
    assert polib.pofile(str(scratch / "pl.po")).metadata["X-Reviewed-By"] == "A. Nowak"
    with pytest.raises(ValueError):
        translations.set_review_status("pl", "final")


def test_a_new_language_file_adds_its_columns_and_falls_back_to_english(scratch):
    assert "ga" not in translations.languages()  # Irish: English serves Ireland, so the study has none
    po = translations.catalogue("ga")
    translations.sync("ga", po)
    po = translations.catalogue("ga")
    next(e for e in po if e.msgctxt == "choices:coop_status:never").msgstr = "Níl, riamh"
    translations.save("ga", po)
    from io import BytesIO

    from openpyxl import load_workbook
    book = load_workbook(BytesIO(build()))
    header = [c.value for c in book["choices"][1]]
    column = next(i for i, h in enumerate(header) if h.startswith("label::") and h.endswith("(ga)"))
    rows = {(r[0], r[1]): r[column] for r in book["choices"].iter_rows(min_row=2, values_only=True)}
    assert rows[("coop_status", "never")] == "Níl, riamh" and rows[("coop_status", "current")] is None
