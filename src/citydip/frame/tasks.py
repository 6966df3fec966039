"""The frame build as a job: from an uploaded Urban Audit file, or from the configured source.

Same code as ``citydip frame build`` (importers + ``build.build_frame``). The job's log and its file
``changes.csv`` say what changed: cities created, updated, and those that entered or left the frame.
"""
import csv
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER
from citydip.frame.build import build_frame
from citydip.frame.importers import importer_for
from citydip.frame.models import City

UPLOADS = "uploads"


def configured_source():
    """(source, path): the Urban Audit file of the open data folder (CITYDIP_DATA/frame/eu_cities_urau.csv)
    when there is one, else the GeoNames fallback installed with citydip (as ``citydip demo`` does)."""
    if settings.CITYDIP_DATA:
        path = Path(settings.CITYDIP_DATA) / "frame" / "eu_cities_urau.csv"
        if path.is_file():
            return "urau", str(path)
    return "geonames", None


def upload_folder():
    folder = Path(settings.CITYDIP_JOBS_DIR) / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def in_frame():
    return dict(City.objects.filter(in_frame=True).values_list("pk", "urau_code"))


@job_task(title=_("Frame build"), roles=(RESEARCHER,))
def build(context, source, min_population, countries, input_path=None, input_name=""):
    from citydip.frame.management.commands.frame import describe

    context.describe(source=source, input=input_name or input_path or "", min_population=min_population,
                     countries=",".join(countries))
    before = in_frame()
    data = importer_for(source)(input_path, countries=countries, min_population=min_population)
    if input_name:
        data.input_file = input_name
    report = build_frame(data, min_population=min_population, countries=countries)
    after = in_frame()
    entered, left = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    context.log(describe(report))
    changes = [("entered", pk) for pk in entered] + [("left", pk) for pk in left]
    names = {c.pk: c for c in City.objects.filter(pk__in=[pk for _, pk in changes]).select_related("country")}
    with context.output_file("changes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["change", "city_id", "name", "country_iso2", "population", "reason"])
        for change, pk in changes:
            city = names[pk]
            writer.writerow([change, city.city_id, city.name, city.country_id, city.population or "",
                             city.in_frame_reason])
    for change, pk in changes[:50]:
        context.log(f"{change}: {names[pk].name} ({names[pk].country_id})")
    if input_path and Path(input_path).parent == upload_folder():
        Path(input_path).unlink(missing_ok=True)  # the upload is kept until the build succeeded
    return {**{k: report.counts[k] for k in ("read", "created", "updated", "unchanged", "dropped", "in_frame")},
            "entered": len(entered), "left": len(left), "changed": report.changed}

