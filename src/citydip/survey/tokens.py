"""Personal survey links: 256-bit random tokens, of which only the SHA-256 is stored.

A token is shown once (in the e-mail, the letter or the test link) and cannot be recovered from the
database. Lookup hashes the presented token; a wrong token and a revoked one get the same answer.
"""
import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from citydip.survey.models import AccessToken, Response


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token():
    return secrets.token_urlsafe(32)  # 256 bits


@transaction.atomic
def issue(wave, city, language="", kind=AccessToken.Kind.INVITATION, user=None):
    """Create a token for the (wave, city) response, creating the response if needed. Returns the raw token."""
    response, _ = Response.objects.get_or_create(wave=wave, city=city, defaults={"language": language})
    token = new_token()
    AccessToken.objects.create(
        token_hash=hash_token(token), response=response, kind=kind, language=language, created_by=user
    )
    return token


# ``last_used`` says that a link was opened (fieldwork's "opened" status) and roughly when: it is written
# at most once a minute per link, so that a respondent's saves are not each followed by a second write.
LAST_USED_EVERY = timedelta(minutes=1)


# What a respondent's pages and the API never read: left out of the token's query, whose columns Django
# compiles and turns into objects on every request (the city's 20 fields were most of them). A field read
# after all costs a query of its own, which tests/survey/test_request_queries.py would show.
UNREAD = ("response__wave__questionnaire__content",
          *(f"response__city__{name}" for name in (
              "population", "population_year", "population_source", "population_status", "lat", "lon", "nuts3",
              "wikidata_id", "is_capital", "size_class", "in_frame", "in_frame_reason", "frame_version", "source")))


def resolve(token):
    """The AccessToken for a raw token, or None (also for revoked or malformed tokens).

    One query brings the response, its city and the city's country (the web form's language reads the
    country's languages), wave and questionnaire (without the questionnaire's bytes, which
    ``load_wave_form`` reads only the first time a process meets that questionnaire, nor what UNREAD
    lists)."""
    if not token or len(token) > 100:
        return None
    found = (
        AccessToken.objects.select_related("response", "response__wave__questionnaire", "response__city__country")
        .defer(*UNREAD)
        .filter(token_hash=hash_token(token), revoked__isnull=True)[:1]
    )
    access = found[0] if found else None
    if access is not None:
        now = timezone.now()
        if access.last_used is None or now - access.last_used >= LAST_USED_EVERY:
            AccessToken.objects.filter(pk=access.pk).update(last_used=now)
    return access


def revoke_all(response):
    AccessToken.objects.filter(response=response, revoked__isnull=True).update(revoked=timezone.now())
