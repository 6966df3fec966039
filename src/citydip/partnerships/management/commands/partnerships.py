import os

from citydip.core.command import CitydipCommand

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"


class Command(CitydipCommand):
    help = ("The partnership register: `import` a pairs CSV, `fetch-wikidata` (P190 twinning) into a CSV, "
            "`reconcile` open data with survey answers.")

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        imp = verbs.add_parser("import", help="import a CSV of EU–China pairs (eu_china_pairs.csv shape)")
        imp.add_argument("file", help="the CSV file")
        imp.add_argument("--source", required=True, help="name of the source, kept in each Evidence row")
        imp.add_argument("--all-territories", action="store_true",
                         help="also import Hong Kong, Macau and Taiwan rows (kept apart by default)")
        fetch = verbs.add_parser("fetch-wikidata", help="query Wikidata (P190) for twinning between the frame's "
                                 "countries and the PRC; write the pairs CSV shape")
        fetch.add_argument("--output", required=True, help="CSV to write")
        fetch.add_argument("--endpoint", default=os.environ.get("CITYDIP_WIKIDATA_ENDPOINT", DEFAULT_ENDPOINT),
                           help="SPARQL endpoint (default: Wikidata's; env CITYDIP_WIKIDATA_ENDPOINT)")
        fetch.add_argument("--timeout", type=float, default=60.0)
        rec = verbs.add_parser("reconcile", help="per city: partnerships only in open data, only in survey answers, "
                               "or in both with differences")
        rec.add_argument("--output", help="also write the list as CSV")

    def handle(self, *args, verb, **options):
        getattr(self, "handle_" + verb.replace("-", "_"))(**options)

    def handle_import(self, file, source, all_territories=False, **options):
        from citydip.partnerships.importer import import_pairs

        run = import_pairs(file, source, all_territories=all_territories)
        c = run.counts
        self.stdout.write(
            f"{c['rows']} rows from {run.file_name} (source {source}): matched {c['matched']}, "
            f"review {c['review']}, rejected {c['rejected']}; kept apart: not a city partnership (regions, "
            f"districts, groupings) {c['not_city']}, not PRC mainland {c['not_prc']}")

    def handle_fetch_wikidata(self, output, endpoint, timeout, **options):
        from citydip.partnerships.sources.wikidata import fetch_to_csv

        count = fetch_to_csv(output, endpoint, timeout=timeout)
        self.stdout.write(f"{count} pairs from {endpoint} written to {output}; import them with "
                          f"`citydip partnerships import {output} --source wikidata`")

    def handle_reconcile(self, output=None, **options):
        from citydip.partnerships.reconcile import reconcile, write_csv

        report = reconcile()
        for line in report.lines():
            self.stdout.write(line)
        if output:
            write_csv(report, output)
            self.stdout.write(f"written to {output}")
