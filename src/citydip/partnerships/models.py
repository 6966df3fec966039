from django.conf import settings
from django.db import models

from citydip.frame.models import City
from citydip.gazetteer.models import Place


class Kind(models.TextChoices):
    SISTER = "sister", "sister city"
    FRIENDSHIP = "friendship", "friendship city"
    MEMORANDUM = "memorandum", "memorandum of understanding"
    AGREEMENT = "agreement", "cooperation agreement"
    INFORMAL = "informal", "informal"
    UNKNOWN = "unknown", "unknown"


class Status(models.TextChoices):
    ACTIVE = "active", "active"
    DORMANT = "dormant", "dormant"
    ENDED = "ended", "ended"
    UNKNOWN = "unknown", "unknown"


AREAS = ("economy", "education", "culture", "environment", "transport", "health", "tourism", "science", "other")


class Partnership(models.Model):
    """A tie between a frame city and a partner place. Facts come from its Evidence rows."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="partnerships")
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="partnerships")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNKNOWN)
    year_signed = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    areas = models.JSONField(default=list, blank=True)

    class Meta:
        unique_together = [("city", "place")]
        ordering = ["city", "place"]

    def __str__(self):
        return f"{self.city} – {self.place}"


class Evidence(models.Model):
    """Where one fact about a partnership comes from. Sources that disagree keep their own rows."""

    class Source(models.TextChoices):
        SURVEY = "survey", "survey"
        WIKIDATA = "wikidata", "Wikidata"
        IMPORT = "import", "import"
        MANUAL = "manual", "manual"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="evidence")
    source = models.CharField(max_length=20, choices=Source.choices)
    source_name = models.CharField(max_length=100, blank=True, help_text="e.g. the --source of an import")
    reference = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    year_signed = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    areas = models.JSONField(default=list, blank=True)
    data = models.JSONField(default=dict, blank=True, help_text="the source row as read")

    class Meta:
        ordering = ["partnership", "source", "recorded_at"]

    @property
    def source_label(self):
        return f"{self.source}: {self.source_name}" if self.source_name else self.source


SOURCE_PRIORITY = ("manual", "survey", "import", "wikidata")
FACTS = ("kind", "year_signed", "status")


def facts_of(partnership):
    """Each fact's value per source: {"kind": {"survey": "sister", "import": "friendship"}, ...} (blanks skipped)."""
    found = {fact: {} for fact in FACTS}
    for evidence in partnership.evidence.all():
        label = evidence.source_label
        for fact in FACTS:
            value = getattr(evidence, fact)
            if value not in (None, "", "unknown"):
                found[fact].setdefault(label, value)
    return found


def disagreements(partnership):
    """The facts on which sources disagree: {"year_signed": {"survey": 2004, "import: wiki": 2006}}."""
    return {fact: values for fact, values in facts_of(partnership).items() if len(set(values.values())) > 1}


def refresh_facts(partnership):
    """Set the partnership's summary facts from its evidence, preferring manual, then survey, import, Wikidata.
    A researcher's newest statement wins over their earlier ones (a correction); within other sources the
    first recorded row does."""
    ordered = sorted(partnership.evidence.order_by(),  # no SQL ordering: Evidence's joins three tables
                     key=lambda e: (SOURCE_PRIORITY.index(e.source), -e.pk if e.source == "manual" else e.pk))
    for fact in FACTS:
        values = [getattr(e, fact) for e in ordered if getattr(e, fact) not in (None, "", "unknown")]
        setattr(partnership, fact, values[0] if values else Partnership._meta.get_field(fact).get_default())
    areas = [e.areas for e in ordered if e.areas]
    partnership.areas = areas[0] if areas else []
    partnership.save()


class ImportRun(models.Model):
    """One run of ``citydip partnerships import`` (or of the demo): file, checksum and counts."""

    created = models.DateTimeField(auto_now_add=True)
    source_name = models.CharField(max_length=100)
    file_name = models.CharField(max_length=500)
    checksum = models.CharField(max_length=64)
    counts = models.JSONField(default=dict)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"import {self.source_name} ({self.created:%Y-%m-%d})"


class ImportedRow(models.Model):
    """A row of an imported file, remembered across imports by source and fingerprint.

    Rows that are not city partnerships (EU regions, districts, groupings), outside the PRC mainland or
    outside the frame are kept here with their outcome, so nothing read is lost and each count can be
    traced to its rows.
    """

    class Outcome(models.TextChoices):
        MATCHED = "matched", "matched"
        REVIEW = "review", "waiting for review"
        REJECTED = "rejected", "rejected"
        NOT_CITY = "not_city", "not a city partnership (flagged)"
        NOT_PRC = "not_prc", "not PRC mainland"

    source_name = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64, db_index=True)
    line = models.PositiveIntegerField(default=0)
    data = models.JSONField(default=dict)
    eu_name = models.CharField(max_length=200)
    eu_country = models.CharField(max_length=2)
    eu_level = models.CharField(max_length=40, blank=True)
    cn_name = models.CharField(max_length=200)
    cn_province = models.CharField(max_length=100, blank=True)
    territory = models.CharField(max_length=3, blank=True)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    city_candidates = models.JSONField(default=list, blank=True)
    place_candidates = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, db_index=True)
    reason = models.CharField(max_length=300, blank=True)
    partnership = models.ForeignKey(Partnership, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="imported_rows")

    class Meta:
        unique_together = [("source_name", "fingerprint")]
        ordering = ["eu_country", "eu_name", "cn_name"]

    def __str__(self):
        return f"{self.eu_name} ({self.eu_country}) – {self.cn_name} [{self.outcome}]"


class ReviewDecision(models.Model):
    """A researcher's decision on a pair of names; re-imports apply it instead of asking again."""

    fingerprint = models.CharField(max_length=64, unique=True)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    rejected = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"decision {self.fingerprint[:8]}: {'rejected' if self.rejected else f'{self.city} – {self.place}'}"
