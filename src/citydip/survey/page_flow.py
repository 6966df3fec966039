"""Which page comes next: the relevant pages of a form for the answers so far.

A page whose questions are all irrelevant (skip logic) is skipped, forwards and backwards, and does
not count in the progress indicator. The pages themselves come from the form engine (``Form.pages()``).
"""
from citydip.survey import xlsform as engine
from citydip.survey.xlsform.expressions import ExpressionError, references


def page_key(page):
    return page.page_id


def page_nodes(page):
    return page.nodes


def page_title(form, page, lang):
    return form.text(page.title, lang)


class Flow:
    """The pages of a form for one set of answers."""

    def __init__(self, form, answers):
        self.form, self.answers = form, engine.calculated(form, answers)  # a condition may read a calculation
        self.all = list(form.pages())
        self.relevant = [p for p in self.all if engine.page_is_relevant(form, p, self.answers)]

    def get(self, key):
        return next((p for p in self.all if page_key(p) == key), None)

    def first(self):
        return self.relevant[0] if self.relevant else None

    def _neighbour(self, page, step):
        """The next (step 1) or previous (step -1) relevant page, in the order of all pages."""
        index = self.all.index(page)
        candidates = self.all[index + 1:] if step > 0 else reversed(self.all[:index])
        return next((p for p in candidates if p in self.relevant), None)

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
        counted = [p for p in self.all if p in self.relevant or p is page or self.undecided(p)]
        return counted.index(page) + 1, len(counted)
