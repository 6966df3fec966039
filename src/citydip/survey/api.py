"""The JSON form of a response: ``GET|POST /api/v1/responses/{token}`` and ``GET /api/openapi.json``.

The token in the URL is the authentication, exactly as for the web form: whoever holds the personal
link may read and answer that one response, nobody else anything. Answers are keyed by XLSForm names
(BRIEF "Survey answers") and checked by the same engine as the web form. Every error has one shape:
``{"ok": false, "error", "code", "location", "errors": [...]}`` (``core.errors.CitydipError.as_json``).
"""
import json

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from citydip.core.errors import CitydipError
from citydip.core.throttle import throttle_token_failures
from citydip.survey import tokens
from citydip.survey import xlsform as engine
from citydip.survey.answer_schema import check_answers
from citydip.survey.models import Response, Wave
from citydip.survey.openapi import build_document
from citydip.survey.page_fields import page_names
from citydip.survey.respond_answers import ValidationFailed, finalise_answers, prune_all
from citydip.survey.responses import AlreadySubmitted, save_answers, submit
from citydip.survey.review import load_wave_form


def error_response(error, status):
    data = error.as_json()
    data.setdefault("errors", [error.as_json()])
    return JsonResponse(data, status=status)


def response_json(response, form):
    city = response.city
    return {
        "ok": True,
        "city": {"city_id": city.city_id, "name": city.name, "country": city.country_id},
        "wave": {"id": response.wave_id, "name": response.wave.name},
        "form": {"form_id": form.form_id, "version": form.version, "languages": form.languages,
                 "default_language": form.default_language},
        "state": response.state,
        "language": response.language,
        "revision": response.revision,
        "started": response.started.isoformat() if response.started else None,
        "last_saved": response.last_saved.isoformat() if response.last_saved else None,
        "submitted": response.submitted.isoformat() if response.submitted else None,
        "answers": response.answers,
    }


# CSRF protection guards cookie-authenticated requests; this endpoint ignores cookies and sessions
# entirely and is authenticated only by the token in its URL, which a forging site cannot know.
@csrf_exempt
@never_cache
@login_not_required
@throttle_token_failures
def response_endpoint(request, token):
    if request.method not in ("GET", "POST"):
        error = CitydipError("SURVEY-E205", f"method {request.method} is not allowed; use GET or POST")
        response = error_response(error, 405)
        response["Allow"] = "GET, POST"
        return response
    access = tokens.resolve(token)
    if access is None:
        return error_response(CitydipError("SURVEY-E204", "no response has this token (or it was revoked)"), 404)
    response = access.response  # with its city, wave and questionnaire, from the token's one query
    form = load_wave_form(response.wave)
    if request.method == "GET":
        return JsonResponse(response_json(response, form))
    try:
        response = post_answers(request, response, form)
    except AlreadySubmitted as error:
        return error_response(error, 409)
    except ValidationFailed as error:
        return error_response(error, 422)
    except CitydipError as error:
        return error_response(error, 400)
    return JsonResponse(response_json(response, form))


BODY_KEYS = {"answers", "submit", "language"}


def read_body(request, form):
    """``(answers, submit, language)`` of a POST body, or CitydipError naming what is wrong."""
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise CitydipError("SURVEY-E206", f"the request body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise CitydipError("SURVEY-E206", "the request body must be a JSON object")
    unknown = sorted(set(body) - BODY_KEYS)
    if unknown:
        raise CitydipError("SURVEY-E206", f"unknown key {unknown[0]!r}; the body has only answers, submit, language",
                           field=unknown[0])
    answers, submit_now, language = body.get("answers", {}), body.get("submit", False), body.get("language")
    if not isinstance(answers, dict):
        raise CitydipError("SURVEY-E206", "`answers` must be an object keyed by question names", field="answers")
    if not isinstance(submit_now, bool):
        raise CitydipError("SURVEY-E206", "`submit` must be true or false", field="submit")
    if language is not None and language not in form.languages:
        raise CitydipError("SURVEY-E206", f"`language` must be one of {', '.join(form.languages)}", field="language")
    check_answers(form, answers)
    return answers, submit_now, language


def post_answers(request, response, form):
    """Save the given answers (keys given replace stored ones; null removes), then submit if asked."""
    answers, submit_now, language = read_body(request, form)
    lang = language or response.language or form.default_language
    loaded = response
    if answers or response.state == Response.State.NOT_STARTED:
        check_partial(form, {**response.answers, **answers}, set(answers), lang)
        response = save_answers(response.pk, set(answers), answers, language=lang)
    if submit_now:
        response = submit(response.pk, lambda stored: finalise_answers(form, stored, lang), lang)
    response.city, response.wave = loaded.city, loaded.wave  # already loaded: no query for the reply
    return response


def check_partial(form, merged, names, lang):
    """A partial save may leave questions unanswered, but what it gives must be valid (type, choice, constraint).

    Only the pages holding a given answer are validated (``validate_all`` restricted to them): an error
    is reported only for a given answer, and a page's errors are about its own answers."""
    merged = prune_all(form, merged)
    errors = {}
    for page in form.pages():
        if page_names(page.nodes) & names:
            errors.update(engine.validate_page(form, page, merged, lang))
    given = {p: m for p, m in errors.items() if p.split(".")[0].split("[")[0] in names
             and engine.value_at(merged, p) not in (None, "", [])}
    if given:
        raise ValidationFailed(given)


@require_GET
@login_not_required
def openapi_document(request):
    """The document, with the answers of the current wave's questionnaire described question by question."""
    wave = Wave.current()
    form = load_wave_form(wave) if wave is not None else None
    return JsonResponse(build_document(request.build_absolute_uri("/")[:-1], form))
