"""How long each branch of the instrument takes: words read at 200 a minute plus 5 seconds per answer,
on answers generated as the demo generates them (``survey/synthetic.py`` with the demo's presets).

What a respondent reads: every shown page's title, and of every shown question or note its label,
hint and choice labels, with the consent texts filled with the demo's study settings. An answer is
one answered question (a multiple choice counts once; a repeat's questions once per entry).

    PYTHONPATH=src python -m citydip.survey.instruments.length [--cities 200] [--language en]

prints, per branch, the cities, mean answers, mean words and mean minutes, and for cities
cooperating now the minutes without partners and per partner (least squares over 1–6 partners).
``TIMES`` in eu_china_cities_source.py (shown to respondents) is these figures, rounded.
"""
from __future__ import annotations

import argparse
import math
import random
import re

WORDS_PER_MINUTE = 200
SECONDS_PER_ANSWER = 5
BRANCHES = ("current", "past", "never")
PARTNERS = [{"partner_name": name} for name in ("Wuhan", "Chengdu", "Suzhou", "Qingdao", "Xi'an", "Harbin")]


def words(text):
    return len(re.findall(r"\w+", text or ""))


def reading(form, answers, lang, fill):
    """(words read, answers given) for one response."""
    from citydip.survey import xlsform as engine
    from citydip.survey.xlsform.model import Repeat

    read, given = 0, 0
    for page in form.pages():
        if not engine.page_is_relevant(form, page, answers):
            continue
        read += words(form.text(page.title, lang))
        for node in page.nodes:
            if isinstance(node, Repeat):
                read += words(form.label(node, lang)) + words(form.text(node.hint, lang))
        for question, path in engine.fields(page.nodes, answers):
            if question.type == "calculate" or not engine.is_relevant(form, question, answers, path):
                continue
            read += words(fill(form.label(question, lang))) + words(fill(form.text(question.hint, lang)))
            if question.is_select:
                read += sum(words(form.text(c.label, lang)) for c in engine.choices_for(form, question, answers, path))
            if question.is_input and engine.value_at(answers, path) not in (None, "", []):
                given += 1
    return read, given


def minutes(read, given):
    return read / WORDS_PER_MINUTE + given * SECONDS_PER_ANSWER / 60


def preset(branch, partners):
    chosen = [dict(p, partner_status="active" if i == 0 else "dormant") for i, p in enumerate(PARTNERS[:partners])]
    found = {"consent": "yes", "coop_status": branch}
    if branch == "current":
        found["partners"] = chosen
    if branch == "past":
        found["former_partners"] = [{"former_name": p["partner_name"]} for p in chosen]
    return found


def measure(form, cities=200, lang="en", seed=2026):
    """``{branch: {"cities", "answers", "words", "minutes"}}`` and, for "current", the fit over partners."""
    from citydip.survey.demo_data import DEMO_STUDY
    from citydip.survey.study_settings import fill
    from citydip.survey.synthetic import AnswerGenerator

    study = dict(DEMO_STUDY)
    rng = random.Random(seed)
    generator = AnswerGenerator(form, rng, lang)
    results = {}
    for branch in BRANCHES:
        rows = []
        for _ in range(cities):
            partners = rng.randint(1, 6) if branch == "current" else rng.randint(1, 2)
            answers = generator.generate(preset(branch, partners))
            read, given = reading(form, answers, lang, lambda text: fill(text, study))
            rows.append((partners, read, given, minutes(read, given)))
        result = {"cities": len(rows), "answers": mean(r[2] for r in rows), "words": mean(r[1] for r in rows),
                  "minutes": mean(r[3] for r in rows)}
        if branch == "current":
            result["base"], result["per_partner"] = least_squares([(r[0], r[3]) for r in rows])
        results[branch] = result
    return results


def mean(values):
    values = list(values)
    return sum(values) / len(values)


def least_squares(points):
    """(intercept, slope) of minutes on partners."""
    mx, my = mean(p[0] for p in points), mean(p[1] for p in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return my - slope * mx, slope


def whole(minutes):
    """Minutes as shown: rounded half up, at least 1."""
    return max(1, math.floor(minutes + 0.5))


def shown_times(results):
    """The minutes to show respondents (``TIMES``): the measured figures, rounded."""
    return {"time_never": whole(results["never"]["minutes"]), "time_past": whole(results["past"]["minutes"]),
            "time_current": whole(results["current"]["base"]), "time_partner": whole(results["current"]["per_partner"])}


def main(argv=None):
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=int, default=200)
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    django.setup()
    from citydip.survey.demo_data import INSTRUMENT
    from citydip.survey.xlsform import load_form

    form = load_form(INSTRUMENT)
    results = measure(form, args.cities, args.language)
    print(f"{'branch':<8} {'cities':>6} {'answers':>8} {'words':>7} {'minutes':>8}")
    for branch, r in results.items():
        print(f"{branch:<8} {r['cities']:>6} {r['answers']:>8.1f} {r['words']:>7.0f} {r['minutes']:>8.1f}")
    current = results["current"]
    print(f"current: {current['base']:.1f} minutes + {current['per_partner']:.1f} per partner")
    print("shown to respondents (TIMES):", shown_times(results))


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    main()
