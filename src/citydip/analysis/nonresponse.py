"""Do respondents differ from the rest of the frame? Size, country, region and capital status, with tests.

Tests (scipy): Mann–Whitney U for population (two-sided; no normality assumed), Pearson's chi-square
of independence for size class, country and NUTS-1 region (the share of cells with an expected count
below 5 is reported, since the test is unreliable then), Fisher's exact test for capital status.
"""
import numpy as np
import pandas as pd

from citydip.analysis.publish import plt

COLUMNS = ["variable", "test", "statistic", "df", "p_value", "respondents", "non_respondents", "note"]


def tests(cities):
    responded = cities["respondent"].astype(bool)
    rows = [_mann_whitney(cities, responded)]
    for column, label in (("size_class", "size class"), ("country", "country"), ("region", "NUTS-1 region")):
        rows.append(_chi_square(cities[column], responded, label))
    rows.append(_fisher(cities["is_capital"].astype(bool), responded))
    return pd.DataFrame([r for r in rows if r], columns=COLUMNS)


def _mann_whitney(cities, responded):
    from scipy import stats

    a = cities.loc[responded, "population"].dropna()
    b = cities.loc[~responded, "population"].dropna()
    if a.empty or b.empty:
        return None
    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    return {"variable": "population", "test": "Mann–Whitney U", "statistic": float(result.statistic), "df": np.nan,
            "p_value": float(result.pvalue), "respondents": f"median {a.median():,.0f}",
            "non_respondents": f"median {b.median():,.0f}", "note": f"n = {len(a)} and {len(b)}"}


def _chi_square(values, responded, label):
    from scipy import stats

    table = pd.crosstab(values, responded)
    table = table.loc[table.sum(axis=1) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    chi2, p, dof, expected = stats.chi2_contingency(table.to_numpy(), correction=False)
    sparse = float((expected < 5).mean())
    return {"variable": label, "test": "chi-square", "statistic": float(chi2), "df": int(dof), "p_value": float(p),
            "respondents": f"{table.shape[0]} categories", "non_respondents": "",
            "note": f"{sparse:.0%} of cells expected < 5" + (" (interpret with care)" if sparse > 0.2 else "")}


def _fisher(capital, responded):
    from scipy import stats

    table = pd.crosstab(capital, responded).reindex(index=[False, True], columns=[False, True], fill_value=0)
    if table.to_numpy().sum(axis=0).min() == 0:
        return None
    odds, p = stats.fisher_exact(table.to_numpy())
    share = lambda column: table.loc[True, column] / table[column].sum()  # noqa: E731
    return {"variable": "capital", "test": "Fisher's exact", "statistic": float(odds), "df": np.nan, "p_value": float(p),
            "respondents": f"{share(True):.1%} capitals", "non_respondents": f"{share(False):.1%} capitals",
            "note": "statistic: odds ratio"}


def composition(cities, column, order=None):
    """Share of each category among frame cities, respondents and weighted respondents."""
    responded = cities[cities["respondent"]]
    frame = cities[column].value_counts(normalize=True)
    sample = responded[column].value_counts(normalize=True)
    weights = responded.groupby(column)["weight"].sum()
    weighted = weights / weights.sum() if weights.sum() > 0 else weights
    labels = [c for c in (order or sorted(frame.index)) if c in frame.index]
    return pd.DataFrame({column: labels, "frame": [frame.get(c, 0.0) for c in labels],
                         "respondents": [sample.get(c, 0.0) for c in labels],
                         "weighted_respondents": [weighted.get(c, 0.0) for c in labels]})


def _composition_figure(table, column):
    fig, ax = plt.subplots(figsize=(6.5, 3.2))
    positions = np.arange(len(table))
    for offset, series, colour in ((-0.2, "frame", "#9bb7d4"), (0.2, "respondents", "#1f4e79")):
        ax.bar(positions + offset, table[series], width=0.4, label=series, color=colour)
    ax.set_xticks(positions, table[column], rotation=45, ha="right")
    ax.set_ylabel("share")
    ax.legend(fontsize=7)
    return fig


def run(data, out):
    cities = data.cities
    responded = int(cities["respondent"].sum())
    if responded == 0 or responded == len(cities):
        out.skip("nonresponse", "needs both respondents and non-respondents in the frame")
        return
    out.table("nonresponse_tests", tests(cities), "Respondents compared with non-respondents of the frame",
              "two-sided tests; respondents: usable responses (coop_status answered)")
    for column, title, order in (("size_class", "size class", data.size_classes), ("country", "country", None)):
        table = composition(cities, column, order)
        out.table(f"composition_by_{column}", table, f"Frame and respondents by {title}",
                  "shares; weighted respondents use the raked weights (equal to the frame shares of the represented countries)")
        out.figure(f"composition_by_{column}", _composition_figure(table, column), f"Frame and respondents by {title}")
