"""Weights: raking (iterative proportional fitting) to the frame's country and size-class margins.

:func:`rake` is what ``citydip analyze`` uses (docs/analysis.md, "Weights"): every represented
country's weighted total and every size class's weighted total equal the frame's counts. The
post-stratification by country × size class below (:func:`poststratify`) is kept as the documented
alternative (and for callers that want cell weights); its cells cannot match the size-class margins
where a country's empty size class is merged into another, which is why the analysis rakes.

Post-stratification rule for empty cells:

Rule (docs/analysis.md, "Weights"):

1. Each frame city starts in the cell (country, size class).
2. Within a country, a size class without respondents is merged into the nearest size class of the same
   country that has respondents (nearest in the order of size classes; on a tie, the smaller class).
   This repeats until every cell of the country with frame cities has a respondent.
3. A country without any respondent cannot be represented: its cities stay outside the weighted
   population, and the cell table says so (``represented = False``).

A respondent in final cell h gets the weight N_h / n_h (frame cities over respondents of the cell),
so the weights of a country's respondents add up to the number of its frame cities.
"""
import numpy as np
import pandas as pd


def assign_cells(cities, respondent, size_classes):
    """Final cell label per frame city (``"DE|100k–250k"`` or ``"DE|100k–250k+250k–500k"``), NaN if unrepresented."""
    order = {label: i for i, label in enumerate(size_classes)}
    cells = pd.Series(np.nan, index=cities.index, dtype=object)
    for country, group in cities.groupby("country", sort=True):
        present = sorted(group["size_class"].unique(), key=lambda c: order.get(c, len(order)))
        answered = {c for c in present if respondent[group.index][group["size_class"] == c].any()}
        if not answered:
            continue
        target = {c: c if c in answered else _nearest(c, answered, order) for c in present}
        merged = {}
        for source, destination in target.items():
            merged.setdefault(destination, []).append(source)
        for sources in merged.values():
            label = f"{country}|" + "+".join(sorted(sources, key=lambda c: order.get(c, len(order))))
            members = group.index[group["size_class"].isin(sources)]
            cells[members] = label
    return cells


def _nearest(size_class, answered, order):
    position = order.get(size_class, len(order))
    return min(answered, key=lambda c: (abs(order.get(c, len(order)) - position), order.get(c, len(order))))


def poststratify(cities, size_classes):
    """Weights for respondents (NaN for others), each city's final cell, and the table of cells.

    Returns ``(weights, cells, cells_table)``; ``cities`` needs columns country, size_class, respondent.
    """
    respondent = cities["respondent"].astype(bool)
    cells = assign_cells(cities, respondent, size_classes)
    frame_n = cells.value_counts()
    sample_n = cells[respondent].value_counts()
    weights = pd.Series(np.nan, index=cities.index, dtype=float)
    weights[respondent] = [frame_n[c] / sample_n[c] if isinstance(c, str) else np.nan for c in cells[respondent]]
    return weights, cells, _cells_table(cities, cells, respondent)


def _cells_table(cities, cells, respondent):
    rows = []
    for (country, size_class), group in cities.groupby(["country", "size_class"], sort=True):
        cell = cells[group.index[0]]
        represented = isinstance(cell, str)
        frame_cell = int((cells == cell).sum()) if represented else len(group)
        answered_cell = int((respondent & (cells == cell)).sum()) if represented else 0
        rows.append({"country": country, "size_class": size_class, "frame": len(group),
                     "respondents": int(respondent[group.index].sum()), "cell": cell if represented else "",
                     "cell_frame": frame_cell, "cell_respondents": answered_cell,
                     "weight": round(frame_cell / answered_cell, 6) if answered_cell else np.nan,
                     "represented": represented})
    columns = ["country", "size_class", "frame", "respondents", "cell", "cell_frame", "cell_respondents",
               "weight", "represented"]
    return pd.DataFrame(rows, columns=columns)


def kish_effective_n(weights):
    """Kish's effective sample size (Σw)² / Σw²."""
    w = np.asarray(weights, dtype=float)
    w = w[~np.isnan(w)]
    return float(w.sum() ** 2 / (w ** 2).sum()) if len(w) else 0.0


RAKE_TOLERANCE = 1e-9  # largest absolute difference between a weighted margin and its frame count (cities)
RAKE_MAX_ITERATIONS = 1000


def raking_classes(cities, respondent, size_classes):
    """Size class of each frame city for the raking margin: a class without respondents anywhere is merged
    into the nearest class with respondents (nearest in the order of classes; on a tie the smaller)."""
    order = {label: i for i, label in enumerate(size_classes)}
    present = sorted(cities["size_class"].unique(), key=lambda c: order.get(c, len(order)))
    answered = set(cities.loc[respondent, "size_class"])
    if not answered:
        return pd.Series(np.nan, index=cities.index, dtype=object)
    return cities["size_class"].map({c: c if c in answered else _nearest(c, answered, order) for c in present})


def rake(cities, size_classes, tolerance=RAKE_TOLERANCE, max_iterations=RAKE_MAX_ITERATIONS):
    """Raked weights of the respondents to the country and size-class counts of the represented frame.

    Starts from equal weights N/n and adjusts to each margin in turn (Deming & Stephan 1940) until
    every weighted margin is within ``tolerance`` cities of its frame count. No trimming (it would break
    the margins); the weight range and Kish's design effect of weighting are reported instead. Returns
    ``(weights, classes, margins, info)``: weights (NaN for non-respondents and unrepresented countries),
    each city's raking size class, a table margin/category/frame/respondents/weighted, and
    ``{"iterations", "converged", "max_error"}``.
    """
    respondent = cities["respondent"].astype(bool)
    represented = cities["country"].isin(set(cities.loc[respondent, "country"]))
    classes = raking_classes(cities, respondent, size_classes).where(represented)
    weights = pd.Series(np.nan, index=cities.index, dtype=float)
    info = {"iterations": 0, "converged": False, "max_error": np.nan}
    if not respondent.any():
        return weights, classes, pd.DataFrame(columns=MARGIN_COLUMNS), info
    frame = cities[represented]
    sample = cities[respondent]
    margins = {"country": (sample["country"], frame["country"].value_counts()),
               "size_class": (classes[respondent], classes[represented].value_counts())}
    w = pd.Series(len(frame) / len(sample), index=sample.index)
    for iteration in range(1, max_iterations + 1):
        for groups, target in margins.values():
            w = w * groups.map(target / w.groupby(groups).sum())
        error = max(float((w.groupby(groups).sum() - target).abs().max()) for groups, target in margins.values())
        info = {"iterations": iteration, "converged": error < tolerance, "max_error": error}
        if info["converged"]:
            break
    weights[sample.index] = w
    rows = []
    for margin, (groups, target) in margins.items():
        weighted = w.groupby(groups).sum()
        counts = groups.value_counts()
        for category in target.index:
            rows.append({"margin": margin, "category": category, "frame": int(target[category]),
                         "respondents": int(counts.get(category, 0)), "weighted": float(weighted.get(category, 0.0))})
    return weights, classes, pd.DataFrame(rows, columns=MARGIN_COLUMNS), info


MARGIN_COLUMNS = ["margin", "category", "frame", "respondents", "weighted"]


def calibration_groups(frame):
    """The margins the weights were raked to, per weighted respondent: (country, raking size class)."""
    return frame[["country", "rake_size_class"]]
