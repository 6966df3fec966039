"""`citydip map build --output DIR`: the interactive map and the publication maps."""
from citydip.core.command import CitydipCommand, arg, output, quiet, verb
from citydip.mapping import payload


@verb("build", "write DIR/map.html, the figures and DIR/index.json",
      output("folder to write (created when missing)"),
      arg("--audience", choices=[payload.ANONYMISED, payload.FULL], default=payload.ANONYMISED,
          help="anonymised (default, for publication) or full (internal: shows confidential cities' survey data)"),
      arg("--size", action="append", choices=["column", "book"],
          help="figure width: column (8.5 cm) or book (14 cm); default both"),
      quiet())
def build(command, output, audience, size, quiet, **options):
    from citydip.core.jobs import run_here
    from citydip.mapping.tasks import build_maps

    result = run_here(build_maps, output_dir=output, quiet=quiet, echo=False, audience=audience,
                      sizes=list(size or ("column", "book")))
    command.stdout.write(f"wrote {result['count']} files to {output} ({audience} data)")


class Command(CitydipCommand):
    help = "Maps: `map build --output DIR` writes map.html and publication maps (PNG 300 dpi, SVG, PDF)."
    verbs = (build,)
