"""`citydip partnerships import|fetch-wikidata|reconcile`: the partnership register."""
from django.conf import settings

from citydip.core.command import CitydipCommand, arg, output, verb


@verb("import", "import a CSV of pairs: eu_china_pairs.csv shape, or all_pairs.csv shape filtered to frame "
      "cities and the partner country",
      arg("file", help="the CSV file"),
      arg("--source", required=True, help="name of the source, kept in each Evidence row"),
      arg("--all-territories", action="store_true",
          help="also import the rows of territories kept apart from the partner country (for China: Hong Kong, "
               "Macau, Taiwan)"))
def import_(command, file, source, all_territories=False, **options):
    from citydip.core.jobs import run_here
    from citydip.partnerships.tasks import import_partnerships

    run_here(import_partnerships, stdout=command.stdout, quiet=True, path=file, source=source,
             all_territories=all_territories)


@verb("fetch-wikidata", "query Wikidata (P190) for twinning between the frame's countries and the partner country; "
      "write the pairs CSV shape",
      output("CSV to write"),
      arg("--endpoint", default=settings.CITYDIP_WIKIDATA_ENDPOINT,
          help="SPARQL endpoint (default: Wikidata's; env CITYDIP_WIKIDATA_ENDPOINT)"),
      arg("--timeout", type=float, default=60.0))
def fetch_wikidata(command, output, endpoint, timeout, **options):
    from citydip.partnerships.sources.wikidata import fetch_to_csv

    count = fetch_to_csv(output, endpoint, timeout=timeout)
    command.stdout.write(f"{count} pairs from {endpoint} written to {output}; import them with "
                         f"`citydip partnerships import {output} --source wikidata`")


class Command(CitydipCommand):
    help = ("The partnership register: `import` a pairs CSV, `fetch-wikidata` (P190 twinning) into a CSV, "
            "`reconcile` open data with survey answers.")
    verbs = (import_, fetch_wikidata)
    hook_verbs = True  # + reconcile, from the survey app (survey/command_verbs.py)
