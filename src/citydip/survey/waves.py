"""Survey waves: a questionnaire version fielded to a frame version over a period.

``create_wave`` stores the XLSForm's bytes once (a Questionnaire per form_id and checksum, so the
same file fielded twice is one questionnaire) and a Wave over the newest frame version. The newest
wave is the current one (``Wave.current()``); a later wave re-surveys the same cities, and its
responses are linked to earlier ones through the city (``Response.city``).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from django.db import transaction

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.frame.models import FrameVersion
from citydip.survey.models import Questionnaire, Wave
from citydip.survey.xlsform import load_form
from citydip.survey.xlsform.xform import make_bundle, read_source


def store_questionnaire(data, filename, directory=None, form=None):
    """(Questionnaire, Form) for an XLSForm's bytes; the form must load without errors. The CSV/XML/
    GeoJSON files its select_one_from_file rows read are stored with it, in one bundle. ``form``: the
    form these bytes load to, when it was loaded already (the demo loads it in a second process)."""
    form = form or load_form(data, filename, directory=directory)
    if form.file_data:
        data = make_bundle(data, filename, form.file_data)
    checksum = hashlib.sha256(data).hexdigest()
    questionnaire, _ = Questionnaire.objects.get_or_create(
        form_id=form.form_id,
        checksum=checksum,
        defaults=dict(
            version=form.version, title=form.title[:300], languages=form.languages,
            default_language=form.default_language, filename=filename.rsplit("/", 1)[-1], content=data,
        ),
    )
    return questionnaire, form


@transaction.atomic
def create_wave(source, name=None, filename=None, user=None):
    """A new (now current) wave of the XLSForm at ``source`` over the newest frame version."""
    data, filename = read_source(source, filename)
    frame_version = FrameVersion.objects.order_by("-created", "-id").first()
    if frame_version is None:
        raise CitydipError("SURVEY-E010", "there is no frame yet to field a wave to: run `citydip frame build` first",
                           file=filename)
    directory = Path(source).parent if isinstance(source, (str, Path)) else None
    questionnaire, form = store_questionnaire(data, filename, directory)
    return field_questionnaire(questionnaire, name, user=user, frame_version=frame_version)


@transaction.atomic
def field_questionnaire(questionnaire, name=None, user=None, frame_version=None, opens=None, closes=None):
    """A new (now current) wave of a stored questionnaire over the newest frame version."""
    frame_version = frame_version or FrameVersion.objects.order_by("-created", "-id").first()
    if frame_version is None:
        raise CitydipError("SURVEY-E010", "there is no frame yet to field a wave to: run `citydip frame build` first",
                           file=questionnaire.filename)
    wave = Wave.objects.create(
        name=name or f"{questionnaire.title} {questionnaire.version}".strip(), questionnaire=questionnaire,
        frame_version=frame_version, opens=opens, closes=closes,
    )
    record(user, "survey.wave.create", wave, form_id=questionnaire.form_id, version=questionnaire.version,
           checksum=questionnaire.checksum)
    return wave


def city_history(city):
    """The city's responses in every wave, oldest wave first: how its answers changed over time."""
    from citydip.survey.models import Response

    return list(Response.objects.filter(city=city).select_related("wave").order_by("wave__created", "wave__id"))


def previous_response(response):
    """The same city's response in the wave before this one, or None."""
    history = city_history(response.city)
    index = next(i for i, item in enumerate(history) if item.pk == response.pk)
    return history[index - 1] if index > 0 else None
