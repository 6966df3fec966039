"""Demo step of the frame: the Urban Audit frame from the open data folder, else the GeoNames fallback."""
from django.conf import settings

from citydip.core.countries import EU27
from citydip.frame.build import build_frame
from citydip.frame.importers import importer_for


def build_demo(ctx):
    path = ctx.data_file("frame", "eu_cities_urau.csv")
    source = "urau" if path else "geonames"
    minimum = settings.CITYDIP_MIN_POPULATION
    data = importer_for(source)(path, countries=EU27, min_population=minimum)
    report = build_frame(data, min_population=minimum, countries=EU27, quiet=ctx.quiet)
    ctx.log(f"frame: {report.counts['in_frame']} cities in the frame from {source}"
            f"{'' if report.changed else ' (unchanged)'}")
