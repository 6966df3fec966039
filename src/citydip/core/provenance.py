"""What an output was built from: a checksum of the database's data, the citydip version, the date.

Every export, deposit, report and analysis run carries this stamp (in its metadata, a sidecar
``PROVENANCE.json`` or a README) and is recorded in the audit log (``record_build``), so the reports
page lists what was built from which state of the data.

``database_checksum()`` combines the checksums the apps contribute through the ``checksum`` hook
(``<app>/checksum.py: PART`` names the part and ``data_checksum()`` computes it): the analysis app's
checksum of what tables and figures are computed from (cities, survey partners, partnership register)
and the survey's SHA-256 of every response's answers in a fixed order (what exports and the deposit
hold). The same data gives the same checksum on SQLite and PostgreSQL; any changed answer, city or
partnership changes it.
"""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import citydip
from citydip.core.files import sha256_file, write_text
from citydip.core.hooks import app_modules

BUILD_ACTION = "outputs.build"


def database_checksum(known=None):
    """SHA-256 over the parts the apps contribute; ``known`` ({part: checksum}) saves recomputing one."""
    known = known or {}
    parts = sorted((module.PART, known.get(module.PART) or module.data_checksum())
                   for _, module in app_modules("checksum"))
    combined = "".join(f"{part}:{value}\n" for part, value in parts)
    return hashlib.sha256(combined.encode()).hexdigest()


def stamp(checksum=None, built_from=""):
    """The provenance record every output carries (in its metadata, a sidecar or a README)."""
    return {
        "database_checksum": checksum or database_checksum(),
        "citydip_version": citydip.__version__,
        "built": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "built_from": built_from,
    }


def stamp_line(record):
    return (f"Built {record['built']} by citydip {record['citydip_version']} from the database with checksum "
            f"sha256:{record['database_checksum']}")


def write_sidecar(directory, record, files, name="PROVENANCE.json"):
    """``PROVENANCE.json`` listing the files built and the stamp, with each file's SHA-256."""
    directory = Path(directory)
    listed = {str(Path(f).relative_to(directory)): sha256_file(f) for f in sorted(map(Path, files))}
    path = directory / name
    write_text(path, json.dumps({**record, "files": listed}, indent=2, ensure_ascii=False) + "\n")
    return path


def code_fingerprint(*apps, suffixes=(".py",)):
    """SHA-256 (its first 16 hex digits) of the files of the citydip ``apps`` ending in ``suffixes`` (every
    file when None): the code an output was built with. Two builds from the same data with the same
    fingerprint (and library versions) write the same outputs."""
    root = Path(citydip.__file__).resolve().parent
    paths = sorted(path for app in apps for path in (root / app).rglob("*")
                   if path.is_file() and "__pycache__" not in path.parts and (suffixes is None or path.suffix in suffixes))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]  # shown beside the library versions; 64 bits tell two versions apart


def record_build(kind, output, record, files, **detail):
    """One audit event per build: what, where, from which database state, how many files (and ``detail``)."""
    from citydip.core.audit import record as audit

    audit(None, BUILD_ACTION, kind=kind, output=str(output), files=len(files),
          database_checksum=record.get("database_checksum"), citydip_version=record["citydip_version"],
          built=record["built"], built_from=record.get("built_from", ""), **detail)


def recent_builds(limit=50):
    from citydip.core.models import AuditEvent

    return [{"at": e.at, **e.detail} for e in AuditEvent.objects.filter(action=BUILD_ACTION).order_by("-at")[:limit]]
