from django.conf import settings
from django.db import models


class MapSettings(models.Model):
    """The one row of map settings: whether the anonymised public map is switched on (off by default)."""

    public = models.BooleanField(default=False, help_text="show the anonymised map at /map/public/ without login")
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "map settings"
        verbose_name_plural = "map settings"

    def __str__(self):
        return "public map " + ("on" if self.public else "off")

    @classmethod
    def load(cls):
        """The settings row, created (public map off) when missing."""
        return cls.objects.get_or_create(pk=1)[0]

    @classmethod
    def public_map_on(cls):
        return cls.objects.filter(pk=1, public=True).exists()


class MapPayload(models.Model):
    """The map's computed JSON (gzip-compressed), shared by every server worker until the data changes.

    ``fingerprint`` is ``cache.data_fingerprint()`` at computation time; a request whose fingerprint
    differs computes the payload again and replaces the row. Saving or deleting a city, place,
    partnership or evidence row empties the table at once (``signals.py``), so an edit made in place
    shows at the next load."""

    name = models.CharField(max_length=20)
    audience = models.CharField(max_length=20)
    fingerprint = models.CharField(max_length=64)
    body = models.BinaryField()
    computed = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "audience"], name="one_map_payload_per_view")]

    def __str__(self):
        return f"{self.name} ({self.audience})"
