"""JSON endpoints of the coding workbench (session + CSRF). Errors use the project's JSON error shape."""
import json
from functools import wraps

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.roles import CODER, RESEARCHER, role_required
from citydip.qda.access import document_for, is_researcher
from citydip.qda.models import Code, Memo, Segment


def json_errors(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except CitydipError as error:
            return JsonResponse(error.as_json(), status=400)

    return wrapped


def read_json(request):
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        raise CitydipError("QDA-E050", "the request body is not JSON") from None
    if not isinstance(data, dict):
        raise CitydipError("QDA-E050", "the request body must be a JSON object")
    return data


def segment_json(segment, user):
    return {"id": segment.pk, "start": segment.start, "end": segment.end, "code": segment.code_id,
            "coder": segment.coder.username, "coder_id": segment.coder_id, "mine": segment.coder_id == user.pk}


def memo_json(memo):
    target = "document" if memo.document_id else ("code" if memo.code_id else "segment")
    return {"id": memo.pk, "target": target, "target_id": memo.document_id or memo.code_id or memo.segment_id,
            "author": memo.author.username if memo.author_id else "", "title": memo.title, "text": memo.text,
            "created": memo.created.isoformat()}


def shown_coders(request, document):
    """Coders whose coding is returned: a coder only sees their own (blind coding); a researcher chooses."""
    if not is_researcher(request.user):
        return [request.user.pk]
    wanted = request.GET.get("coders")
    if wanted is None:
        return list(document.segments.values_list("coder", flat=True).distinct())
    return [int(x) for x in wanted.split(",") if x.strip().isdigit()]


@require_GET
@role_required(CODER, RESEARCHER)
def coding(request, pk):
    document = document_for(request.user, pk)
    segments = document.segments.filter(coder__in=shown_coders(request, document)).select_related("coder")
    memos = Memo.objects.usable().filter(document=document) | Memo.objects.usable().filter(
        segment__document=document, segment__coder__in=shown_coders(request, document))
    return JsonResponse({"document": document.pk, "length": len(document.text),
                         "segments": [segment_json(s, request.user) for s in segments],
                         "memos": [memo_json(m) for m in memos.select_related("author").order_by("created", "id")]})


def checked_span(document, data):
    try:
        start, end = int(data.get("start")), int(data.get("end"))
    except (TypeError, ValueError):
        raise CitydipError("QDA-E051", "start and end must be whole numbers (character offsets)",
                           field="start") from None
    if not 0 <= start < end <= len(document.text):
        raise CitydipError("QDA-E051", f"the span {start}–{end} is not inside the text (0–{len(document.text)}): "
                           "select some text first", field="start")
    return start, end


@require_POST
@role_required(CODER, RESEARCHER)
@json_errors
def add_segments(request, pk):
    document = document_for(request.user, pk)
    data = read_json(request)
    start, end = checked_span(document, data)
    ids = [int(c) for c in data.get("codes") or [] if str(c).isdigit()]
    codes = list(Code.objects.filter(pk__in=ids, codable=True))
    if not codes or len(codes) != len(set(ids)):
        raise CitydipError("QDA-E052", "choose one or more codes (codable ones) to apply", field="codes")
    with transaction.atomic():
        made = [Segment.objects.get_or_create(document=document, start=start, end=end, code=code,
                                              coder=request.user, defaults={"created": timezone.now()})[0]
                for code in codes]
    record(request.user, "qda.code", document, start=start, end=end, codes=[c.pk for c in codes])
    return JsonResponse({"ok": True, "segments": [segment_json(s, request.user) for s in made]}, status=201)


@require_POST
@role_required(CODER, RESEARCHER)
@json_errors
def delete_segment(request, pk):
    segment = get_object_or_404(Segment.objects.usable(), pk=pk)
    document_for(request.user, segment.document_id)
    if segment.coder_id != request.user.pk:
        raise CitydipError("QDA-E053", "only the coder who applied a code can remove it")
    record(request.user, "qda.uncode", segment.document, start=segment.start, end=segment.end, code=segment.code_id)
    segment.delete()
    return JsonResponse({"ok": True})


def memo_target(request, data):
    target, target_id = data.get("target"), data.get("target_id")
    if target == "document":
        return {"document": document_for(request.user, target_id)}
    if target == "code":
        return {"code": get_object_or_404(Code, pk=target_id)}
    if target == "segment":
        segment = get_object_or_404(Segment.objects.usable(), pk=target_id)
        document_for(request.user, segment.document_id)
        return {"segment": segment}
    raise CitydipError("QDA-E054", "a memo belongs to a document, a code or a segment", field="target")


@require_POST
@role_required(CODER, RESEARCHER)
@json_errors
def add_memo(request):
    data = read_json(request)
    text = (data.get("text") or "").strip()
    if not text:
        raise CitydipError("QDA-E055", "write the memo text first", field="text")
    target = memo_target(request, data)
    memo = Memo.objects.create(author=request.user, text=text, title=(data.get("title") or "")[:200],
                               created=timezone.now(), **target)
    return JsonResponse({"ok": True, "memo": memo_json(memo)}, status=201)


def coder_choices(document):
    User = get_user_model()
    ids = set(document.segments.values_list("coder", flat=True)) | set(
        document.assignments.values_list("coder", flat=True))
    return list(User.objects.filter(pk__in=ids).order_by("username"))
