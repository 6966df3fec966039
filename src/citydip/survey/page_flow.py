"""Which page comes next: the relevant pages of a form for the answers so far.

A page whose questions are all irrelevant (skip logic) is skipped, forwards and backwards, and does
not count in the progress indicator. The pages themselves come from the form engine (``Form.pages()``).

Speed: a Flow evaluates a page's relevance only when asked, once (``is_relevant``), so "Save and
continue" evaluates the pages up to the next shown one, not the whole form; the progress indicator
and the check page, which need every page, evaluate each once. One request builds the form's pages
once and hands them to every Flow it makes (``pages=``).
"""
from functools import cached_property

from citydip.survey import xlsform as engine
from citydip.survey.xlsform.expressions import ExpressionError, references


def page_key(page):
    return page.page_id


def page_nodes(page):
    return page.nodes


def page_title(form, page, lang):
    return form.text(page.title, lang)


class Flow:
    """The pages of a form for one set of answers (not changed while the Flow is used)."""

    def __init__(self, form, answers, pages=None):
        self.form, self.given = form, answers
        self.all = list(form.pages()) if pages is None else pages
        self._relevant = {}

    @cached_property
    def answers(self):
        return engine.calculated(self.form, self.given)  # a condition may read a calculation

    def is_relevant(self, page):
        key = page_key(page)
        if key not in self._relevant:
            self._relevant[key] = engine.page_is_relevant(self.form, page, self.answers)
        return self._relevant[key]

    @cached_property
    def relevant(self):
        return [p for p in self.all if self.is_relevant(p)]

    def get(self, key):
        return next((p for p in self.all if page_key(p) == key), None)

    def first(self):
        return next((p for p in self.all if self.is_relevant(p)), None)

    def _index(self, page):
        key = page_key(page)
        return next(i for i, p in enumerate(self.all) if page_key(p) == key)

    def _neighbour(self, page, step):
        """The next (step 1) or previous (step -1) relevant page, in the order of all pages."""
        index = self._index(page)
        candidates = self.all[index + 1:] if step > 0 else reversed(self.all[:index])
        return next((p for p in candidates if self.is_relevant(p)), None)

    def next(self, page):
        return self._neighbour(page, 1)

    def previous(self, page):
        return self._neighbour(page, -1)

    def undecided(self, page):
        """Whether a skipped page may still come: its groups' conditions name an unanswered question."""
        for group in page.containers:
            try:
                names = references(group.relevant) if group.relevant else []
            except ExpressionError:
                continue
            if any(self.answers.get(name) in (None, "", []) for name in names):
                return True
        return False

    def position(self, page):
        """``(number, total)`` for the progress indicator: the pages shown so far and those still to come,
        counting pages that depend on questions not answered yet (so the first page does not say 1 of 1)."""
        key = page_key(page)
        counted = [page_key(p) for p in self.all if page_key(p) == key or self.is_relevant(p) or self.undecided(p)]
        return counted.index(key) + 1, len(counted)
