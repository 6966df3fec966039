"""The quote bank: segments of a code with their source, under the consent each interviewee gave.

Rules: a withdrawn interview gives nothing; a quotation from an interview is shown verbatim only
when the interviewee agreed to verbatim quotes (otherwise the entry says "paraphrase only" and
carries no text); attribution follows the consent (by function: pseudonym, role and institution;
anonymous: the pseudonym alone). Survey answers of a city that asked not to be named are attributed
to "a city (not named)". Segments coded identically by several coders are listed once.
"""
import io
from dataclasses import dataclass, field

from citydip.qda.models import Code, Document, Segment

PARAPHRASE_ONLY = "verbatim quotation not consented: paraphrase only"


@dataclass
class Quote:
    code: Code
    document: Document
    start: int
    end: int
    text: str | None  # None when no verbatim quotation is allowed
    attribution: str

    @property
    def allowed(self):
        return self.text is not None


def attribution_for(document):
    if document.interview_id:
        return document.interview.attribution_label()
    if document.kind == Document.Kind.SURVEY_ANSWER:
        if document.title.endswith("(confidential city)"):
            return "survey answer, a city (not named)"
        return f"survey answer, {document.city.name}" if document.city_id else "survey answer"
    return document.title


def verbatim_allowed(document):
    return document.interview.consent_verbatim if document.interview_id else True


def code_and_descendants(code):
    found, todo = [], [code]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(current.children.all())
    return found


def quote_bank(code, with_children=True):
    codes = code_and_descendants(code) if with_children else [code]
    return quotes_from(Segment.objects.usable().filter(code__in=codes))


def quotes_from(segments):
    """Quotes of usable ``segments`` (a Segment queryset), each stretch once, under its interview's consent."""
    segments = (segments.usable().select_related("code", "document", "document__interview", "document__city")
                .order_by("document__title", "start", "end", "code_id"))
    quotes, seen = [], set()
    for segment in segments:
        key = (segment.document_id, segment.start, segment.end, segment.code_id)
        if key in seen:
            continue
        seen.add(key)
        document = segment.document
        text = document.text[segment.start:segment.end].strip() if verbatim_allowed(document) else None
        quotes.append(Quote(segment.code, document, segment.start, segment.end, text, attribution_for(document)))
    return quotes


@dataclass
class Theme:
    """A top-level code in a set of documents: coded passages and the quotations consented to verbatim."""

    code: Code
    segments: int
    quotes: list = field(default_factory=list)
    paraphrase_only: int = 0


def themes_of(documents):
    """Top-level codes applied in ``documents`` (usable segments only), in codebook order."""
    ids = [d.pk for d in documents]
    found = []
    for code in Code.objects.filter(parent=None).order_by("position", "name"):
        quotes = quotes_from(Segment.objects.filter(document_id__in=ids, code__in=code_and_descendants(code)))
        if quotes:
            allowed = [q for q in quotes if q.allowed]
            found.append(Theme(code, len(quotes), allowed, len(quotes) - len(allowed)))
    return found


def quotes_markdown(code, quotes):
    lines = [f"# Quotations: {code.path()}", ""]
    if code.definition:
        lines += [f"_{code.definition}_", ""]
    for quote in quotes:
        if quote.allowed:
            lines += ["> " + quote.text.replace("\n", "\n> "), ">", f"> — {quote.attribution}", ""]
        else:
            lines += [f"- {quote.attribution}: {PARAPHRASE_ONLY}", ""]
    return "\n".join(lines).rstrip() + "\n"


def quotes_docx(code, quotes):
    """The quotations as a .docx document (bytes)."""
    import docx

    document = docx.Document()
    document.add_heading(f"Quotations: {code.path()}", level=1)
    if code.definition:
        document.add_paragraph().add_run(code.definition).italic = True
    for quote in quotes:
        if quote.allowed:
            document.add_paragraph(quote.text, style="Quote")
            document.add_paragraph(f"— {quote.attribution}")
        else:
            document.add_paragraph(f"{quote.attribution}: {PARAPHRASE_ONLY}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
