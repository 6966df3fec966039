"""The instrument's translations: English in the source, one gettext PO file per language.

``eu_china_cities_source.py`` holds every text in English. Each other language lives in
``eu_china_cities/<code>.po`` (read and written with polib), one entry per text:

- ``msgctxt`` names the text: ``survey:<item name>:<column>`` for a survey row's ``label``,
  ``hint``, ``constraint_message`` or ``required_message``, and ``choices:<list>:<value>`` for a
  choice's label;
- ``msgid`` is the English text, ``msgstr`` the translation;
- the ``X-Review-Status`` header says whether the language as a whole is a ``draft`` or
  ``reviewed`` (TRAPD: a draft becomes "reviewed" once a second translator has reviewed it and
  the team has adjudicated), ``X-Reviewed-By`` who reviewed it.

A translation is used by the build only when its ``msgid`` is still the English text of the
source and it is not marked ``fuzzy``; otherwise the XLSForm cell stays empty and respondents see
English there (the engine's fallback). :func:`sync` brings a file up to date with the source:
new texts are added untranslated, a changed English text keeps its old translation marked
``fuzzy`` (with the previous English as ``#| msgid``), texts gone from the source are dropped.

The files here are the packaged translations, written only by developers (``build_instrument
--sync``). The team's edits made in the browser live in an *overlay* folder outside the package
(``<CITYDIP_DATA_DIR>/translations/instrument/<code>.po``, survey/translation_units.py): only the
texts they changed, and the review headers. The functions taking ``overlay`` (that folder, or None
for the packaged files alone) read the packaged file with the overlay merged over it (:func:`merged`).
"""
from __future__ import annotations

from pathlib import Path

import polib

from citydip.survey.instruments import eu_china_cities_source as source

HERE = Path(__file__).parent
DIRECTORY = HERE / "eu_china_cities"
SOURCE_LANGUAGE = "en"
TRANSLATED_COLUMNS = ("label", "hint", "constraint_message", "required_message")
STATUS_HEADER = "X-Review-Status"
REVIEWER_HEADER = "X-Reviewed-By"
STATUSES = ("draft", "reviewed")


def survey_context(name, column):
    return f"survey:{name}:{column}"


def choice_context(list_name, value):
    return f"choices:{list_name}:{value}"


def source_texts():
    """``[(msgctxt, English text)]`` of the instrument, in the order of the source."""
    texts = []
    for _kind, name, label, extra in source.SURVEY:
        cells = {"label": label, **extra}
        texts += [(survey_context(name, column), cells[column]) for column in TRANSLATED_COLUMNS
                  if cells.get(column)]
    for list_name, options in source.CHOICES.items():
        texts += [(choice_context(list_name, value), label) for value, label in options]
    return texts


def path(code):
    return DIRECTORY / f"{code}.po"


def languages(overlay=None):
    """English, then every language with a PO file (packaged or in the overlay folder), by code."""
    codes = {p.stem for p in DIRECTORY.glob("*.po")}
    if overlay and Path(overlay).is_dir():
        codes |= {p.stem for p in Path(overlay).glob("*.po")}
    return [SOURCE_LANGUAGE] + sorted(codes)


def catalogue(code):
    """The language's POFile (a new, empty one when the file does not exist yet)."""
    file = path(code)
    if file.exists():
        return polib.pofile(str(file), wrapwidth=0)
    return new_catalogue(code)


def new_catalogue(code):
    """An empty catalogue of the language, with the instrument's headers (status ``draft``)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{source.SETTINGS['form_id']} {source.SETTINGS['version']}",
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        STATUS_HEADER: "draft",
    }
    return po


def overlay_catalogue(code, overlay):
    """The team's overlay file of the language in the folder ``overlay``, or None."""
    file = Path(overlay) / f"{code}.po" if overlay else None
    return polib.pofile(str(file), wrapwidth=0) if file is not None and file.exists() else None


def merged(code, overlay=None):
    """The packaged catalogue with the overlay's entries and review headers over it.

    An overlay entry replaces the packaged one of its ``msgctxt``, unless the package has since
    translated a newer English text (its ``msgid`` differs from the overlay's and it is current):
    an upgrade's new translation then wins over the team's translation of the old English.
    """
    po = catalogue(code)
    extra = overlay_catalogue(code, overlay)
    if extra is None:
        return po
    english = dict(source_texts())
    packaged = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    position = {entry.msgctxt: index for index, entry in enumerate(po) if not entry.obsolete}
    for entry in extra:
        if entry.obsolete:
            continue
        old = packaged.get(entry.msgctxt)
        newer = (old is not None and old.msgid != entry.msgid and old.msgstr and not old.fuzzy
                 and old.msgid == english.get(entry.msgctxt))
        if old is None:
            po.append(entry)
        elif not newer:
            po[position[entry.msgctxt]] = entry
    for header in (STATUS_HEADER, REVIEWER_HEADER):
        if header in extra.metadata:
            po.metadata[header] = extra.metadata[header]
    return po


def translations(code, overlay=None):
    """``{msgctxt: translation}`` of the texts whose translation is current (see module doc)."""
    if code == SOURCE_LANGUAGE:
        return dict(source_texts())
    english = dict(source_texts())
    po = merged(code, overlay)
    return {entry.msgctxt: entry.msgstr for entry in po
            if entry.msgstr and not entry.fuzzy and not entry.obsolete
            and english.get(entry.msgctxt) == entry.msgid}


def review_status(code, overlay=None):
    """``"reviewed"`` or ``"draft"`` (English, the source, counts as reviewed)."""
    if code == SOURCE_LANGUAGE:
        return "reviewed"
    status = merged(code, overlay).metadata.get(STATUS_HEADER, "draft").strip().lower()
    return status if status in STATUSES else "draft"


def set_review_status(code, status, reviewer=""):
    if status not in STATUSES:
        raise ValueError(f"review status must be one of {', '.join(STATUSES)}, not {status!r}")
    po = catalogue(code)
    po.metadata[STATUS_HEADER] = status
    if reviewer:
        po.metadata[REVIEWER_HEADER] = reviewer
    save(code, po)


def sync(code, po=None):
    """Rewrite ``<code>.po`` in the order and with the English of the source (see module doc)."""
    po = po if po is not None else catalogue(code)
    old = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    fresh = polib.POFile(wrapwidth=0)
    fresh.metadata = dict(po.metadata)
    for context, english in source_texts():
        entry = polib.POEntry(msgctxt=context, msgid=english, msgstr="")
        previous = old.get(context)
        if previous is not None and previous.msgstr:
            entry.msgstr = previous.msgstr
            entry.tcomment = previous.tcomment
            if previous.msgid != english:
                entry.flags.append("fuzzy")
                entry.previous_msgid = previous.msgid
            elif previous.fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgid = previous.previous_msgid
        fresh.append(entry)
    save(code, fresh)
    return fresh


def save(code, po):
    DIRECTORY.mkdir(exist_ok=True)
    po.wrapwidth = 0
    po.save(str(path(code)))
