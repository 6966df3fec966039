"""Django settings for citydip: every setting is read here, from the environment, and nowhere else.

Any variable NAME may instead be given as NAME_FILE, the path of a file holding the value: use that for
secrets (SECRET_KEY_FILE, EMAIL_HOST_PASSWORD_FILE, CITYDIP_IMAP_PASSWORD_FILE, a DATABASE_URL_FILE
with a password) so they stay out of the process environment. The code reads ``django.conf.settings``.

DATABASE_URL    database (default: SQLite file ``citydip.sqlite3`` in the working directory, WAL mode)
CITYDIP_DATA_DIR the team's edits kept outside the installed package (translations/); default: a
                ``citydip-data`` folder next to the SQLite file, or in the working directory (PostgreSQL)
CITYDIP_DATA    folder with open reference data (frame, twinning); optional
SECRET_KEY      required when CITYDIP_PRODUCTION=1
The study's own settings (partner country, frame, fieldwork, bounces) are at the end, with their defaults;
docs/production.md lists them all.
"""
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env(name, default=""):
    """A setting from the environment, or from the file named by NAME_FILE (for secrets)."""
    file_name = os.environ.get(name + "_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def env_int(name, default):
    return int(env(name, str(default)))


PRODUCTION = env_bool("CITYDIP_PRODUCTION")
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY") or ("" if PRODUCTION else "citydip-insecure-development-key-change-me")
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "citydip.core",
    "citydip.frame",
    "citydip.gazetteer",
    "citydip.partnerships",
    "citydip.survey",
    "citydip.fieldwork",
    "citydip.mapping",
    "citydip.analysis",
    "citydip.qda",
    "citydip.cases",
    "citydip.reports",
    "citydip.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "citydip.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "citydip.urls"
WSGI_APPLICATION = "citydip.wsgi.application"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "citydip.core.roles.roles_context",
                "citydip.core.partner.partner_context",
                "citydip.core.staff_language.staff_languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", "sqlite:///" + str(Path.cwd() / "citydip.sqlite3")),
        # Each gunicorn thread keeps its connection (opening one per request cost a connect, the pragmas
        # below and, on PostgreSQL, a TCP and authentication round trip); a broken one is replaced.
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions take the write lock
    # up front so concurrent saves queue (busy timeout) instead of failing with "database is locked".
    # synchronous=NORMAL: in WAL mode a commit survives a crash of the process (not of the machine's
    # power); a 64 MB page cache and memory-mapped reads keep the hot tables out of system calls.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The official languages city halls of the 27 member states use (English serves Ireland and Malta):
# the respondent's interface is translated into all of them (survey/respondent_language.py).
LANGUAGES = [
    ("bg", "Български"), ("cs", "Čeština"), ("da", "Dansk"), ("de", "Deutsch"), ("el", "Ελληνικά"),
    ("en", "English"), ("es", "Español"), ("et", "Eesti"), ("fi", "Suomi"), ("fr", "Français"),
    ("hr", "Hrvatski"), ("hu", "Magyar"), ("it", "Italiano"), ("lt", "Lietuvių"), ("lv", "Latviešu"),
    ("nl", "Nederlands"), ("pl", "Polski"), ("pt", "Português"), ("ro", "Română"), ("sk", "Slovenčina"),
    ("sl", "Slovenščina"), ("sv", "Svenska"),
]
# What the team edits in the browser and an upgrade of the package must not lose (the translations'
# overlay, survey/translation_units.py): never inside the installed package; back it up with the database.
_SQLITE_FILE = DATABASES["default"]["NAME"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else ""
CITYDIP_DATA_DIR = Path(env("CITYDIP_DATA_DIR", str(
    Path(_SQLITE_FILE).resolve().parent / "citydip-data" if _SQLITE_FILE and _SQLITE_FILE != ":memory:"
    else Path.cwd() / "citydip-data")))
# The team's edited respondent texts come first: Django lets LOCALE_PATHS win over the apps' catalogues.
LOCALE_PATHS = [CITYDIP_DATA_DIR / "translations" / "locale", BASE_DIR / "locale"]
# The languages of the researchers' and fieldworkers' pages (the switch in the header; core/staff_language.py).
CITYDIP_STAFF_LANGUAGES = [("en", "English"), ("pl", "Polski")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(Path.cwd() / "staticfiles")))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = not PRODUCTION

# Mail, with Django's own setting names (see docs/fieldwork.md).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "citydip@localhost")

# Security. Production settings: CITYDIP_PRODUCTION=1 (see docs/production.md).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Background jobs (docs/production.md, "Jobs"): Django's Tasks framework with the database backend, so
# the queue is in the study's own database (SQLite or PostgreSQL) and there is no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Each job's folder (its output files); web servers and workers must share it.
CITYDIP_JOBS_DIR = Path(env("CITYDIP_JOBS_DIR", str(Path.cwd() / "citydip-jobs")))
# A running job whose worker has not reported for this long (and is not on this machine) was interrupted.
CITYDIP_JOB_STALE_SECONDS = env_int("CITYDIP_JOB_STALE_SECONDS", 120)

CITYDIP_DATA = env("CITYDIP_DATA")
# An optional tile server for the interactive map; none by default (no third-party request).
CITYDIP_TILE_URL = env("CITYDIP_TILE_URL")
# Defaults of the study; another team changes them here, not in code.
CITYDIP_PARTNER_COUNTRY = env("CITYDIP_PARTNER_COUNTRY", "CN")
CITYDIP_MIN_POPULATION = env_int("CITYDIP_MIN_POPULATION", 50000)
CITYDIP_SIZE_CLASSES = [int(x) for x in env("CITYDIP_SIZE_CLASSES", "50000,100000,250000,500000,1000000").split(",")]

# Fieldwork (docs/fieldwork.md): links, sender, letters, sending rate, and the mailbox that collects bounces.
CITYDIP_BASE_URL = env("CITYDIP_BASE_URL", "http://127.0.0.1:8000")
CITYDIP_PROJECT_CONTACT = env("CITYDIP_PROJECT_CONTACT", "The citydip survey team <citydip@localhost>")
CITYDIP_PRIVACY_URL = env("CITYDIP_PRIVACY_URL")
CITYDIP_SEND_RATE = env("CITYDIP_SEND_RATE", "2")
CITYDIP_LETTER_SIGNATURE = env("CITYDIP_LETTER_SIGNATURE", "The citydip survey team")
CITYDIP_IMAP_HOST = env("CITYDIP_IMAP_HOST")
CITYDIP_IMAP_PORT = env_int("CITYDIP_IMAP_PORT", 993)
CITYDIP_IMAP_USER = env("CITYDIP_IMAP_USER")
CITYDIP_IMAP_PASSWORD = env("CITYDIP_IMAP_PASSWORD")  # a secret: prefer CITYDIP_IMAP_PASSWORD_FILE
CITYDIP_IMAP_FOLDER = env("CITYDIP_IMAP_FOLDER", "INBOX")
CITYDIP_IMAP_SSL = env_bool("CITYDIP_IMAP_SSL", True)
# Partnerships: the SPARQL endpoint of `citydip partnerships fetch-wikidata`.
CITYDIP_WIKIDATA_ENDPOINT = env("CITYDIP_WIKIDATA_ENDPOINT", "https://query.wikidata.org/sparql")
# `citydip serve`: gunicorn worker processes (the usual variable of hosting platforms) and threads per
# worker. One single-threaded worker per core measured fastest (docs/reliability.md, "Server settings"):
# more workers or threads only contend for the GIL and SQLite's write lock.
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", os.cpu_count() or 2)
WEB_THREADS = env_int("WEB_THREADS", 1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
