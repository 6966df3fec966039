"""Cut a document's text into units: speaker turns, paragraphs, sentences. All spans are character offsets.

Speaker turns are recognised where a line begins with a marker: ``Interviewer:``, ``R:``, ``I:``,
``**Name:**``, ``[Speaker 1]`` or ``Speaker 1:``. A turn runs to the next marker. Hand-written here
because the markers are transcript conventions, not natural-language syntax; sentences use a small
regular expression (end punctuation, then space and an upper-case letter or a quote), which is good
enough for units of agreement and documented as such.
"""
import re

TURN_MARKER = re.compile(
    r"^(?:\*\*(?P<bold>[^*\n]{1,60}?):?\*\*:?"          # **Name:** or **Name**:
    r"|\[(?P<bracket>[^\]\n]{1,60})\]:?"               # [Speaker 1]
    r"|(?P<plain>[A-Z][\w .'’-]{0,40}?|[A-Z]\d?)\s?:)"   # Interviewer: / R: / Speaker 1:
    r"[ \t]*",
    re.MULTILINE,
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“„«(\[*]*[A-ZÀ-ÖØ-ÞĀ-Ž\u4e00-\u9fff0-9])")
UNIT_KINDS = ("turn", "paragraph", "sentence")


def speaker_turns(text):
    """``[(speaker, start, end), ...]``: one span per marked turn, the marker included."""
    found = list(TURN_MARKER.finditer(text))
    counts = {}
    for match in found:
        if match.group("plain"):
            counts[match.group("plain").strip()] = counts.get(match.group("plain").strip(), 0) + 1
    marks = [m for m in found if _is_speaker(m, counts)]
    turns = []
    for i, match in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        speaker = (match.group("bold") or match.group("bracket") or match.group("plain")).strip()
        turns.append((speaker, match.start(), _rstrip(text, match.start(), end)))
    return turns


KNOWN_LABELS = {"interviewer", "interviewee", "respondent", "moderator", "r", "i", "q", "a", "ir", "ie"}


def _is_speaker(match, counts):
    """A plain ``Label:`` counts when it is short and either a known label or used more than once
    (a sentence that happens to begin with ``Note:`` once is not a speaker)."""
    label = match.group("plain")
    if label is None:
        return True
    label = label.strip()
    return len(label.split()) <= 3 and (label.lower() in KNOWN_LABELS or counts.get(label, 0) > 1)


def _rstrip(text, start, end):
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraphs(text):
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, _rstrip(text, s, e)) for s, e in spans if text[s:e].strip()]


def sentences(text):
    spans = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for match in SENTENCE_END.finditer(text, p_start, p_end):
            spans.append((start, _rstrip(text, start, match.start())))
            start = match.end()
        spans.append((start, p_end))
    return [(s, e) for s, e in spans if e > s and text[s:e].strip()]


def units(document, kind):
    """Spans of ``kind`` for a document; speaker turns come from the stored turns, else paragraphs."""
    if kind == "turn":
        turns = [(t.start, t.end) for t in document.turns.all()]
        return turns or paragraphs(document.text)
    if kind == "sentence":
        return sentences(document.text)
    return paragraphs(document.text)
