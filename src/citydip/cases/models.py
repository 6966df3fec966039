"""The workspace of a case study: dated events of its timeline that researchers add, and field visits.

The case study itself (``analysis.CaseStudy``: city, selection rationale, status with its reason) is
chosen by `citydip cases select`; interviews and documents link to it in the qda app. Everything else
on a case's timeline (ties, survey answers, interviews, documents) is read from where it lives.
"""
from django.conf import settings
from django.db import models

from citydip.analysis.models import CaseStudy


class CaseEvent(models.Model):
    """A dated event a researcher adds to a case's timeline, always with its source."""

    class Kind(models.TextChoices):
        DELEGATION = "delegation", "delegation"
        AGREEMENT = "agreement", "agreement"
        TIE_SIGNED = "tie_signed", "tie signed"
        TIE_ENDED = "tie_ended", "tie ended"
        MEETING = "meeting", "meeting"
        STATUS = "status", "case status"
        OTHER = "other", "other"

    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="events")
    date = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=500, help_text="where this is known from: URL, citation, interview, ...")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    synthetic = models.BooleanField(default=False, help_text="made up by `citydip demo`")

    class Meta:
        ordering = ["case", "date", "id"]

    def __str__(self):
        return f"{self.date} {self.title}"


class FieldVisit(models.Model):
    """A researcher's visit to the case city: dates, people met (pseudonyms only) and notes."""

    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="field_visits")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    people_met = models.TextField(blank=True, help_text="pseudonyms, one a line (never names)")
    notes = models.TextField(blank=True)
    researcher = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    synthetic = models.BooleanField(default=False, help_text="made up by `citydip demo`")

    class Meta:
        ordering = ["case", "start", "id"]

    def __str__(self):
        return f"visit {self.start}"

    def people(self):
        return [line.strip() for line in self.people_met.splitlines() if line.strip()]
