"""Create documents: from files (transcripts, case documents) and from open survey answers."""
from pathlib import Path

from django.db import transaction

from citydip.core.errors import CitydipError
from citydip.qda.models import DocType, Document, Interview, SpeakerTurn
from citydip.qda.textread import normalise_text, read_document
from citydip.qda.units import speaker_turns

# Open-ended (text) questions of the study's instrument that become survey-answer documents.
SURVEY_TEXT_FIELDS = ("comments", "partner_activities", "respondent_office")
DEFAULT_SURVEY_FIELDS = ("comments", "partner_activities")


def store_turns(document):
    """(Re)compute the speaker turns of a document from its text."""
    document.turns.all().delete()
    SpeakerTurn.objects.bulk_create(
        SpeakerTurn(document=document, speaker=speaker[:100], start=start, end=end)
        for speaker, start, end in speaker_turns(document.text)
    )


# Facts of a case document (model fields), given as keyword arguments to create/import.
CASE_DOCUMENT_FIELDS = ("doc_type", "doc_date", "language", "source", "licence")


def create_document(text, title, *, kind=Document.Kind.TRANSCRIPT, interview=None, city=None, case=None,
                    source_file="", user=None, synthetic=False, **facts):
    """A new document with its speaker turns (one transaction); ``facts``: doc_type, doc_date, language,
    source, licence of a case document."""
    unknown = set(facts) - set(CASE_DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown document facts: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        document = Document.objects.create(
            title=title, text=normalise_text(text), kind=kind, interview=interview, city=city or (
                case.city if case is not None else None), case=case or (interview.case if interview else None),
            source_file=source_file, created_by=user, synthetic=synthetic, **facts)
        store_turns(document)
    return document


def import_document(path, *, interview_id=None, city_id=None, title=None, kind="transcript", case=None, user=None,
                    **facts):
    """Read a .txt/.md/.html/.docx/.pdf file into a new document linked to an interview, a case study and/or
    a city. ``case``: a CaseStudy, or a city's public id / case id naming one (see :func:`find_case`)."""
    path = Path(path)
    if kind not in Document.Kind.values:
        raise CitydipError("QDA-E005", f"unknown document kind {kind!r}: use {', '.join(Document.Kind.values)}",
                           field="kind")
    if facts.get("doc_type") and facts["doc_type"] not in DocType.values:
        raise CitydipError("QDA-E014", f"unknown document type {facts['doc_type']!r}: use "
                           f"{', '.join(DocType.values)}", field="type")
    interview = find_interview(interview_id) if interview_id else None
    city = find_city(city_id) if city_id else None
    if case is not None and not hasattr(case, "pk"):
        case = find_case(case)
    text = read_document(path)
    return create_document(text, title or path.stem, kind=kind, interview=interview,
                           city=city or (interview.city if interview else None), case=case,
                           source_file=path.name, user=user, **{k: v for k, v in facts.items() if v})


def find_case(text):
    """A case study by the public id of its city (Urban Audit code, ...) or by the case study's id."""
    from django.apps import apps

    CaseStudy = apps.get_model("analysis", "CaseStudy")
    text = str(text).strip()
    case = CaseStudy.objects.filter(pk=int(text)).first() if text.isdigit() else None
    if case is None:
        try:
            case = CaseStudy.objects.filter(city=find_city(text)).first()
        except CitydipError:
            case = None
    if case is None:
        raise CitydipError("QDA-E015", f"no case study {text}: use a city id or case id of `citydip cases list`",
                           field="case")
    return case


def find_interview(interview_id):
    try:
        interview = Interview.objects.get(pk=int(interview_id))
    except (ValueError, Interview.DoesNotExist):
        raise CitydipError("QDA-E006", f"no interview with id {interview_id}: see `citydip qda interviews`",
                           field="interview") from None
    if interview.is_withdrawn:
        raise CitydipError("QDA-E007", f"consent for {interview} was withdrawn: its documents cannot be added",
                           field="interview")
    return interview


def find_city(city_id):
    """A frame city by its public id (Urban Audit code, GN<geonameid>, C<pk>) or its database id."""
    from citydip.frame.models import City

    text = str(city_id).strip()
    queryset = City.objects.all()
    if text.isdigit():
        city = queryset.filter(pk=int(text)).first()
    elif text.startswith("GN") and text[2:].isdigit():
        city = queryset.filter(geonames_id=int(text[2:])).first()
    elif text.startswith("C") and text[1:].isdigit():
        city = queryset.filter(pk=int(text[1:]), urau_code="", geonames_id__isnull=True).first()
    else:
        city = queryset.filter(urau_code=text).first()
    if city is None:
        raise CitydipError("QDA-E008", f"no city with id {text} in the frame: use the city_id of `frame export`",
                           field="city")
    return city


def survey_answer_text(answers, fields):
    """The text of a response's open answers, one labelled paragraph per answer (repeats included)."""
    parts = []
    for name in fields:
        value = answers.get(name)
        if isinstance(value, str) and value.strip():
            parts.append(f"{name}: {value.strip()}")
    for i, partner in enumerate(answers.get("partners") or [], start=1):
        for name in fields:
            value = partner.get(name) if isinstance(partner, dict) else None
            if isinstance(value, str) and value.strip():
                label = partner.get("partner_name") or f"partner {i}"
                parts.append(f"{name} ({label}): {value.strip()}")
    return "\n\n".join(parts)


def documents_from_survey(wave=None, fields=DEFAULT_SURVEY_FIELDS, user=None):
    """One survey-answer document per response with open answers; re-running updates them in place.
    Returns ``(created, updated)``."""
    from citydip.survey.models import Response, Wave

    unknown = set(fields) - set(SURVEY_TEXT_FIELDS)
    if unknown:
        raise CitydipError("QDA-E009", f"not open text questions: {', '.join(sorted(unknown))}; "
                           f"use {', '.join(SURVEY_TEXT_FIELDS)}", field="fields")
    wave = wave or Wave.current()
    if wave is None:
        raise CitydipError("QDA-E010", "there is no survey wave yet: create one with `citydip survey wave create`")
    created = updated = 0
    with transaction.atomic():
        for response in Response.objects.filter(wave=wave).select_related("city"):
            text = survey_answer_text(response.answers or {}, fields)
            if not text:
                continue
            key = f"survey:{wave.pk}:{response.city_id}"
            title = f"Survey answers: {'(confidential city)' if response.confidential else response.city.name}"
            document = Document.objects.filter(source_key=key).first()
            if document is None:
                document = create_document(text, title, kind=Document.Kind.SURVEY_ANSWER, city=response.city,
                                           user=user, synthetic=response.synthetic)
                document.source_key = key
                document.save(update_fields=["source_key"])
                created += 1
            elif document.text != normalise_text(text) and not document.segments.exists():
                document.text, document.title = normalise_text(text), title
                document.save(update_fields=["text", "title"])
                store_turns(document)
                updated += 1
    return created, updated
