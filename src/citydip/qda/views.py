"""Pages: overview, interviews with consent, documents and the coding workbench, the codebook."""
import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.roles import CODER, RESEARCHER, role_required
from citydip.qda.access import document_for, is_researcher, visible_documents
from citydip.qda.api import coder_choices
from citydip.qda.forms import AssignForm, CodeForm, DocumentUploadForm, InterviewForm, UploadForm
from citydip.qda.models import DocumentAssignment, Interview, Memo, codes_in_tree_order


@role_required(CODER, RESEARCHER)
def index(request):
    from citydip.qda.reliability import reliability

    documents = visible_documents(request.user).select_related("interview", "interview__city", "city", "case__city")
    context = {"documents": documents, "codes": codes_in_tree_order(), "researcher": is_researcher(request.user)}
    if context["researcher"]:
        context["interviews"] = Interview.objects.select_related("city").order_by("withdrawn_at", "pseudonym")
        context["overall"] = reliability().overall
    return render(request, "qda/index.html", context)


@role_required(RESEARCHER)
def interview_edit(request, pk=None):
    interview = get_object_or_404(Interview, pk=pk) if pk else None
    form = InterviewForm(request.POST or None, instance=interview)
    if request.method == "POST" and form.is_valid():
        interview = form.save()
        record(request.user, "qda.interview.save", interview)
        messages.success(request, gettext("%(interview)s saved.") % {"interview": interview})
        return redirect("qda:interview", pk=interview.pk)
    return render(request, "qda/interview_form.html", {"form": form, "interview": interview})


@role_required(RESEARCHER)
def interview_detail(request, pk):
    interview = get_object_or_404(Interview.objects.select_related("city"), pk=pk)
    record(request.user, "qda.view", interview)
    return render(request, "qda/interview_detail.html", {"interview": interview,
                                                         "documents": interview.documents.all()})


@require_POST
@role_required(RESEARCHER)
def interview_withdraw(request, pk):
    interview = get_object_or_404(Interview, pk=pk)
    if request.POST.get("undo") == "1":
        interview.withdrawn_at = None
    else:
        interview.withdrawn_at = interview.withdrawn_at or timezone.now()
    interview.save(update_fields=["withdrawn_at"])
    record(request.user, "qda.withdraw" if interview.withdrawn_at else "qda.reinstate", interview)
    return redirect("qda:interview", pk=pk)


@role_required(RESEARCHER)
def document_upload(request):
    from citydip.qda.documents import CASE_DOCUMENT_FIELDS, import_document

    form = DocumentUploadForm(request.POST or None, request.FILES or None,
                              initial={"interview": request.GET.get("interview"), "case": request.GET.get("case"),
                                       "kind": "case_document" if request.GET.get("case") else "transcript"})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        interview, city = form.cleaned_data["interview"], form.cleaned_data["city"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.read())
            try:
                document = import_document(path, interview_id=interview.pk if interview else None,
                                           city_id=city.pk if city else None,
                                           title=form.cleaned_data["title"] or None, kind=form.cleaned_data["kind"],
                                           case=form.cleaned_data["case"], user=request.user,
                                           **{name: form.cleaned_data[name] for name in CASE_DOCUMENT_FIELDS})
            except CitydipError as error:
                form.add_error("file", str(error))
                return render(request, "qda/document_form.html", {"form": form}, status=400)
        record(request.user, "qda.import", document, file=upload.name)
        return redirect("qda:workbench", pk=document.pk)
    return render(request, "qda/document_form.html", {"form": form})


@role_required(CODER, RESEARCHER)
def workbench(request, pk):
    document = document_for(request.user, pk)
    record(request.user, "qda.view", document)
    researcher = is_researcher(request.user)
    codes = codes_in_tree_order()
    return render(request, "qda/workbench.html", {
        "document": document, "codes": codes, "researcher": researcher,
        "coders": sorted(set(coder_choices(document)) | {request.user}, key=lambda u: u.username)
        if researcher else [request.user],
        "code_data": [{"id": c.pk, "name": c.path(), "colour": c.colour, "codable": c.codable} for c in codes],
        "assign_form": AssignForm() if researcher else None,
        "assigned": document.assignments.select_related("coder") if researcher else [],
    })


@require_POST
@role_required(RESEARCHER)
def document_assign(request, pk):
    document = document_for(request.user, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        DocumentAssignment.objects.get_or_create(document=document, coder=form.cleaned_data["coder"])
        record(request.user, "qda.assign", document, coder=form.cleaned_data["coder"].username)
    return redirect("qda:workbench", pk=pk)


@role_required(CODER, RESEARCHER)
def codebook(request):
    researcher = is_researcher(request.user)
    form = CodeForm(request.POST or None) if researcher else None
    if researcher and request.method == "POST" and form.is_valid():
        code = form.save()
        messages.success(request, gettext("Code %(code)s added.") % {"code": code.path()})
        return redirect("qda:codebook")
    return render(request, "qda/codebook.html", {
        "codes": codes_in_tree_order(), "form": form, "upload": UploadForm() if researcher else None,
        "memos": Memo.objects.filter(code__isnull=False).select_related("code", "author")})


@role_required(CODER, RESEARCHER)
def codebook_export(request):
    from citydip.qda.refi.codebook import export_codebook

    try:
        xml_text = export_codebook()
    except CitydipError as error:
        messages.error(request, str(error))
        return redirect("qda:codebook")
    record(request.user, "qda.export", None, format="qdc")
    response = HttpResponse(xml_text, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="codebook.qdc"'
    return response


@require_POST
@role_required(RESEARCHER)
def codebook_import(request):
    from citydip.qda.refi.codebook import import_codebook

    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(form.cleaned_data["file"].name).name
            path.write_bytes(form.cleaned_data["file"].read())
            try:
                codes = import_codebook(path)
                messages.success(request, ngettext("%(n)d code read.", "%(n)d codes read.", len(codes)) % {"n": len(codes)})
            except CitydipError as error:
                messages.error(request, str(error))
    return redirect("qda:codebook")


@role_required(RESEARCHER)
def project_export(request):
    from citydip.qda.refi.project import exported_documents, write_qdpx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "citydip.qdpx"
        counts = write_qdpx(path)
        content = path.read_bytes()
    record(request.user, "qda.export", None, format="qdpx", documents=exported_documents(), **counts)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="citydip.qdpx"'
    return response


@role_required(RESEARCHER)
def officials(request):
    """EU officials' interviews by institution, and their themes with consented quotations."""
    from citydip.qda.officials import eu_view

    return render(request, "qda/officials.html", eu_view())
