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
    from citydip.core.jobs import run_here
    from citydip.reports.tasks import build_deposit

    result = run_here(build_deposit, output_dir=output, quiet=True, echo=False, confidential_as=confidential_as,
                      wave_id=wave, language=language)
    command.stdout.write(f"deposit package: {result['count']} files in {output}; {result['summary']}")


class Command(CitydipCommand):
    help = "The anonymised data package for a repository (Zenodo, Mendeley Data)."
    verbs = (build,)
