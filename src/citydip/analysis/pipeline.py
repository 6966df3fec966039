"""`citydip analyze`: read the database once, run every part, write the outputs and record the run.

Each part is a function ``run(data, out)`` of its module. A part that the data cannot support records
a note with :meth:`Publisher.skip` instead of failing, so a small or empty database still gives a
complete index.json saying what is missing and why.
"""
import pandas as pd
from django.utils import timezone

from citydip.analysis import (
    dataset,
    descriptive,
    institutionalisation,
    network,
    nonresponse,
    provenance,
    rankings,
    regression,
    typology,
)
from citydip.analysis.models import AnalysisRun
from citydip.analysis.publish import Publisher
from citydip.analysis.weights import kish_effective_n, poststratify


def add_weights(data):
    """Post-stratification weight and final cell on ``data.cities`` (NaN/None for non-respondents)."""
    weights, cells, cells_table = poststratify(data.cities, data.size_classes)
    data.cities["weight"] = weights
    data.cities["cell"] = cells
    return cells_table


def run_weights(data, out, cells_table):
    if not data.cities["respondent"].any():
        out.skip("weights", "no usable responses: nothing to weight")
        return
    out.table("weights_cells", cells_table, "Post-stratification cells (country × size class) and weights",
              "empty size classes merged into the nearest size class of the same country; countries without "
              "respondents are not represented (represented = False)")
    weights = data.cities["weight"].dropna()
    summary = pd.DataFrame([{"respondents": len(weights), "sum_of_weights": float(weights.sum()),
                             "min": float(weights.min()), "max": float(weights.max()),
                             "kish_effective_n": kish_effective_n(weights),
                             "frame_cities_represented": int(data.cities["cell"].notna().sum()),
                             "frame_cities": len(data.cities)}])
    out.table("weights_summary", summary, "Post-stratification weights: summary")


PARTS = (
    ("coverage", descriptive.run_coverage),
    ("nonresponse", nonresponse.run),
    ("prevalence", descriptive.run_prevalence),
    ("partnerships", descriptive.run_register),
    ("rankings", rankings.run),
    ("institutionalisation", institutionalisation.run),
    ("regression", regression.run),
    ("typology", typology.run),
    ("network", network.run),
)


def analyze(output_dir, seed=0):
    """Run the whole analysis into ``output_dir``; returns the AnalysisRun."""
    started = timezone.now()
    data = dataset.load()
    state = provenance.database_state(data)
    out = Publisher(output_dir)
    run_weights(data, out, add_weights(data))
    for name, part in PARTS:
        part(data, out, seed=seed) if name == "typology" else part(data, out)
    versions = provenance.versions()
    prov = {"database_state": state, "versions": versions, "seed": seed, "wave": data.wave,
            "synthetic_responses": int(data.cities["synthetic"].sum()),
            "synthetic_covariates": sorted(c for c, m in data.covariates.items() if m["synthetic"]),
            "covariates": data.covariates,
            "started": started.isoformat()}
    out.write_index(prov)
    return AnalysisRun.objects.create(started=started, finished=timezone.now(), output_dir=str(output_dir),
                                      database_state=state, versions=versions, outputs=out.entries, skipped=out.skipped)
