from citydip.core.command import CitydipCommand


class Command(CitydipCommand):
    help = "The gazetteer of Chinese places: `build` loads it, `match` matches a CSV of names."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        build = verbs.add_parser("build", help="load places from GeoNames, ISO 3166-2:CN, GB/T 2260 and exonyms")
        build.add_argument("--input", help="a cn_gazetteer.csv-shaped file that enriches the places")
        match = verbs.add_parser("match", help="match the `name` column of a CSV file to places")
        match.add_argument("input", help="CSV with a column `name` (optional column `province`)")
        match.add_argument("--output", required=True, help="CSV to write: name,place_id,matched_name,province,level,score,status")

    def handle(self, *args, verb, **options):
        getattr(self, f"handle_{verb}")(**options)

    def handle_build(self, input=None, **options):
        from citydip.gazetteer.build import build_gazetteer

        build = build_gazetteer(input)
        c = build.counts
        self.stdout.write(
            f"gazetteer: {c['places']} places ({c['places_created']} new, {c['places_updated']} updated), "
            f"{c['names']} names ({c['names_created']} new, {c['names_deleted']} removed); "
            f"by territory {c['by_country']}; PRC levels {c['by_level']}")

    def handle_match(self, input, output, **options):
        from citydip.gazetteer.match_file import match_file

        counts = match_file(input, output)
        total = sum(counts.values())
        self.stdout.write(f"matched {counts['matched']}, ambiguous {counts['ambiguous']}, "
                          f"unmatched {counts['unmatched']} of {total} names; written to {output}")
