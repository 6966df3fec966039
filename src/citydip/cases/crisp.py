"""A calibrated crisp-set membership table for a QCA truth table, with conditions chosen by the researcher.

A condition is one line ``LABEL: SOURCE.NAME OP VALUE``; a line that starts with ``outcome`` names the
outcome the same way. SOURCE is ``survey`` (a variable of the analysis dataset, current wave),
``covariate`` (an imported covariate) or ``code`` (the number of distinct coded passages of a code and its
sub-codes in the case's usable documents; the code by its path, e.g. ``motives / economic``, or a unique
name). OP is ``>=``, ``>``, ``<=``, ``<``, ``=`` or ``in`` (VALUE a comma-separated list).

Calibration (documented on the page, in the CSV and in docs/case-studies.md): a case is a member (1) of
a condition when its value satisfies the rule and a non-member (0) when it does not. A missing survey
answer or covariate gives no membership (empty); such a case stays in the membership table and is left
out of the truth table. For a list answer (goals, benefits, obstacles, areas) ``=`` means "contains the
value" and ``in`` "contains one of the values". A code count is never missing (no passage is 0). Rows of
the truth table are the configurations that occur, with their cases and, when an outcome is given, the
number of cases with the outcome and the consistency (that number over the cases in the row).
"""
import csv
import io
import re
from dataclasses import dataclass, field

from citydip.core.errors import CitydipError, CitydipErrors

LINE = re.compile(r"^\s*(?P<outcome>outcome\s+)?(?P<label>[A-Za-z][\w-]*)\s*:\s*(?P<source>survey|covariate|code)\."
                  r"(?P<name>.+?)\s*(?P<op>>=|<=|=|>|<|\bin\b)\s*(?P<value>.+?)\s*$")
OPS = (">=", ">", "<=", "<", "=", "in")


@dataclass
class Condition:
    label: str
    source: str
    name: str
    op: str
    value: object  # float, str or a tuple of them for ``in``
    outcome: bool = False
    code: object = None

    @property
    def rule(self):
        value = ", ".join(map(str, self.value)) if isinstance(self.value, tuple) else self.value
        return f"{self.source}.{self.name} {self.op} {value}"

    def member(self, raw):
        """1, 0 or None (missing) for one case's raw value."""
        if raw is None or raw == "":
            return None
        if isinstance(raw, (list, tuple)):
            wanted = set(map(str, self.value if isinstance(self.value, tuple) else (self.value,)))
            return int(bool(wanted & set(map(str, raw)))) if self.op in ("=", "in") else None
        if self.op == "in":
            return int(str(raw) in set(map(str, self.value)) or _number(raw) in {_number(v) for v in self.value})
        number, target = _number(raw), _number(self.value)
        if self.op == "=":
            return int(str(raw) == str(self.value) or (number is not None and number == target))
        if number is None or target is None:
            return None
        return int({">=": number >= target, ">": number > target, "<=": number <= target,
                    "<": number < target}[self.op])


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse(text):
    """Conditions (at most one outcome) from the researcher's lines; every bad line reported at once."""
    from citydip.cases.comparison import SURVEY_VARIABLES

    conditions, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            errors.append(CitydipError("CASES-E002", "a condition reads LABEL: survey|covariate|code.NAME OP VALUE, "
                                       f"OP one of {' '.join(OPS)} (e.g. ECON: code.motives >= 2)", line=number,
                                       field="conditions"))
            continue
        value = match["value"]
        if match["op"] == "in":
            value = tuple(v.strip() for v in value.split(",") if v.strip())
        condition = Condition(match["label"], match["source"], match["name"].strip(), match["op"], value,
                              outcome=bool(match["outcome"]))
        if condition.source == "survey" and condition.name not in SURVEY_VARIABLES:
            errors.append(CitydipError("CASES-E003", f"{condition.name!r} is not a survey variable: use one of "
                                       f"{', '.join(SURVEY_VARIABLES)}", line=number, field="conditions"))
        if condition.source == "code":
            try:
                condition.code = find_code(condition.name)
            except CitydipError as error:
                errors.append(CitydipError(error.code, error.message, line=number, field="conditions"))
        if condition.label in {c.label for c in conditions}:
            errors.append(CitydipError("CASES-E004", f"the label {condition.label} is used twice", line=number,
                                       field="conditions"))
        conditions.append(condition)
    if sum(c.outcome for c in conditions) > 1:
        errors.append(CitydipError("CASES-E004", "only one line may name the outcome", field="conditions"))
    if not any(not c.outcome for c in conditions) and not errors:
        errors.append(CitydipError("CASES-E002", "name at least one condition", field="conditions"))
    if errors:
        raise CitydipErrors(errors) if len(errors) > 1 else errors[0]
    return conditions


def find_code(name):
    from citydip.qda.models import Code

    codes = list(Code.objects.all())
    by_path = [c for c in codes if c.path().casefold() == name.casefold()]
    by_name = [c for c in codes if c.name.casefold() == name.casefold()]
    found = by_path or by_name
    if len(found) != 1:
        raise CitydipError("CASES-E005", f"{'no' if not found else 'more than one'} code {name!r}: name it by its "
                           "path, e.g. motives / economic")
    return found[0]


@dataclass
class CrispTable:
    conditions: list
    outcome: object
    rows: list = field(default_factory=list)  # {"case", "city_id", "city", "raw": {label}, "member": {label}}
    truth: list = field(default_factory=list)  # {"config": tuple, "cases": [city], "n", "positive", "consistency"}

    @property
    def all_conditions(self):
        return [*self.conditions, *([self.outcome] if self.outcome else [])]


def calibrate(conditions, cases_filter=None):
    """The membership table and the truth table for the (filtered) cases of the cross-case comparison."""
    from citydip.cases import comparison

    codes = [c.code for c in conditions if c.source == "code"]
    survey = [c.name for c in conditions if c.source == "survey"]
    covariates = [c.name for c in conditions if c.source == "covariate"]
    matrix = comparison.build(**(cases_filter or {}), survey=survey or ["current"], covariates=covariates or None,
                              codes=codes or None)
    missing = [c.name for c in conditions if c.source == "covariate" and c.name not in matrix.covariates]
    if missing:
        raise CitydipError("CASES-E006", f"no covariate {', '.join(missing)}: import it with `citydip covariates "
                           "import` or use one of " + (", ".join(matrix.covariates) or "none yet"),
                           field="conditions")
    table = CrispTable([c for c in conditions if not c.outcome], next((c for c in conditions if c.outcome), None))
    for case, row in zip(matrix.cases, matrix.rows):
        raw = {}
        for condition in table.all_conditions:
            key = comparison.code_column(condition.code) if condition.source == "code" else condition.name
            raw[condition.label] = row.get(key)
            if isinstance(raw[condition.label], str) and "; " in raw[condition.label]:
                raw[condition.label] = raw[condition.label].split("; ")
        member = {c.label: c.member(_as_list(raw[c.label], c)) for c in table.all_conditions}
        table.rows.append({"case": case, "city_id": row["city_id"], "city": row["city"], "raw": raw,
                           "member": member})
    configurations = {}
    for row in table.rows:
        config = tuple(row["member"][c.label] for c in table.conditions)
        if None in config:
            continue
        configurations.setdefault(config, []).append(row)
    for config, rows in sorted(configurations.items(), reverse=True):
        entry = {"config": config, "cases": [r["city"] for r in rows], "n": len(rows)}
        if table.outcome:
            known = [r["member"][table.outcome.label] for r in rows if r["member"][table.outcome.label] is not None]
            entry["positive"] = sum(known)
            entry["consistency"] = sum(known) / len(known) if known else None
        table.truth.append(entry)
    return table


def _as_list(value, condition):
    """List answers are stored as ``a; b`` in the comparison; single answers stay scalars."""
    from citydip.cases.comparison import SURVEY_VARIABLES

    if condition.source == "survey" and condition.name in ("goals", "benefits", "obstacles", "areas") \
            and isinstance(value, str) and value and condition.name in SURVEY_VARIABLES:
        return [value]
    return value


def to_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["# calibration: 1 = the case satisfies the rule, 0 = it does not, empty = value missing"])
    for condition in table.all_conditions:
        writer.writerow([f"# {'outcome ' if condition.outcome else ''}{condition.label}: {condition.rule}"])
    writer.writerow(["city_id", "city", *[c.label for c in table.all_conditions]])
    for row in table.rows:
        writer.writerow([row["city_id"], row["city"],
                         *["" if row["member"][c.label] is None else row["member"][c.label]
                           for c in table.all_conditions]])
    return buffer.getvalue()
