"""Saving answers: every save is one transaction that locks the response row.

Two tabs, a double click or the web form and the API at once cannot lose an answer: each save reads
the row with ``select_for_update`` inside ``transaction.atomic``, merges its answers, increments
``revision`` and writes. A submitted response is read-only.
"""
import logging

from django.db import transaction
from django.utils import timezone

from citydip.core.errors import CitydipError
from citydip.core.write_queue import queued_write
from citydip.survey.models import Response

CONFIDENTIAL_ANSWER = ("publish_city_name", "no")


logger = logging.getLogger(__name__)


class AlreadySubmitted(CitydipError):
    def __init__(self):
        super().__init__("SURVEY-E201", "this response was already submitted and can no longer be changed")


def merge_answers(answers, names, values):
    """``answers`` with the keys ``names`` replaced by ``values`` (a name missing from ``values`` is unanswered)."""
    merged = {key: value for key, value in answers.items() if key not in names}
    merged.update({key: value for key, value in values.items() if value not in (None, "", [])})
    return merged


def _touch(response, now, language):
    response.started = response.started or now
    response.last_saved = now
    response.revision += 1
    response.language = language or response.language
    name, value = CONFIDENTIAL_ANSWER
    response.confidential = response.answers.get(name) == value


def save_answers(pk, names, values, page="", language="", model=Response):
    """Store one page (or an API call): answers of ``names`` become ``values``; returns the saved response.

    ``model`` is :class:`Response`, or :class:`PilotResponse` for a pilot link (same rules, another table).
    On SQLite, concurrent saves queue for the write lock (``core/write_queue.py``)."""
    with queued_write():
        return _save_answers(pk, names, values, page, language, model)


@transaction.atomic
def _save_answers(pk, names, values, page, language, model):
    response = model.objects.select_for_update().get(pk=pk)
    if response.state == Response.State.COMPLETE:
        raise AlreadySubmitted()
    response.answers = merge_answers(response.answers, set(names), values)
    if page:
        response.current_page = page
    if response.state == Response.State.NOT_STARTED:
        response.state = Response.State.PARTIAL
    _touch(response, timezone.now(), language)
    response.save()
    return response


def submit(pk, finalise, language="", model=Response):
    """Mark the response complete. ``finalise(answers)`` runs under the row lock: it validates the whole
    response and returns the answers to keep (or raises), so nothing can change between check and submit.
    Only a real response (``model`` is :class:`Response`) reaches the partnership register."""
    with queued_write():
        return _submit(pk, finalise, language, model)


@transaction.atomic
def _submit(pk, finalise, language, model):
    response = model.objects.select_for_update().get(pk=pk)
    if response.state == Response.State.COMPLETE:
        raise AlreadySubmitted()
    now = timezone.now()
    response.answers = finalise(response.answers)
    response.state = Response.State.COMPLETE
    response.submitted = now
    _touch(response, now, language)
    response.save()
    if model is Response:
        transaction.on_commit(lambda: register_partners(response.pk))
    return response


def register_partners(pk):
    """Put a submitted response's partners into the partnership register (survey Evidence).

    Runs after the submission has committed: a problem here is logged and never costs the answer."""
    from citydip.survey.partner_evidence import record_survey_partners

    try:
        with transaction.atomic():
            record_survey_partners(Response.objects.select_related("city", "wave").get(pk=pk))
    except Exception:  # noqa: BLE001 - the submission is stored; the register can be rebuilt by reconcile
        logger.exception("could not register the partners of response %s", pk)
