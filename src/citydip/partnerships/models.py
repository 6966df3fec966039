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
