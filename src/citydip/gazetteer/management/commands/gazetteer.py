"""`citydip gazetteer build|match`: load the gazetteer of the partner country, match a CSV of names."""
from citydip.core.command import CitydipCommand, arg, output, verb


@verb("build", "load the partner country's places: GeoNames, ISO 3166-2 subdivisions, exonyms (China: GB/T 2260 too)",
      arg("--input", help="a cn_gazetteer.csv-shaped file that enriches the places"))
def build(command, input=None, **options):
    from citydip.gazetteer.build import build_gazetteer

    built = build_gazetteer(input)
    c = built.counts
    command.stdout.write(
        f"gazetteer: {c['places']} places ({c['places_created']} new, {c['places_updated']} updated), "
        f"{c['names']} names ({c['names_created']} new, {c['names_deleted']} removed); "
        f"by territory {c['by_country']}; levels {c['by_level']}")


@verb("match", "match the `name` column of a CSV file to places",
      arg("input", help="CSV with a column `name` (optional column `province`)"),
      output("CSV to write: name,place_id,matched_name,province,level,score,status"))
def match(command, input, output, **options):
    from citydip.gazetteer.match_file import match_file

    counts = match_file(input, output)
    total = sum(counts.values())
    command.stdout.write(f"matched {counts['matched']}, ambiguous {counts['ambiguous']}, "
                         f"unmatched {counts['unmatched']} of {total} names; written to {output}")


class Command(CitydipCommand):
    help = "The gazetteer of the partner country's places: `build` loads it, `match` matches a CSV of names."
    verbs = (build, match)
