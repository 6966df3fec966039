"""Production settings (CITYDIP_PRODUCTION=1): Django's deployment checks are clean, cookies are secure.

Each test runs citydip in a subprocess, because settings are read from the environment once.
"""
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def production_env(tmp_path, **extra):
    # the test suite's own relaxation for the browser tests (tests/conftest.py) is no production setting
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "SECRET_KEY_FILE",
                                                            "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(CITYDIP_PRODUCTION="1", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="citydip.example.org",
               DEFAULT_FROM_EMAIL="survey@citydip.example.org", DATABASE_URL=f"sqlite:///{tmp_path}/deploy.sqlite3",
               PYTHONPATH=str(SRC), DJANGO_SETTINGS_MODULE="citydip.settings")
    env.update(extra)
    return env


def citydip(env, *args):
    return subprocess.run([sys.executable, "-m", "citydip", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = citydip(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_make_cookies_secure_and_ask_for_https(tmp_path):
    code = ("import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in "
            "['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', "
            "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'DEBUG', 'X_FRAME_OPTIONS', 'SESSION_COOKIE_SAMESITE']}))")
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],
                            env=production_env(tmp_path), capture_output=True, text=True, timeout=120)
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {"SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True,
                      "CSRF_COOKIE_HTTPONLY": True, "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31536000,
                      "DEBUG": False, "X_FRAME_OPTIONS": "DENY", "SESSION_COOKIE_SAMESITE": "Lax"}


def test_production_refuses_to_run_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    result = citydip(env, "check", "--deploy")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr
