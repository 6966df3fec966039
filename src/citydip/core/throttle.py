"""Slow down whoever keeps presenting wrong tokens: a per-client failure counter in the database.

A wrong token and a missing one get the same 404. After ``ALLOWED`` wrong tokens within ``WINDOW``,
a client must wait ``2 ** (failures - ALLOWED)`` seconds (at most ``MAX_WAIT``) before its next
token request is looked at; until then every token request from it gets 429 with Retry-After, right
or wrong token alike, so the answer says nothing about the token. The counter is a database row
(TokenFailure), so every gunicorn worker sees the same count; the client is stored as an HMAC of its
IP address, not the address itself. Behind a reverse proxy, REMOTE_ADDR must be the client's address
(set it from X-Forwarded-For in the proxy set-up, see docs/fieldwork.md).

It lives in core because every app with token links uses it: the survey pages and API, and
fieldwork's opt-out page.

Use it on any view that takes a token: ``@throttle_token_failures`` (after ``@login_not_required``);
a 404 from the view (returned or raised) counts as a failure.

Speed: a respondent saving answers has no failures, and asking the database so on every request cost
one query per save. Each process therefore remembers for ``CLEAN_FOR`` seconds that a client had
nothing to wait for; a failure recorded by the same process forgets it at once. A failure recorded by
another worker is seen within ``CLEAN_FOR`` seconds, which lets a guesser through a few more requests
at most -- against 256-bit tokens, nothing.
"""
import hashlib
import hmac
import time
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.core.models import TokenFailure

ALLOWED = 5
WINDOW = timedelta(minutes=15)
MAX_WAIT = 3600
CLEAN_FOR = 2.0
_clean_until = {}  # client key -> time.monotonic() until which this process skips the lookup


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def seconds_to_wait(request, now=None):
    key = client_key(request)
    if now is None and _clean_until.get(key, 0.0) > time.monotonic():
        return 0
    now = now or timezone.now()
    entry = TokenFailure.objects.filter(client=key, last__gte=now - WINDOW).first()
    if entry is None or entry.failures < ALLOWED:
        remember_clean(key)
        return 0
    wait = min(2 ** (entry.failures - ALLOWED), MAX_WAIT)
    return max(0, int((entry.last + timedelta(seconds=wait) - now).total_seconds() + 0.999))


def remember_clean(key):
    if len(_clean_until) > 10_000:  # many clients: start again rather than grow without bound
        _clean_until.clear()
    _clean_until[key] = time.monotonic() + CLEAN_FOR


def record_failure(request, now=None):
    now = now or timezone.now()
    key = client_key(request)
    _clean_until.pop(key, None)
    with transaction.atomic():
        if TokenFailure.objects.filter(client=key, last__gte=now - WINDOW).update(failures=F("failures") + 1, last=now):
            return
        try:
            with transaction.atomic():
                TokenFailure.objects.update_or_create(client=key, defaults={"failures": 1, "first": now, "last": now})
        except IntegrityError:  # another worker created it meanwhile
            TokenFailure.objects.filter(client=key).update(failures=F("failures") + 1, last=now)


def too_many(request, wait):
    """429 with Retry-After: the JSON error shape for the API, plain text for pages."""
    message = "too many wrong links from your address; wait and try again"
    if request.path.startswith("/api/"):
        response = JsonResponse(CitydipErrors([CitydipError("CORE-E020", message)]).as_json(), status=429)
    else:  # a page in the respondent's language (?lang, else the browser's), strings in the survey catalogue
        code = (request.GET.get("lang") or "").split("-")[0].lower()
        with translation.override(code if code in dict(settings.LANGUAGES) else translation.get_language()):
            response = render(request, "core/too_many.html", status=429)
    response["Retry-After"] = str(wait)
    return response


def throttle_token_failures(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        wait = seconds_to_wait(request)
        if wait:
            return too_many(request, wait)
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            record_failure(request)
            raise
        if response.status_code == 404:
            record_failure(request)
        return response

    return wrapped
