"""The corpus's large form: a 600-row, two-language (English, French) questionnaire in the shape of a
multi-module household or establishment survey (field-list sections, skip logic on the previous
answer, constraints, calculations, a roster). ``python -m tests.survey.corpus_large`` rewrites
tests/fixtures/survey/corpus/26_large_600_rows.md; bench/form_engine.py times check-form on it.
"""
from pathlib import Path

ROWS = 600
PATH = Path(__file__).resolve().parent.parent / "fixtures" / "survey" / "corpus" / "26_large_600_rows.md"
HEADER = ["type", "name", "label::English (en)", "label::Français (fr)", "hint::English (en)", "hint::Français (fr)",
          "required", "relevant", "constraint", "constraint_message::English (en)", "constraint_message::Français (fr)",
          "calculation", "appearance", "choice_filter"]
LISTS = {
    "yn": [("yes", "Yes", "Oui"), ("no", "No", "Non"), ("dk", "Don't know", "Ne sait pas")],
    "freq": [("never", "Never", "Jamais"), ("sometimes", "Sometimes", "Parfois"), ("often", "Often", "Souvent"),
             ("always", "Always", "Toujours")],
    "agree": [(str(i), f"{i} – {w}", f"{i} – {f}") for i, w, f in
              [(1, "strongly disagree", "pas du tout d'accord"), (2, "disagree", "pas d'accord"),
               (3, "neutral", "neutre"), (4, "agree", "d'accord"), (5, "strongly agree", "tout à fait d'accord")]],
    "sector": [("agri", "Agriculture", "Agriculture"), ("industry", "Industry", "Industrie"),
               ("services", "Services", "Services"), ("public", "Public sector", "Secteur public")],
}


def make_row(values):
    return "| | " + " | ".join(values.get(h, "") for h in HEADER) + " |"


def question(kind, name, n, previous):
    values = {"type": kind, "name": name, "label::English (en)": f"Question {n}: how would you describe item {n}?",
              "label::Français (fr)": f"Question {n} : comment décririez-vous l'élément {n} ?",
              "hint::English (en)": f"Hint for question {n}", "hint::Français (fr)": f"Aide pour la question {n}"}
    if n % 7 == 0:
        values["required"] = "yes"
    if previous and n % 3 == 0:
        values["relevant"] = f"${{{previous[0]}}} != 'no'" if previous[1].startswith("select_one yn") else f"${{{previous[0]}}} != ''"
    if kind == "integer":
        values.update({"constraint": ". >= 0 and . <= 1000", "constraint_message::English (en)": "0 to 1000",
                       "constraint_message::Français (fr)": "0 à 1000"})
    if kind == "decimal":
        values.update({"constraint": ". >= 0", "constraint_message::English (en)": "Not negative",
                       "constraint_message::Français (fr)": "Pas négatif"})
    if kind == "text" and n % 4 == 0:
        values["appearance"] = "multiline"
    return values


KINDS = ["select_one yn", "integer", "text", "select_one freq", "decimal", "select_multiple sector",
         "select_one agree", "date", "select_one yn", "text"]


def large_form_markdown(rows=ROWS):
    lines, n, section = ["| survey |", "| | " + " | ".join(HEADER) + " |"], 0, 0
    body = 0
    while body < rows - 30:
        section += 1
        lines.append(make_row({"type": "begin group", "name": f"s{section}", "label::English (en)": f"Section {section}",
                               "label::Français (fr)": f"Section {section}", "appearance": "field-list"}))
        previous = None
        for _ in range(10):
            n += 1
            kind = KINDS[n % len(KINDS)]
            values = question(kind, f"q{n}", n, previous)
            lines.append(make_row(values))
            previous = (f"q{n}", kind)
        lines.append(make_row({"type": "calculate", "name": f"s{section}_total",
                               "calculation": f"coalesce(${{q{n - 8}}}, 0) + coalesce(${{q{n - 4}}}, 0)"}))
        lines.append(make_row({"type": "end group"}))
        body += 13
    lines.append(make_row({"type": "begin repeat", "name": "roster", "label::English (en)": "Household member",
                           "label::Français (fr)": "Membre du ménage"}))
    for i, kind in enumerate(["text", "integer", "select_one yn", "select_one sector"]):
        n += 1
        lines.append(make_row(question(kind, f"r{i}", n, None)))
    lines.append(make_row({"type": "end repeat"}))
    lines.append(make_row({"type": "calculate", "name": "roster_size", "calculation": "count(${roster})"}))
    while len(lines) - 2 < rows:  # the survey sheet alone has `rows` rows
        n += 1
        lines.append(make_row({"type": "note", "name": f"n{n}", "label::English (en)": f"Note {n}: thank you.",
                               "label::Français (fr)": f"Note {n} : merci."}))
    lines += ["| choices |", "| | list_name | name | label::English (en) | label::Français (fr) |"]
    for list_name, options in LISTS.items():
        lines += [f"| | {list_name} | {name} | {en} | {fr} |" for name, en, fr in options]
    lines += ["| settings |", "| | form_title | form_id | version | default_language |",
              "| | Large two-language survey | large_600 | 1 | English (en) |"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    PATH.write_text(large_form_markdown(), encoding="utf-8")
    print(f"{PATH}: {PATH.read_text().count(chr(10))} lines")
