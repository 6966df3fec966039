"""``citydip survey check-form FORM``: load a form and summarise it, or name what is wrong."""
from __future__ import annotations

from collections import Counter

from citydip.core.command import arg, verb
from citydip.survey.xlsform import load_form, validate_all
from citydip.survey.xlsform.paper import paper_html


@verb("check-form", "check an XLSForm: languages, questions, groups, repeats, pages and any problem",
      arg("form", help="the XLSForm (.xlsx, .xls, .csv or .md)"), needs_database=False)
def check_form(command, form, **options):
    for line in summary(check(form)):
        command.stdout.write(line)


def check(source, filename=None):
    """The loaded form of an XLSForm (path or bytes) after evaluating every page and rendering the
    questionnaire in every language; CitydipErrors naming sheet, row and column when it is unusable.
    The command and the survey's upload page (``setup_views.py``) both call this."""
    loaded = load_form(source, filename)
    validate_all(loaded, {})  # evaluates every page once: an engine failure shows here
    for lang in loaded.languages:
        paper_html(loaded, lang)  # and renders the questionnaire in every language
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
    lines.append(f"ok: {form.filename} loads and renders")
    return lines
