"""Read and check a partnership CSV of the ``eu_china_pairs.csv`` shape (see docs/partnerships.md).

A file of the ``all_pairs.csv`` shape (every twinning of every country: ``city1,iso2_1,city2,iso2_2``...)
is read too: only the pairs of a frame city with a place of the partner country (or of a territory kept
apart from it) are kept, each pair once, turned to the same shape (the frame side first).

Every problem of the file is collected and raised at once as :class:`CitydipErrors`, each naming file,
line and field, before anything is stored.
"""
import csv
from dataclasses import dataclass
from pathlib import Path

from citydip.core.countries import normalise_iso2
from citydip.core.errors import CitydipError, CitydipErrors
from citydip.partnerships.models import Kind, Status

REQUIRED = ("eu_city", "eu_country_iso2", "cn_city", "is_prc_mainland")
OPTIONAL = ("eu_lat", "eu_lon", "eu_wikidata", "eu_level", "cn_province", "cn_geonameid", "cn_wikidata",
            "cn_territory", "relation_type", "start_year", "end_year", "source", "source_ref", "cn_lat", "cn_lon")
KIND_WORDS = {"sister": Kind.SISTER, "twin": Kind.SISTER, "friendship": Kind.FRIENDSHIP,
              "memorandum": Kind.MEMORANDUM, "mou": Kind.MEMORANDUM, "agreement": Kind.AGREEMENT,
              "cooperation": Kind.AGREEMENT, "partnership": Kind.AGREEMENT, "informal": Kind.INFORMAL}


@dataclass
class PairRow:
    line: int
    raw: dict
    eu_city: str
    eu_country: str
    eu_level: str
    eu_wikidata: str
    eu_lat: float | None
    eu_lon: float | None
    cn_city: str
    cn_province: str
    cn_geonameid: str
    territory: str
    is_prc: bool
    kind: str
    year: int | None
    reference: str
    status: str = ""


def read_pairs(path):
    path = Path(path)
    if not path.exists():
        raise CitydipError("PART-E001", "file not found; give the path of a partnership CSV", file=str(path))
    nul = path.read_bytes().find(b"\x00")
    if nul >= 0:  # PostgreSQL cannot store it in text, and no CSV text file has one
        raise CitydipError("PART-E003", "the file contains a NUL byte: it is not a CSV text file; save it as CSV UTF-8",
                           file=path.name, line=path.read_bytes()[:nul].count(b"\n") + 1)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            all_pairs = set(ALL_PAIRS) <= set(reader.fieldnames or [])
            missing = [] if all_pairs else [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise CitydipError("PART-E002", f"missing column(s) {', '.join(missing)}; the header needs "
                                   f"{', '.join(REQUIRED)}", file=path.name, line=1, field=missing[0])
            raw_rows = list(enumerate(reader, start=2))
            if all_pairs:
                raw_rows = partner_pairs(raw_rows)
    except UnicodeDecodeError as error:
        raise CitydipError("PART-E003", "the file is not UTF-8 text; save it as CSV UTF-8", file=path.name) from error
    except csv.Error as error:
        raise CitydipError("PART-E003", f"not a readable CSV file ({error})", file=path.name) from error
    rows, errors = [], []
    for line, raw in raw_rows:
        try:
            rows.append(parse_row(raw, line, path.name))
        except CitydipError as error:
            errors.append(error)
    if errors:
        raise CitydipErrors(errors)
    return rows


ALL_PAIRS = ("city1", "iso2_1", "city2", "iso2_2")


def partner_pairs(raw_rows):
    """The rows of an all-pairs file that pair a frame city with the partner country, in the pairs shape."""
    from citydip.frame.models import City
    from citydip.gazetteer.territories import partner, territories

    frame = set(City.objects.filter(in_frame=True).values_list("country_id", flat=True))
    kept, seen = [], set()
    for line, raw in raw_rows:
        sides = [(raw.get(f"city{i}") or "", normalise_iso2((raw.get(f"iso2_{i}") or "").strip().upper()),
                  raw.get(f"lat{i}") or "", raw.get(f"lng{i}") or "") for i in (1, 2)]
        if sides[0][1] in territories() and sides[1][1] in frame:
            sides.reverse()
        home, other = sides
        if home[1] not in frame or other[1] not in territories():
            continue
        key = (fold_key(home[0]), home[1], fold_key(other[0]))
        if key in seen:
            continue
        seen.add(key)
        kept.append((line, {
            "eu_city": home[0], "eu_country_iso2": home[1], "eu_lat": home[2], "eu_lon": home[3],
            "cn_city": other[0], "cn_lat": other[2], "cn_lon": other[3],
            "is_prc_mainland": "1" if other[1] == partner() else "0",
            "cn_territory": "" if other[1] == partner() else other[1],
            "source_ref": raw.get("source_ref") or "", "relation_type": raw.get("relation_type") or ""}))
    return kept


def fold_key(name):
    from citydip.gazetteer.normalise import fold

    return fold(name)


def parse_row(raw, line, file):
    def fail(field, message):
        return CitydipError("PART-E004", message, file=file, line=line, field=field)

    if None in raw:
        raise fail("", "the row has more cells than the header; quote cells that contain commas")
    for column in ("eu_city", "cn_city"):
        if not (raw.get(column) or "").strip():
            raise fail(column, f"`{column}` is empty; every row names both partners")
    country = normalise_iso2((raw.get("eu_country_iso2") or "").strip().upper())
    if len(country) != 2 or not country.isalpha():
        raise fail("eu_country_iso2", f"{raw.get('eu_country_iso2')!r} is not an ISO 3166-1 alpha-2 code (e.g. DE)")
    prc = (raw.get("is_prc_mainland") or "").strip()
    if prc not in ("0", "1"):
        raise fail("is_prc_mainland", f"{prc!r} must be 1 (the partner country itself) or 0 (a territory kept "
                   "apart, e.g. Hong Kong, Macau, Taiwan for China)")
    geonameid = (raw.get("cn_geonameid") or "").strip()
    if geonameid and not geonameid.isdigit():
        raise fail("cn_geonameid", f"{geonameid!r} is not a GeoNames id (digits only)")
    return PairRow(
        line=line, raw=dict(raw), eu_city=raw["eu_city"].strip(), eu_country=country,
        eu_level=(raw.get("eu_level") or "municipality").strip(), eu_wikidata=(raw.get("eu_wikidata") or "").strip(),
        eu_lat=number(raw, "eu_lat", fail), eu_lon=number(raw, "eu_lon", fail), cn_city=raw["cn_city"].strip(),
        cn_province=(raw.get("cn_province") or "").strip(), cn_geonameid=geonameid,
        territory=(raw.get("cn_territory") or "").strip(), is_prc=prc == "1",
        kind=kind_of(raw, fail), year=year_of(raw, fail, "start_year"),
        reference=(raw.get("source_ref") or "").strip() or f"{file}#L{line}",
        status=Status.ENDED if year_of(raw, fail, "end_year") else "")


def number(raw, column, fail):
    value = (raw.get(column) or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise fail(column, f"{value!r} is not a number (use a dot as decimal separator)") from None


def kind_of(raw, fail):
    value = (raw.get("relation_type") or "").strip().lower()
    if not value:
        return ""
    for word, kind in KIND_WORDS.items():
        if word in value:
            return kind
    raise fail("relation_type", f"{value!r} is not a known kind; use sister, friendship, memorandum, "
               "agreement or informal")


def year_of(raw, fail, column):
    value = (raw.get(column) or "").strip()
    if not value:
        return None
    if not value.isdigit() or not 1900 <= int(value) <= 2100:
        raise fail(column, f"{value!r} is not a year between 1900 and 2100")
    return int(value)
