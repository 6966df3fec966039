"""Importer of the Eurostat Urban Audit (URAU) city list, as the CSV of ``shared/data/frame``.

Columns (``eu_cities_urau.csv``): ``urau_code, name, country_iso2, population, population_year,
lat, lon`` are required; ``nuts3, source, is_capital, geonameid, population_geonames`` are used when
present. A row without an Urban Audit population takes ``population_geonames`` and is marked as such;
rows whose ``source`` says GeoNames (the Latvian patch) are marked too. Every problem of the file is
collected in one pass and raised together, each naming file, line and field.
"""
import csv
from pathlib import Path

from citydip.core.countries import is_country_code, normalise_iso2
from citydip.core.errors import CitydipError, CitydipErrors
from citydip.core.files import sha256_file
from citydip.frame.importers import CityRecord, SourceData

REQUIRED_COLUMNS = ("urau_code", "name", "country_iso2", "population", "population_year", "lat", "lon")
MAX_ERRORS = 50
GEONAMES_SOURCE = "GeoNames (CC BY 4.0)"


class RowErrors:
    """Collects the errors of one file so the user sees them all at once, not one per run."""

    def __init__(self, file):
        self.file = file
        self.errors = []

    def add(self, code, message, line, field):
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(CitydipError(code, message, file=self.file, line=line, field=field))

    def raise_if_any(self):
        if self.errors:
            raise CitydipErrors(self.errors)


def read(path, *, countries, min_population=None):
    """Read and check an Urban Audit CSV; return the records of ``countries`` (all rows are checked)."""
    path = Path(path)
    name = path.name
    rows = _open_rows(path)
    errors = RowErrors(name)
    records = [record for line, row in rows if (record := parse_row(row, line, errors))]
    check_duplicates(records, errors)
    errors.raise_if_any()
    wanted = set(countries)
    kept = [r for r in records if r.country in wanted]
    return SourceData(source="urau", records=kept, input_file=str(path.resolve()), checksum=sha256_file(path),
                      notes={"rows": len(records), "other_countries": len(records) - len(kept)})


def _open_rows(path):
    """The data rows with their line numbers; stops on a missing file, bad encoding or missing columns."""
    if not path.is_file():
        raise CitydipError("FRAME-E001", "the input file does not exist: give the path of the Urban Audit CSV",
                           file=str(path))
    nul = path.read_bytes().find(b"\x00")
    if nul >= 0:  # PostgreSQL cannot store it in text, and no CSV text file has one
        raise CitydipError("FRAME-E001", "the file contains a NUL byte: it is not a CSV text file; save it as CSV UTF-8",
                           file=path.name, line=path.read_bytes()[:nul].count(b"\n") + 1)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise CitydipError(
                    "FRAME-E002", f"missing column(s) {', '.join(missing)}: the header must name "
                    f"{', '.join(REQUIRED_COLUMNS)}", file=path.name, line=1, field=missing[0])
            reader.fieldnames = header
            rows = [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError as error:
        raise CitydipError("FRAME-E001", f"the file is not UTF-8 text ({error.reason}): save it as UTF-8 CSV",
                           file=path.name) from error
    if not rows:  # an empty frame would take every city out of the frame
        raise CitydipError("FRAME-E001", "the file has a header but no city rows: give the full Urban Audit CSV",
                           file=path.name, line=2)
    return rows


def parse_row(row, line, errors):
    """One CSV row as a CityRecord, or None when it has errors (they are added to ``errors``)."""
    before = len(errors.errors)
    value = lambda column: (row.get(column) or "").strip()  # noqa: E731
    name = value("name")
    if not name:
        errors.add("FRAME-E006", "the city has no name: fill in the name", line, "name")
    country = parse_country(value("country_iso2"), line, errors)
    geonames_id = parse_int(value("geonameid"), line, "geonameid", errors)
    if not value("urau_code") and not geonames_id:
        errors.add("FRAME-E006", "a row needs an urau_code or a geonameid to be matched on rebuilds",
                   line, "urau_code")
    lat = parse_coordinate(value("lat"), line, "lat", 90, errors)
    lon = parse_coordinate(value("lon"), line, "lon", 180, errors)
    population = parse_int(value("population"), line, "population", errors)
    year = parse_int(value("population_year"), line, "population_year", errors)
    if year is not None and not 1800 <= year <= 2100:
        errors.add("FRAME-E007", f"population_year {year} is not a plausible year (1800–2100)", line,
                   "population_year")
    fallback = parse_int(value("population_geonames"), line, "population_geonames", errors)
    if len(errors.errors) > before:
        return None
    record = CityRecord(name=name, country=country, population=population, population_year=year,
                        lat=lat, lon=lon, nuts3=value("nuts3"), urau_code=value("urau_code"),
                        geonames_id=geonames_id, is_capital=value("is_capital").upper() in ("Y", "YES", "TRUE", "1"),
                        line=line)
    set_population_source(record, value("source"), fallback)
    return record


def set_population_source(record, source_text, fallback):
    """Say where the population comes from; take the GeoNames figure when the Urban Audit has none."""
    if record.population is None and fallback is not None:
        record.population, record.population_year = fallback, None
        record.population_from_geonames = True
        record.population_source = f"{GEONAMES_SOURCE}, population_geonames column"
    elif "geonames" in source_text.lower():
        record.population_from_geonames = True
        record.population_source = GEONAMES_SOURCE
    elif record.population is not None:
        record.population_source = "Eurostat urb_cpop1"


def parse_country(text, line, errors):
    code = normalise_iso2(text)
    if not code:
        errors.add("FRAME-E006", "the country code is empty: give an ISO 3166-1 alpha-2 code such as DE",
                   line, "country_iso2")
    elif len(code) != 2 or not is_country_code(code):
        errors.add("FRAME-E004", f"unknown country code {text!r}: use ISO 3166-1 alpha-2 (DE, FR, GR or EL…)",
                   line, "country_iso2")
    return code


def parse_int(text, line, field, errors):
    if not text:
        return None
    if not text.isdigit():
        errors.add("FRAME-E003", f"{field} is not a whole number: {text!r} (write digits only, no separators)",
                   line, field)
        return None
    return int(text)


def parse_coordinate(text, line, field, limit, errors):
    if not text:
        errors.add("FRAME-E006", f"{field} is empty: every city needs coordinates (WGS84 degrees)", line, field)
        return None
    try:
        number = float(text)
    except ValueError:
        errors.add("FRAME-E003", f"{field} is not a number: {text!r} (decimal degrees with a dot, e.g. 48.21)",
                   line, field)
        return None
    if not -limit <= number <= limit:
        errors.add("FRAME-E007", f"{field} {number} is outside -{limit}…{limit} degrees", line, field)
        return None
    return number


def check_duplicates(records, errors):
    """Codes must be unique: urau_code among all rows, geonameid among rows without an urau_code."""
    seen = {}
    for record in records:
        field = "urau_code" if record.urau_code else "geonameid"
        key = record.key
        if key in seen:
            errors.add("FRAME-E005", f"duplicate {field} {key.removeprefix('GN') if field == 'geonameid' else key}"
                       f" (first on line {seen[key]}): each city must appear once", record.line, field)
        else:
            seen[key] = record.line
