"""`citydip partnerships import|fetch-wikidata|reconcile`: the partnership register."""
import os

from citydip.core.command import CitydipCommand, arg, output, verb

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"


@verb("import", "import a CSV of EU–China pairs (eu_china_pairs.csv shape)",
      arg("file", help="the CSV file"),
      arg("--source", required=True, help="name of the source, kept in each Evidence row"),
      arg("--all-territories", action="store_true",
          help="also import Hong Kong, Macau and Taiwan rows (kept apart by default)"))
def import_(command, file, source, all_territories=False, **options):
    from citydip.partnerships.importer import import_pairs

    run = import_pairs(file, source, all_territories=all_territories)
    c = run.counts
    command.stdout.write(
        f"{c['rows']} rows from {run.file_name} (source {source}): matched {c['matched']}, "
        f"review {c['review']}, rejected {c['rejected']}; kept apart: not a city partnership (regions, "
        f"districts, groupings) {c['not_city']}, not PRC mainland {c['not_prc']}")


@verb("fetch-wikidata", "query Wikidata (P190) for twinning between the frame's countries and the PRC; "
      "write the pairs CSV shape",
      output("CSV to write"),
      arg("--endpoint", default=os.environ.get("CITYDIP_WIKIDATA_ENDPOINT", DEFAULT_ENDPOINT),
          help="SPARQL endpoint (default: Wikidata's; env CITYDIP_WIKIDATA_ENDPOINT)"),
      arg("--timeout", type=float, default=60.0))
def fetch_wikidata(command, output, endpoint, timeout, **options):
    from citydip.partnerships.sources.wikidata import fetch_to_csv

    count = fetch_to_csv(output, endpoint, timeout=timeout)
    command.stdout.write(f"{count} pairs from {endpoint} written to {output}; import them with "
                         f"`citydip partnerships import {output} --source wikidata`")


@verb("reconcile", "per city: partnerships only in open data, only in survey answers, or in both with differences",
      output("also write the list as CSV", required=False))
def reconcile(command, output=None, **options):
    from citydip.partnerships.reconcile import reconcile, write_csv

    report = reconcile()
    for line in report.lines():
        command.stdout.write(line)
    if output:
        write_csv(report, output)
        command.stdout.write(f"written to {output}")


class Command(CitydipCommand):
    help = ("The partnership register: `import` a pairs CSV, `fetch-wikidata` (P190 twinning) into a CSV, "
            "`reconcile` open data with survey answers.")
    verbs = (import_, fetch_wikidata, reconcile)
