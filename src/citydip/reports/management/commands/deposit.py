"""``citydip deposit build --output DIR [--confidential-as country_size|omit]``: the anonymised package."""
from citydip.core.command import CitydipCommand
from citydip.reports import deposit


class Command(CitydipCommand):
    help = "The anonymised data package for a repository (Zenodo, Mendeley Data)."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        build = verbs.add_parser("build", help="write the anonymised deposit package into a folder")
        build.add_argument("--output", required=True, help="the folder to write into")
        build.add_argument("--confidential-as", default="country_size", choices=deposit.CONFIDENTIAL_MODES,
                           help="cities that asked not to be named: shown by country and size class "
                                "(country_size, the default) or left out (omit)")
        build.add_argument("--wave", type=int, default=None, help="the wave's id (default: the current wave)")
        build.add_argument("--language", default=None, help="language of the labels (default: the form's)")

    def handle(self, *args, verb, output, confidential_as, wave, language, **options):
        counts, paths = deposit.build(output, confidential_as, wave, language)
        self.stdout.write(f"deposit package: {len(paths)} files in {output}; {deposit.summary(counts)}")
