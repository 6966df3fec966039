"""Warm a server worker up before its first request: each app's ``<app>/warmup.py: warm_up()``.

A fresh gunicorn worker otherwise pays, inside some respondent's request, for what it loads once:
the current wave's form (parsing the XLSForm, about half a second) and the place matcher's index
(about a second, met by the first submission with partners and the first place suggestion). Under
load those first requests stall the ones queued behind them. ``warm_up`` runs from wsgi.py; a
warm-up that fails (no database yet, no wave) is logged and skipped: the request that needs the
thing loads it as before.
"""
import logging

from citydip.core.hooks import app_modules

logger = logging.getLogger(__name__)


def warm_up():
    for config, module in app_modules("warmup"):
        try:
            module.warm_up()
        except Exception:  # noqa: BLE001 - a warm-up is an optimisation, never a reason not to serve
            logger.info("warm-up of %s skipped", config.label, exc_info=True)
