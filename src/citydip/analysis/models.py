"""Covariates attached to cities or countries, case studies, and the record of each analysis run."""
from django.db import models

from citydip.core.models import Country
from citydip.frame.models import City


class Covariate(models.Model):
    """One value of one variable (GDP per head, population growth...) for a city or a country, with its source."""

    class Level(models.TextChoices):
        CITY = "city", "city"
        COUNTRY = "country", "country"

    level = models.CharField(max_length=10, choices=Level.choices)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.CASCADE, related_name="covariates")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.CASCADE, related_name="covariates")
    variable = models.CharField(max_length=60, db_index=True, help_text="snake_case name, e.g. gdp_per_head")
    value = models.FloatField()
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=300, help_text="where the value comes from (publisher, table, URL)")
    synthetic = models.BooleanField(default=False, help_text="made up by `citydip demo`, not a real value")
    file = models.CharField(max_length=300, blank=True, help_text="the file it was imported from")
    imported = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["variable", "level", "city", "country", "year"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(level="city", city__isnull=False, country__isnull=True)
                           | models.Q(level="country", country__isnull=False, city__isnull=True)),
                name="covariate_level_matches_target",
            )
        ]

    def __str__(self):
        target = self.city if self.level == self.Level.CITY else self.country_id
        return f"{self.variable}={self.value:g} ({target}, {self.year or 'no year'})"


class CaseStudy(models.Model):
    """A city chosen for a case study: why it was chosen (covariates and rule), and how the case goes."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        ACCEPTED = "accepted", "accepted"
        FIELDWORK = "fieldwork", "in fieldwork"
        WRITTEN = "written", "written"
        DROPPED = "dropped", "dropped"

    # Cases that get a chapter in the book: accepted and everything after it except dropped.
    CHAPTER_STATUSES = ("accepted", "fieldwork", "written")

    city = models.OneToOneField(City, on_delete=models.PROTECT, related_name="case_study")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    rationale = models.JSONField(default=dict, blank=True,
                                 help_text="covariates (raw and standardised), the rule, constraints, why this city")
    seed = models.BigIntegerField(null=True, blank=True)
    selected = models.DateTimeField(null=True, blank=True, help_text="when `cases select` last chose it")
    status_reason = models.TextField(blank=True, help_text="why the case has its current status")
    notes = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["city__country_id", "city__name"]
        verbose_name_plural = "case studies"

    def __str__(self):
        return f"case study {self.city} ({self.status})"

    @property
    def has_chapter(self):
        return self.status in self.CHAPTER_STATUSES


class AnalysisRun(models.Model):
    """One `citydip analyze` run: where it wrote, the database state it read and the library versions."""

    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)
    output_dir = models.CharField(max_length=500)
    database_state = models.JSONField(default=dict, help_text="row counts and sha256 of the data used")
    versions = models.JSONField(default=dict, help_text="python and library versions")
    outputs = models.JSONField(default=list, blank=True, help_text="the entries of index.json")
    skipped = models.JSONField(default=list, blank=True, help_text="parts skipped, with the reason")

    class Meta:
        ordering = ["-started", "-id"]

    def __str__(self):
        return f"analysis run {self.started:%Y-%m-%d %H:%M} → {self.output_dir}"

    @property
    def checksum(self):
        return self.database_state.get("checksum", "")
