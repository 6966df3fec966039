"""Time the form engine on the study's instrument: load, XForm, validation, expressions, paper.

    PYTHONPATH=src python bench/form_engine.py [--quick]

Prints one line per measurement; --quick skips the PDF (several seconds per language).
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
import django  # noqa: E402

django.setup()

from citydip.survey.xlsform import evaluate, load_form, to_xform, validate_all  # noqa: E402
from citydip.survey.xlsform.paper import paper_pdf  # noqa: E402

INSTRUMENT = Path(__file__).resolve().parents[1] / "src/citydip/survey/instruments/eu_china_cities.xlsx"
ANSWERS = {
    "coop_status": "current",
    "partners": [{"partner_name": f"City {i}", "partner_kind": "sister", "partner_year": 1990 + i,
                  "partner_status": "active", "partner_areas": ["economy"]} for i in range(3)],
}


def timed(label, function, repeat=1, unit="s"):
    start = time.perf_counter()
    for _ in range(repeat):
        result = function()
    seconds = (time.perf_counter() - start) / repeat
    value = {"s": seconds, "ms": seconds * 1e3, "us": seconds * 1e6}[unit]
    print(f"{label}: {value:.2f} {unit}")
    return result


def main(quick=False):
    form = timed("load the instrument (pyxform check + model)", lambda: load_form(INSTRUMENT))
    xml = timed("XForm of the instrument", lambda: to_xform(INSTRUMENT))
    print(f"XForm size: {len(xml) // 1024} kB")
    timed("validate_all, 3 partners", lambda: validate_all(form, ANSWERS, "de"), repeat=200, unit="ms")
    timed("one constraint evaluation", lambda: evaluate(". >= 1949 and . <= int(substr(today(), 0, 4))", ANSWERS,
                                                        "partners[1].partner_year"), repeat=20000, unit="us")
    if not quick:
        pdf = timed("paper questionnaire, Polish", lambda: paper_pdf(form, "pl"))
        print(f"PDF size: {len(pdf) // 1024} kB")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
