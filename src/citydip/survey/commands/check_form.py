"""``citydip survey check-form FORM``: load a form and summarise it, or name what is wrong.

The work is in ``xlsform/check.py``, which cli.py also runs without Django's start-up for
``citydip survey check-form FORM`` (check-form needs no database); this module is the verb.
"""
from __future__ import annotations

from citydip.core.command import arg, verb
from citydip.survey.xlsform.check import FORM_HELP, HELP, check, summary

__all__ = ["check", "check_form", "summary"]


@verb("check-form", HELP, arg("form", help=FORM_HELP), needs_database=False)
def check_form(command, form, **options):
    for line in summary(check(form)):
        command.stdout.write(line)
