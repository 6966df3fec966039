"""Which page comes next: the relevant pages of a form for the answers so far.

A page whose questions are all irrelevant (skip logic) is skipped, forwards and backwards, and does
not count in the progress indicator. The pages themselves come from the form engine (``Form.pages()``).
"""
from citydip.survey import forms as engine


def page_key(page):
    return page.page_id


def page_nodes(page):
    return page.nodes


def page_title(form, page, lang):
    return form.text(page.title, lang)


class Flow:
    """The pages of a form for one set of answers."""

    def __init__(self, form, answers):
        self.form = form
        self.all = list(form.pages())
        self.relevant = [p for p in self.all if engine.page_is_relevant(form, p, answers)]

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

    def position(self, page):
        """``(number, total)`` of a page among the relevant ones, for the progress indicator."""
        total = len(self.relevant)
        number = self.relevant.index(page) + 1 if page in self.relevant else 1
        return number, max(total, 1)
