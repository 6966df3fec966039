from django.db import models


class Place(models.Model):
    """A place of the partner country: a province-level unit, prefecture-level or county-level city, district."""

    class Level(models.TextChoices):
        PROVINCE = "province", "province-level unit"
        PREFECTURE = "prefecture", "prefecture-level city"
        COUNTY = "county", "county-level city"
        DISTRICT = "district", "district"
        CITY = "city", "city (level unknown)"

    place_id = models.CharField(max_length=20, unique=True, help_text="GeoNames id, or ISO 3166-2 code for provinces")
    geonames_id = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    name = models.CharField(max_length=200, db_index=True, help_text="pinyin name")
    name_zh = models.CharField(max_length=100, blank=True)
    alternate_names = models.JSONField(default=list, blank=True)
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.CITY)
    # The partner country, or a territory kept apart from it (gazetteer/territories.py); China by default.
    country_code = models.CharField(max_length=2, default="CN", help_text="CN, or HK/MO/TW kept apart")
    province = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="places")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    population = models.PositiveBigIntegerField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=100, blank=True)
    gb_code = models.CharField(max_length=6, blank=True, help_text="GB/T 2260 administrative division code")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} {self.name_zh}".strip()

    @property
    def is_prc(self):
        """True for a place of the partner country itself (for China: the PRC mainland); places of the
        territories kept apart (Hong Kong, Macau, Taiwan) are flagged."""
        from citydip.gazetteer.territories import partner

        return self.country_code == partner()

    @property
    def territory_label(self):
        from citydip.gazetteer.territories import territory_label

        return territory_label(self.country_code)


class PlaceName(models.Model):
    """One name a place is known by, with where the name comes from (the matcher's index is built from these)."""

    class Kind(models.TextChoices):
        PRIMARY = "primary", "main name (pinyin)"
        CHINESE = "chinese", "Chinese characters"
        EXONYM = "exonym", "exonym or historic romanisation"
        ALTERNATE = "alternate", "GeoNames alternate name"

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, help_text="normalised form used for matching")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=10, blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["place", "kind", "name"]
        unique_together = [("place", "name", "kind")]

    def __str__(self):
        return f"{self.name} → {self.place.name}"


class GazetteerBuild(models.Model):
    """One run of ``citydip gazetteer build``: which sources it read and what it counted."""

    created = models.DateTimeField(auto_now_add=True)
    sources = models.JSONField(default=list, help_text="the sources read, with versions and checksums")
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"gazetteer build {self.pk} ({self.created:%Y-%m-%d})"
