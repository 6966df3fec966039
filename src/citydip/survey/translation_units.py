"""What a translator works on, per language: the instrument's texts and the respondent-facing texts
of the interface, each with its English source, current translation and status.

Two parts, each with its own files and its own review status (the ``X-Review-Status`` header,
``draft`` or ``reviewed``, and ``X-Reviewed-By``):

- ``instrument``: ``survey/instruments/eu_china_cities/<code>.po`` (``instruments/translations.py``);
  after a change the XLSForm is rebuilt (``build_instrument``);
- ``interface``: the entries with message context ``respondent`` of the Django catalogues of the
  survey and fieldwork apps (``<app>/locale/<code>/LC_MESSAGES/django.po``); after a change the
  ``.mo`` is compiled and this process's translation cache reset (other server processes pick the
  change up when restarted).

A unit's status is ``untranslated`` (no translation), ``changed`` (the English changed since it was
translated: gettext's fuzzy flag), else its part's status (``draft`` or ``reviewed``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import polib

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
    return APP_ROOT / app / "locale" / code / "LC_MESSAGES" / "django.po"


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
        reviewer = instrument.catalogue(code).metadata.get(REVIEWER_HEADER, "") if instrument.path(code).exists() else ""
        return instrument.review_status(code) if instrument.path(code).exists() else "draft", reviewer
    headers = [po.metadata for app in INTERFACE_APPS if (po := interface_catalogue(app, code)) is not None]
    reviewed = bool(headers) and all(h.get(STATUS_HEADER, "draft").strip().lower() == "reviewed" for h in headers)
    return ("reviewed" if reviewed else "draft"), (headers[0].get(REVIEWER_HEADER, "") if headers else "")


def units(code):
    """Every unit of a language, instrument first, in the order of their files."""
    found = []
    status, _ = part_status(code, "instrument")
    po = instrument.catalogue(code)
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
    for app in INTERFACE_APPS:
        catalogue = interface_catalogue(app, code)
        for entry in catalogue or ():
            if entry.msgctxt == CONTEXT and not entry.obsolete:
                found.append(Unit(interface_id(app, entry.msgid), "interface", f"{app}: {CONTEXT}", entry.msgid,
                                  entry.msgstr, _status(entry, status), entry.comment or ""))
    return found


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
    if part == "instrument":
        if instrument.path(code).exists() or status == "reviewed":
            instrument.set_review_status(code, status, reviewer)
        return
    for app in INTERFACE_APPS:
        po = interface_catalogue(app, code)
        if po is None:
            continue
        po.metadata[STATUS_HEADER] = status
        if reviewer:
            po.metadata[REVIEWER_HEADER] = reviewer
        _save_interface(app, code, po)


def _write_instrument(code, by_context):
    po = instrument.sync(code)  # the file in the source's order, with every text of the source
    entries = {entry.msgctxt: entry for entry in po}
    for context, text in by_context.items():
        entry = entries[context]
        entry.msgstr = text
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    instrument.save(code, po)
    instrument_output().write_bytes(build_instrument.build())


def instrument_output():
    return build_instrument.OUTPUT


def _write_interface(code, by_id):
    for app in INTERFACE_APPS:
        po = interface_catalogue(app, code)
        touched = False
        for entry in po or ():
            unit_id = interface_id(app, entry.msgid)
            if entry.msgctxt == CONTEXT and unit_id in by_id:
                entry.msgstr = by_id[unit_id]
                if entry.fuzzy:
                    entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgctxt = None
                touched = True
        if touched:
            _save_interface(app, code, po)


def _save_interface(app, code, po):
    path = interface_path(app, code)
    po.save(str(path))
    po.save_as_mofile(str(path.with_suffix(".mo")))
    reset_translation_cache()


def reset_translation_cache():
    """Make this process read the compiled catalogues again (Django's own reset on a .mo change)."""
    from django.utils.translation.reloader import translation_file_changed

    translation_file_changed(None, Path("catalogue.mo"))
