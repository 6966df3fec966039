"""``citydip deposit build --output DIR [--confidential-as country_size|omit]``: the anonymised package."""
from citydip.core.command import CitydipCommand, arg, output, verb, wave
from citydip.reports import deposit


@verb("build", "write the anonymised deposit package into a folder",
      output("the folder to write into"),
      arg("--confidential-as", default="country_size", choices=deposit.CONFIDENTIAL_MODES,
          help="cities that asked not to be named: shown by country and size class (country_size, the default) "
               "or left out (omit)"),
      wave(),
      arg("--language", default=None, help="language of the labels (default: the form's)"))
def build(command, output, confidential_as, wave, language, **options):
    counts, paths = deposit.build(output, confidential_as, wave, language)
    command.stdout.write(f"deposit package: {len(paths)} files in {output}; {deposit.summary(counts)}")


class Command(CitydipCommand):
    help = "The anonymised data package for a repository (Zenodo, Mendeley Data)."
    verbs = (build,)
