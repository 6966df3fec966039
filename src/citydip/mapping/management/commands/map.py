from citydip.core.command import CitydipCommand
from citydip.mapping import payload
from citydip.mapping.build import build


class Command(CitydipCommand):
    help = "Maps: `map build --output DIR` writes map.html and publication maps (PNG 300 dpi, SVG, PDF)."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        build_parser = verbs.add_parser("build", help="write DIR/map.html, the figures and DIR/index.json")
        build_parser.add_argument("--output", required=True, help="folder to write (created when missing)")
        build_parser.add_argument("--audience", choices=[payload.ANONYMISED, payload.FULL], default=payload.ANONYMISED,
                                  help="anonymised (default, for publication) or full (internal: shows "
                                       "confidential cities' survey data)")
        build_parser.add_argument("--size", action="append", choices=["column", "book"],
                                  help="figure width: column (8.5 cm) or book (14 cm); default both")
        build_parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, verb, output, audience, size, quiet, **options):
        written = build(output, audience=audience, sizes=tuple(size or ("column", "book")), quiet=quiet)
        self.stdout.write(f"wrote {len(written)} files to {output} ({audience} data)")
