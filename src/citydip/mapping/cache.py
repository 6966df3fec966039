"""The map's JSON, computed once per change of the data and shared by every server worker.

Computing the payload for tens of thousands of ties takes about a second. It is stored, gzip-compressed,
in the database (``MapPayload``), so that every gunicorn worker and every restart serves the same bytes:
the first load after a change computes it, every later load reads one row. Whether the stored payload is
current is decided by a fingerprint of the tables the map reads (row counts and highest ids, the newest
survey save, the frame version), which catches imports, deletions and answers; edits made in place
(a partnership's kind corrected) empty the store through signals (``signals.py``).
"""
import gzip
import hashlib
import json

from django.db import IntegrityError, transaction
from django.db.models import Count, Max

from citydip.frame.models import City, FrameVersion
from citydip.gazetteer.models import Place
from citydip.mapping.models import MapPayload
from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import Response, Wave


def data_fingerprint():
    parts = [model.objects.aggregate(n=Count("pk"), top=Max("pk"))
             for model in (City, Place, Partnership, Evidence, FrameVersion)]
    parts.append(Response.objects.aggregate(n=Count("pk"), top=Max("pk"), saved=Max("last_saved"), rev=Max("revision")))
    wave = Wave.current()
    parts.append(wave.pk if wave else None)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def gzipped_json(value):
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def cached_gzipped_json(name, audience, compute):
    """``compute(audience)`` as gzip-compressed JSON: the stored bytes while the data has not changed.

    Stored compressed: compressing 2 MB of JSON on every request would cost more than the queries."""
    fingerprint = data_fingerprint()
    stored = MapPayload.objects.filter(name=name, audience=audience, fingerprint=fingerprint).values_list("body", flat=True)
    for body in stored:
        return bytes(body)
    body = gzipped_json(compute(audience))
    try:
        with transaction.atomic():
            MapPayload.objects.update_or_create(name=name, audience=audience,
                                                defaults={"fingerprint": fingerprint, "body": body})
    except IntegrityError:  # another worker stored it at the same moment: its bytes are as good
        pass
    return body


def forget_payloads(**_):
    """Empty the store (a signal receiver): the next map load computes the payload again.

    Inside a transaction (an import saving thousands of rows) the store is emptied once, on commit."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        delete_payloads()
    elif not any(item[1] is delete_payloads for item in connection.run_on_commit):
        transaction.on_commit(delete_payloads)


def delete_payloads():
    MapPayload.objects.all().delete()
