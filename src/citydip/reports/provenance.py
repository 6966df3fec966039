"""What an output was built from: a checksum of the database's data, the citydip version, the date.

``database_checksum()`` is the analysis app's checksum (cities, survey partners, partnership
register: what the tables and figures are computed from) combined with the SHA-256 of every survey
response's answers in a fixed order (what the exports and the deposit hold). The same data gives
the same checksum on SQLite and PostgreSQL; any changed answer, city or partnership changes it.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import citydip
from citydip.core.files import sha256_file


def responses_digest():
    from citydip.survey.models import Response

    digest = hashlib.sha256()
    rows = Response.objects.order_by("wave_id", "city_id").values_list(
        "wave_id", "city_id", "state", "synthetic", "confidential", "answers")
    for row in rows:
        digest.update(json.dumps(list(row), sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def database_checksum(analysis_data=None):
    """SHA-256 over the analysis checksum and the survey answers; ``analysis_data`` saves a re-read."""
    from citydip.analysis import dataset
    from citydip.analysis.provenance import checksum

    data = analysis_data if analysis_data is not None else dataset.load()
    combined = f"analysis:{checksum(data)}\nresponses:{responses_digest()}\n"
    return hashlib.sha256(combined.encode()).hexdigest()


def stamp(checksum=None, built_from=""):
    """The provenance record every output carries (in its metadata, a sidecar or a README)."""
    return {
        "database_checksum": checksum or database_checksum(),
        "citydip_version": citydip.__version__,
        "built": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "built_from": built_from,
    }


def stamp_line(record):
    return (f"Built {record['built']} by citydip {record['citydip_version']} from the database with checksum "
            f"sha256:{record['database_checksum']}")


def write_sidecar(directory, record, files, name="PROVENANCE.json"):
    """``PROVENANCE.json`` listing the files built and the stamp, with each file's SHA-256."""
    from pathlib import Path

    directory = Path(directory)
    listed = {str(Path(f).relative_to(directory)): sha256_file(f) for f in sorted(map(Path, files))}
    path = directory / name
    path.write_text(json.dumps({**record, "files": listed}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
