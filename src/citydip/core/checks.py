"""System checks with stable ids (CD-E…, CD-W…), reported at start-up and by `citydip check`."""
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Warning, register

CITYDIP = "citydip"  # the tag of citydip's own checks (core/command.py runs them with every command)


@register(CITYDIP)
def check_settings(app_configs, **kwargs):
    problems = []
    if settings.PRODUCTION and not settings.SECRET_KEY:
        problems.append(Error("SECRET_KEY is not set", hint="set SECRET_KEY or SECRET_KEY_FILE", id="CD-E001"))
    if settings.CITYDIP_DATA and not Path(settings.CITYDIP_DATA).is_dir():
        problems.append(Warning(f"CITYDIP_DATA={settings.CITYDIP_DATA} is not a folder", id="CD-W001"))
    if settings.DEFAULT_FROM_EMAIL.endswith("@localhost") and settings.PRODUCTION:
        problems.append(Warning("DEFAULT_FROM_EMAIL is not set", hint="set DEFAULT_FROM_EMAIL", id="CD-W002"))
    codes = [code for code, _ in settings.LANGUAGES]
    if settings.LANGUAGE_CODE not in codes:
        problems.append(Error(f"LANGUAGE_CODE {settings.LANGUAGE_CODE} is not in LANGUAGES", id="CD-E002"))
    return problems
