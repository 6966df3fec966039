"""Pages that analyse the coding: reliability with disagreements, queries, the quote bank."""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.roles import RESEARCHER, role_required
from citydip.qda import queries
from citydip.qda.forms import ReliabilityForm
from citydip.qda.models import Code, Document, Resolution, Segment, codes_in_tree_order
from citydip.qda.quotes import quote_bank, quotes_docx, quotes_markdown
from citydip.qda.reliability import reliability


@role_required(RESEARCHER)
def reliability_page(request):
    form = ReliabilityForm(request.GET or None)
    options = form.cleaned_data if form.is_valid() else {"unit": "paragraph", "uncoded": "include",
                                                         "level": "nominal", "coders": None}
    report = reliability(unit_kind=options["unit"], include_uncoded=options["uncoded"] == "include",
                         level=options["level"], coders=list(options["coders"] or []) or None)
    return render(request, "qda/reliability.html", {"form": form if form.is_bound else ReliabilityForm(),
                                                    "report": report, "options": options})


@require_POST
@role_required(RESEARCHER)
def resolve(request):
    document = get_object_or_404(Document.objects.usable(), pk=request.POST.get("document"))
    code = get_object_or_404(Code, pk=request.POST.get("code"))
    chosen = get_object_or_404(get_user_model(), pk=request.POST.get("coder"))
    try:
        start, end = int(request.POST.get("start")), int(request.POST.get("end"))
    except (TypeError, ValueError):
        raise Http404("no such unit") from None
    # the chosen coder's version: did they apply the code anywhere in this unit?
    applies = Segment.objects.filter(document=document, code=code, coder=chosen, start__lt=end, end__gt=start).exists()
    Resolution.objects.update_or_create(
        document=document, code=code, unit_kind=request.POST.get("unit_kind", "paragraph")[:20],
        start=start, end=end,
        defaults={"applies": applies, "chosen_coder": chosen, "note": request.POST.get("note", "")[:2000],
                  "decided_by": request.user})
    record(request.user, "qda.resolve", document, code=code.pk, chosen=chosen.username, applies=applies)
    text = (gettext("Resolved: %(code)s applies (%(who)s's version).") if applies
            else gettext("Resolved: %(code)s does not apply (%(who)s's version)."))
    messages.success(request, text % {"code": code.path(), "who": chosen.username})
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/qda/") else "qda:reliability")


@role_required(RESEARCHER)
def queries_page(request):
    by_institution = queries.frequencies_by(queries.institution_of)
    by_city = queries.frequencies_by(queries.city_of)
    codes, cases = queries.code_case_matrix()
    return render(request, "qda/queries.html", {
        "by_institution": by_institution, "by_city": by_city, "pairs": queries.co_occurrence(),
        "case_codes": codes, "cases": cases, "variables": queries.CASE_VARIABLES})


@role_required(RESEARCHER)
def quotes_page(request):
    codes = codes_in_tree_order()
    code = Code.objects.filter(pk=request.GET.get("code")).first() if request.GET.get("code", "").isdigit() else None
    quotes = quote_bank(code) if code else []
    if code:
        record(request.user, "qda.view", code, page="quotes", quotes=len(quotes))
    return render(request, "qda/quotes.html", {"codes": codes, "code": code, "quotes": quotes})


@role_required(RESEARCHER)
def quotes_download(request, pk, fmt):
    if fmt not in ("md", "docx"):
        raise Http404("quotations come as .md or .docx")
    code = get_object_or_404(Code, pk=pk)
    quotes = quote_bank(code)
    record(request.user, "qda.export", code, format=fmt, quotes=len(quotes))
    name = f"quotes-{code.name.replace(' ', '-')}"
    if fmt == "docx":
        response = HttpResponse(quotes_docx(code, quotes), content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    else:
        response = HttpResponse(quotes_markdown(code, quotes), content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.md"'
    return response
