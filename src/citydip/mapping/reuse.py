"""What a map build was drawn from, and copying a current build instead of drawing the maps again.

Every build writes into its ``index.json`` (``provenance``) what its files depend on: the SHA-256 of
the map data (the payload of cities, ties, places and outlines the map and the figures are drawn from),
a fingerprint of the mapping and core apps' files (code, templates, scripts, outlines), the library
versions, and each file's SHA-256. ``citydip map build`` (and the map files job) records the folder in
the audit log (``outputs.build``, kind ``maps``).

``citydip report build`` draws the same book-size maps. When a recorded build has the same audience,
every figure in the sizes wanted, the same data, code and library versions, and its files still have
the SHA-256 recorded, the report copies them instead of drawing again; anything else -- a changed
city or tie, edited code, a touched file -- draws afresh.
"""
import hashlib
import json
import shutil
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder

import citydip
from citydip.core.files import sha256_file
from citydip.core.provenance import BUILD_ACTION, code_fingerprint, record_build

KIND = "maps"
LIBRARIES = ("matplotlib", "numpy", "Django")
RECENT = 10  # recorded builds looked at, newest first


def drawn_from(payloads):
    """``{"data_sha256", "code", "versions"}``: what a build's files depend on."""
    text = json.dumps(payloads, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    versions = {"citydip": citydip.__version__, **{name: metadata.version(name) for name in LIBRARIES}}
    return {"data_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "code": code_fingerprint("mapping", "core", suffixes=None), "versions": versions}


def provenance(work, state, names):
    """index.json's ``provenance``: ``state`` (see drawn_from) and the SHA-256 of each file in ``names``."""
    return {**state, "files": {name: sha256_file(Path(work) / name) for name in names}}


def record(output, index, written):
    """The audit event that lets a report find this build (see the module docstring)."""
    stamp = {"citydip_version": citydip.__version__, "built": datetime.now(UTC).replace(microsecond=0).isoformat(),
             "built_from": f"the map data ({index['audience']})"}
    record_build(KIND, Path(output).resolve(), stamp, written, data_sha256=index["provenance"]["data_sha256"])


def current_build(audience, sizes, state):
    """``(folder, index, figures)`` of the newest recorded build that can stand for a build of ``sizes`` for
    ``audience`` from ``state`` (see the module docstring), else None. ``figures`` are index.json's entries
    of those sizes."""
    from citydip.core.models import AuditEvent

    for detail in (AuditEvent.objects.filter(action=BUILD_ACTION, detail__kind=KIND, detail__data_sha256=state["data_sha256"])
                   .order_by("-at").values_list("detail", flat=True)[:RECENT]):
        try:
            folder = Path(detail["output"])
            index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
            recorded = index["provenance"]
            if index["audience"] != audience or any(recorded.get(key) != value for key, value in state.items()):
                continue
            figures = [f for f in index["figures"] if f["size"] in sizes]
            names = {f["name"] for f in index["figures"]}
            if {(f["name"], f["size"]) for f in figures} != {(n, s) for n in names for s in sizes}:
                continue
            files = [index["map"], *(name for f in figures for name in f["files"])]
            if all(sha256_file(folder / name) == recorded["files"][name] for name in files):
                return folder, index, figures
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


def copy_current(work, audience, sizes, state):
    """Copy a current build's map.html and figures of ``sizes`` into ``work`` with its index.json (only those
    figures); returns the file names written, or None when no recorded build is current."""
    found = current_build(audience, sizes, state)
    if found is None:
        return None
    folder, index, figures = found
    names = [index["map"], *(name for f in figures for name in f["files"])]
    for name in names:
        shutil.copyfile(folder / name, Path(work) / name)
    copied = {**index, "figures": figures, "provenance": {**state, "files": {n: index["provenance"]["files"][n]
                                                                             for n in names}}}
    (Path(work) / "index.json").write_text(json.dumps(copied, indent=2) + "\n", encoding="utf-8")
    return [*names, "index.json"]
