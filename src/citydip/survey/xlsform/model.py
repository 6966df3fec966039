"""The form model: what an XLSForm says, in plain dataclasses that the web form, the validator,
the exports and the demo read.

A :class:`Form` holds a tree of nodes: :class:`Question`, :class:`Group` (a page when its
appearance is ``field-list``, a section otherwise) and :class:`Repeat`. Texts that an XLSForm
translates (label, hint, required and constraint messages) are ``{language code: text}`` dicts;
:meth:`Form.text` picks one language with the default language as the fallback.

Answers (see BRIEF "Survey answers") are keyed by question name; groups are flattened, a repeat is
a list of dicts. A field path names one answer: ``name`` at the top level and
``repeat[i].name`` inside the i-th (0-based) instance of a repeat, nested as deep as the repeats.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Question types the engine supports (pyxform's normalised names, see load.py).
INPUT_TYPES = ("text", "integer", "decimal", "date", "select_one", "select_multiple", "acknowledge", "range", "rank")
DISPLAY_TYPES = ("note",)
HIDDEN_TYPES = ("calculate",)
SUPPORTED_TYPES = INPUT_TYPES + DISPLAY_TYPES + HIDDEN_TYPES
# Metadata an ODK client records by itself; citydip keeps its own timestamps on the Response instead.
META_TYPES = ("start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid",
              "email", "audit", "start-geopoint", "imei")
# Metadata citydip records in the answers at submission (never shown); the rest are named as unsupported.
STORED_META_TYPES = ("start", "end", "today", "deviceid")
SUPPORTED_APPEARANCES = ("minimal", "horizontal", "horizontal-compact", "multiline", "field-list", "")


@dataclass
class Source:
    """Where a node or a problem was written: sheet, 1-based spreadsheet row, column."""

    sheet: str = "survey"
    row: int | None = None
    column: str | None = None

    def as_location(self):
        return {"sheet": self.sheet, "row": self.row, "column": self.column}


@dataclass
class Problem:
    """A feature the engine does not support (the form still loads), named with its place."""

    code: str
    message: str
    feature: str
    source: Source = field(default_factory=Source)

    def __str__(self):
        where = " · ".join(
            str(p) for p in (self.source.sheet, self.source.row and f"row {self.source.row}", self.source.column) if p
        )
        return f"[{where}] {self.message} ({self.code})"


@dataclass
class Choice:
    name: str
    label: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)  # further columns, used by choice_filter
    source: Source = field(default_factory=lambda: Source("choices"))


@dataclass
class Node:
    name: str
    type: str
    label: dict[str, str] = field(default_factory=dict)
    hint: dict[str, str] = field(default_factory=dict)
    relevant: str = ""
    appearance: str = ""
    source: Source = field(default_factory=Source)
    parent: Node | None = field(default=None, repr=False, compare=False)
    form: Form | None = field(default=None, repr=False, compare=False)  # set when the form is built

    @property
    def ancestors(self):
        node, chain = self.parent, []
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    @property
    def repeat(self):
        """The innermost repeat that holds this node, or None."""
        return next((a for a in self.ancestors if isinstance(a, Repeat)), None)

    @property
    def repeats(self):
        """Enclosing repeats, outermost first."""
        return [a for a in reversed(self.ancestors) if isinstance(a, Repeat)]


@dataclass
class Question(Node):
    required: bool = False
    required_expr: str = ""  # `required` when it is an expression rather than yes/no
    required_message: dict[str, str] = field(default_factory=dict)
    constraint: str = ""
    constraint_message: dict[str, str] = field(default_factory=dict)
    choice_filter: str = ""
    default: str = ""
    read_only: bool = False
    list_name: str = ""
    or_other: bool = False
    calculation: str = ""
    supported: bool = True
    parameters: str = ""
    range: tuple[float, float, float] | None = None  # (start, end, step) of a range question

    @property
    def is_select(self):
        return self.type in ("select_one", "select_multiple", "rank")

    @property
    def is_list_answer(self):
        """Whether the answer is a list of choice names (select_multiple, rank: in the respondent's order)."""
        return self.type in ("select_multiple", "rank")

    @property
    def is_input(self):
        return self.supported and self.type in INPUT_TYPES and not self.read_only

    @property
    def is_meta(self):
        return self.type in META_TYPES


@dataclass
class Group(Node):
    children: list[Node] = field(default_factory=list)

    @property
    def is_page(self):
        return "field-list" in self.appearance.split()


@dataclass
class Repeat(Group):
    repeat_count: str = ""

    @property
    def is_page(self):
        return False


@dataclass
class Form:
    form_id: str
    version: str = ""
    title: str = ""
    languages: list[str] = field(default_factory=list)  # codes, e.g. ["en", "de"]
    language_names: dict[str, str] = field(default_factory=dict)  # code -> "English"
    default_language: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    choices: dict[str, list[Choice]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    filename: str = ""
    files: dict[str, list[dict]] = field(default_factory=dict)  # rows of the files next to the form, by instance name
    file_data: dict[str, bytes] = field(default_factory=dict, repr=False)  # those files' bytes, by file name
    run_failures: list = field(default_factory=list, repr=False)  # run-time expression failures check.py found
    _by_name: dict | None = field(default=None, init=False, repr=False, compare=False)
    _instances: dict | None = field(default=None, init=False, repr=False, compare=False)

    def instances(self):
        """The secondary instances expressions read: every choice list as ``instance('list')`` rows
        (name, label in the default language, itextId as pyxform writes it, further columns) and
        the rows of each file a ``select_one_from_file`` names."""
        if self._instances is None:
            self._instances = {
                list_name: [{**choice.extra, "name": choice.name, "label": self.text(choice.label),
                             "itextId": f"static_instance-{list_name}-{index}"}
                            for index, choice in enumerate(options)]
                for list_name, options in self.choices.items()
            }
            self._instances.update(self.files)
        return self._instances

    # -- walking the tree ------------------------------------------------------------------
    def walk(self, nodes=None):
        """Every node, depth first, in form order."""
        for node in self.children if nodes is None else nodes:
            yield node
            if isinstance(node, Group):
                yield from self.walk(node.children)

    def questions(self):
        return [n for n in self.walk() if isinstance(n, Question)]

    def groups(self):
        return [n for n in self.walk() if isinstance(n, Group) and not isinstance(n, Repeat)]

    def repeats(self):
        return [n for n in self.walk() if isinstance(n, Repeat)]

    def node(self, name):
        """The node of that name; KeyError if there is none (names are unique in a loaded form)."""
        if self._by_name is None:
            self._by_name = {}
            for node in self.walk():
                self._by_name.setdefault(node.name, node)
        return self._by_name[name]

    def pages(self):
        from citydip.survey.xlsform.pages import build_pages

        return build_pages(self)

    # -- texts ---------------------------------------------------------------------------
    def text(self, texts, lang=None):
        """One language of a ``{lang: text}`` dict: the wanted one, else the default, else any."""
        if not texts:
            return ""
        for code in (lang, self.default_language, ""):
            if code in texts and texts[code]:
                return texts[code]
        return next(iter(texts.values()))

    def label(self, node, lang=None):
        return self.text(node.label, lang) or node.name

    def choice_list(self, question):
        return self.choices.get(question.list_name, [])

    def choice_label(self, question, choice_name, lang=None):
        for choice in self.choice_list(question):
            if choice.name == choice_name:
                return self.text(choice.label, lang) or choice.name
        return choice_name
