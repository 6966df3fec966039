"""Name normalisation: turn any spelling of a place name into the key the matcher looks up.

``fold("Xī'ān")``, ``fold("Xi An")`` and ``fold("XIAN")`` all give ``"xian"``; ``fold("蘇州市")`` gives
``"苏州市"`` (traditional characters become simplified with zhconv). :func:`split_affixes` removes the
words respondents put around a name in their own language ("City of", "Provinz", "Shi", "市") and says
which level they point to; the affixes themselves are data (``data/affixes.csv``), not code.
"""
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import zhconv

DATA = Path(__file__).parent / "data"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
APOSTROPHES = re.compile(r"['’‘`ʼʻ´]")
NON_WORD = re.compile(r"[^\w]+")
# Letters NFKD does not decompose into a base letter plus a combining mark.
SPECIAL_LETTERS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "þ": "th",
                                 "ð": "d", "ŀ": "l", "ħ": "h"})


def has_han(text):
    return bool(HAN.search(text or ""))


def fold_tokens(text):
    """Lower-case, accent-free, simplified-Chinese word tokens of ``text`` (apostrophes join, not split)."""
    text = text or ""
    if text.isascii():
        return [t for t in NON_WORD.split(APOSTROPHES.sub("", text.lower()).replace("_", " ")) if t]
    text = unicodedata.normalize("NFKC", text).strip()
    if has_han(text):
        text = zhconv.convert(text, "zh-cn")
    text = text.casefold().translate(SPECIAL_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = APOSTROPHES.sub("", text)
    return [t for t in NON_WORD.split(text.replace("_", " ")) if t]


def fold(text):
    """The lookup key of a name: its folded tokens joined without spaces."""
    return "".join(fold_tokens(text))


@dataclass(frozen=True)
class Affixes:
    prefixes: dict  # first token -> [(tokens, level)], longest first
    suffixes: dict  # last token -> [(tokens, level)], longest first
    han: tuple  # (suffix, level), longest first


@lru_cache(maxsize=1)
def affixes():
    """The affixes of data/affixes.csv, looked up by their first (prefixes) or last (suffixes) word."""
    with open(DATA / "affixes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    prefixes, suffixes, han = {}, {}, []
    for row in rows:
        tokens = tuple(fold_tokens(row["affix"]))
        if has_han(row["affix"]):
            han.append((tokens[0], row["level"]))
            continue
        table, word = (prefixes, tokens[0]) if row["position"] == "prefix" else (suffixes, tokens[-1])
        table.setdefault(word, []).append((tokens, row["level"]))
    for table in (prefixes, suffixes):
        for entries in table.values():
            entries.sort(key=lambda e: -len(e[0]))
    return Affixes(prefixes, suffixes, tuple(sorted(han, key=lambda h: -len(h[0]))))


def strip_one(tokens, table):
    """Tokens without one affix, and its level; or None when no affix applies."""
    last = tokens[-1]
    if has_han(last):
        for suffix, level in table.han:
            if last.endswith(suffix) and len(last) - len(suffix) >= 2:
                return tokens[:-1] + [last[: -len(suffix)]], level
    for affix, level in table.prefixes.get(tokens[0], ()):
        n = len(affix)
        if len(tokens) > n and tuple(tokens[:n]) == affix:
            return tokens[n:], level
    for affix, level in table.suffixes.get(last, ()):
        n = len(affix)
        if len(tokens) > n and tuple(tokens[-n:]) == affix:
            return tokens[:-n], level
    return None


def split_affixes(tokens):
    """Strip affixes from folded tokens; return (core tokens, level hint or "").

    Latin affixes are whole words at either end; Chinese ones are the end of the last token
    (北京市 → 北京). At least one token (or two Han characters) always stays.
    """
    tokens, hint, table = list(tokens), "", affixes()
    while tokens:
        stripped = strip_one(tokens, table)
        if stripped is None:
            break
        tokens, level = stripped
        hint = hint or level
    return tokens, hint


def core_key(text, tokens=None):
    """The key of a name without its affixes, and the level its affixes suggest."""
    tokens, hint = split_affixes(fold_tokens(text) if tokens is None else tokens)
    return "".join(tokens), hint
