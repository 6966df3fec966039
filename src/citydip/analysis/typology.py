"""A typology of cooperation: k-means on areas, goals and institutionalisation of cities cooperating now.

Features: one 0/1 column per area of cooperation (any partner) and per goal named, plus the
institutionalisation index (0–1); all on the same 0–1 scale, so they are not standardised. Cases:
cities cooperating now with areas, goals and the index known. The number of types k (2 to 6, at most
n − 1) is the one with the highest mean silhouette width (scikit-learn). Stability: k-means with the
chosen k (3 starts each) on B = 50 bootstrap resamples, each resample's model labelling all cases, compared with the
full-data labels by the adjusted Rand index (mean and 5th–95th percentiles reported; values above
about 0.75 are usually read as stable).
"""
import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from citydip.analysis import figures

MIN_CASES = 10
MAX_K = 6
BOOTSTRAPS = 50
STABLE_ARI = 0.75  # mean bootstrap ARI below this: the typology is flagged as unstable


def features(cities):
    current = cities[(cities["current"] == 1) & cities["inst_index"].notna()
                     & cities["areas"].map(lambda v: isinstance(v, list))
                     & cities["goals"].map(lambda v: isinstance(v, list))]
    columns = {}
    for prefix in ("areas", "goals"):
        choices = sorted({v for values in current[prefix] for v in values})
        for choice in choices:
            columns[f"{prefix}:{choice}"] = current[prefix].map(lambda values, c=choice: float(c in values))
    frame = pd.DataFrame(columns, index=current.index)
    frame["inst_index"] = current["inst_index"]
    frame.index = current["city_id"]
    return frame


def _kmeans(k, seed, starts=10):
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=starts, random_state=seed)


def choose_k(X, seed):
    from sklearn.metrics import silhouette_score

    rows = []
    for k in range(2, min(MAX_K, len(X) - 1) + 1):
        model = _kmeans(k, seed).fit(X)
        if len(set(model.labels_)) < 2:
            continue
        rows.append({"k": k, "silhouette": float(silhouette_score(X, model.labels_)), "inertia": float(model.inertia_)})
    return pd.DataFrame(rows, columns=["k", "silhouette", "inertia"])


def stability(X, k, labels, seed, bootstraps=BOOTSTRAPS):
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(bootstraps):
        sample = X[rng.integers(0, len(X), len(X))]
        if len(np.unique(sample, axis=0)) < k:
            continue
        model = _kmeans(k, seed, starts=3).fit(sample)
        scores.append(adjusted_rand_score(labels, model.predict(X)))
    scores = np.asarray(scores)
    return {"k": k, "bootstraps": len(scores), "mean_ari": float(scores.mean()) if len(scores) else np.nan,
            "ari_p05": float(np.percentile(scores, 5)) if len(scores) else np.nan,
            "ari_p95": float(np.percentile(scores, 95)) if len(scores) else np.nan}


def profiles(frame, labels):
    table = frame.groupby(labels).mean()
    table.insert(0, "cities", pd.Series(labels).value_counts().sort_index().to_numpy())
    table.index.name = "type"
    return table.reset_index().assign(type=lambda t: t["type"] + 1)


def run(data, out, seed=0):
    # One thread: on data this small, thread start-up costs more than it saves (and results do not vary).
    with threadpool_limits(limits=1):
        _run(data, out, seed)


def _run(data, out, seed):
    from citydip.analysis.institutionalisation import index

    frame = features(data.cities.assign(inst_index=index(data.cities)))  # a copy: data stays as it was
    if len(frame) < MIN_CASES or frame.shape[1] < 2:
        out.skip("typology", f"{len(frame)} cities with areas, goals and the index known; needs {MIN_CASES}")
        return
    X = frame.to_numpy(dtype=float)
    selection = choose_k(X, seed)
    if selection.empty:
        out.skip("typology", "no k from 2 to 6 gives two or more distinct clusters")
        return
    k = int(selection.loc[selection["silhouette"].idxmax(), "k"])
    labels = _kmeans(k, seed).fit(X).labels_
    note = f"k-means on {len(frame)} cities cooperating now; k = {k} by the highest mean silhouette width"
    check = stability(X, k, labels, seed)
    check["flag"] = (f"UNSTABLE: mean ARI {check['mean_ari']:.2f} < {STABLE_ARI}; do not interpret the types"
                     if not check["mean_ari"] >= STABLE_ARI else "")
    if check["flag"]:
        note = f"{note}; WARNING: {check['flag']}"
    out.table("typology_selection", selection, "Typology: choice of the number of types", note)
    table = profiles(frame, labels)
    out.table("typology_profiles", table, "Typology: profiles of the types (shares naming each area or goal; mean index)", note)
    out.table("typology_stability", pd.DataFrame([check]), "Typology: bootstrap stability (adjusted Rand index)",
              f"{check['bootstraps']} bootstrap resamples, seed {seed}" + (f"; WARNING: {check['flag']}" if check["flag"] else ""))
    out.figure("typology_selection", figures.line_chart(selection["k"], selection["silhouette"], "number of types k",
                                                        "mean silhouette width", chosen=k), "Typology: silhouette by k", note)
    matrix = table.drop(columns=["type", "cities"])
    out.figure("typology_profiles", figures.heatmap(matrix.to_numpy(), [f"type {t}" for t in table["type"]],
                                                    list(matrix.columns)), "Typology: profiles of the types", note)
