from django.conf import settings
from django.db import models

from citydip.core.models import Country


def size_class_for(population, bounds=None):
    """Label of the size class a population falls in, e.g. ``100k–250k``; bounds from settings."""
    bounds = bounds or settings.CITYDIP_SIZE_CLASSES
    if population is None:
        return ""
    labels = size_class_labels(bounds)
    if population < bounds[0]:
        return f"<{_short(bounds[0])}"
    for low, label in zip(bounds, labels):
        if population >= low:
            chosen = label
    return chosen


def size_class_labels(bounds=None):
    bounds = bounds or settings.CITYDIP_SIZE_CLASSES
    labels = [f"{_short(lo)}–{_short(hi)}" for lo, hi in zip(bounds, bounds[1:])]
    return labels + [f">{_short(bounds[-1])}"]


def _short(n):
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k"


class FrameVersion(models.Model):
    """One build of the frame: where it came from and by which rule, so a wave can say which it used.

    ``cities`` are the cities that were in the frame when this version was built (the frame of a wave).
    """

    created = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=40)
    input_file = models.CharField(max_length=500, blank=True)
    checksum = models.CharField(max_length=64, blank=True, help_text="sha256 of the input file")
    rule = models.JSONField(default=dict, help_text="min_population, countries, size classes")
    counts = models.JSONField(default=dict, help_text="created, updated, unchanged, in frame, by country")
    cities = models.ManyToManyField("City", blank=True, related_name="frame_versions",
                                    help_text="the cities in the frame of this version")

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"frame v{self.pk} ({self.source}, {self.created:%Y-%m-%d})"

    @classmethod
    def current(cls):
        """The newest frame version, or None before the first build."""
        return cls.objects.order_by("-created", "-pk").first()


class PopulationStatus(models.TextChoices):
    """How trustworthy a city's population figure is; anything but CURRENT is flagged on the frame page."""

    CURRENT = "current", "current"
    OLD = "old", "old"
    NO_YEAR = "no_year", "no reference year"
    GEONAMES = "geonames", "from GeoNames"
    MISSING = "missing", "missing"


class City(models.Model):
    """A city of the sampling frame."""

    name = models.CharField(max_length=200, db_index=True)
    native_name = models.CharField(max_length=200, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="cities")
    population = models.PositiveIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(null=True, blank=True)
    population_source = models.CharField(max_length=100, blank=True)
    population_status = models.CharField(max_length=10, choices=PopulationStatus.choices, blank=True,
                                         db_index=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    nuts3 = models.CharField(max_length=10, blank=True)
    urau_code = models.CharField(max_length=10, blank=True, db_index=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    wikidata_id = models.CharField(max_length=20, blank=True, db_index=True)
    is_capital = models.BooleanField(default=False)
    size_class = models.CharField(max_length=20, blank=True, db_index=True)
    in_frame = models.BooleanField(default=True, db_index=True)
    in_frame_reason = models.CharField(max_length=200, blank=True)
    frame_version = models.ForeignKey(FrameVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                      help_text="the frame version that last created or changed this city")
    source = models.CharField(max_length=20, blank=True, db_index=True, help_text="importer: urau or geonames")

    class Meta:
        ordering = ["country_id", "name"]
        verbose_name_plural = "cities"

    def __str__(self):
        return f"{self.name} ({self.country_id})"

    @property
    def city_id(self):
        """The stable public id of the city: its Urban Audit code, else ``GN<geonames id>``, else ``C<pk>``."""
        if self.urau_code:
            return self.urau_code
        if self.geonames_id:
            return f"GN{self.geonames_id}"
        return f"C{self.pk}"
