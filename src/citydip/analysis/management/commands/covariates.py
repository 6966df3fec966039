from citydip.core.command import CitydipCommand


class Command(CitydipCommand):
    help = "Import city- or country-level covariates (GDP per head, population growth...) with their source."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        load = verbs.add_parser("import", help="import FILE.csv: columns level,id,variable,value,year,source")
        load.add_argument("file")
        load.add_argument("--synthetic", action="store_true", help="mark the values as made up (demo, teaching)")
        verbs.add_parser("list", help="the variables stored, with level, count, years and sources")

    def handle(self, *args, verb, **options):
        getattr(self, f"handle_{verb}")(**options)

    def handle_import(self, file, synthetic, **options):
        from citydip.analysis.covariates import import_file

        created, replaced = import_file(file, synthetic=synthetic)
        self.stdout.write(f"imported {created} covariate values ({replaced} replaced) from {file}")

    def handle_list(self, **options):
        from django.db.models import Count, Max, Min

        from citydip.analysis.models import Covariate

        rows = (Covariate.objects.values("variable", "level").annotate(n=Count("id"), first=Min("year"), last=Max("year"))
                .order_by("variable", "level"))
        for row in rows:
            sources = sorted(set(Covariate.objects.filter(variable=row["variable"], level=row["level"])
                                 .values_list("source", flat=True)))
            self.stdout.write(f"{row['variable']:<28}{row['level']:<9}{row['n']:>6}  {row['first']}–{row['last']}  "
                              f"{'; '.join(sources)}")
