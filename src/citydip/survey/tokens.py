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


def resolve(token):
    """The AccessToken for a raw token, or None (also for revoked or malformed tokens).

    One query brings the response, its city and the city's country (the web form's language reads the
    country's languages), wave and questionnaire (without the questionnaire's bytes, which
    ``load_wave_form`` reads only the first time a process meets that questionnaire)."""
    if not token or len(token) > 100:
        return None
    access = (
        AccessToken.objects.select_related("response", "response__wave__questionnaire", "response__city__country")
        .defer("response__wave__questionnaire__content")
        .filter(token_hash=hash_token(token), revoked__isnull=True)
        .first()
    )
    if access is not None:
        now = timezone.now()
        if access.last_used is None or now - access.last_used >= LAST_USED_EVERY:
            AccessToken.objects.filter(pk=access.pk).update(last_used=now)
    return access


def revoke_all(response):
    AccessToken.objects.filter(response=response, revoked__isnull=True).update(revoked=timezone.now())
