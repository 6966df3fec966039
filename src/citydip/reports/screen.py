"""Screening free text for personal data before it is published: e-mails, phone numbers, names.

Rules, applied in this order to every text cell of the deposit:

1. e-mail addresses (``local@domain.tld``) → ``[email]``;
2. phone numbers: at least 7 digits after ``+`` or ``00``, or with spaces, dots, dashes, slashes or
   brackets between them, or a bare run of 9+ digits starting with 0 → ``[phone]`` (a year range such
   as ``2015-2020`` and a bare identifier such as ``1815286`` are kept);
3. names of persons known to citydip (fieldwork contacts, transcript speakers, user accounts): the full
   name, then each part of four letters or more as a whole word → ``[name]``;
4. a title followed by capitalised words (Mr, Mrs, Ms, Dr, Prof, Herr, Frau, M., Mme, Sr., Sra.,
   Pan, Pani, Sig., Dott., …) → the title and ``[name]``.

Limits: a person named in the text without a title and unknown to citydip is not found; a known
surname that is also a word (Wolf, Rose) is replaced wherever it appears as a capitalised word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])(?:\+|00)?\(?\d[\d\s().\-/]{5,}\d(?![\w])")
YEAR_RANGE = re.compile(r"^\s*(1[89]|20)\d\d\s*[-–/]\s*(1[89]|20)?\d\d\s*$")
TITLES = (r"Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau|Mme|Mlle|M\.|Sr|Sra|Sres|Don|Doña|Pan|Pani|Sig|Sig\.ra|Dott|Dott\.ssa"
          r"|Ing|Mag")
TITLED = re.compile(rf"\b({TITLES})\.?\s+(?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+)(?:\s+[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+)*")
MIN_PART = 4


def _phone(match):
    """A phone number has 7+ digits and a ``+``/``00`` prefix or separators; a bare run of digits
    counts only from 9 digits with a leading 0 (so identifiers such as GeoNames ids stay)."""
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7 or YEAR_RANGE.match(text):
        return text
    bare = text.isdigit()
    if text.startswith(("+", "00", "(")) or not bare or (text.startswith("0") and digits >= 9):
        return "[phone]"
    return text


@dataclass
class Screen:
    """Replaces personal data in texts; ``names`` are the persons citydip knows of."""

    names: list[str] = field(default_factory=list)

    def __post_init__(self):
        full = sorted({n.strip() for n in self.names if n and len(n.strip()) >= MIN_PART}, key=len, reverse=True)
        parts = sorted({p for n in full for p in re.split(r"[\s,]+", n) if len(p) >= MIN_PART and p[0].isupper()},
                       key=len, reverse=True)
        words = [re.escape(n) for n in full + parts]
        self.known = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)") if words else None

    def __call__(self, text):
        if not isinstance(text, str) or not text:
            return text
        text = EMAIL.sub("[email]", text)
        text = PHONE.sub(_phone, text)
        if self.known is not None:
            text = self.known.sub("[name]", text)
        return TITLED.sub(lambda m: f"{m.group(1)} [name]", text)


def known_names():
    """Names of persons in the database: contacts, transcript speakers, users."""
    from django.contrib.auth import get_user_model

    from citydip.fieldwork.models import Contact
    from citydip.qda.models import SpeakerTurn

    names = set(Contact.objects.exclude(person="").values_list("person", flat=True))
    names |= set(SpeakerTurn.objects.values_list("speaker", flat=True).distinct())
    for first, last in get_user_model().objects.values_list("first_name", "last_name"):
        names |= {f"{first} {last}".strip(), last}
    return sorted(n for n in names if n)


def secrets():
    """Every contact e-mail, phone and name: what must not appear anywhere in a deposit."""
    from citydip.fieldwork.models import Contact

    found = set()
    for email, phone, person in Contact.objects.values_list("email", "phone", "person"):
        found |= {v for v in (email, phone, person) if v and len(v) >= MIN_PART}
    return sorted(found)
