"""Interviews, documents, the codebook, coded segments and memos.

Offsets of segments and speaker turns are CHARACTER offsets (Python ``str`` indices, Unicode code
points) into ``Document.text``, as REFI-QDA counts them; never bytes. A withdrawn interview drops
out of every analysis and export through one queryset method, :meth:`ConsentQuerySet.usable`.
"""
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from citydip.frame.models import City

# Namespace of the uuid5 identifiers citydip derives for REFI-QDA exports (users, selections, codings).
GUID_NAMESPACE = uuid.UUID("6f1d2c1e-2b1a-5c3e-9d47-1c1d1a90c0da")


def derived_guid(*parts):
    """A stable GUID from stable keys, so that a re-export of the same content gives the same file."""
    return uuid.uuid5(GUID_NAMESPACE, "/".join(str(p) for p in parts))


class ConsentQuerySet(models.QuerySet):
    """``usable()``: rows whose interview (if any) has not withdrawn consent. Used by every analysis,
    page and export, so a withdrawal takes effect everywhere at once."""

    interview_path = "interview"

    def usable(self):
        path = self.interview_path
        return self.filter(Q(**{f"{path}__isnull": True}) | Q(**{f"{path}__withdrawn_at__isnull": True}))


class InterviewQuerySet(ConsentQuerySet):
    def usable(self):
        return self.filter(withdrawn_at__isnull=True)


class DocumentQuerySet(ConsentQuerySet):
    interview_path = "interview"


class SegmentQuerySet(ConsentQuerySet):
    interview_path = "document__interview"


class MemoQuerySet(ConsentQuerySet):
    def usable(self):
        ok_doc = Q(document__isnull=True) | Q(document__interview__isnull=True) | Q(
            document__interview__withdrawn_at__isnull=True)
        ok_seg = Q(segment__isnull=True) | Q(segment__document__interview__isnull=True) | Q(
            segment__document__interview__withdrawn_at__isnull=True)
        return self.filter(ok_doc & ok_seg)


class Interview(models.Model):
    EU_INSTITUTIONS = ("european_commission", "eeas")

    class Institution(models.TextChoices):
        EUROPEAN_COMMISSION = "european_commission", "European Commission"
        EEAS = "eeas", "EEAS"
        CITY = "city", "city"
        NATIONAL_GOVERNMENT = "national_government", "national government"
        OTHER = "other", "other"

    class Attribution(models.TextChoices):
        FUNCTION = "function", "by function"
        ANONYMOUS = "anonymous", "anonymous"

    PSEUDONYM_PREFIX = {"european_commission": "EC official", "eeas": "EEAS official", "city": "City official",
                        "national_government": "National official", "other": "Interviewee"}

    pseudonym = models.CharField(max_length=100, unique=True, blank=True)
    institution_type = models.CharField(max_length=30, choices=Institution.choices)
    role = models.CharField(max_length=200, blank=True, help_text="function, e.g. head of unit")
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL, related_name="interviews")
    directorate = models.CharField(max_length=200, blank=True,
                                   help_text="DG, EEAS directorate or department (EU officials: their institution)")
    unit = models.CharField(max_length=200, blank=True, help_text="unit or division, e.g. DG TRADE unit B.2")
    case = models.ForeignKey("analysis.CaseStudy", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="interviews", help_text="the case study this interview belongs to")
    city_ref = models.CharField(max_length=40, blank=True, help_text="the city's public id as imported from a "
                                "REFI-QDA project when the city is not in this database's frame")
    date = models.DateField(null=True, blank=True)
    mode = models.CharField(max_length=40, blank=True, help_text="in person, video call, phone, written")
    consent_recording = models.BooleanField(default=False)
    consent_verbatim = models.BooleanField(default=False, help_text="verbatim quotes may be published")
    attribution = models.CharField(max_length=20, choices=Attribution.choices, default=Attribution.ANONYMOUS)
    consent_date = models.DateField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True, help_text="consent withdrawn: out of all analyses")
    synthetic = models.BooleanField(default=False, help_text="made up by `citydip demo`")
    created = models.DateTimeField(auto_now_add=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["pseudonym"]

    def __str__(self):
        return self.pseudonym

    def save(self, *args, **kwargs):
        if not self.pseudonym:
            self.pseudonym = self.next_pseudonym(self.institution_type)
        super().save(*args, **kwargs)

    @classmethod
    def next_pseudonym(cls, institution_type):
        """``EC official 3``: the prefix of the institution type and the next free number."""
        prefix = cls.PSEUDONYM_PREFIX.get(institution_type, "Interviewee")
        taken = set(cls.objects.filter(pseudonym__startswith=prefix + " ").values_list("pseudonym", flat=True))
        number = 1
        while f"{prefix} {number}" in taken:
            number += 1
        return f"{prefix} {number}"

    @property
    def is_eu_official(self):
        return self.institution_type in self.EU_INSTITUTIONS

    def institution_label(self):
        """``DG TRADE, unit B.2`` or the institution type."""
        return ", ".join(x for x in (self.directorate, self.unit) if x) or self.get_institution_type_display()

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def attribution_label(self):
        """How a quotation may be attributed under this interview's consent."""
        if self.attribution == self.Attribution.FUNCTION:
            where = ", ".join(x for x in (self.role, self.directorate) if x)
            return f"{self.pseudonym} ({where}, {self.get_institution_type_display()})" if where else \
                f"{self.pseudonym} ({self.get_institution_type_display()})"
        return self.pseudonym


class DocType(models.TextChoices):
    AGREEMENT = "agreement", "agreement"
    COUNCIL_RESOLUTION = "council_resolution", "council resolution"
    PRESS = "press", "press"
    REPORT = "report", "report"
    OTHER = "other", "other"


class Document(models.Model):
    class Kind(models.TextChoices):
        TRANSCRIPT = "transcript", "interview transcript"
        CASE_DOCUMENT = "case_document", "case document"
        SURVEY_ANSWER = "survey_answer", "open survey answers"

    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=300)
    text = models.TextField(help_text="plain text, newlines normalised to \\n")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TRANSCRIPT)
    source_file = models.CharField(max_length=300, blank=True)
    source_key = models.CharField(max_length=100, blank=True, db_index=True,
                                  help_text="stable key of generated documents, e.g. survey:<wave>:<city>")
    interview = models.ForeignKey(Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL, related_name="qda_documents")
    case = models.ForeignKey("analysis.CaseStudy", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="documents", help_text="the case study this document belongs to")
    case_ref = models.CharField(max_length=200, blank=True, help_text="a case named in an imported project (or an "
                                "old free-text label) that is not a case study of this database")
    doc_type = models.CharField("document type", max_length=30, choices=DocType.choices, blank=True)
    doc_date = models.DateField("date", null=True, blank=True, help_text="when the document was issued")
    language = models.CharField(max_length=20, blank=True, help_text="ISO 639-1 code, e.g. pl, de, zh")
    source = models.CharField(max_length=500, blank=True, help_text="URL or full citation")
    licence = models.CharField(max_length=300, blank=True, help_text="licence or access note, e.g. CC BY 4.0, "
                               "public record, provided by the city office for research only")
    synthetic = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self):
        return self.title

    def case_city(self):
        """The city a document speaks about: its own link, else its case study's, else its interview's."""
        if self.city_id:
            return self.city
        if self.case_id:
            return self.case.city
        return self.interview.city if self.interview_id else None

    def citation(self):
        """``Title (council resolution, 2021-05-12, pl). Source. Licence.`` for a chapter's list of sources."""
        facts = ", ".join(x for x in (self.get_doc_type_display() if self.doc_type else "",
                                      self.doc_date.isoformat() if self.doc_date else "", self.language) if x)
        parts = [f"{self.title} ({facts})" if facts else self.title, self.source, self.licence]
        return ". ".join(p.rstrip(".") for p in parts if p) + "."


class SpeakerTurn(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="turns")
    speaker = models.CharField(max_length=100)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["document", "start"]


class Code(models.Model):
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    inclusion = models.TextField(blank=True, help_text="when to apply the code")
    exclusion = models.TextField(blank=True, help_text="when not to apply it")
    example = models.TextField(blank=True)
    colour = models.CharField(max_length=7, default="#ffd54f", help_text="#rrggbb")
    codable = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        unique_together = [("parent", "name")]

    def __str__(self):
        return self.path()

    def path(self):
        names, code = [], self
        while code is not None:
            names.append(code.name)
            code = code.parent
        return " / ".join(reversed(names))


class Segment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="segments")
    start = models.PositiveIntegerField(help_text="character offset, inclusive")
    end = models.PositiveIntegerField(help_text="character offset, exclusive")
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="segments")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qda_segments")
    created = models.DateTimeField()

    objects = SegmentQuerySet.as_manager()

    class Meta:
        ordering = ["document", "start", "end", "id"]
        unique_together = [("document", "start", "end", "code", "coder")]

    def __str__(self):
        return f"{self.code.name} [{self.start}:{self.end}] by {self.coder}"

    @property
    def text(self):
        return self.document.text[self.start:self.end]


class Memo(models.Model):
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.CASCADE, related_name="memos")
    code = models.ForeignKey(Code, null=True, blank=True, on_delete=models.CASCADE, related_name="memos")
    segment = models.ForeignKey(Segment, null=True, blank=True, on_delete=models.CASCADE, related_name="memos")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    created = models.DateTimeField()

    objects = MemoQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]
        constraints = [models.CheckConstraint(
            name="qda_memo_has_one_target",
            condition=(Q(document__isnull=False, code__isnull=True, segment__isnull=True)
                       | Q(document__isnull=True, code__isnull=False, segment__isnull=True)
                       | Q(document__isnull=True, code__isnull=True, segment__isnull=False)))]

    def __str__(self):
        return self.title or self.text[:40]


class DocumentAssignment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="assignments")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qda_assignments")
    assigned = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("document", "coder")]


class Resolution(models.Model):
    """A decision on a disagreement: for one unit and one code, whose version stands."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="resolutions")
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="resolutions")
    unit_kind = models.CharField(max_length=20)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    applies = models.BooleanField(help_text="the code applies to this unit in the agreed version")
    chosen_coder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided = models.DateTimeField(auto_now=True)

    objects = SegmentQuerySet.as_manager()

    class Meta:
        unique_together = [("document", "code", "unit_kind", "start", "end")]


def codes_in_tree_order(queryset=None):
    """Codes depth-first (parents before their children), each with a ``depth`` attribute."""
    codes = list(queryset if queryset is not None else Code.objects.all())
    children = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    ordered = []

    def visit(parent_id, depth):
        for code in children.get(parent_id, []):
            code.depth = depth
            ordered.append(code)
            visit(code.pk, depth + 1)

    visit(None, 0)
    return ordered
