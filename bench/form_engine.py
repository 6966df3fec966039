"""check-form against pyxform on a 600-row, two-language form; then the engine's parts in-process.

    python bench/form_engine.py [--runs 5] [--details] [--quick]

First line: each tool as a whole process on the same .xlsx (written from
tests/fixtures/survey/corpus/26_large_600_rows.md): ``citydip survey check-form`` (which loads the
form, converts it with pyxform as a check, evaluates every page and renders the paper questionnaire
in both languages) and pyxform's own ``xls2xform`` (conversion only); medians of ``--runs`` runs
and their ratio (the target is at most 1.5). ``--details`` adds in-process timings of the study's
instrument (load, XForm, validation, one expression; the PDF unless ``--quick``).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE_FORM = ROOT / "tests/fixtures/survey/corpus/26_large_600_rows.md"
INSTRUMENT = ROOT / "src/citydip/survey/instruments/eu_china_cities.xlsx"
BIN = Path(sys.executable).parent


def whole_process(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio_to_pyxform(runs):
    from pyxform.xls2json_backends import md_table_to_workbook

    with tempfile.TemporaryDirectory() as folder:
        xlsx = Path(folder) / "large_600.xlsx"
        md_table_to_workbook(LARGE_FORM.read_text(encoding="utf-8")).save(xlsx)
        citydip = whole_process([str(BIN / "citydip"), "survey", "check-form", str(xlsx)], runs)
        pyxform = whole_process([str(BIN / "xls2xform"), "--skip_validate", str(xlsx), str(Path(folder) / "out.xml")],
                                runs)
    load = os.getloadavg()[0]
    print(f"check-form {citydip:.2f} s, pyxform xls2xform {pyxform:.2f} s: ratio {citydip / pyxform:.2f} "
          f"(600-row two-language form, median of {runs}, load average {load:.1f})")


def timed(label, function, repeat=1, unit="s"):
    start = time.perf_counter()
    for _ in range(repeat):
        result = function()
    seconds = (time.perf_counter() - start) / repeat
    value = {"s": seconds, "ms": seconds * 1e3, "us": seconds * 1e6}[unit]
    print(f"{label}: {value:.2f} {unit}")
    return result


def details(quick=False):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django

    django.setup()
    from citydip.survey.xlsform import evaluate, load_form, to_xform, validate_all
    from citydip.survey.xlsform.paper import paper_pdf

    answers = {"coop_status": "current", "partners": [
        {"partner_name": f"City {i}", "partner_kind": "sister", "partner_year": 1990 + i, "partner_status": "active",
         "partner_areas": ["economy"]} for i in range(3)]}
    form = timed("load the instrument (pyxform check + model)", lambda: load_form(INSTRUMENT))
    xml = timed("XForm of the instrument", lambda: to_xform(INSTRUMENT))
    print(f"XForm size: {len(xml) // 1024} kB")
    timed("validate_all, 3 partners", lambda: validate_all(form, answers, "de"), repeat=200, unit="ms")
    timed("one constraint evaluation", lambda: evaluate(". >= 1949 and . <= int(substr(today(), 0, 4))", answers,
                                                        "partners[1].partner_year"), repeat=20000, unit="us")
    if not quick:
        pdf = timed("paper questionnaire, Polish", lambda: paper_pdf(form, "pl"))
        print(f"PDF size: {len(pdf) // 1024} kB")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    runs = int(arguments[arguments.index("--runs") + 1]) if "--runs" in arguments else 5
    ratio_to_pyxform(runs)
    if "--details" in arguments:
        details(quick="--quick" in arguments)
