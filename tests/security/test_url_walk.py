"""Every URL pattern of the project, asked by an anonymous visitor and by each persona.

The expected table below is the access policy (docs/reliability.md, "Access table"); a URL pattern
that is not in it fails the walk, so a new page cannot ship without a decision on who may see it.
Each page is requested with GET (POST when it only takes POST) and its converters are filled with
real objects (tests/security/world.py). Every HTML page rendered on the way is also checked for the
security headers and for inline scripts, event handlers and style attributes (the CSP forbids them).
"""
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.world import build_world, url_kwargs

ANON, ADMIN, RES, FIELD, CODER, OUT = "anonymous", "admin", "researcher", "fieldworker", "coder", "outsider"
PERSONAS = (ADMIN, RES, FIELD, CODER, OUT)
ROLES = {ADMIN, RES, FIELD, CODER}
RESEARCH = {ADMIN, RES}
FIELDWORK = {ADMIN, RES, FIELD}
CODING = {ADMIN, RES, CODER}
EVERYONE = set(PERSONAS)
PUBLIC = "public"  # answers without login (token pages answer only to a valid token)

# url name -> (anonymous gets the page: PUBLIC, or a login redirect: None), personas allowed
EXPECTED = {
    "home": (None, EVERYONE), "healthz": (PUBLIC, EVERYONE), "login": (PUBLIC, EVERYONE),
    "logout": (None, EVERYONE), "set_language": (None, EVERYONE),
    "frame:city-list": (None, ROLES), "frame:index": (None, ROLES), "frame:city-detail": (None, ROLES),
    "frame:versions": (None, ROLES), "frame:build": (None, RESEARCH),
    "gazetteer:index": (None, ROLES), "gazetteer:suggest": (None, ROLES), "gazetteer:place": (None, ROLES),
    "partnerships:index": (None, ROLES), "partnerships:review": (None, RESEARCH),
    "partnerships:review-decide": (None, RESEARCH), "partnerships:review-undo": (None, RESEARCH),
    "partnerships:add": (None, RESEARCH), "partnerships:partnership": (None, RESEARCH),
    "partnerships:end": (None, RESEARCH),
    "survey:index": (None, RESEARCH), "survey:wave": (None, RESEARCH), "survey:response": (None, RESEARCH),
    "survey:pilot": (None, RESEARCH), "survey:preview-language": (None, RESEARCH),
    "survey:pilot-clear": (None, RESEARCH), "survey:form-upload": (None, RESEARCH),
    "survey:wave-create": (None, RESEARCH), "survey:study-settings": (None, RESEARCH),
    "survey:respond": (PUBLIC, EVERYONE), "survey:review": (PUBLIC, EVERYONE), "survey:done": (PUBLIC, EVERYONE),
    "survey:suggest": (PUBLIC, EVERYONE), "survey:privacy": (PUBLIC, EVERYONE),
    "survey:translations": (None, RESEARCH), "survey:translations-download": (None, RESEARCH),
    "survey:translations-instrument": (None, RESEARCH),
    "api:openapi": (PUBLIC, EVERYONE), "api:response": (PUBLIC, EVERYONE),
    "fieldwork:index": (None, FIELDWORK), "fieldwork:non-respondents": (None, FIELDWORK),
    "fieldwork:todo": (None, FIELDWORK), "fieldwork:city": (None, FIELDWORK),
    "fieldwork:set-status": (None, FIELDWORK), "fieldwork:contact-action": (None, FIELDWORK),
    "fieldwork:event-done": (None, FIELDWORK), "fieldwork:templates": (None, FIELDWORK),
    "fieldwork:template": (None, FIELDWORK), "fieldwork:letters": (None, FIELDWORK),
    "fieldwork:contact-edit": (None, FIELDWORK), "fieldwork:contact-add": (None, FIELDWORK),
    "fieldwork:contacts-import": (None, FIELDWORK), "fieldwork:send-invitations": (None, FIELDWORK),
    "fieldwork:send-reminders": (None, FIELDWORK), "fieldwork:test-message": (None, FIELDWORK),
    "fieldwork:optout": (PUBLIC, EVERYONE), "fieldwork:privacy": (PUBLIC, EVERYONE),
    "mapping:index": (None, ROLES), "mapping:data": (None, ROLES), "mapping:switch-public": (None, RESEARCH),
    "mapping:public": (PUBLIC, EVERYONE), "mapping:public-data": (PUBLIC, EVERYONE),
    "analysis:index": (None, RESEARCH), "analysis:run-file": (None, RESEARCH),
    "qda:index": (None, CODING), "qda:interview-new": (None, RESEARCH), "qda:interview": (None, RESEARCH),
    "qda:interview-edit": (None, RESEARCH), "qda:interview-withdraw": (None, RESEARCH),
    "qda:document-new": (None, RESEARCH), "qda:workbench": (None, CODING), "qda:document-assign": (None, RESEARCH),
    "qda:api-coding": (None, CODING), "qda:api-add-segments": (None, CODING),
    "qda:api-delete-segment": (None, CODING), "qda:api-add-memo": (None, CODING),
    "qda:codebook": (None, CODING), "qda:codebook-export": (None, CODING), "qda:codebook-import": (None, RESEARCH),
    "qda:project-export": (None, RESEARCH), "qda:reliability": (None, RESEARCH), "qda:resolve": (None, RESEARCH),
    "reports:index": (None, RESEARCH), "reports:build-report": (None, RESEARCH),
    "reports:build-deposit": (None, RESEARCH), "reports:export": (None, RESEARCH),
    "analysis:run": (None, RESEARCH), "mapping:build": (None, RESEARCH),
    "qda:officials": (None, RESEARCH),
    "cases:index": (None, RESEARCH), "cases:case": (None, RESEARCH), "cases:status": (None, RESEARCH),
    "cases:event-add": (None, RESEARCH), "cases:visit-add": (None, RESEARCH), "cases:chapter": (None, RESEARCH),
    "cases:compare": (None, RESEARCH), "cases:qca": (None, RESEARCH),
    # the world's job is a contact list (personal data): never for coders
    "jobs:list": (None, ROLES), "jobs:detail": (None, FIELDWORK), "jobs:progress": (None, FIELDWORK),
    "jobs:cancel": (None, FIELDWORK), "jobs:restart": (None, FIELDWORK), "jobs:file": (None, FIELDWORK),
    "qda:queries": (None, RESEARCH), "qda:quotes": (None, RESEARCH), "qda:quotes-download": (None, RESEARCH),
}


def url_names(resolver=None, namespace=""):
    """(name, pattern text) of every named URL pattern below ``resolver``, admin's aside."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"URL pattern {entry.pattern} has no name"
            yield namespace + entry.name, str(entry.pattern)


def admin_urls():
    """The admin's own pages and every registered model's list and add pages."""
    from django.contrib import admin

    urls = ["/admin/"]
    for model in admin.site._registry:
        urls += [f"/admin/{model._meta.app_label}/{model._meta.model_name}/",
                 f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"]
    return urls


@pytest.fixture
def personas(admin_user, researcher, fieldworker, coder, outsider):
    clients = {ANON: Client()}
    for name, user in zip(PERSONAS, (admin_user, researcher, fieldworker, coder, outsider)):
        client = Client()
        client.force_login(user)
        clients[name] = client
    return clients


def ask(client, url):
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")


def test_every_url_pattern_is_in_the_access_table():
    names = {name for name, _ in url_names()}
    assert names - set(EXPECTED) == set(), "new URL patterns: decide who may see them in EXPECTED"
    assert set(EXPECTED) - names == set(), "the table names URLs that no longer exist"


def test_every_url_answers_each_persona_as_the_table_says(personas, tmp_path):
    world = build_world(tmp_path)
    wrong, pages = [], []
    for name, _ in sorted(url_names(), key=lambda n: (n[0] == "logout", n[0])):  # logout last: it ends sessions
        public, allowed = EXPECTED[name]
        url = reverse(name, kwargs=url_kwargs(name, world))
        for persona, client in personas.items():
            response = ask(client, url)
            verdict = judge(response, persona, public, allowed)
            if verdict:
                wrong.append(f"{persona:<11} {url}: {verdict}")
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                pages.append((url, response))
    assert wrong == [], "\n".join(wrong)
    problems = [f"{url}: {p}" for url, response in pages for p in page_problems(response)]
    assert problems == [], "\n".join(problems[:60])
    assert len(pages) > 100


def judge(response, persona, public, allowed):
    """What is wrong with ``response`` for ``persona`` (None when it is as expected)."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if persona == ANON:
        if public is None and not is_login_redirect(response):
            return f"anonymous got {status} instead of the login page"
        if public is not None and is_login_redirect(response):
            return "a public page asks for login"
        return None
    if persona in allowed and (status == 403 or is_login_redirect(response)):
        return f"refused ({status}) although the role may see it"
    if persona not in allowed and status != 403:
        return f"got {status} although the role may not see it"
    return None


def test_the_admin_is_for_admins_only(personas):
    """Researchers are staff (they may be given model permissions) but hold none by default."""
    for url in admin_urls():
        for persona, client in personas.items():
            status = client.get(url).status_code
            if persona == ADMIN:
                assert status in (200, 403), f"{url}: {status}"  # 403: models that are read-only or add-less
            elif persona == RES:
                assert status == (200 if url == "/admin/" else 403), f"researcher {url}: {status}"
            else:
                response = client.get(url)
                assert status == 302 and "login/?next=" in response["Location"], f"{persona} {url}: {status}"


# -- headers and the content security policy ----------------------------------------------------
class InlineCode(HTMLParser):
    """Finds what the CSP forbids: inline <script>, on* handlers, style="" attributes, <style> blocks."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/json":
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.found.append(f"<style> block at line {self.getpos()[0]}")
        for name, _ in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")
        href = attributes.get("href") or ""
        if href.strip().lower().startswith("javascript:"):
            self.found.append(f"javascript: link at line {self.getpos()[0]}")


SECURITY_HEADERS = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
                    "Cross-Origin-Opener-Policy": "same-origin"}


def page_problems(response):
    problems = [f"{h} is {response.get(h)!r}" for h, v in SECURITY_HEADERS.items() if response.get(h) != v]
    csp = response.get("Content-Security-Policy", "")
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                      "object-src 'none'"):
        if directive not in csp:
            problems.append(f"CSP lacks {directive}")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append("CSP allows unsafe code")
    parser = InlineCode()
    parser.feed(response.content.decode("utf-8", "replace"))
    return problems + parser.found


def test_the_inline_code_finder_finds_what_the_policy_forbids():
    parser = InlineCode()
    parser.feed('<script>alert(1)</script><a onclick="x()" style="color:red" href="javascript:x()">x</a>'
                '<script src="/static/a.js"></script><script type="application/json" id="d">{}</script>')
    assert len(parser.found) == 4
