"""`citydip analyze`: read the database once, run every part, write the outputs and record the run.

Each part is a function ``run(data, out)`` of its module. A part that the data cannot support records
a note with :meth:`Publisher.skip` instead of failing, so a small or empty database still gives a
complete index.json saying what is missing and why. The parts are independent of each other once the
weights are added, so they run side by side, one process per core (``core/parallel.py``); index.json
lists their outputs in the order of ``PARTS`` whichever finishes first. A part reads ``data`` and never
changes it (a column it derives goes into its own copy): which parts ran before another in the same
process depends on timing, and a column one of them added once changed the memory layout of the
ordinal logit's predictors, and with it the fit's last digits (docs/reliability.md). The outputs are
byte-identical with any number of processes (tests/analysis/test_analyze.py).
"""
import pandas as pd
from django.utils import timezone

from citydip.analysis import (
    dataset,
    descriptive,
    institutionalisation,
    items,
    network,
    nonresponse,
    provenance,
    rankings,
    regression,
    typology,
)
from citydip.analysis.models import AnalysisRun
from citydip.analysis.publish import Publisher, has_synthetic
from citydip.analysis.weights import kish_effective_n, rake
from citydip.core.parallel import run_forked
from citydip.core.progress import progress_bar


def add_weights(data):
    """Raked weight of each respondent (NaN for others), its raking size class (``rake_size_class``) and
    ``cell`` = "country|raking size class"; returns ``(margins table, raking info)`` for :func:`run_weights`."""
    weights, classes, margins, info = rake(data.cities, data.size_classes)
    data.cities["weight"] = weights
    data.cities["rake_size_class"] = classes
    data.cities["cell"] = (data.cities["country"].astype(str) + "|" + classes.fillna("").astype(str)).where(weights.notna())
    return margins, info


def run_weights(data, out, weighting):
    margins, info = weighting
    if not data.cities["respondent"].any():
        out.skip("weights", "no usable responses: nothing to weight")
        return
    out.table("weights_margins", margins, "Raking margins: frame cities, respondents and weighted totals",
              "weights raked (iterative proportional fitting) to the frame's country and size-class counts; a size "
              "class without respondents joins the nearest one; countries without respondents are not represented")
    weights = data.cities["weight"].dropna()
    summary = pd.DataFrame([{"respondents": len(weights), "sum_of_weights": float(weights.sum()),
                             "min": float(weights.min()), "max": float(weights.max()),
                             "max_min_ratio": float(weights.max() / weights.min()),
                             "kish_deff_weighting": len(weights) * float((weights ** 2).sum()) / float(weights.sum()) ** 2,
                             "kish_effective_n": kish_effective_n(weights),
                             "frame_cities_represented": int(data.cities["rake_size_class"].notna().sum()),
                             "frame_cities": len(data.cities), "raking_iterations": info["iterations"],
                             "raking_converged": info["converged"], "raking_max_error": info["max_error"]}])
    out.table("weights_summary", summary, "Raked weights: summary",
              f"converged in {info['iterations']} iterations (largest margin error {info['max_error']:.1e} cities; "
              "tolerance 1e-9); no trimming; Kish's design effect of weighting = n·Σw²/(Σw)²"
              if info["converged"] else "RAKING DID NOT CONVERGE: the margins are not matched; do not publish")


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
    ("items", items.run),
)


# The order the parts are handed to the processes: longest first (CPU seconds on the demo database), so
# that both finish at about the same time. index.json keeps the order of PARTS.
LONGEST_FIRST = ("network", "rankings", "typology", "items", "nonresponse", "prevalence", "partnerships",
                 "regression", "institutionalisation", "coverage")


def part_task(name, part, data, output_dir, synthetic, seed):
    """One part as a task for :func:`run_forked`: it writes its files and returns (entries, skipped)."""
    def task():
        out = Publisher(output_dir, synthetic=synthetic)
        part(data, out, seed=seed) if name == "typology" else part(data, out)
        return out.entries, out.skipped
    return task


def analyze(output_dir, seed=0, workers=None):
    """Run the whole analysis into ``output_dir``; returns the AnalysisRun.

    ``workers``: processes for the parts (default: CITYDIP_WORKERS, else one per core where forking is
    safe, see core/parallel.py); the outputs are the same for any number."""
    started = timezone.now()
    data = dataset.load()
    state = provenance.database_state(data)
    out = Publisher(output_dir, synthetic=has_synthetic(data))
    with progress_bar("analysis", len(PARTS) + 1, quiet=True) as advance:  # shown by a job or `citydip analyze`
        run_weights(data, out, add_weights(data))
        advance()
        order = sorted(PARTS, key=lambda item: LONGEST_FIRST.index(item[0]))
        tasks = [part_task(name, part, data, output_dir, out.synthetic, seed) for name, part in order]
        results = dict(zip((name for name, _ in order), run_forked(tasks, on_done=advance, workers=workers)))
        for name, _ in PARTS:
            out.entries.extend(results[name][0])
            out.skipped.extend(results[name][1])
    versions = provenance.versions()
    prov = {"database_state": state, "versions": versions, "seed": seed, "wave": data.wave,
            "synthetic_responses": int(data.cities["synthetic"].sum()),
            "synthetic_covariates": sorted(c for c, m in data.covariates.items() if m["synthetic"]),
            "covariates": data.covariates,
            "started": started.isoformat(), "files": provenance.file_hashes(output_dir, out.entries)}
    out.write_index(prov)
    return AnalysisRun.objects.create(started=started, finished=timezone.now(), output_dir=str(output_dir),
                                      database_state=state, versions=versions, outputs=out.entries, skipped=out.skipped)
