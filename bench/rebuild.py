"""The whole study rebuilt from nothing: the four commands one after the other, each timed.

    python bench/rebuild.py [--database sqlite|postgres] [--data /work/shared/data] [--output DIR]
                            [--profile DIR]

On a fresh scratch database (as bench/survey_load.py makes one; ``citydip init`` first, not timed) it runs

    citydip demo --no-serve
    citydip analyze --output DIR/analysis
    citydip map build --output DIR/maps
    citydip report build --output DIR/report

each as its own process, as a researcher types them, and prints each command's wall time, the
total, and the machine's load average (1 minute) before and after each, so that a figure taken on a
busy machine says so. ``CITYDIP_DATA`` (default /work/shared/data) names the open data the demo
reads. With ``--profile DIR`` each command runs under cProfile and writes ``DIR/<step>.prof``
(``python -m pstats DIR/report.prof``): where each step's time goes. The target of issue 19 is a
total under 30 s on a 2-core machine otherwise idle.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import survey_load  # noqa: E402  (the scratch database is made the same way)

STEPS = (
    ("demo", ["demo", "--no-serve"]),
    ("analyze", ["analyze", "--output", "{out}/analysis", "--quiet"]),
    ("map build", ["map", "build", "--output", "{out}/maps"]),
    ("report build", ["report", "build", "--output", "{out}/report", "--quiet"]),
)


def load():
    return os.getloadavg()[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--data", default=os.environ.get("CITYDIP_DATA", "/work/shared/data"))
    parser.add_argument("--output", help="folder for the outputs (default: a temporary folder)")
    parser.add_argument("--profile", help="write each command's cProfile into this folder")
    args = parser.parse_args(argv)
    url, cleanup = survey_load.scratch_database(args.database)
    out = Path(args.output or tempfile.mkdtemp(prefix="citydip_rebuild_"))
    env = {**survey_load.child_env(url), "CITYDIP_DATA": args.data}
    try:
        subprocess.run([sys.executable, "-m", "citydip", "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"rebuild on a fresh {args.database} database, outputs in {out}, {os.cpu_count()} cores")
        total = 0.0
        for name, command in STEPS:
            command = [part.format(out=out) for part in command]
            runner = [sys.executable]
            if args.profile:
                Path(args.profile).mkdir(parents=True, exist_ok=True)
                runner += ["-m", "cProfile", "-o", str(Path(args.profile) / (name.replace(" ", "_") + ".prof"))]
            before = load()
            start = time.perf_counter()
            result = subprocess.run(runner + ["-m", "citydip", *command], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True)
            seconds = time.perf_counter() - start
            if result.returncode != 0:
                print(result.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"`citydip {' '.join(command)}` failed (exit {result.returncode})")
            total += seconds
            print(f"{name:<14} {seconds:7.1f} s   load average {before:.2f} -> {load():.2f}")
        print(f"{'total':<14} {total:7.1f} s   (target: under 30 s)")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
