"""The web form a city official opens from a personal link: no login, the token is the authentication.

GOV.UK patterns (DESIGN.md): one topic per page, an error summary that links to each field, a
"check your answers" page, a confirmation page. Every page is saved when it is left (also with
"Back" or an added or removed repeat entry) and, with JavaScript, whenever an answer changes and
before a language switch, so closing the browser loses nothing; the link resumes at the last page. Server-side validation
(the form engine) is the truth; a wrong and a revoked token get the same 404 page.
"""
from functools import cached_property

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from citydip.core.errors import CitydipError
from citydip.core.throttle import throttle_token_failures
from citydip.gazetteer.match import suggest
from citydip.survey import sheets
from citydip.survey.api import error_response
from citydip.survey.models import Response
from citydip.survey.page_fields import PageBuilder, PostReader, change_entries, field_id, page_names
from citydip.survey.page_flow import Flow, page_key, page_nodes, page_title
from citydip.survey.respond_answers import ValidationFailed, finalise_answers, page_errors, prune_page_values
from citydip.survey.respondent_language import browser_languages, first_language, interface_language
from citydip.survey.responses import AlreadySubmitted, merge_answers
from citydip.survey.review import answer_rows, load_wave_form
from citydip.survey.study_settings import values as study_values
from citydip.survey.xlsform import validate_all

# Respondent-facing strings of templates outside this app (base.html's skip link, core's 429 page)
# and the study's form titles: their translations live in this app's catalogue.
SHARED_STRINGS = (
    pgettext_lazy("respondent", "Skip to content"),
    pgettext_lazy("respondent", "Too many wrong links"),
    pgettext_lazy("respondent", "Too many wrong links came from your address. Wait a moment, then open the "
                                "link from your letter or e-mail again."),
    pgettext_lazy("respondent", "EU–China city cooperation survey"),
)


class Visit:
    """One request of a respondent: the link's sheet (a city's response, a pilot or a preview, see
    ``sheets.py``), its form and the chosen language."""

    def __init__(self, request, sheet):
        self.request, self.sheet = request, sheet
        self.response = sheet.response
        self.form = load_wave_form(self.response.wave)
        self.token = request.resolver_match.kwargs["token"]
        self.lang = self.choose_language(request.GET.get("lang") or request.POST.get("lang"))

    def choose_language(self, asked):
        """See respondent_language: address, earlier answers, invitation, country, browser, default."""
        response = self.response
        city = getattr(response, "city", None)
        country = (city.country.languages if city is not None and city.country_id else []) or []
        answered = response.language if response.state != Response.State.NOT_STARTED else ""
        return first_language(self.form.languages, asked=asked, answered=answered,
                              invitation=self.sheet.language or response.language, country=country,
                              browser=browser_languages(self.request), default=self.form.default_language)

    @cached_property
    def pages(self):
        """The form's pages, built once for the request and shared by its Flows."""
        return list(self.form.pages())

    def flow(self, answers=None):
        """The pages for these answers (default: the stored ones)."""
        return Flow(self.form, self.response.answers if answers is None else answers, self.pages)

    @property
    def ui_language(self):
        return interface_language(self.lang or "en")

    def url(self, name="survey:respond", **params):
        params = {"lang": self.lang, **params}
        return self._path(name) + "?" + urlencode({k: v for k, v in params.items() if v})

    def _path(self, name):
        """The view's path for this token, reversed once per request (a page links every language)."""
        paths = self.__dict__.setdefault("_paths", {})
        if name not in paths:
            paths[name] = reverse(name, args=[self.token])
        return paths[name]

    def context(self, **extra):
        keep = extra.pop("lang_params", {})  # e.g. the page, so a language switch stays on it
        languages = [{"code": c, "name": self.form.language_names.get(c, c), "url": self.url(lang=c, **keep)}
                     for c in self.form.languages]
        return {"visit": self, "form": self.form, "response": self.response, "lang": self.lang,
                "languages": languages, "title": form_title(self.form),
                "privacy_url": reverse("survey:privacy") + "?" + urlencode({"lang": self.lang}),
                "city": self.response.city, **extra}


def form_title(form):
    """The form's title in the interface language, when the catalogue knows it (XLSForm has one title)."""
    title = form.title or form.form_id
    return pgettext("respondent", title) if title else title


def with_visit(view):
    """Resolve the token (404 page otherwise) and render in the respondent's language."""
    @login_not_required
    @throttle_token_failures
    def wrapped(request, token, *args, **kwargs):
        sheet = sheets.resolve(request, token)
        if sheet is None:
            with translation.override(_ui_language_of(request)):
                result = render(request, "survey/respond_404.html", status=404)
        else:
            visit = Visit(request, sheet)
            with translation.override(visit.ui_language):
                result = view(request, visit, *args, **kwargs)
        add_never_cache_headers(result)  # answers are personal: no copy in any cache
        result["X-Robots-Tag"] = "noindex"
        return result
    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _ui_language_of(request):
    """A page without a token: ``?lang``, else the browser's language (LocaleMiddleware's choice)."""
    code = (request.GET.get("lang") or "").lower()
    return interface_language(code) if code else interface_language(translation.get_language_from_request(request))


@login_not_required
@require_GET
def privacy(request):
    """The survey's privacy notice, in the respondent's language; it names the study settings."""
    lang = _ui_language_of(request)
    with translation.override(lang):
        result = render(request, "survey/privacy.html", {
            "study": study_values(), "title": pgettext("respondent", "EU–China city cooperation survey"),
            "lang": lang, "languages": _language_links(request, "survey:privacy"), "privacy_url": ""})
    result["Content-Language"] = lang
    return result


def _language_links(request, name):
    return [{"code": code, "name": name_local, "url": reverse(name) + "?" + urlencode({"lang": code})}
            for code, name_local in settings.LANGUAGES]


@with_visit
@require_http_methods(["GET", "POST"])
def respond(request, visit):
    if visit.response.state == Response.State.COMPLETE:
        return render_submitted(request, visit)
    flow = visit.flow()
    if request.method == "POST":
        return post_page(request, visit, flow)
    page = flow.get(request.GET.get("page", "")) or flow.get(visit.response.current_page) or flow.first()
    if page is None:
        return redirect(visit.url("survey:review"))
    return render_page(request, visit, flow, page)


def render_page(request, visit, flow, page, errors=None, raw=None, answers=None, status=200):
    answers = visit.response.answers if answers is None else answers
    builder = PageBuilder(visit.form, answers, visit.lang, errors, raw)
    items = builder.items(page_nodes(page))
    number, total = flow.position(page)
    summary = error_summary(items, errors or {})
    return_to = RETURN_TO_REVIEW if RETURN_TO_REVIEW in (request.GET.get("return"), request.POST.get("return")) else ""
    context = visit.context(page=page, page_key=page_key(page), items=items, errors=summary,
                            page_title=page_title(visit.form, page, visit.lang), number=number, total=total,
                            previous=flow.previous(page), answers=answers, return_to=return_to,
                            lang_params={"page": page_key(page), "return": return_to},
                            instances=builder.instances(page_nodes(page)), calculations=builder.calculations())
    return render(request, "survey/respond_page.html", context, status=status)


def error_summary(items, errors):
    """``[{"message", "anchor"}]`` in page order, each linking to its field (GOV.UK error summary)."""
    anchors = {}

    def collect(items):
        for item in items:
            if item["kind"] == "question":
                anchors[item["path"]] = item["anchor"]
            for child in item.get("items", []):
                collect([child])
            for entry in item.get("entries", []):
                collect(entry["items"])
    collect(items)
    ordered = [p for p in anchors if p in errors] + [p for p in errors if p not in anchors]
    return [{"message": errors[p], "anchor": anchors.get(p, "main")} for p in ordered]


def post_page(request, visit, flow):
    """Save the posted page, then go where its button says: next, back, the same page (add/remove,
    errors) or, after the last page, the review. ``action=save`` is form.js saving in the background."""
    page = flow.get(request.POST.get("page", "")) or flow.first()
    if page is None:
        return redirect(visit.url("survey:review"))
    action = request.POST.get("action", "next")
    posted = PostedPage(visit, page, request.POST, action)
    flow = visit.flow(posted.answers)
    if action == "back":
        target = flow.previous(page) or page
    elif posted.changed or action == "save" or posted.errors:
        target = page
    else:
        target = flow.next(page)
    try:
        visit.sheet.save(posted.names, posted.values, page=page_key(target or page), language=visit.lang)
    except AlreadySubmitted:
        return redirect(visit.url())
    if action == "save":
        return HttpResponse(status=204)
    if posted.changed:
        return redirect(visit.url(page=page_key(page)) + "#" + field_id(action.partition(":")[2].split("[")[0]))
    if posted.errors and action != "back":
        return render_page(request, visit, flow, page, posted.errors, posted.raw, posted.answers)
    if request.POST.get("return") == RETURN_TO_REVIEW and action == "next":
        return redirect(back_to_review(visit, posted.answers))
    return redirect(visit.url(page=page_key(target)) if target else visit.url("survey:review"))


RETURN_TO_REVIEW = "review"


def back_to_review(visit, answers):
    """Where "Save and continue" leads after "Change" on the check page: back to the check page, or,
    when the change made other answers necessary (e.g. a new branch), to the first page that needs
    one, still on the way back to the check page."""
    tops = {path.split(".")[0].split("[")[0] for path in validate_all(visit.form, answers, visit.lang)}
    for page in visit.flow(answers).relevant:
        if tops & set(page_names(page_nodes(page))):
            return visit.url(page=page_key(page), **{"return": RETURN_TO_REVIEW})
    return visit.url("survey:review")


class PostedPage:
    """What a posted page says: its answers (read, entries added or removed, skipped ones pruned),
    the answer keys it owns, the whole response as it would be, and its errors."""

    def __init__(self, visit, page, post, action):
        reader = PostReader(post, visit.lang)
        values = reader.read(page_nodes(page))
        self.changed = change_entries(values, action)
        self.names = page_names(page_nodes(page))
        stored = visit.response.answers
        self.values = prune_page_values(visit.form, page, self.names, merge_answers(stored, self.names, values))
        self.answers = merge_answers(stored, self.names, self.values)
        self.raw = reader.raw
        self.errors = {**page_errors(visit.form, page, self.answers, visit.lang), **reader.errors}


@with_visit
@require_http_methods(["GET", "POST"])
def review(request, visit):
    """Check your answers, then submit: the whole response is validated again under the row lock."""
    if visit.response.state == Response.State.COMPLETE:
        return redirect(visit.url())
    errors = {}
    if request.method == "POST":
        try:
            visit.sheet.submit(lambda answers: finalise_answers(visit.form, answers, visit.lang), visit.lang)
            return redirect(visit.url("survey:done"))
        except AlreadySubmitted:
            return redirect(visit.url())
        except ValidationFailed as failure:
            errors = failure.by_path
    return render_review(request, visit, errors)


def render_review(request, visit, errors):
    answers = visit.response.answers
    flow = visit.flow(answers)
    sections = []
    for page in flow.relevant:
        rows = answer_rows(visit.form, answers, visit.lang, page_nodes(page))
        sections.append({"title": page_title(visit.form, page, visit.lang), "rows": rows,
                         "change_url": visit.url(page=page_key(page), **{"return": RETURN_TO_REVIEW})})
    summary = [{"message": message, "anchor": _page_anchor(visit, flow, path)} for path, message in errors.items()]
    context = visit.context(sections=sections, errors=summary, review_url=visit.url("survey:review"))
    return render(request, "survey/respond_review.html", context, status=200)


def _page_anchor(visit, flow, path):
    """The page that holds a field path, as a link to change it."""
    top = path.split(".")[0].split("[")[0]
    for page in flow.relevant:
        if top in page_names(page_nodes(page)):
            return visit.url(page=page_key(page)) + "#" + field_id(path)
    return visit.url()


@with_visit
@require_GET
def done(request, visit):
    if visit.response.state != Response.State.COMPLETE:
        return redirect(visit.url())
    return render(request, "survey/respond_done.html", visit.context())


def render_submitted(request, visit):
    rows = answer_rows(visit.form, visit.response.answers, visit.lang)
    return render(request, "survey/respond_submitted.html", visit.context(rows=rows))


# -- place suggestions for the partner-city field -----------------------------------------------
@login_not_required
@require_GET
@throttle_token_failures
def suggest_places(request, token):
    """Places matching what the official types (JSON); the token protects the gazetteer from the world."""
    if sheets.resolve(request, token) is None:
        return error_response(CitydipError("SURVEY-E204", "no response has this token (or it was revoked)"), 404)
    text = request.GET.get("q", "")[:100]
    results = suggest(text, limit=8) if len(text.strip()) >= 2 else []
    return JsonResponse({"ok": True, "query": text, "results": list(results)})
