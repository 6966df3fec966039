"""The institutionalisation index: how far a city has built institutions for its cooperation with China.

Items (select_one yes/no, asked of cities cooperating now): a formal agreement, a city office or
representative in China, dedicated staff, a budget line, a Chinese office in the city, membership in
networks. Scaling: yes = 1, no = 0; the index is the number of yes answers divided by 6 (0–1), defined
only for cities that answered all six items (no imputation).

The index is a *formative count* of different institutions, not a reflective scale: an office in China
and a budget line need not go together, so a low internal consistency does not make the count
wrong. Cronbach's alpha (for 0/1 items Kuder–Richardson 20) is still published because referees ask
for it, and any alpha below ``ALPHA_FLAG`` is flagged in the tables' note and in ``flag``: it then says
the items do not measure one latent trait, and the index should be read as a count.
"""
import numpy as np
import pandas as pd

from citydip.analysis.dataset import INST_ITEMS
from citydip.analysis.publish import partner_text, plt

ALPHA_FLAG = 0.6

LABELS = {"inst_agreement": "formal agreement", "inst_office_china": "city office or representative in {partner}",
          "inst_staff": "dedicated staff", "inst_budget": "budget line", "inst_chinese_office": "office from {partner} in the city",
          "inst_networks": "membership in networks"}


def cronbach_alpha(items):
    """Cronbach's alpha of a cases × items matrix without missing values.

    Written out (five lines) because the libraries that ship it (pingouin, factor_analyzer) are not
    dependencies of citydip and this is the textbook formula: α = k/(k−1) · (1 − Σ var(item) / var(total)),
    variances with ddof = 1. NaN when there are fewer than two items or two cases, or no total variance.
    """
    matrix = np.asarray(items, dtype=float)
    if matrix.ndim != 2 or matrix.shape[1] < 2 or matrix.shape[0] < 2:
        return float("nan")
    k = matrix.shape[1]
    total_variance = matrix.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / total_variance))


def index(cities):
    """The index (0–1) per city: mean of the six items, NaN unless cooperating now and all items answered."""
    items = cities[list(INST_ITEMS)]
    complete = items.notna().all(axis=1) & (cities["current"] == 1)
    return items.mean(axis=1).where(complete)


def item_table(complete):
    rows = []
    total = complete.sum(axis=1)
    for item in INST_ITEMS:
        rest = total - complete[item]
        others = complete.drop(columns=item)
        correlation = complete[item].corr(rest) if complete[item].std() > 0 and rest.std() > 0 else np.nan
        rows.append({"item": item, "label": partner_text(LABELS[item]), "share_yes": float(complete[item].mean()),
                     "item_rest_correlation": correlation, "alpha_if_deleted": cronbach_alpha(others)})
    return pd.DataFrame(rows)


def run(data, out):
    inst_index = index(data.cities)  # not stored in data: the parts leave the shared data as they found it
    current = data.cities[data.cities["current"] == 1]
    complete = current.loc[inst_index.notna(), list(INST_ITEMS)]
    if len(complete) < 2:
        out.skip("institutionalisation", "fewer than two cities cooperating now answered all six items")
        return
    alpha = cronbach_alpha(complete)
    flag = (f"alpha {alpha:.3f} < {ALPHA_FLAG}: the items are not one scale; read the index as a count"
            if not alpha >= ALPHA_FLAG else "")
    note = (f"N = {len(complete)} cities cooperating now with all six items answered; index = share of yes answers, "
            f"a formative count of institutions (not a reflective scale); Cronbach's alpha = {alpha:.3f} (KR-20)"
            + (f"; WARNING: {flag}" if flag else ""))
    out.table("institutionalisation_items", item_table(complete), "Institutionalisation: items", note)
    counts = (complete.sum(axis=1).astype(int).value_counts().reindex(range(7), fill_value=0)
              .rename_axis("yes_answers").reset_index(name="cities"))
    counts["index"] = counts["yes_answers"] / 6
    out.table("institutionalisation_index", counts, "Institutionalisation index: distribution", note)
    summary = pd.DataFrame([{"n": len(complete), "items": len(INST_ITEMS), "cronbach_alpha": alpha,
                             "mean_index": float(inst_index.mean()), "sd_index": float(inst_index.std()),
                             "flag": flag}])
    out.table("institutionalisation_reliability", summary, "Institutionalisation index: reliability", note)
    fig, ax = plt.subplots(figsize=(4.5, 3))
    ax.bar(counts["yes_answers"], counts["cities"], color="#1f4e79")
    ax.set_xlabel("institutional features (of 6)")
    ax.set_ylabel("cities")
    out.figure("institutionalisation_index", fig, "Institutionalisation index: distribution", note)
