"""`citydip frame build|export`: build the sampling frame from a source, or write it as CSV."""
from django.conf import settings

from citydip.core.command import CitydipCommand, arg, output, quiet, verb
from citydip.core.countries import EU27, is_country_code, normalise_iso2
from citydip.core.errors import CitydipError
from citydip.frame.build import build_frame
from citydip.frame.export import export_frame
from citydip.frame.importers import SOURCES, importer_for


def parse_countries(text):
    """``DE,FR,EL`` -> ["DE", "FR", "GR"]; ``EU27`` stands for the 27 member states."""
    codes = []
    for part in (p.strip() for p in (text or "EU27").split(",") if p.strip()):
        if part.upper() in ("EU27", "EU-27"):
            codes.extend(EU27)
            continue
        code = normalise_iso2(part)
        if not is_country_code(code):
            raise CitydipError("FRAME-E008", f"unknown country code {part!r} in --countries: use ISO 3166-1 "
                               "alpha-2 codes separated by commas, or EU27", field="--countries")
        codes.append(code)
    return sorted(set(codes))


@verb("build", "build or update the frame from a source",
      arg("--source", required=True, choices=SOURCES,
          help="urau: the Urban Audit CSV given with --input; geonames: the installed fallback"),
      arg("--input", help="the Urban Audit CSV (for --source urau)"),
      arg("--min-population", type=int, default=settings.CITYDIP_MIN_POPULATION,
          help="a city is in the frame when its population is above this (default %(default)s)"),
      arg("--countries", default="EU27", help="comma-separated ISO codes (default EU27)"),
      quiet())
def build(command, source, input, min_population, countries, quiet, **options):
    if source == "urau" and not input:
        raise CitydipError("FRAME-E008", "--source urau needs --input FILE.csv (the Urban Audit CSV)",
                           field="--input")
    if min_population < 0:
        raise CitydipError("FRAME-E008", "--min-population must be 0 or more", field="--min-population")
    codes = parse_countries(countries)
    data = importer_for(source)(input, countries=codes, min_population=min_population)
    report = build_frame(data, min_population=min_population, countries=codes, quiet=quiet)
    command.stdout.write(describe(report))


@verb("export", "write the cities of the frame as CSV", output("the CSV file to write"))
def export(command, output, **options):
    count = export_frame(output)
    command.stdout.write(f"{count} cities written to {output}")


class Command(CitydipCommand):
    help = "Build the sampling frame of cities (urau CSV or GeoNames fallback) or export it as CSV."
    verbs = (build, export)


def describe(report):
    c = report.counts
    counts = (f"{c['read']} read, {c['in_frame']} in the frame from {len(c['by_country'])} countries; "
              f"created {c['created']}, updated {c['updated']}, unchanged {c['unchanged']}, "
              f"left the frame {c['dropped']}")
    if c["districts_excluded"]:
        counts += f"; {c['districts_excluded']} city districts left out"
    if c["population_from_geonames"] or c["population_missing"]:
        counts += (f"; population from GeoNames {c['population_from_geonames']}, "
                   f"missing {c['population_missing']}")
    if not report.changed:
        return f"frame unchanged: version {report.version.pk} is current ({counts})"
    return f"frame version {report.version.pk} ({report.version.source}): {counts}"
