"""What a translator works on, per language: the instrument's texts and the respondent-facing texts
of the interface, each with its English source, current translation and status.

Two parts, each with its own files and its own review status (the ``X-Review-Status`` header,
``draft`` or ``reviewed``, and ``X-Reviewed-By``):

- ``instrument``: ``survey/instruments/eu_china_cities/<code>.po`` (``instruments/translations.py``);
- ``interface``: the entries with message context ``respondent`` of the Django catalogues of the
  survey and fieldwork apps (``<app>/locale/<code>/LC_MESSAGES/django.po``).

Those packaged files are never written at run time (the package may be read-only, and an upgrade
replaces it). The team's edits go to an overlay in ``settings.CITYDIP_DATA_DIR/translations/``:

- ``instrument/<code>.po``: the texts edited and the review headers, merged over the packaged file
  whenever the instrument is read or built; after a change the XLSForm is rebuilt into
  ``instrument/eu_china_cities.xlsx`` there;
- ``locale/<code>/LC_MESSAGES/django.po`` (+ the compiled ``.mo``): the respondent texts edited and
  the review headers. That folder is first in ``settings.LOCALE_PATHS``, which Django lets win over
  the apps' catalogues; after a change this process's translation cache is reset (other server
  processes pick the change up when restarted).

A unit's status is ``untranslated`` (no translation), ``changed`` (the English changed since it was
translated: gettext's fuzzy flag), else its part's status (``draft`` or ``reviewed``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from citydip.core.errors import CitydipError
from citydip.survey.instruments import build_instrument
from citydip.survey.instruments import translations as instrument
from citydip.survey.respondent_language import STUDY_LANGUAGES

APP_ROOT = Path(__file__).resolve().parent.parent  # src/citydip
INTERFACE_APPS = ("survey", "fieldwork")
CONTEXT = "respondent"
STATUS_HEADER, REVIEWER_HEADER = instrument.STATUS_HEADER, instrument.REVIEWER_HEADER
PARTS = ("instrument", "interface")
UNIT_STATUSES = ("untranslated", "changed", "draft", "reviewed")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\$\{\w+\}|\{\w+\}")


@dataclass
class Unit:
    id: str
    part: str
    context: str
    source: str
    target: str
    status: str
    note: str = ""


def languages():
    """The study's languages with something to translate (English is the source)."""
    return [code for code in STUDY_LANGUAGES if code != instrument.SOURCE_LANGUAGE]


def interface_path(app, code):
    """The packaged catalogue (read only)."""
    return APP_ROOT / app / "locale" / code / "LC_MESSAGES" / "django.po"


def overlay_root():
    """``<CITYDIP_DATA_DIR>/translations``: the team's edits (back it up with the database)."""
    from django.conf import settings

    return Path(settings.CITYDIP_DATA_DIR) / "translations"


def instrument_overlay():
    return overlay_root() / "instrument"


def overlay_path(code):
    """The interface overlay catalogue; its folder ``locale`` is first in ``settings.LOCALE_PATHS``."""
    return overlay_root() / "locale" / code / "LC_MESSAGES" / "django.po"


def overlay_catalogue(code):
    path = overlay_path(code)
    return polib.pofile(str(path)) if path.exists() else None


def interface_catalogue(app, code):
    path = interface_path(app, code)
    return polib.pofile(str(path)) if path.exists() else None


def interface_id(app, msgid):
    return f"interface/{app}/{hashlib.sha1(msgid.encode()).hexdigest()[:10]}"


def _status(entry, part_status):
    if not entry.msgstr:
        return "untranslated"
    return "changed" if entry.fuzzy else part_status


def part_status(code, part):
    """``draft`` or ``reviewed`` (and who reviewed it) of one part of a language."""
    if part == "instrument":
        overlay = instrument_overlay()
        if not instrument.path(code).exists() and instrument.overlay_catalogue(code, overlay) is None:
            return "draft", ""
        merged = instrument.merged(code, overlay)
        return instrument.review_status(code, overlay), merged.metadata.get(REVIEWER_HEADER, "")
    overlay = overlay_catalogue(code)
    if overlay is not None and STATUS_HEADER in overlay.metadata:
        status = overlay.metadata[STATUS_HEADER].strip().lower()
        return ("reviewed" if status == "reviewed" else "draft"), overlay.metadata.get(REVIEWER_HEADER, "")
    headers = [po.metadata for app in INTERFACE_APPS if (po := interface_catalogue(app, code)) is not None]
    reviewed = bool(headers) and all(h.get(STATUS_HEADER, "draft").strip().lower() == "reviewed" for h in headers)
    return ("reviewed" if reviewed else "draft"), (headers[0].get(REVIEWER_HEADER, "") if headers else "")


def units(code):
    """Every unit of a language, instrument first, in the order of their files."""
    found = []
    status, _ = part_status(code, "instrument")
    po = instrument.merged(code, instrument_overlay())
    entries = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    for context, english in instrument.source_texts():
        entry = entries.get(context) or polib.POEntry(msgctxt=context, msgid=english, msgstr="")
        unit_status = _status(entry, status)
        if entry.msgstr and entry.msgid != english:  # the file was not synced since the English changed
            unit_status = "changed"
        previous = entry.previous_msgid or (entry.msgid if entry.msgid != english else "")
        note = f"English before the change: {previous}" if unit_status == "changed" and previous else ""
        found.append(Unit(f"instrument/{context}", "instrument", context, english, entry.msgstr, unit_status, note))
    status, _ = part_status(code, "interface")
    edited = overlay_entries(code)
    for app in INTERFACE_APPS:
        catalogue = interface_catalogue(app, code)
        for entry in catalogue or ():
            if entry.msgctxt == CONTEXT and not entry.obsolete:
                shown = edited.get(entry.msgid) or entry  # the team's edit, else the package's
                found.append(Unit(interface_id(app, entry.msgid), "interface", f"{app}: {CONTEXT}", entry.msgid,
                                  shown.msgstr, _status(shown, status), entry.comment or ""))
    return found


def overlay_entries(code):
    """``{msgid: entry}`` of the interface overlay's translated respondent texts."""
    po = overlay_catalogue(code)
    return {entry.msgid: entry for entry in po or () if entry.msgctxt == CONTEXT and entry.msgstr
            and not entry.obsolete}


def summary(code):
    """``{part: {"translated", "total", "changed", "status", "reviewer"}}`` and ``"status"`` overall."""
    result = {}
    everything = units(code)
    for part in PARTS:
        mine = [u for u in everything if u.part == part]
        status, reviewer = part_status(code, part)
        result[part] = {"translated": sum(u.status not in ("untranslated",) for u in mine), "total": len(mine),
                        "changed": sum(u.status == "changed" for u in mine), "status": status, "reviewer": reviewer}
    complete = all(result[p]["translated"] == result[p]["total"] and not result[p]["changed"] for p in PARTS)
    result["status"] = "reviewed" if complete and all(result[p]["status"] == "reviewed" for p in PARTS) else "draft"
    return result


def placeholders(text):
    return set(PLACEHOLDER.findall(text or ""))


def placeholder_problem(unit, target):
    """Why a translation's placeholders cannot be used, or "": none the English lacks; an interface
    text must keep all of its own (``%(city)s``), an instrument text may word ``{partner_country}``."""
    unknown = placeholders(target) - placeholders(unit.source)
    if unknown:
        return f"the translation uses {', '.join(sorted(unknown))}, which the English does not have"
    missing = placeholders(unit.source) - placeholders(target)
    if missing and unit.part == "interface":
        return f"the translation must keep the placeholders {', '.join(sorted(missing))}"
    return ""


# -- import ------------------------------------------------------------------------------------------

@dataclass
class Change:
    id: str
    source: str
    before: str
    after: str


@dataclass
class Report:
    language: str
    changed: list
    unchanged: int
    skipped: list  # (id, why)
    status: dict  # part -> (before, after)

    def lines(self):
        out = [f"{self.language}: {len(self.changed)} changed, {self.unchanged} unchanged, {len(self.skipped)} skipped"]
        out += [f"  changed {c.id}: {c.before!r} -> {c.after!r}" for c in self.changed]
        out += [f"  skipped {unit_id}: {why}" for unit_id, why in self.skipped]
        out += [f"  {part}: {before} -> {after}" for part, (before, after) in self.status.items() if before != after]
        return out


def apply(code, incoming, reviewed_by=""):
    """Write the translations of ``incoming`` (``{unit id: (source, target, reviewed)}``) into the
    language's files and return a :class:`Report`.

    A unit changes when its translation differs, or when a unit marked ``changed`` comes back
    translated and marked draft or reviewed (the translator confirmed it). A unit whose English is
    no longer the English of the file, or that names other placeholders than the English, is skipped.
    ``reviewed_by`` marks both parts reviewed when every unit is then translated and current; a
    part whose texts changed without it goes back to draft.
    """
    current = {unit.id: unit for unit in units(code)}
    changes, skipped, unchanged = [], [], 0
    for unit_id, (source, target, confirmed) in incoming.items():
        unit = current.get(unit_id)
        if unit is None:
            skipped.append((unit_id, "no such text (the file is older than the questionnaire or interface)"))
        elif source.strip() != unit.source.strip():
            skipped.append((unit_id, "its English changed since the file was exported; export again"))
        elif not target:
            unchanged += 1
        elif placeholder_problem(unit, target):
            skipped.append((unit_id, placeholder_problem(unit, target)))
        elif target != unit.target or (unit.status == "changed" and confirmed):
            changes.append(Change(unit_id, unit.source, unit.target, target))
        else:
            unchanged += 1
    before = {part: part_status(code, part)[0] for part in PARTS}
    by_part = {part: [c for c in changes if current[c.id].part == part] for part in PARTS}
    if by_part["instrument"]:
        _write_instrument(code, {current[c.id].context: c.after for c in by_part["instrument"]})
    if by_part["interface"]:
        _write_interface(code, {c.id: c.after for c in by_part["interface"]})
    for part in PARTS:
        if by_part[part] and not reviewed_by:
            set_part_status(code, part, "draft")
    if reviewed_by:
        remaining = [u for u in units(code) if u.status in ("untranslated", "changed")]
        if not remaining:
            for part in PARTS:
                set_part_status(code, part, "reviewed", reviewed_by)
        else:
            skipped.append(("(status)", f"not marked reviewed: {len(remaining)} texts are untranslated or changed"))
    after = {part: part_status(code, part)[0] for part in PARTS}
    return Report(code, changes, unchanged, skipped, {part: (before[part], after[part]) for part in PARTS})


def set_part_status(code, part, status, reviewer=""):
    if status not in instrument.STATUSES:
        raise ValueError(f"review status must be one of {', '.join(instrument.STATUSES)}, not {status!r}")
    if part == "instrument":
        overlay = instrument.overlay_catalogue(code, instrument_overlay())
        if overlay is None and not instrument.path(code).exists() and status != "reviewed":
            return
        po = overlay if overlay is not None else instrument.new_catalogue(code)
        _set_headers(po, status, reviewer)
        _save_instrument_overlay(code, po)
        return
    po = overlay_catalogue(code) or new_interface_overlay(code)
    _set_headers(po, status, reviewer)
    _save_interface(code, po)


def _set_headers(po, status, reviewer):
    po.metadata[STATUS_HEADER] = status
    if reviewer:
        po.metadata[REVIEWER_HEADER] = reviewer


def _write_instrument(code, by_context):
    """The edited texts into the language's overlay (with the English they translate), then the
    XLSForm rebuilt with the overlay merged over the packaged translations."""
    folder = instrument_overlay()
    po = instrument.overlay_catalogue(code, folder) or instrument.new_catalogue(code)
    if instrument.overlay_catalogue(code, folder) is None:
        del po.metadata[STATUS_HEADER]  # the packaged file's status holds until the part's status is set
    english = dict(instrument.source_texts())
    entries = {entry.msgctxt: entry for entry in po}
    for context, text in by_context.items():
        entry = entries.get(context)
        if entry is None:
            entry = entries[context] = polib.POEntry(msgctxt=context, msgid=english[context])
            po.append(entry)
        entry.msgid, entry.msgstr = english[context], text
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    _save_instrument_overlay(code, po)
    form = build_instrument.build(overlay=folder)
    _written(instrument_output(), lambda path: path.write_bytes(form))


def _save_instrument_overlay(code, po):
    po.wrapwidth = 0
    _written(instrument_overlay() / f"{code}.po", lambda path: po.save(str(path)))


def _written(path, write):
    """``write(path)`` after making its folder; a data folder the server may not write is SURVEY-E306."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path)
    except OSError as problem:
        raise CitydipError("SURVEY-E306", f"cannot write the team's translations ({problem.strerror or problem}): "
                           "set CITYDIP_DATA_DIR to a folder the server may write (docs/production.md)",
                           file=str(path)) from problem


def instrument_output():
    """The XLSForm with the team's translations (the packaged one is never rewritten at run time)."""
    return instrument_overlay() / build_instrument.OUTPUT.name


def new_interface_overlay(code):
    """An empty overlay catalogue with the packaged catalogue's language and plural headers."""
    po = polib.POFile()
    packaged = next((c for app in INTERFACE_APPS if (c := interface_catalogue(app, code)) is not None), None)
    keep = ("Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
    po.metadata = {key: value for key, value in (packaged.metadata if packaged else {}).items() if key in keep}
    po.metadata.setdefault("Language", code)
    po.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    return po


def _write_interface(code, by_id):
    """The edited respondent texts into the language's overlay catalogue (packaged files untouched)."""
    po = overlay_catalogue(code) or new_interface_overlay(code)
    entries = {entry.msgid: entry for entry in po if entry.msgctxt == CONTEXT}
    for app in INTERFACE_APPS:
        for packaged in interface_catalogue(app, code) or ():
            unit_id = interface_id(app, packaged.msgid)
            if packaged.msgctxt != CONTEXT or packaged.obsolete or unit_id not in by_id:
                continue
            entry = entries.get(packaged.msgid)
            if entry is None:
                entry = entries[packaged.msgid] = polib.POEntry(msgctxt=CONTEXT, msgid=packaged.msgid)
                po.append(entry)
            entry.msgstr = by_id[unit_id]
    _save_interface(code, po)


def _save_interface(code, po):
    _written(overlay_path(code), lambda path: (po.save(str(path)), po.save_as_mofile(str(path.with_suffix(".mo")))))
    reset_translation_cache()


def reset_translation_cache():
    """Make this process read the compiled catalogues again (Django's own reset on a .mo change)."""
    from django.utils.translation.reloader import translation_file_changed

    translation_file_changed(None, Path("catalogue.mo"))
