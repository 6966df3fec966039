from django.conf import settings
from django.db import models
from django.utils import timezone


class Country(models.Model):
    """A country by ISO 3166-1 alpha-2 code (Greece is GR, not EL)."""

    iso2 = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=100)
    eu_member = models.BooleanField(default=False, db_index=True)
    languages = models.JSONField(default=list, blank=True, help_text="official languages, ISO 639-1 codes")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    @classmethod
    def ensure(cls, iso2):
        """The country with this code, created from pycountry when it is not in the table yet."""
        from citydip.core.countries import EU27_LANGUAGES, country_name

        country, _ = cls.objects.get_or_create(
            iso2=iso2,
            defaults={"name": country_name(iso2), "eu_member": iso2 in EU27_LANGUAGES,
                      "languages": EU27_LANGUAGES.get(iso2, [])},
        )
        return country


class AuditEvent(models.Model):
    """Who viewed, changed or exported what (GDPR accountability)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=40, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.object_type} {self.object_id}"


class TokenFailure(models.Model):
    """Wrong tokens (survey links, API, opt-out) per client address (hashed), shared by every server worker."""

    client = models.CharField(max_length=64, unique=True, help_text="HMAC of the client's IP address")
    failures = models.PositiveIntegerField(default=0)
    first = models.DateTimeField(default=timezone.now)
    last = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.failures} failures"


# The jobs' models live beside their code (core/jobs/); imported here so Django finds them (app "core").
from citydip.core.jobs.models import Job, JobFile, JobLogLine  # noqa: E402,F401
