"""Coverage of the fieldwork, prevalence of cooperation with intervals, and the register by kind, status and year."""
import numpy as np
import pandas as pd

from citydip.analysis import figures
from citydip.analysis.intervals import raked_share, wilson

COVERAGE_NOTE = ("invited: an invitation link exists; started: partial or complete; usable: coop_status answered "
                 "(the respondents of every other table); rates are usable over invited (over frame when nobody "
                 "was invited)")


def coverage(cities, by):
    """Frame, invited, started, complete and usable responses per value of ``by`` (plus a total row)."""
    rows = []
    groups = list(cities.groupby(by, sort=True)) + [("all", cities)]
    for value, group in groups:
        invited = int(group["invited"].sum())
        usable = int(group["respondent"].sum())
        rows.append({by: value, "frame": len(group), "invited": invited,
                     "started": int(group["state"].isin(["partial", "complete"]).sum()),
                     "complete": int((group["state"] == "complete").sum()), "usable": usable,
                     "response_rate": usable / invited if invited else (usable / len(group) if len(group) else np.nan)})
    return pd.DataFrame(rows, columns=[by, "frame", "invited", "started", "complete", "usable", "response_rate"])


MIN_RESPONDENTS = 5  # a group's shares are published from this many respondents on (docs/analysis.md)


def prevalence(respondents, by=None, frame_n=None):
    """Share of respondents cooperating now (coop_status = current), Wilson and weighted 95% intervals.

    The weighted estimate of a group is a domain estimate: every weighted respondent stays in the
    design, those outside the group with u = 0, and the variance accounts for the raking to the
    country and size-class margins (intervals.py). A group of fewer than ``MIN_RESPONDENTS``
    respondents gets its counts only: shares, intervals and SE are left empty and ``note`` says why.
    ``frame_n`` is not used (kept for callers of the earlier signature)."""
    groups = [("all", respondents)] if by is None else list(respondents.groupby(by, sort=True))
    rows = []
    for value, group in groups:
        n, k = len(group), int(group["current"].sum())
        row = {"group": value, "n": n, "cooperating": k, "note": ""}
        if n < MIN_RESPONDENTS:
            row["note"] = f"suppressed: fewer than {MIN_RESPONDENTS} respondents"
            rows.append(row)
            continue
        low, high = wilson(k, n)
        domain = None if by is None else (respondents[by] == value).to_numpy()
        est = raked_share(respondents, "current", domain)
        row.update({"share": k / n, "wilson_low": low, "wilson_high": high, "weighted_share": est["estimate"],
                    "weighted_low": est["low"], "weighted_high": est["high"], "weighted_se": est["se"],
                    "deff": est["deff"], "n_eff": est["n_eff"]})
        rows.append(row)
    return pd.DataFrame(rows, columns=PREVALENCE_COLUMNS)


PREVALENCE_COLUMNS = ["group", "n", "cooperating", "share", "wilson_low", "wilson_high", "weighted_share",
                      "weighted_low", "weighted_high", "weighted_se", "deff", "n_eff", "note"]


def counts(frame, column, order=None):
    table = frame[column].fillna("unknown").value_counts().rename_axis(column).reset_index(name="partnerships")
    if order:
        table[column] = pd.Categorical(table[column], [*order, *sorted(set(table[column]) - set(order))], ordered=True)
        table = table.sort_values(column).astype({column: str})
    total = table["partnerships"].sum()
    table["share"] = table["partnerships"] / total if total else np.nan
    return table.reset_index(drop=True)


def by_year(register):
    years = register["year_signed"].dropna().astype(int)
    if years.empty:
        return pd.DataFrame(columns=["year_signed", "partnerships", "after_bri"])
    table = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0)
    table = table.rename_axis("year_signed").reset_index(name="partnerships")
    table["after_bri"] = table["year_signed"] >= 2013
    return table


def run_coverage(data, out):
    cities = data.cities
    for by, title in (("country", "country"), ("size_class", "size class")):
        table = coverage(cities, by)
        if by == "size_class":
            table = _order_rows(table, by, data.size_classes)
        out.table(f"coverage_by_{by}", table, f"Coverage of the survey by {title}", COVERAGE_NOTE)


def _order_rows(table, column, order):
    rank = {label: i for i, label in enumerate([*order, "unknown", "all"])}
    return table.sort_values(column, key=lambda s: s.map(lambda v: rank.get(v, len(rank)))).reset_index(drop=True)


def run_prevalence(data, out):
    respondents = data.respondents
    if respondents.empty:
        out.skip("prevalence", "no usable responses (coop_status answered) in the current wave")
        return
    frame_n = None
    note = ("share cooperating now (coop_status = current); 95% Wilson interval unweighted; weighted: raked to the "
            "frame's country and size-class counts, linearised SE of the calibrated estimator (with replacement), "
            "Wilson interval at Kish's effective n = n/deff; groups of fewer than "
            f"{MIN_RESPONDENTS} respondents suppressed")
    overall = prevalence(respondents, None, frame_n)
    out.table("prevalence_overall", overall, "Cities cooperating with cities in {partner} now", note)
    for by, title in (("country", "country"), ("size_class", "size class")):
        table = prevalence(respondents, by, frame_n)
        if by == "size_class":
            table = _order_rows(table.rename(columns={"group": by}), by, data.size_classes).rename(columns={by: "group"})
        out.table(f"prevalence_by_{by}", table, f"Cities cooperating now, by {title}", note)
        shown = table[table["share"].notna()]
        weighted = (shown["weighted_share"], shown["weighted_low"], shown["weighted_high"])
        fig = figures.interval_chart(shown["group"].astype(str), shown["share"], shown["wilson_low"],
                                     shown["wilson_high"], "share cooperating now (95% CI)", weighted)
        out.figure(f"prevalence_by_{by}", fig, f"Cities cooperating now, by {title}", note)


def run_register(data, out):
    register = data.register
    if register.empty:
        out.skip("partnerships", "the partnership register is empty")
        return
    from citydip.partnerships.models import Kind, Status

    source = "the partnership register (all sources of evidence)"
    out.table("partnerships_by_kind", counts(register, "kind", Kind.values), "Partnerships by kind", source)
    out.table("partnerships_by_status", counts(register, "status", Status.values), "Partnerships by status", source)
    crosstab = pd.crosstab(register["kind"], register["status"]).reset_index()
    out.table("partnerships_kind_by_status", crosstab, "Partnerships by kind and status", source)
    years = by_year(register)
    note = f"{source}; {int(register['year_signed'].isna().sum())} without a year; 2013: start of the Belt and Road Initiative"
    out.table("partnerships_by_year", years, "Partnerships by year signed", note)
    if years.empty:
        out.skip("partnerships_by_year_figure", "no partnership has a year signed")
        return
    fig = figures.year_chart(years["year_signed"].to_numpy(), years["partnerships"].to_numpy())
    out.figure("partnerships_by_year", fig, "Partnerships by year signed, Belt and Road Initiative (2013) marked", note)
