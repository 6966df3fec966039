"""What ``citydip survey check-form FORM`` does, without Django's start-up.

:func:`check` loads a form, evaluates every page once (collecting the expressions that fail at run
time) and renders the paper questionnaire in every language; :func:`summary` gives the lines the
command prints. check-form needs no database, so cli.py runs :func:`main` directly for
``citydip survey check-form FORM``: only Django's template engine is used (paper.py renders with a
standalone engine when no Django project is set up). The management command
(commands/check_form.py) and the survey's upload page call the same :func:`check` and
:func:`summary`.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

HELP = "check an XLSForm: languages, questions, groups, repeats, pages and any problem"
FORM_HELP = "the XLSForm (.xlsx, .xls, .csv or .md)"


def check(source, filename=None):
    """The loaded form of an XLSForm (path or bytes) after evaluating every page and rendering the
    questionnaire in every language; CitydipErrors naming sheet, row and column when it is unusable.
    Expressions that fail at run time on an empty response are in ``form.run_failures``."""
    from citydip.core.errors import CitydipError, CitydipErrors
    from citydip.survey.xlsform import collect_failures, load_form, validate_all
    from citydip.survey.xlsform.paper import paper_html

    loaded = load_form(source, filename)
    try:
        with collect_failures() as failures:
            validate_all(loaded, {})  # evaluates every page once: an engine failure shows here
        loaded.run_failures = failures
        for lang in loaded.languages:
            paper_html(loaded, lang)  # and renders the questionnaire in every language
    except (ArithmeticError, AttributeError, LookupError, RecursionError, TypeError, ValueError) as error:
        raise CitydipErrors([CitydipError(  # an engine bug must still be a message, never a traceback
            "SURVEY-E013", f"citydip could not render this form ({type(error).__name__}: {error}); please report "
            "it with the file", file=loaded.filename)]) from error
    return loaded


def summary(form):
    """The lines check-form prints for a loaded form."""
    questions = list(form.questions())
    kinds = Counter(q.type for q in questions)
    languages = ", ".join(
        f"{code} ({form.language_names.get(code, code)}{', default' if code == form.default_language else ''})"
        for code in form.languages
    )
    pages = form.pages()
    lines = [
        f"form {form.form_id} version {form.version or '-'}: {form.title}",
        f"languages: {len(form.languages)}: {languages}",
        f"questions: {len(questions)} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})",
        f"groups: {len(form.groups())} ({sum(1 for g in form.groups() if g.is_page)} field-list pages)",
        f"repeats: {len(form.repeats())}" + (f" ({', '.join(r.name for r in form.repeats())})" if form.repeats() else ""),
        f"pages: {len(pages)}: {', '.join(p.page_id for p in pages)}",
        f"choice lists: {len(form.choices)}",
    ]
    if form.problems:
        lines.append(f"problems: {len(form.problems)} (features citydip does not support; the form still loads)")
        lines.extend(f"  {problem}" for problem in form.problems)
    else:
        lines.append("problems: none")
    failures = getattr(form, "run_failures", [])
    if failures:
        lines.append(f"expression failures: {len(failures)} (the question is shown; correct the form)")
        lines.extend(f"  {failure}" for failure in failures)
    lines.append(f"ok: {form.filename} loads and renders")
    return lines


def main(argv, stdout=sys.stdout, stderr=sys.stderr):
    """The command without the Django project (the form's own files are all it reads); the exit status."""
    from django.conf import settings

    from citydip.core.errors import CitydipError

    parser = argparse.ArgumentParser(prog="citydip survey check-form", description=HELP)
    parser.add_argument("form", help=FORM_HELP)
    options = parser.parse_args(argv)
    if not settings.configured:
        settings.configure(USE_I18N=False)  # Django's defaults: no apps, no database
    try:
        lines = summary(check(options.form))
    except CitydipError as error:
        stderr.write(f"CommandError: {error}\n")  # as the management command writes it
        return 1
    stdout.write("".join(line + "\n" for line in lines))
    return 0
