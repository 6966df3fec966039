"""What cooperating cities do and want: rankings of areas, goals, benefits, obstacles; importance; coordination."""
import numpy as np
import pandas as pd

from citydip.analysis import figures
from citydip.analysis.dataset import COORD_ITEMS, COORD_LEVELS, IMPORTANCE_LEVELS
from citydip.analysis.publish import partner_text

RANKED = {
    "areas": "Areas of cooperation (any partner)",
    "goals": "Goals of cooperation",
    "benefits": "Benefits of cooperation",
    "obstacles": "Obstacles to cooperation",
}
COORD_LABELS = {"coord_national": "national government", "coord_region": "region", "coord_eu": "EU institutions",
                "coord_embassy": "embassy or consulates of {partner}"}


def ranking(lists, labels=None):
    """Count and share of cities naming each choice; ``lists`` holds one list per city that answered.

    ``labels`` maps choice names to the questionnaire's English labels (column ``label``)."""
    answered = [values for values in lists if isinstance(values, list)]
    counted = pd.Series([v for values in answered for v in values], dtype=object).value_counts()
    table = counted.rename_axis("choice").reset_index(name="cities")
    table = table.sort_values(["cities", "choice"], ascending=[False, True]).reset_index(drop=True)
    table.insert(0, "rank", table["cities"].rank(method="min", ascending=False).astype(int))
    table["share"] = table["cities"] / len(answered) if answered else np.nan
    table["answered"] = len(answered)
    table.insert(2, "label", [(labels or {}).get(choice, choice) for choice in table["choice"]])
    return table


def importance(current):
    values = current["importance"].dropna()
    table = values.value_counts().reindex(IMPORTANCE_LEVELS, fill_value=0).rename_axis("importance")
    table = table.reset_index(name="cities")
    table["share"] = table["cities"] / len(values) if len(values) else np.nan
    return table


def coordination(current):
    """Per partner of coordination: cities answering, shares none/occasional/regular, mean score (0–2)."""
    rows = []
    for item in COORD_ITEMS:
        values = current[item].dropna()
        row = {"with": partner_text(COORD_LABELS[item]), "item": item, "answered": len(values)}
        for label, code in COORD_LEVELS.items():
            row[label] = float((values == code).mean()) if len(values) else np.nan
        row["mean_score"] = float(values.mean()) if len(values) else np.nan
        rows.append(row)
    return pd.DataFrame(rows, columns=["with", "item", "answered", *COORD_LEVELS, "mean_score"])


def run(data, out):
    current = data.respondents[data.respondents["current"] == 1]
    if current.empty:
        out.skip("rankings", "no respondent cooperates now (coop_status = current)")
        return
    note = "cities cooperating now that answered the question; a city may name several choices"
    for column, title in RANKED.items():
        table = ranking(current[column], data.labels.get("partner_areas" if column == "areas" else column))
        if table.empty:
            out.skip(f"ranking_{column}", f"no answers to {column}")
            continue
        out.table(f"ranking_{column}", table, title, note)
        out.figure(f"ranking_{column}", figures.bar_chart(table["label"], table["share"], "share of cities"),
                   title, note)
    table = importance(current)
    out.table("importance", table, "Importance of cooperation with {partner} for the city", "cities cooperating now")
    out.figure("importance", figures.bar_chart(table["importance"], table["share"], "share of cities", horizontal=False),
               "Importance of cooperation with {partner} for the city")
    table = coordination(current)
    out.table("coordination", table, "Coordination of the city's policy towards {partner}",
              "shares of cities cooperating now; mean score none = 0, occasional = 1, regular = 2")
    shares = {row["with"]: {k: row[k] for k in COORD_LEVELS} for _, row in table.iterrows()}
    out.figure("coordination", figures.stacked_shares(list(shares), list(COORD_LEVELS), shares, "share of cities"),
               "Coordination of the city's policy towards {partner}")
