"""Run the analysis pipeline into the report's folder, part by part.

The same steps as ``citydip analyze`` (:func:`citydip.analysis.pipeline.analyze`), through the
analysis app's own functions, with one difference: a part that raises is recorded in
``index.json`` as skipped with its error, so one failing chart does not stop the report (the report
says which part is missing and why).
"""
from __future__ import annotations

from citydip.analysis import dataset, pipeline, provenance
from citydip.analysis.publish import Publisher, has_synthetic


def run_analysis(directory, seed=0):
    """(index dict, analysis data) after writing tables/, figures/ and index.json into ``directory``."""
    data = dataset.load()
    state = provenance.database_state(data)
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
