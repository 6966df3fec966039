"""`citydip cases select|list`: choose case-study cities and list them."""
from pathlib import Path

from citydip.core.command import CitydipCommand, arg, output, verb


@verb("select", "choose N diverse cities among consenting cooperating respondents",
      arg("-n", type=int, default=10, help="how many cities (default 10)"),
      output("CSV: city_id,name,country_iso2,population + the covariates used; "
             "the PCA figure goes next to it as <name>.png and .svg", required=False),
      arg("--figure", help="path stem of the PCA figure (default: next to --output)"),
      arg("--seed", type=int, default=0, help="seed of the random starts and draws (default 0)"),
      arg("--max-per-country", type=int, default=2, help="at most this many per country (default 2)"),
      arg("--include", nargs="*", default=[], metavar="CITY_ID", help="cities that must be chosen"),
      arg("--exclude", nargs="*", default=[], metavar="CITY_ID", help="cities that must not be chosen"),
      arg("--covariates", nargs="*", default=[], metavar="NAME",
          help="covariates to use (default: log_population and every imported covariate present)"),
      arg("--dry-run", action="store_true", help="print only; store no CaseStudy rows"))
def select(command, n, output, figure, seed, max_per_country, include, exclude, covariates, dry_run, **options):
    from citydip.analysis import case_report, dataset
    from citydip.analysis.cases import Request, select

    request = Request(n=n, max_per_country=max_per_country, include=tuple(include), exclude=tuple(exclude),
                      seed=seed, covariates=tuple(covariates))
    selection = select(dataset.load(), request)
    for line in case_report.summary_lines(selection, request):
        command.stdout.write(line)
    if output:
        case_report.write_csv(selection, output)
        command.stdout.write(f"wrote {output}")
    stem = figure or (str(Path(output).with_suffix("")) if output else None)
    if stem:
        for path in case_report.pca_figure(selection, stem):
            command.stdout.write(f"wrote {path}")
    if not dry_run:
        stored = case_report.store(selection, request)
        command.stdout.write(f"stored {stored.count()} case studies (status and rationale: `citydip cases list`)")


@verb("list", "the case studies with status and the reason each was chosen")
def list_(command, **options):
    from citydip.analysis.models import CaseStudy

    for case in CaseStudy.objects.select_related("city"):
        reason = f" [{case.status_reason}]" if case.status_reason else ""
        command.stdout.write(f"{case.pk:>4}  {case.city.city_id:<12}{case.city.name[:28]:<30}{case.city.country_id:<4}"
                             f"{case.status:<11}{case.rationale.get('why', '')}{reason}")


class Command(CitydipCommand):
    help = ("Choose case-study cities by diverse-case selection (`cases select`), list them (`cases list`); the cases "
            "app adds `cases report` (a case's chapter).")
    verbs = (select, list_)
    hook_verbs = True
