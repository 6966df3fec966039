"""`citydip stats alpha|kappa MATRIX.csv`: agreement coefficients on any reliability data (DESIGN.md)."""
from citydip.core.command import CitydipCommand
from citydip.core.errors import CitydipError
from citydip.qda import agreement
from citydip.qda.matrix import read_matrix


def describe(data):
    missing = sum(v is None for row in data.values for v in row)
    kind = "numbers" if data.is_numeric() else "labels"
    return (f"{len(data.coders)} coders × {len(data.units)} units, {missing} missing, "
            f"{len(data.categories())} distinct values ({kind})")


class Command(CitydipCommand):
    help = "Agreement coefficients on a coders × units CSV matrix: Krippendorff's alpha, Cohen's or Fleiss' kappa."
    requires_initialised_db = False

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        alpha = verbs.add_parser("alpha", help="Krippendorff's alpha (missing values allowed)")
        alpha.add_argument("matrix", help="CSV: header row of unit names, first column coder names")
        alpha.add_argument("--level", choices=agreement.LEVELS, default="nominal")
        kappa = verbs.add_parser("kappa", help="Cohen's kappa for two coders, Fleiss' kappa for more")
        kappa.add_argument("matrix", help="CSV: header row of unit names, first column coder names")
        kappa.add_argument("--weights", choices=agreement.WEIGHTS, default=None,
                           help="weighted Cohen's kappa (two coders, numeric values)")

    def handle(self, *args, verb, matrix, **options):
        data = read_matrix(matrix)
        self.stdout.write(describe(data))
        if verb == "alpha":
            name = f"Krippendorff's alpha ({options['level']})"
            value = agreement.krippendorff_alpha(data, options["level"])
        else:
            weights = options.get("weights")
            name = ("Cohen's kappa" if len(data.coders) == 2 else "Fleiss' kappa (complete units only)") + (
                f", {weights} weights" if weights else "")
            value = agreement.kappa(data, weights)
        if value is None:
            raise CitydipError("QDA-E044", f"{name} is undefined for this data (fewer than two distinct values "
                               "or no unit with two values)", file=matrix)
        self.stdout.write(name)
        self.stdout.write(f"{value:.6f}")
