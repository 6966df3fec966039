"""The pages of a form, in the order a respondent sees them.

- a group with appearance ``field-list`` is one page (its label is the page title);
- a repeat is one page (the respondent adds, fills and removes instances there);
- a group without ``field-list`` is a section: its field-list groups and repeats are pages of
  their own, and each run of other questions in it becomes one page titled by the section;
- questions outside any group are grouped the same way, one page per run between pages;
- a run longer than RUN_LIMIT shown questions is split, so no page becomes a long scroll;
- calculate questions and metadata (start, end, deviceid…) are never shown; a page with nothing to show is dropped.

Page ids are the group or repeat name, or ``<section>-<n>`` / ``page-<n>`` for the runs, so they
are stable while the form does not change (Response.current_page stores one).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from citydip.survey.xlsform.model import Group, Node, Question, Repeat

RUN_LIMIT = 10  # shown questions per page made from a run of loose questions


@dataclass
class Page:
    page_id: str
    title: dict[str, str] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)
    group: Group | None = None  # the field-list group or repeat this page shows, if any
    sections: list[Group] = field(default_factory=list)  # enclosing section groups, outermost first

    @property
    def repeat(self):
        return self.group if isinstance(self.group, Repeat) else None

    def questions(self):
        """Every question on the page, also inside its nested groups and repeats."""
        found = []
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            if isinstance(node, Question):
                found.append(node)
            elif isinstance(node, Group):
                stack.extend(reversed(node.children))
        return found

    @property
    def containers(self):
        """The groups whose relevance decides whether the page is shown, outermost first."""
        return self.sections + ([self.group] if self.group is not None else [])


def build_pages(form):
    pages = []
    _visit(form.children, [], pages)
    seen = set()
    for page in pages:  # ids must be unique even if a group is named page-1
        base, n = page.page_id, 1
        while page.page_id in seen:
            n += 1
            page.page_id = f"{base}-{n}"
        seen.add(page.page_id)
    return pages


def _visit(nodes, sections, pages):
    run = []
    for node in nodes:
        if isinstance(node, Repeat) or (isinstance(node, Group) and node.is_page):
            _flush(run, sections, pages)
            run = []
            content = [node] if isinstance(node, Repeat) else node.children
            _add(pages, Page(node.name, node.label, content, node, list(sections)))
        elif isinstance(node, Group):
            _flush(run, sections, pages)
            run = []
            _visit(node.children, sections + [node], pages)
        else:
            run.append(node)
    _flush(run, sections, pages)


def _flush(run, sections, pages):
    for chunk in _chunks(run):
        section = sections[-1] if sections else None
        count = sum(1 for p in pages if p.sections[-1:] == sections[-1:] and p.group is None) + 1
        page_id = f"{section.name}-{count}" if section else f"page-{count}"
        _add(pages, Page(page_id, dict(section.label) if section else {}, chunk, None, list(sections)))


def _chunks(run):
    """The run cut after every RUN_LIMIT shown questions (hidden ones stay with their neighbours)."""
    chunks, current, shown = [], [], 0
    for node in run:
        if shown == RUN_LIMIT and _visible(node):
            chunks.append(current)
            current, shown = [], 0
        current.append(node)
        shown += _visible(node)
    return chunks + [current] if current else chunks


def _add(pages, page):
    if any(_visible(q) for q in page.questions()):
        pages.append(page)


def _visible(question):
    return question.type != "calculate" and not question.is_meta
