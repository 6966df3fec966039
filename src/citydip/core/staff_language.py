"""The language of the researchers' and fieldworkers' pages: English (the source) or Polish.

Every string of these pages goes through Django's catalogues; the Polish one is
``src/citydip/locale/pl/LC_MESSAGES/django.po`` (strings of apps with their own catalogue, survey and
fieldwork, are in theirs). The header's switch posts to Django's ``set_language``, which keeps the
choice in a cookie that ``LocaleMiddleware`` reads. The respondents' pages choose their language
themselves (``survey/respondent_language.py``) and are not affected. ``make messages`` updates the
catalogues; tests/core/test_staff_catalogue.py lists every untranslated string and fails on any.
"""
from django.conf import settings


def staff_languages(request):
    return {"staff_languages": settings.CITYDIP_STAFF_LANGUAGES}
