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
    country_code = models.CharField(max_length=2, default="CN", help_text="CN, or HK/MO/TW kept apart")
    province = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="places")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    population = models.PositiveBigIntegerField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    source = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} {self.name_zh}".strip()
