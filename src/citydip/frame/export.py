"""Write the frame as CSV, in the column order the other stages and outside tools rely on."""
import csv
from pathlib import Path

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.files import atomic_write
from citydip.frame.models import City

COLUMNS = ("city_id", "name", "country_iso2", "population", "lat", "lon", "size_class")


def frame_rows():
    """The cities in the frame, by country and name, as export rows."""
    for city in City.objects.filter(in_frame=True).order_by("country_id", "name", "pk"):
        yield {"city_id": city.city_id, "name": city.name, "country_iso2": city.country_id,
               "population": city.population, "lat": city.lat, "lon": city.lon, "size_class": city.size_class}


def export_frame(output):
    """Write the frame to ``output`` (via a temporary file, so an interrupted export leaves no half file)."""
    output = Path(output)
    if not City.objects.filter(in_frame=True).exists():
        raise CitydipError("FRAME-E009", "the frame is empty: run `citydip frame build` first", file=str(output))
    if not output.parent.is_dir():
        raise CitydipError("FRAME-E009", "the folder of the output file does not exist: create it first",
                           file=str(output))
    count = 0
    with atomic_write(output, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in frame_rows():
            writer.writerow(row)
            count += 1
    record(None, "frame.export", None, output=str(output), cities=count)
    return count
