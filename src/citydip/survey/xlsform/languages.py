"""Languages of a form: ``label::English (en)`` column suffixes to ISO 639-1 codes and back.

XLSForm names a language in a column header as ``Name (code)`` (the ODK convention). A header
with a bare name (``label::German``) or a bare code (``label::de``) is understood through
Django's table of languages (``django.conf.locale.LANG_INFO``); :func:`parse_language` says when
it had to guess, so the loader can report it.
"""
from __future__ import annotations

import re

from django.conf.locale import LANG_INFO

_NAMED_CODE = re.compile(r"^\s*(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\)\s*$")
UNDETERMINED = "und"  # ISO 639-2 "undetermined": labels without any language suffix and no default


def _by_english_name():
    table = {}
    for code, info in LANG_INFO.items():
        if "name" in info:
            table.setdefault(info["name"].lower(), code)
            table.setdefault(info.get("name_local", "").lower(), code)
    return table


_NAMES = _by_english_name()


def parse_language(text):
    """``"English (en)"`` → ``("en", "English", True)``: code, display name, whether it was explicit."""
    text = (text or "").strip()
    match = _NAMED_CODE.match(text)
    if match:
        code = match.group("code").lower().replace("_", "-")
        return code, match.group("name") or local_name(code), True
    lowered = text.lower()
    if lowered in LANG_INFO and "name" in LANG_INFO[lowered]:
        return lowered, local_name(lowered), True
    if lowered in _NAMES:
        return _NAMES[lowered], text, False
    return re.sub(r"\W+", "-", lowered).strip("-") or UNDETERMINED, text, False


# Where Django's table gives an adverb ("česky": "in Czech") rather than the language's name.
OWN_NAMES = {"cs": "Čeština", "sk": "Slovenčina", "lt": "Lietuvių"}


def local_name(code):
    """The language's own name for itself (for the language switch): de → Deutsch."""
    if code in OWN_NAMES:
        return OWN_NAMES[code]
    info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0]) or {}
    name = info.get("name_local") or info.get("name") or code
    return name[:1].upper() + name[1:]


TRANSLATABLE = ("label", "hint", "guidance_hint", "required_message", "constraint_message", "image",
                "audio", "video", "big-image", "media", "caption")


def split_header(header):
    """``"label::English (en)"`` → ``("label", "English (en)")``; ``"label"`` → ``("label", None)``.

    The older single-colon form (``label:English``) is understood for translatable columns only,
    so ``jr:count`` stays one column name.
    """
    if "::" in header:
        column, language = header.split("::", 1)
        return column.strip().lower(), language.strip()
    column, _, language = header.partition(":")
    if language and column.strip().lower() in TRANSLATABLE:
        return column.strip().lower(), language.strip()
    return header.strip().lower(), None
