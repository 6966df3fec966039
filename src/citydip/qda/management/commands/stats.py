"""`citydip stats alpha|kappa MATRIX.csv`: agreement coefficients on any reliability data (DESIGN.md)."""
from citydip.core.command import CitydipCommand, arg, verb
from citydip.core.errors import CitydipError
from citydip.qda import agreement
from citydip.qda.matrix import read_matrix


def describe(data):
    missing = sum(v is None for row in data.values for v in row)
    kind = "numbers" if data.is_numeric() else "labels"
    return (f"{len(data.coders)} coders × {len(data.units)} units, {missing} missing, "
            f"{len(data.categories())} distinct values ({kind})")


MATRIX = arg("matrix", help="CSV: header row of unit names, first column coder names")


def report(command, name, value, matrix):
    if value is None:
        raise CitydipError("QDA-E044", f"{name} is undefined for this data (fewer than two distinct values "
                           "or no unit with two values)", file=matrix)
    command.stdout.write(name)
    command.stdout.write(f"{value:.6f}")


@verb("alpha", "Krippendorff's alpha (missing values allowed)", MATRIX,
      arg("--level", choices=agreement.LEVELS, default="nominal"), needs_database=False)
def alpha(command, matrix, level, **options):
    data = read_matrix(matrix)
    command.stdout.write(describe(data))
    report(command, f"Krippendorff's alpha ({level})", agreement.krippendorff_alpha(data, level), matrix)


@verb("kappa", "Cohen's kappa for two coders, Fleiss' kappa for more", MATRIX,
      arg("--weights", choices=agreement.WEIGHTS, default=None, help="weighted Cohen's kappa (two coders, numeric values)"),
      needs_database=False)
def kappa(command, matrix, weights=None, **options):
    data = read_matrix(matrix)
    command.stdout.write(describe(data))
    name = ("Cohen's kappa" if len(data.coders) == 2 else "Fleiss' kappa (complete units only)") + (
        f", {weights} weights" if weights else "")
    report(command, name, agreement.kappa(data, weights), matrix)


class Command(CitydipCommand):
    help = "Agreement coefficients on a coders × units CSV matrix: Krippendorff's alpha, Cohen's or Fleiss' kappa."
    requires_initialised_db = False
    verbs = (alpha, kappa)
