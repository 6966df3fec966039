"""The survey's part of the database checksum (core/provenance.py): every response's answers."""
import hashlib
import json

PART = "responses"


def data_checksum():
    from citydip.survey.models import Response

    digest = hashlib.sha256()
    rows = Response.objects.order_by("wave_id", "city_id").values_list(
        "wave_id", "city_id", "state", "synthetic", "confidential", "answers")
    for row in rows:
        digest.update(json.dumps(list(row), sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
