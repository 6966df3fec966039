"""Shared fixtures: the four personas of the project and small helpers.

Personas (cf. healthchecks' Alice/Bob/Charlie): ``admin_user``, ``researcher``, ``fieldworker``,
``coder`` and ``outsider`` (logged in, no role). ``client_for(user)`` gives a logged-in test client.
"""
import shutil

import pytest
from django.test import Client

from citydip.core.management.commands.user import create_user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas' passwords are never used for real; a fast hasher keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_token_throttle():
    """Each test starts with no client remembered as clean (core/throttle.py keeps that per process)."""
    from citydip.core import throttle

    throttle._clean_until.clear()


@pytest.fixture(autouse=True)
def jobs_dir(settings, tmp_path_factory):
    """Each test's job folders in a scratch folder of its own."""
    settings.CITYDIP_JOBS_DIR = tmp_path_factory.mktemp("jobs")
    return settings.CITYDIP_JOBS_DIR


@pytest.fixture(scope="session", autouse=True)
def data_root(tmp_path_factory):
    """The team's data folder (the translations' overlay) in a scratch folder, its locale folder first in
    LOCALE_PATHS as settings.py puts it; set once (a change of LOCALE_PATHS empties Django's catalogues)."""
    from django.conf import settings
    from django.test import override_settings

    root = tmp_path_factory.mktemp("data")
    override = override_settings(CITYDIP_DATA_DIR=root,
                                 LOCALE_PATHS=[root / "translations" / "locale", *settings.LOCALE_PATHS[1:]])
    override.enable()
    yield root
    override.disable()


@pytest.fixture(autouse=True)
def data_dir(data_root):
    """Each test starts with an empty data folder (and catalogues without an earlier test's overlay)."""
    folder = data_root / "translations"
    if folder.exists():
        shutil.rmtree(folder)
        from citydip.survey.translation_units import reset_translation_cache

        reset_translation_cache()
    return data_root


def make_user(username, role=None):
    from django.contrib.auth.models import User

    if role is None:
        return User.objects.create_user(username, password="not-used-in-tests")
    create_user(username, role)
    return User.objects.get(username=username)


@pytest.fixture
def admin_user(db):
    return make_user("alice_admin", "admin")


@pytest.fixture
def researcher(db):
    return make_user("rita_researcher", "researcher")


@pytest.fixture
def fieldworker(db):
    return make_user("fred_fieldworker", "fieldworker")


@pytest.fixture
def coder(db):
    return make_user("cora_coder", "coder")


@pytest.fixture
def outsider(db):
    return make_user("oscar_outsider")


@pytest.fixture
def client_for(db):
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


# --- Browser tests -----------------------------------------------------------------------------
# Playwright drives the machine's Chromium (Debian package, installed by `make test` when missing).
# Its sync API runs an event loop in the test thread, so Django's async-safety guard is relaxed
# for the tests only.
import os  # noqa: E402
import shutil  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def logged_in_page(browser, live_server):
    """``logged_in_page(user)``: a browser page with a session cookie of ``user`` on the live server."""
    from django.conf import settings
    from django.test import Client

    contexts = []

    def make(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value,
                              "url": live_server.url}])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "test-artifacts")


@pytest.fixture
def artifact_path():
    """Where a test keeps a screenshot or other artefact (test-artifacts/, ignored by git)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    return lambda name: os.path.join(ARTIFACTS, name)
