"""``citydip survey check-form FORM``: load a form and summarise it, or name what is wrong.

check-form needs no database, so ``citydip survey check-form FORM`` runs :func:`main` directly
(cli.py), without starting the whole Django project: only the template engine is configured, for
the paper questionnaire. ``python -m django survey check-form`` runs the same :func:`check`.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

HELP = "check an XLSForm: languages, questions, groups, repeats, pages and any problem"


def add_arguments(parser):
    parser.add_argument("form", help="the XLSForm (.xlsx, .xls, .csv or .md)")


def run(command, form, **options):
    for line in check(form):
        command.stdout.write(line)


def check(path):
    """The summary lines of a form that loads and renders; CitydipError(s) when it does not."""
    from citydip.survey.xlsform import collect_failures, load_form, validate_all
    from citydip.survey.xlsform.paper import paper_html

    loaded = load_form(path)
    with collect_failures() as failures:
        validate_all(loaded, {})  # evaluates every page once: an engine failure shows here
    for lang in loaded.languages:
        paper_html(loaded, lang)  # and renders the questionnaire in every language
    return summary(loaded, failures)


def main(argv, stdout=sys.stdout, stderr=sys.stderr):
    """The command without Django's start-up (the form's own file is all it reads); the exit status."""
    from citydip.core.errors import CitydipError

    parser = argparse.ArgumentParser(prog="citydip survey check-form", description=HELP)
    add_arguments(parser)
    options = parser.parse_args(argv)
    configure_templates()
    try:
        lines = check(options.form)
    except CitydipError as error:
        stderr.write(f"CommandError: {error}\n")  # as the management command writes it
        return 1
    stdout.write("".join(line + "\n" for line in lines))
    return 0


def configure_templates():
    """Django's default settings, no apps and no database: paper.py then renders the paper
    questionnaire with a standalone template engine."""
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=False)


def summary(form, failures=()):
    """The lines check-form prints for a loaded form."""
    questions = [q for q in form.questions()]
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
    if failures:
        lines.append(f"expression failures: {len(failures)} (the question is shown; correct the form)")
        lines.extend(f"  {failure}" for failure in failures)
    lines.append(f"ok: {form.filename} loads and renders")
    return lines
