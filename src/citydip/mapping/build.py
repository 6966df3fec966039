"""`citydip map build`: the self-contained map.html and the publication figures, written atomically.

Everything goes to a temporary folder next to the output first and is moved into place at the end,
so an interrupted build leaves no half-written set. index.json records what the files were drawn from
(reuse.py), so that the report can copy a current build instead of drawing the maps again. Publication output uses the anonymised audience
by default: a respondent's request to stay confidential holds in print too.
"""
import json
import shutil
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
from django.template.loader import render_to_string
from django.utils.html import json_script

from citydip.core.errors import CitydipError
from citydip.core.parallel import run_forked
from citydip.core.partner import partner_country_name
from citydip.core.progress import progress_bar
from citydip.mapping import payload
from citydip.mapping.figures import FIGURES, SIZES, MapFacts
from citydip.mapping.reuse import copy_current, drawn_from, provenance
from citydip.mapping.views import outlines

STATIC = Path(__file__).resolve().parent / "static" / "mapping"
SCRIPTS = ["vendor/leaflet/leaflet.js", "vendor/supercluster/supercluster.min.js", "map-data.js", "map-ui.js",
           "map-canvas.js", "map-ties.js", "map-cities.js", "map.js"]
STYLES = ["vendor/leaflet/leaflet.css", "map.css"]
FORMATS = ("png", "svg", "pdf")


def map_payloads(audience):
    return payload.map_payload(audience) | {"outlines": outlines()}


def standalone_html(payloads):
    """One HTML file with the data, scripts and styles inlined (a local file has no CSP to obey)."""
    config = {"map": "", "outlines": "", "tiles": "", "city_url": ""}
    context = {
        "config": config, "audience": payloads["cities"]["audience"],
        "styles": [_inline_safe((STATIC / name).read_text(encoding="utf-8")) for name in STYLES],
        "scripts": [_inline_safe((STATIC / name).read_text(encoding="utf-8")) for name in SCRIPTS],
        "data": json_script(payloads, "citydip-map-data"),
        "partner_country_name": partner_country_name("en"),
    }
    return render_to_string("mapping/standalone.html", context)


def _inline_safe(text):
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError("a vendored file contains a closing tag and cannot be inlined")
    return text


def check_output(output):
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise CitydipError("MAP-E001", "the output exists and is not a folder: give a folder name",
                           file=str(output))
    return output


def build(output, audience=payload.ANONYMISED, sizes=("column", "book"), quiet=False, reuse=False):
    """Write map.html, every figure in every size and format, and index.json; return the file names.

    With ``reuse``, copy them from a recorded build that is current instead of drawing (reuse.py)."""
    output = check_output(output)
    payloads = map_payloads(audience)
    if not payloads["cities"]["rows"]:
        raise CitydipError("MAP-E002", "the frame has no city with coordinates: build the frame first "
                                       "(`citydip frame build`) or run `citydip demo`")
    state = drawn_from(payloads)
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".map-build-", dir=output.parent))
    try:
        written = (reuse and copy_current(work, audience, sizes, state)) or write_all(work, payloads, sizes, quiet, state)
        output.mkdir(exist_ok=True)
        for name in written:
            (work / name).replace(output / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return written


def write_all(work, payloads, sizes, quiet, state):
    """map.html, then every figure in every size, drawn side by side (one process per core)."""
    (work / "map.html").write_text(standalone_html(payloads), encoding="utf-8")
    facts = MapFacts(payloads["cities"], payloads["links"], payloads["places"])
    written, index = ["map.html"], {"audience": payloads["cities"]["audience"], "map": "map.html", "figures": []}
    tasks = [figure_task(work, facts, name, size_name) for name in FIGURES for size_name in sizes]
    with progress_bar("drawing maps", len(tasks), quiet=quiet) as advance:
        for entry in run_forked(tasks, on_done=advance):
            index["figures"].append(entry)
            written.extend(entry["files"])
    index["provenance"] = provenance(work, state, written)
    (work / "index.json").write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    return written + ["index.json"]


def figure_task(work, facts, name, size_name):
    """One figure in one size, in every format: a task for run_forked; returns its index entry."""
    def task():
        draw, caption = FIGURES[name]
        size = SIZES[size_name]
        stem = f"{name}_{size_name}"
        with plt.rc_context():  # the map style stays inside (mapping/figures.py: new_figure)
            figure = draw(facts, size)
            for fmt in FORMATS:
                figure.savefig(work / f"{stem}.{fmt}", dpi=300, metadata=_metadata(fmt, caption))
            plt.close(figure)
        return {"name": name, "size": size_name, "width_cm": size.width_cm, "caption": caption,
                "files": [f"{stem}.{fmt}" for fmt in FORMATS]}
    return task


def _metadata(fmt, caption):
    if fmt == "png":
        return {"Title": caption, "Software": "citydip"}
    if fmt == "svg":
        return {"Title": caption, "Date": None}
    return {"Title": caption, "Creator": "citydip", "CreationDate": None}


def read_index(folder):
    return json.loads((Path(folder) / "index.json").read_text(encoding="utf-8"))
