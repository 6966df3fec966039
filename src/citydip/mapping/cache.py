"""A short-lived cache of the map's JSON, so that opening the map again costs a few small queries.

Computing the payload for tens of thousands of ties takes about a second; the cache key carries a
fingerprint of the tables the map reads (row counts and highest ids, the newest survey save), so a new
or deleted row shows at once. An edit that changes neither (a partnership's kind corrected in place)
shows after at most ``MAX_AGE`` seconds. The cache is Django's default (per process unless CACHES says
otherwise).
"""
import gzip
import hashlib
import json

from django.core.cache import cache
from django.db.models import Count, Max

from citydip.frame.models import City
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import Response, Wave

MAX_AGE = 60


def data_fingerprint():
    parts = [model.objects.aggregate(n=Count("pk"), top=Max("pk")) for model in (City, Place, Partnership, Evidence)]
    parts.append(Response.objects.aggregate(n=Count("pk"), top=Max("pk"), saved=Max("last_saved"), rev=Max("revision")))
    wave = Wave.current()
    parts.append(wave.pk if wave else None)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def gzipped_json(value):
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=5, mtime=0)


def cached_gzipped_json(name, audience, compute):
    """``compute(audience)`` as gzip-compressed JSON, from the cache when the data has not changed.

    Stored compressed: compressing 2 MB of JSON on every request would cost more than the queries."""
    key = f"citydip-map:{name}:{audience}:{data_fingerprint()}"
    body = cache.get(key)
    if body is None:
        body = gzipped_json(compute(audience))
        cache.set(key, body, MAX_AGE)
    return body
