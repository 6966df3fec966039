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
    text = unicodedata.normalize("NFKC", text or "").strip()
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
class Affix:
    tokens: tuple
    position: str  # prefix | suffix
    level: str  # city | province | district | county
    han: bool


@lru_cache(maxsize=1)
def affixes():
    """The affixes of data/affixes.csv, longest first so "city of" wins over "city"."""
    with open(DATA / "affixes.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    found = [Affix(tuple(fold_tokens(r["affix"])), r["position"], r["level"], has_han(r["affix"])) for r in rows]
    return sorted(found, key=lambda a: -sum(len(t) for t in a.tokens))


def split_affixes(tokens):
    """Strip affixes from folded tokens; return (core tokens, level hint or "").

    Latin affixes are whole words at either end; Chinese ones are the end of the last token
    (北京市 → 北京). At least one token (or two Han characters) always stays.
    """
    tokens, hint = list(tokens), ""
    changed = True
    while changed and tokens:
        changed = False
        for affix in affixes():
            if affix.han:
                last = tokens[-1]
                suffix = affix.tokens[0]
                if has_han(last) and last.endswith(suffix) and len(last) - len(suffix) >= 2:
                    tokens[-1], hint, changed = last[: -len(suffix)], hint or affix.level, True
                    break
                continue
            n = len(affix.tokens)
            if len(tokens) <= n:
                continue
            if affix.position == "prefix" and tuple(tokens[:n]) == affix.tokens:
                tokens, hint, changed = tokens[n:], hint or affix.level, True
                break
            if affix.position == "suffix" and tuple(tokens[-n:]) == affix.tokens:
                tokens, hint, changed = tokens[:-n], hint or affix.level, True
                break
    return tokens, hint


def core_key(text):
    """The key of a name without its affixes, and the level its affixes suggest."""
    tokens, hint = split_affixes(fold_tokens(text))
    return "".join(tokens), hint
