"""Run the analysis pipeline into the report's folder, part by part -- or reuse a current run.

The same steps as ``citydip analyze`` (:func:`citydip.analysis.pipeline.analyze`), through the
analysis app's own functions, with one difference: a part that raises is recorded in
``index.json`` as skipped with its error, so one failing chart does not stop the report (the report
says which part is missing and why).

Speed: ``citydip analyze`` followed by ``citydip report build`` would compute the analysis twice. When
the latest analysis run (an :class:`~citydip.analysis.models.AnalysisRun`) read exactly the data the
report reads now (the same database state: row counts and the SHA-256 of the data, see
analysis/provenance.py), with the same code and library versions and the same seed, and every file its
index.json lists is still there with the SHA-256 recorded at the time, the report copies that run's
tables, figures and index.json instead of computing them again. Anything else -- a changed
response, another seed, edited code, a touched file -- runs the analysis afresh.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from citydip.analysis import dataset, provenance
from citydip.analysis.publish import INDEX, Publisher, has_synthetic


def run_analysis(directory, seed=0):
    """(index dict, analysis data) after writing tables/, figures/ and index.json into ``directory``."""
    data = dataset.load()
    state = provenance.database_state(data)
    index = reuse_current_run(directory, state, seed)
    if index is not None:
        return index, data
    from citydip.analysis import pipeline  # statsmodels, scikit-learn, networkx: only when computing

    out = Publisher(directory, synthetic=has_synthetic(data))
    try:
        pipeline.run_weights(data, out, pipeline.add_weights(data))
    except Exception as error:  # noqa: BLE001 - recorded, see module docstring
        out.skip("weights", f"failed: {error}")
    for name, part in pipeline.PARTS:
        try:
            part(data, out, seed=seed) if name == "typology" else part(data, out)
        except Exception as error:  # noqa: BLE001 - recorded, see module docstring
            out.skip(name, f"failed: {type(error).__name__}: {error}")
    prov = {"database_state": state, "versions": provenance.versions(), "seed": seed, "wave": data.wave,
            "synthetic_responses": int(data.cities["synthetic"].sum())}
    return out.write_index(prov), data


def current_run_index(state, seed):
    """``(folder, index)`` of the latest analysis run if it is current for this database state and seed
    (see the module docstring), else None."""
    from citydip.analysis.models import AnalysisRun

    run = AnalysisRun.objects.filter(finished__isnull=False).first()
    if run is None or run.database_state != state or run.versions != provenance.versions():
        return None
    folder = Path(run.output_dir)
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        prov = index["provenance"]
        if prov.get("seed") != seed or prov.get("database_state") != state or not prov.get("files"):
            return None
        listed = {name for entry in index["outputs"] for name in entry["files"]}
        if set(prov["files"]) != listed or provenance.file_hashes(folder, index["outputs"]) != prov["files"]:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder, index


def reuse_current_run(directory, state, seed):
    """Copy a current run's files and index.json into ``directory`` and return its index, or None."""
    found = current_run_index(state, seed)
    if found is None:
        return None
    folder, index = found
    directory = Path(directory)
    for name in index["provenance"]["files"]:
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / name, target)
    (directory / INDEX).write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return index
