from pathlib import Path

from citydip.core.command import CitydipCommand
from citydip.core.errors import CitydipError


class Command(CitydipCommand):
    help = ("Choose case-study cities by diverse-case selection (`cases select`), list them (`cases list`) and build "
            "a case's chapter (`cases report CASE --output DIR`).")

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        select = verbs.add_parser("select", help="choose N diverse cities among consenting cooperating respondents")
        select.add_argument("-n", type=int, default=10, help="how many cities (default 10)")
        select.add_argument("--output", help="CSV: city_id,name,country_iso2,population + the covariates used; "
                            "the PCA figure goes next to it as <name>.png and .svg")
        select.add_argument("--figure", help="path stem of the PCA figure (default: next to --output)")
        select.add_argument("--seed", type=int, default=0, help="seed of the random starts and draws (default 0)")
        select.add_argument("--max-per-country", type=int, default=2, help="at most this many per country (default 2)")
        select.add_argument("--include", nargs="*", default=[], metavar="CITY_ID", help="cities that must be chosen")
        select.add_argument("--exclude", nargs="*", default=[], metavar="CITY_ID", help="cities that must not be chosen")
        select.add_argument("--covariates", nargs="*", default=[], metavar="NAME",
                            help="covariates to use (default: log_population and every imported covariate present)")
        select.add_argument("--dry-run", action="store_true", help="print only; store no CaseStudy rows")
        verbs.add_parser("list", help="the case studies with status and the reason each was chosen")
        report = verbs.add_parser("report", help="a case's chapter: DIR/chapter.html and DIR/chapter.pdf")
        report.add_argument("case", help="the city's Urban Audit code (city id) or the case study's id")
        report.add_argument("--output", required=True, help="folder for chapter.html, chapter.pdf, figures/")

    def handle(self, *args, verb, **options):
        getattr(self, f"handle_{verb}")(**options)

    def handle_select(self, n, output, figure, seed, max_per_country, include, exclude, covariates, dry_run, **options):
        from citydip.analysis import case_report, dataset
        from citydip.analysis.cases import Request, select

        request = Request(n=n, max_per_country=max_per_country, include=tuple(include), exclude=tuple(exclude),
                          seed=seed, covariates=tuple(covariates))
        selection = select(dataset.load(), request)
        for line in case_report.summary_lines(selection, request):
            self.stdout.write(line)
        if output:
            case_report.write_csv(selection, output)
            self.stdout.write(f"wrote {output}")
        stem = figure or (str(Path(output).with_suffix("")) if output else None)
        if stem:
            for path in case_report.pca_figure(selection, stem):
                self.stdout.write(f"wrote {path}")
        if not dry_run:
            stored = case_report.store(selection, request)
            self.stdout.write(f"stored {stored.count()} case studies (status and rationale: `citydip cases list`)")

    def handle_report(self, case, output, **options):
        from citydip.core.audit import record
        from citydip.core.hooks import app_modules

        builders = [module.build_chapter for _, module in app_modules("case_chapter")]
        if not builders:
            raise CitydipError("CASES-E001", "no app builds case chapters (citydip.cases is not installed)")
        paths = builders[0](case, output)
        record(None, "cases.chapter", None, case=case, output=str(output), files=len(paths))
        for path in paths:
            self.stdout.write(f"wrote {path}")

    def handle_list(self, **options):
        from citydip.analysis.models import CaseStudy

        for case in CaseStudy.objects.select_related("city"):
            self.stdout.write(f"{case.city.city_id:<12}{case.city.name[:28]:<30}{case.city.country_id:<4}"
                              f"{case.status:<11}{case.rationale.get('why', '')}")
