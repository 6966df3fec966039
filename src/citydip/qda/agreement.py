"""Agreement coefficients on reliability data: coders × units, ``None`` for a missing value.

Percent agreement (pairwise, over pairable units) is hand-written: it is one line of arithmetic.
Everything else comes from libraries: Cohen's kappa (plain and weighted) and Fleiss' kappa from
``statsmodels.stats.inter_rater``, Krippendorff's alpha (all four levels, missing data) from the
``krippendorff`` package. The functions return ``None`` where a coefficient is undefined (for example
when every value is the same, so that expected disagreement is zero).

Missing values: alpha uses every pairable value (its design); Cohen's kappa uses the units both
coders rated; Fleiss' kappa needs every coder on every unit and uses the complete units only.
"""
import math
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from citydip.core.errors import CitydipError

LEVELS = ("nominal", "ordinal", "interval", "ratio")
WEIGHTS = ("linear", "quadratic")


@dataclass
class ReliabilityData:
    coders: list
    units: list
    values: list = field(default_factory=list)  # one list per coder, ``None`` = missing

    def is_numeric(self):
        return all(isinstance(v, (int, float)) for row in self.values for v in row if v is not None)

    def categories(self):
        found = {v for row in self.values for v in row if v is not None}
        return sorted(found) if self.is_numeric() else sorted(found, key=str)

    def columns(self):
        """Per unit, the values given (missing left out); computed once (the data is not changed after)."""
        if getattr(self, "_columns", None) is None:
            self._columns = [[v for v in column if v is not None] for column in zip(*self.values)]
        return self._columns


def defined(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def percent_agreement(data):
    """Share of agreeing pairs of values within units, over all pairable units (≥ 2 values)."""
    agree = pairs = 0
    for column in data.columns():
        for a, b in combinations(column, 2):
            pairs += 1
            agree += a == b
    return agree / pairs if pairs else None


def krippendorff_alpha(data, level="nominal"):
    import krippendorff

    if level not in LEVELS:
        raise CitydipError("QDA-E040", f"unknown level {level!r}: use {', '.join(LEVELS)}", field="level")
    if level != "nominal" and not data.is_numeric():
        raise CitydipError("QDA-E041", f"{level} alpha needs numbers, but the data has labels: "
                           "write the values as numbers or use --level nominal", field="level")
    categories = data.categories()
    index = {c: i for i, c in enumerate(categories)}
    matrix = np.array([[np.nan if v is None else (float(v) if level != "nominal" else index[v]) for v in row]
                       for row in data.values], dtype=float)
    if len(categories) < 2 or sum(len(c) >= 2 for c in data.columns()) == 0:
        return None
    return defined(krippendorff.alpha(reliability_data=matrix, level_of_measurement=level))


def contingency_table(data):
    """Two coders' values on the units both rated, as a square table over their categories."""
    first, second = data.values
    pairs = [(a, b) for a, b in zip(first, second) if a is not None and b is not None]
    categories = sorted({v for pair in pairs for v in pair}, key=(None if data.is_numeric() else str))
    index = {c: i for i, c in enumerate(categories)}
    table = np.zeros((len(categories), len(categories)))
    for a, b in pairs:
        table[index[a], index[b]] += 1
    return table, categories


def cohen_kappa(data, weights=None):
    """Cohen's kappa of exactly two coders; ``weights`` linear or quadratic uses the values as scores."""
    from statsmodels.stats.inter_rater import cohens_kappa

    if len(data.coders) != 2:
        raise CitydipError("QDA-E042", f"Cohen's kappa compares two coders, this data has {len(data.coders)}")
    if weights and not data.is_numeric():
        raise CitydipError("QDA-E043", "weighted kappa needs numbers (the distance between values): write the "
                           "values as numbers or leave out --weights", field="weights")
    table, categories = contingency_table(data)
    if len(categories) < 2:
        return None
    if weights:
        result = cohens_kappa(table, weights=np.array(categories, dtype=float), wt=weights, return_results=False)
    else:
        result = cohens_kappa(table, return_results=False)
    return defined(result)


def fleiss_kappa(data):
    """Fleiss' kappa over the units every coder rated."""
    from statsmodels.stats.inter_rater import fleiss_kappa as fleiss

    categories = data.categories()
    index = {c: i for i, c in enumerate(categories)}
    complete = [column for column in data.columns() if len(column) == len(data.coders)]
    if len(categories) < 2 or not complete:
        return None
    table = np.zeros((len(complete), len(categories)))
    for i, column in enumerate(complete):
        for value in column:
            table[i, index[value]] += 1
    return defined(fleiss(table, method="fleiss"))


def kappa(data, weights=None):
    """Cohen's kappa for two coders, Fleiss' kappa for more (unweighted only)."""
    if len(data.coders) == 2:
        return cohen_kappa(data, weights)
    if weights:
        raise CitydipError("QDA-E043", "weighted kappa is defined for two coders only: leave out --weights "
                           f"(this data has {len(data.coders)} coders)", field="weights")
    if len(data.coders) < 2:
        raise CitydipError("QDA-E042", "agreement needs at least two coders")
    return fleiss_kappa(data)
