"""Where the respondent's pages keep answers: a city's response, a pilot response, or nowhere (a preview).

A link resolves to a *sheet*. The respondent's views (``respond_views.py``) read ``sheet.response``
and store only through ``sheet.save`` and ``sheet.submit``, so a pilot link and a preview walk the
questionnaire exactly as a city's official does:

- **live**: a personal link (``AccessToken``); answers go to the city's :class:`Response`.
- **pilot**: a pilot link; answers go to a :class:`PilotResponse` of their own, a table that no
  rate, invitation status, register row, export or analysis reads. ``clear_pilot`` deletes them.
- **preview**: a researcher's preview; answers live in the researcher's session only and vanish
  with it. Nothing is written to the study's tables.

Pilot and preview links are issued on the researchers' "Pilot and preview" page (``views.py``).
"""
import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from citydip.core.roles import RESEARCHER, has_role
from citydip.survey import tokens
from citydip.survey.models import PilotResponse, Response
from citydip.survey.responses import AlreadySubmitted, merge_answers, save_answers, submit

LIVE, PILOT, PREVIEW = "live", "pilot", "preview"
PREVIEW_PREFIX = "preview-"
PREVIEW_SESSION_KEY = "citydip_previews"
MAX_PREVIEWS = 20  # per session; the oldest goes first


class LiveSheet:
    mode = LIVE

    def __init__(self, access):
        self.language = access.language
        self.response = access.response  # with its city, wave and questionnaire, from the token's one query

    def save(self, names, values, page="", language=""):
        return save_answers(self.response.pk, names, values, page=page, language=language)

    def submit(self, finalise, language=""):
        return submit(self.response.pk, finalise, language)


class PilotSheet:
    mode = PILOT

    def __init__(self, pilot):
        self.response = pilot
        self.language = pilot.language

    def save(self, names, values, page="", language=""):
        return save_answers(self.response.pk, names, values, page=page, language=language, model=PilotResponse)

    def submit(self, finalise, language=""):
        return submit(self.response.pk, finalise, language, model=PilotResponse)


@dataclass
class PreviewAnswers:
    """What the respondent's templates read of a response, held in the session."""

    wave: object
    city: object
    language: str = ""
    state: str = Response.State.NOT_STARTED
    answers: dict = field(default_factory=dict)
    current_page: str = ""
    submitted: object = None
    pk: None = None


class PreviewSheet:
    mode = PREVIEW

    def __init__(self, request, key, data, wave, city):
        self.request, self.key, self.data = request, key, data
        self.language = data.get("language", "")
        submitted = timezone.now() if data.get("state") == Response.State.COMPLETE else None
        self.response = PreviewAnswers(wave=wave, city=city, language=data.get("language", ""),
                                       state=data.get("state", Response.State.NOT_STARTED),
                                       answers=data.get("answers", {}), current_page=data.get("page", ""),
                                       submitted=submitted)

    def _store(self, **changes):
        self.data.update(changes)
        previews = self.request.session.get(PREVIEW_SESSION_KEY, {})
        previews[self.key] = self.data
        self.request.session[PREVIEW_SESSION_KEY] = previews
        self.request.session.modified = True

    def save(self, names, values, page="", language=""):
        if self.data.get("state") == Response.State.COMPLETE:
            raise AlreadySubmitted()
        answers = merge_answers(self.data.get("answers", {}), set(names), values)
        self._store(answers=answers, page=page or self.data.get("page", ""),
                    state=Response.State.PARTIAL, language=language or self.language)
        self.response.answers = answers
        return self.response

    def submit(self, finalise, language=""):
        if self.data.get("state") == Response.State.COMPLETE:
            raise AlreadySubmitted()
        answers = finalise(self.data.get("answers", {}))
        self._store(answers=answers, state=Response.State.COMPLETE, language=language or self.language)
        return self.response


def resolve(request, token):
    """The sheet a link opens, or None (a wrong, revoked or foreign link: the caller answers 404)."""
    if token and token.startswith(PREVIEW_PREFIX):
        return _resolve_preview(request, token[len(PREVIEW_PREFIX):])
    access = tokens.resolve(token)
    if access is not None:
        return LiveSheet(access)
    if not token or len(token) > 100:
        return None
    pilot = (PilotResponse.objects.select_related("wave__questionnaire", "city__country")
             .filter(token_hash=tokens.hash_token(token)).first())
    return PilotSheet(pilot) if pilot is not None else None


def _resolve_preview(request, key):
    user = getattr(request, "user", None)
    if user is None or not has_role(user, RESEARCHER):
        return None
    data = request.session.get(PREVIEW_SESSION_KEY, {}).get(key)
    if data is None:
        return None
    from citydip.frame.models import City
    from citydip.survey.models import Wave

    wave = Wave.objects.select_related("questionnaire").filter(pk=data["wave"]).first()
    city = City.objects.filter(pk=data["city"]).first()
    if wave is None or city is None:
        return None
    return PreviewSheet(request, key, data, wave, city)


# -- issuing -------------------------------------------------------------------------------------

@transaction.atomic
def issue_pilot(wave, city, language, user=None):
    """A pilot link for the city: a new pilot response of its own. Returns the raw token (shown once)."""
    token = tokens.new_token()
    PilotResponse.objects.create(wave=wave, city=city, language=language, token_hash=tokens.hash_token(token),
                                 created_by=user)
    return token


def start_preview(request, wave, city, language, from_answers=True):
    """A preview of the city's form in the researcher's session; it starts from the city's saved answers
    (when ``from_answers``) and stores nothing anywhere else. Returns the token for ``survey:respond``."""
    answers = {}
    if from_answers:
        live = Response.objects.filter(wave=wave, city=city).values_list("answers", flat=True).first()
        answers = live or {}
    key = secrets.token_urlsafe(16)
    previews = request.session.get(PREVIEW_SESSION_KEY, {})
    while len(previews) >= MAX_PREVIEWS:
        previews.pop(next(iter(previews)))
    previews[key] = {"wave": wave.pk, "city": city.pk, "language": language, "answers": answers,
                     "state": Response.State.PARTIAL if answers else Response.State.NOT_STARTED, "page": ""}
    request.session[PREVIEW_SESSION_KEY] = previews
    return PREVIEW_PREFIX + key


def clear_pilot(wave):
    """Delete every pilot response of the wave; returns how many were deleted."""
    deleted, _ = PilotResponse.objects.filter(wave=wave).delete()
    return deleted
