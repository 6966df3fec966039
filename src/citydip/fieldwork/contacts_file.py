"""Read and check a contacts file (CSV or XLSX): every bad row is reported, with its line and reason.

Columns (DESIGN.md): ``city_id,office,name,role,email,phone,language``; ``city_id`` as in ``frame
export``. Instead of ``city_id`` a row may give ``city_name`` and ``country`` (ISO code), matched
forgivingly (accents, case, "Frankfurt am Main" vs "Frankfurt", small typos) with rapidfuzz. An
optional ``primary`` column (yes/no) marks the primary contact; otherwise a city's first contact is.
"""
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from rapidfuzz import fuzz, process

from citydip.core.countries import normalise_iso2
from citydip.core.errors import CitydipError
from citydip.fieldwork.models import Contact
from citydip.frame.models import City

COLUMNS = ("city_id", "office", "name", "role", "email", "phone", "language")
OPTIONAL = ("city_name", "country", "primary")
PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,30}$")
YES, NO = {"yes", "y", "1", "true", "x", "ja", "oui", "si", "sì", "tak"}, {"", "no", "n", "0", "false"}
MATCH_SCORE, MATCH_MARGIN = 88, 4


@dataclass
class CheckedFile:
    rows: list = field(default_factory=list)  # (line, dict of Contact fields)
    errors: list = field(default_factory=list)  # CitydipError, one per bad row


def read_table(path):
    """(header, [(line, row dict)]) of a CSV (comma or semicolon) or the first sheet of an XLSX."""
    path = Path(path)
    if not path.exists():
        raise CitydipError("FIELD-E001", "the file does not exist", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    nul = path.read_bytes().find(b"\x00")
    if nul >= 0:  # PostgreSQL cannot store it in text, and no CSV text file has one
        raise CitydipError("FIELD-E001", "the file contains a NUL byte: it is not a CSV text file; save it as CSV UTF-8",
                           file=path.name, line=path.read_bytes()[:nul].count(b"\n") + 1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CitydipError("FIELD-E001", f"the file is not UTF-8 text ({error.reason} at byte {error.start}): "
                           "save it as CSV UTF-8 or as XLSX", file=path.name) from error
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    table, lines = [], []
    for values in reader:
        table.append(values)
        lines.append(reader.line_num)
    return tidy(table, path, lines)


def read_xlsx(path):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError) as error:
        raise CitydipError("FIELD-E001", f"the file is not a readable XLSX workbook ({error}): save it again as "
                           "XLSX or as CSV UTF-8", file=path.name) from None
    table = [["" if v is None else cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return tidy(table, path, list(range(1, len(table) + 1)))


def cell_text(value):
    """A spreadsheet cell as text; whole numbers (phone numbers typed as numbers) without ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def tidy(table, path, lines):
    if not table:
        raise CitydipError("FIELD-E001", "the file is empty: it needs a header row " + ",".join(COLUMNS), file=path.name)
    header = [h.strip().lower() for h in table[0]]
    has_city = "city_id" in header or {"city_name", "country"} <= set(header)
    missing = [c for c in ("name", "email") if c not in header] + ([] if has_city else ["city_id"])
    if missing:
        raise CitydipError("FIELD-E001", f"missing column {missing[0]}: the header must have "
                           + ",".join(COLUMNS) + " (or city_name and country instead of city_id)",
                           file=path.name, line=1, column=missing[0])
    rows = []
    for line, values in zip(lines[1:], table[1:]):
        if any(str(v).strip() for v in values):
            rows.append((line, {h: str(v).strip() for h, v in zip(header, values)}))
    return header, rows


def normalise_name(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


class CityIndex:
    """Find a frame city by its public id, or by name and country (forgiving)."""

    def __init__(self):
        self.by_id, self.by_country = {}, {}
        for city in City.objects.select_related("country"):
            self.by_id[city.city_id.upper()] = city
            names = self.by_country.setdefault(city.country_id, {})
            for name in {city.name, city.native_name} - {""}:
                names.setdefault(normalise_name(name), set()).add(city)

    def by_name(self, name, country):
        """(city, None) or (None, reason)."""
        names = self.by_country.get(normalise_iso2(country), {})
        wanted = normalise_name(name)
        if not names:
            return None, f"no frame city in country {country!r}"
        exact = names.get(wanted)
        if exact is None:
            found = process.extract(wanted, list(names), scorer=fuzz.WRatio, limit=2)
            if not found or found[0][1] < MATCH_SCORE:
                return None, f"no frame city called {name!r} in {country}"
            if len(found) > 1 and found[1][1] > found[0][1] - MATCH_MARGIN and names[found[1][0]] != names[found[0][0]]:
                return None, f"{name!r} is ambiguous in {country}: {found[0][0]!r} or {found[1][0]!r}; give city_id"
            exact = names[found[0][0]]
        if len(exact) > 1:
            return None, f"several frame cities are called {name!r} in {country}; give city_id"
        return next(iter(exact)), None


def find_city(row, index):
    """(city, None) or (None, (code, reason, field))."""
    city_id = row.get("city_id", "")
    if city_id:
        city = index.by_id.get(city_id.upper())
        if city is None:
            return None, ("FIELD-E002", f"unknown city {city_id!r}: not a city_id of the frame (see `citydip frame "
                          "export`)", "city_id")
        return city, None
    if row.get("city_name") and row.get("country"):
        city, reason = index.by_name(row["city_name"], row["country"])
        return city, None if city else ("FIELD-E002", f"unknown city: {reason}", "city_name")
    return None, ("FIELD-E002", "no city: give city_id, or city_name and country", "city_id")


def check_fields(row):
    """The first problem of a row's own fields as (code, reason, field), or None."""
    email, phone, language = row.get("email", ""), row.get("phone", ""), row.get("language", "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            return "FIELD-E004", f"bad e-mail address {email!r}", "email"
    if phone and not PHONE.match(phone):
        return "FIELD-E007", f"bad phone number {phone!r}: digits, spaces and + ( ) . / - only", "phone"
    if not email and not phone:
        return "FIELD-E008", "no e-mail address and no phone number: give at least one", "email"
    if language and (len(language) != 2 or pycountry.languages.get(alpha_2=language) is None):
        return "FIELD-E005", f"unknown language {language!r}: use a two-letter ISO 639-1 code such as de, fr, pl", "language"
    if row.get("primary", "").lower() not in YES | NO:
        return "FIELD-E009", f"primary must be yes or no, not {row['primary']!r}", "primary"
    return None


def existing_keys():
    return {(c.city_id, c.email.lower()) for c in Contact.objects.filter(retired__isnull=True).exclude(email="")}


def check_rows(rows, file_name):
    """Check every row; a row is either valid or reported with its line, field and reason."""
    index, known, seen = CityIndex(), existing_keys(), {}
    checked = CheckedFile()
    for line, row in rows:
        city, problem = find_city(row, index)
        problem = problem or check_fields(row)
        key = (city.pk, row.get("email", "").lower()) if city else None
        if not problem and key[1] and key in seen:
            problem = ("FIELD-E006", f"duplicate: the same city and e-mail as line {seen[key]}", "email")
        elif not problem and key[1] and key in known:
            problem = ("FIELD-E006", f"duplicate: {row['email']} is already a contact of {city.name}", "email")
        if problem:
            code, reason, column = problem
            checked.errors.append(CitydipError(code, reason, file=file_name, line=line, field=column))
            continue
        seen[key] = line
        checked.rows.append((line, contact_fields(row, city, f"{file_name}:{line}")))
    return checked


def contact_fields(row, city, source):
    return {"city": city, "office": row.get("office", ""), "person": row.get("name", ""), "role": row.get("role", ""),
            "email": row.get("email", ""), "phone": row.get("phone", ""), "language": row.get("language", "").lower(),
            "primary": row.get("primary", "").lower() in YES, "source": source[:300]}


def import_contacts(checked):
    """Create the valid contacts (the caller holds the transaction); a city's first contact becomes primary."""
    created = [Contact.objects.create(**fields) for _, fields in checked.rows]
    for city_id in {c.city_id for c in created}:
        contacts = Contact.objects.filter(city_id=city_id, retired__isnull=True)
        chosen = [c for c in created if c.city_id == city_id and c.primary]
        if chosen:
            contacts.exclude(pk=chosen[-1].pk).update(primary=False)
        elif not contacts.filter(primary=True).exists():
            first = min((c for c in created if c.city_id == city_id), key=lambda c: c.pk)
            Contact.objects.filter(pk=first.pk).update(primary=True)
    return len(created)
