"""`citydip covariates import|list`: city- or country-level covariates with their source."""
from citydip.core.command import CitydipCommand, arg, verb


@verb("import", "import FILE.csv: columns level,id,variable,value,year,source",
      arg("file"), arg("--synthetic", action="store_true", help="mark the values as made up (demo, teaching)"))
def import_(command, file, synthetic, **options):
    from citydip.analysis.covariates import import_file

    created, replaced = import_file(file, synthetic=synthetic)
    command.stdout.write(f"imported {created} covariate values ({replaced} replaced) from {file}")


@verb("list", "the variables stored, with level, count, years and sources")
def list_(command, **options):
    from django.db.models import Count, Max, Min

    from citydip.analysis.models import Covariate

    rows = (Covariate.objects.values("variable", "level").annotate(n=Count("id"), first=Min("year"), last=Max("year"))
            .order_by("variable", "level"))
    for row in rows:
        sources = sorted(set(Covariate.objects.filter(variable=row["variable"], level=row["level"])
                             .values_list("source", flat=True)))
        command.stdout.write(f"{row['variable']:<28}{row['level']:<9}{row['n']:>6}  {row['first']}–{row['last']}  "
                             f"{'; '.join(sources)}")


class Command(CitydipCommand):
    help = "Import city- or country-level covariates (GDP per head, population growth...) with their source."
    verbs = (import_, list_)
