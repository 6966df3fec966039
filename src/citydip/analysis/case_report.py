"""What `citydip cases select` prints, writes and stores: rationale, CSV, PCA figure, CaseStudy rows."""
import csv
from pathlib import Path

import numpy as np
from django.db import transaction
from django.utils import timezone

from citydip.analysis.cases import STARTS
from citydip.analysis.models import CaseStudy


def rule(selection, request):
    return {
        "method": f"max-min diversity; search: {selection.diversity['method']}"
                  + ("" if selection.diversity["method"].startswith("exact")
                     else f" (greedy farthest-point insertion and 1-for-1 swaps from {STARTS} starts)"),
        "distance": "Euclidean on z-scores over the candidates",
        "covariates": selection.covariates, "candidates": len(selection.candidates),
        "constraints": {"n": request.n, "max_per_country": request.max_per_country,
                        "include": list(request.include), "exclude": list(request.exclude)},
        "seed": request.seed, "diversity": selection.diversity, "random_draws": selection.random,
    }


def city_rationale(selection, request, position):
    """Covariates (raw and z) of the chosen city at ``position``, and why it is in the set."""
    row = selection.chosen.iloc[position]
    index = selection.index[position]
    z = selection.z[index]
    others = [i for i in selection.index if i != index]
    distances = np.sqrt(((selection.z[others] - z) ** 2).sum(axis=1))
    nearest = others[int(np.argmin(distances))] if others else None
    top = int(np.argmax(np.abs(z)))
    if row["city_id"] in request.include:
        why = "included by the researcher (--include)"
    else:
        why = (f"stands out by {selection.covariates[top]} (z = {z[top]:+.2f}); nearest chosen city "
               f"{selection.candidates.loc[nearest, 'name']} at distance {distances.min():.2f}") if nearest is not None else ""
    return {"covariates": {c: _plain(row[c]) for c in selection.covariates},
            "z": {c: round(float(v), 4) for c, v in zip(selection.covariates, z)},
            "why": why, "rule": rule(selection, request)}


def _plain(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


@transaction.atomic
def store(selection, request):
    """One CaseStudy per chosen city (status kept when past `proposed`); proposals not chosen again are withdrawn."""
    now = timezone.now()
    chosen_pks = list(selection.chosen["city_pk"])
    for position, pk in enumerate(chosen_pks):
        case, created = CaseStudy.objects.get_or_create(city_id=int(pk))
        case.rationale = city_rationale(selection, request, position)
        case.seed = request.seed
        case.selected = now
        if case.status == CaseStudy.Status.DROPPED:
            case.status = CaseStudy.Status.PROPOSED
            case.status_reason = "chosen again by `cases select`"
        case.save()
    stale = CaseStudy.objects.filter(status=CaseStudy.Status.PROPOSED).exclude(city_id__in=chosen_pks)
    for case in stale:
        case.status = CaseStudy.Status.DROPPED
        case.status_reason = f"not chosen again by `cases select` on {now:%Y-%m-%d %H:%M} UTC"
        case.notes = (case.notes + "\n" if case.notes else "") + case.status_reason
        case.save()
    return CaseStudy.objects.filter(city_id__in=chosen_pks)


def write_csv(selection, path):
    columns = ["city_id", "name", "country_iso2", "population", *[c for c in selection.covariates if c != "population"]]
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for _, row in selection.chosen.iterrows():
            values = [row["city_id"], row["name"], row["country"], _integer(row["population"])]
            values += [_number(row[c]) for c in columns[4:]]
            writer.writerow(values)


def _integer(value):
    return "" if value is None or np.isnan(value) else int(value)


def _number(value):
    return "" if value is None or np.isnan(value) else f"{float(value):.6g}"


def pca_figure(selection, path_stem):
    """Candidates on the first two principal components of the z-scores; the chosen in red, named."""
    from sklearn.decomposition import PCA  # scikit-learn takes a second to import: only when a figure is drawn

    from citydip.analysis.publish import plt

    components = min(2, selection.z.shape[1])
    xy = PCA(n_components=components, random_state=0).fit_transform(selection.z) if len(selection.z) > 1 else selection.z
    if components == 1:
        xy = np.column_stack([xy[:, 0], np.zeros(len(xy))])
    fig, ax = plt.subplots(figsize=(6.5, 5))
    ax.scatter(xy[:, 0], xy[:, 1], s=14, color="#9bb7d4", label=f"candidates ({len(xy)})")
    ax.scatter(xy[selection.index, 0], xy[selection.index, 1], s=40, color="#c0392b", label=f"chosen ({len(selection.index)})")
    for i in selection.index:
        ax.annotate(selection.candidates.loc[i, "name"], xy[i], fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel("first principal component")
    ax.set_ylabel("second principal component" if components == 2 else "")
    if components == 1:
        ax.set_yticks([])
    ax.set_title("Case selection on " + ", ".join(selection.covariates), fontsize=8)
    ax.legend(fontsize=7)
    fig.tight_layout()
    written = []
    for suffix in ("png", "svg"):
        path = Path(f"{path_stem}.{suffix}")
        fig.savefig(path, format=suffix, metadata={"Date": None} if suffix == "svg" else {"Software": None})
        written.append(path)
    plt.close(fig)
    return written


def summary_lines(selection, request):
    """The lines printed after a selection: each city and why, then the comparison with random draws."""
    lines = [f"{len(selection.candidates)} candidates (cooperating now, consented to follow-up); covariates: "
             f"{', '.join(selection.covariates)}", ""]
    for position, (_, row) in enumerate(selection.chosen.iterrows()):
        why = city_rationale(selection, request, position)["why"]
        lines.append(f"{row['city_id']:<12}{row['name'][:28]:<30}{row['country']:<4}{_integer(row['population']):>10}  {why}")
    lines.append("")
    lines.append(f"search: {selection.diversity['method']}")
    for name, label in (("min_distance", "minimum pairwise distance"), ("mean_distance", "mean pairwise distance")):
        ours = selection.diversity[name]
        if selection.random.get("draws"):
            draws = selection.random[name]
            lines.append(f"diversity ({label}, z-scores): selection {ours:.3f}; {selection.random['draws']} random draws "
                         f"of {request.n} under the same constraints: median {draws['median']:.3f}, 95th percentile "
                         f"{draws['p95']:.3f}, max {draws['max']:.3f}; the selection is at percentile {draws['percentile']:.1f}")
        else:
            lines.append(f"diversity ({label}): selection {ours:.3f}; no random draw was feasible")
    return lines


