"""`citydip covariates import FILE.csv`: city- or country-level variables with their source.

Format (long, one value per row, so every value carries its own year and source)::

    level,id,variable,value,year,source
    city,DE001C,gdp_per_head,45210,2021,Eurostat urb_cecfi
    country,DE,unemployment_rate,3.1,2023,Eurostat une_rt_a

``level`` is ``city`` (``id`` = the city_id of ``citydip frame export``) or ``country`` (``id`` = ISO
3166-1 alpha-2; EL is read as GR). ``variable`` is a snake_case name; ``value`` a number; ``year`` a
year or empty; ``source`` is required. The missing-value codes −97, −98 and −99 are rejected (ANALYSIS-E025):
a missing value is a row left out, so such codes never enter models or case-selection distances. The file is checked whole first: every bad row is reported
with its line and field, and nothing is imported unless all rows are good. A value for the same
target, variable and year replaces the one stored before.
"""
import csv
import math
import re
from pathlib import Path

from django.db import transaction

from citydip.analysis.models import Covariate
from citydip.core.countries import is_country_code, normalise_iso2
from citydip.core.errors import CitydipError, CitydipErrors

COLUMNS = ("level", "id", "variable", "value", "year", "source")
MISSING_CODES = (-97.0, -98.0, -99.0)  # survey-style "don't know / refused / not applicable" codes
VARIABLE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


def city_index():
    from citydip.frame.models import City

    return {city.city_id: city for city in City.objects.select_related("country")}


def read_rows(path):
    path = Path(path)
    if not path.is_file():
        raise CitydipError("ANALYSIS-E010", "the file does not exist: check the path", file=str(path))
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in reader.fieldnames or []]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise CitydipError("ANALYSIS-E011", f"missing column(s) {', '.join(missing)}: the header must be "
                                   f"{','.join(COLUMNS)}", file=path.name, line=1)
            reader.fieldnames = header
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except UnicodeDecodeError as error:
        raise CitydipError("ANALYSIS-E010", f"not UTF-8 text ({error.reason}): save the file as UTF-8 CSV",
                           file=path.name) from error


def check_row(row, cities, file, line):
    """A dict of Covariate fields for one row, or a list of CitydipError."""
    errors = []
    error = lambda code, field, message: errors.append(CitydipError(code, message, file=file, line=line, field=field))  # noqa: E731
    value = {k: (row.get(k) or "").strip() for k in COLUMNS}
    fields = {"level": value["level"].lower(), "variable": value["variable"], "source": value["source"]}
    if fields["level"] == "city":
        fields["city"] = cities.get(value["id"])
        if fields["city"] is None:
            error("ANALYSIS-E013", "id", f"no frame city has city_id {value['id']!r}: use the ids of `citydip frame export`")
    elif fields["level"] == "country":
        iso2 = normalise_iso2(value["id"])
        if not is_country_code(iso2):
            error("ANALYSIS-E013", "id", f"{value['id']!r} is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, GR)")
        fields["country_id"] = iso2
    else:
        error("ANALYSIS-E012", "level", f"level must be city or country, not {value['level']!r}")
    if not VARIABLE.match(fields["variable"]):
        error("ANALYSIS-E014", "variable", f"{fields['variable']!r} is not a snake_case name (a-z, 0-9, _; e.g. gdp_per_head)")
    try:
        fields["value"] = float(value["value"])
        if not math.isfinite(fields["value"]):
            raise ValueError
    except ValueError:
        error("ANALYSIS-E015", "value", f"{value['value']!r} is not a number: write digits with a decimal point, no units")
    else:
        if fields["value"] in MISSING_CODES:
            error("ANALYSIS-E025", "value", f"{value['value']} is a missing-value code (-97/-98/-99), not a value: "
                  "leave the row out (a covariate without a row is missing)")
    try:
        fields["year"] = int(value["year"]) if value["year"] else None
        if fields["year"] is not None and not 1800 <= fields["year"] <= 2100:
            raise ValueError
    except ValueError:
        error("ANALYSIS-E016", "year", f"{value['year']!r} is not a year (1800–2100) or empty")
    if not fields["source"]:
        error("ANALYSIS-E017", "source", "the source is empty: name where the value comes from")
    return errors or fields


def check_file(path):
    """Every row of the file as Covariate fields; raises CitydipErrors listing every bad row."""
    rows = read_rows(path)
    cities = city_index()
    file = Path(path).name
    checked, errors, seen = [], [], {}
    for line, row in rows:
        result = check_row(row, cities, file, line)
        if isinstance(result, list):
            errors.extend(result)
            continue
        key = (result["level"], result.get("city") and result["city"].pk, result.get("country_id"),
               result["variable"], result["year"])
        if key in seen:
            errors.append(CitydipError("ANALYSIS-E018", f"the same level, id, variable and year as line {seen[key]}: "
                                       "keep one value", file=file, line=line, field="variable"))
        seen[key] = line
        checked.append(result)
    if errors:
        raise CitydipErrors(errors)
    if not checked:
        raise CitydipError("ANALYSIS-E019", "the file has a header but no rows", file=file)
    return checked


@transaction.atomic
def import_file(path, synthetic=False):
    """Check, then store all rows in one transaction; returns (created, replaced).

    A row replaces the stored value of the same level, city or country, variable and year. The stored
    values of the file's variables are read in one query and the replaced ones deleted in one, and the
    rows are inserted in batches (a 3,500-row file took 7,000 queries one row at a time)."""
    rows = check_file(path)
    wanted = {_key(f["level"], f["variable"], f["year"], f["city"].pk if f["level"] == "city" else f.get("country_id"))
              for f in rows}
    stored = Covariate.objects.filter(variable__in={f["variable"] for f in rows}).values_list(
        "pk", "level", "variable", "year", "city_id", "country_id")
    doomed = [pk for pk, level, variable, year, city_id, country_id in stored
              if _key(level, variable, year, city_id if level == "city" else country_id) in wanted]
    replaced = 0
    for start in range(0, len(doomed), 500):
        replaced += Covariate.objects.filter(pk__in=doomed[start:start + 500]).delete()[0]
    name = Path(path).name
    Covariate.objects.bulk_create([Covariate(synthetic=synthetic, file=name, **fields) for fields in rows], batch_size=500)
    return len(rows), replaced


def _key(level, variable, year, target):
    return level, variable, year, target
