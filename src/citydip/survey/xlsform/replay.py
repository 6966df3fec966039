"""The run-time failures of a form's expressions over stored answers (the wave page's problems list).

Expressions are functions of the answers (and today's date), so evaluating every page of the form
for each stored response finds the failures respondents met, with the sheet, row and column of the
expression; runtime.py already showed those respondents the question instead of an error page.
"""
from __future__ import annotations

import copy

from citydip.survey.xlsform.runtime import collect_failures
from citydip.survey.xlsform.skip_logic import calculate_all, choices_for, fields, interpolate, is_relevant
from citydip.survey.xlsform.validate import validate_all


def replay_failures(form, answer_sets):
    """Failures (runtime.Failure, each once) of evaluating the whole form for each set of answers."""
    with collect_failures() as failures:
        for answers in answer_sets:
            answers = calculate_all(form, copy.deepcopy(answers or {}))
            validate_all(form, answers)
            for question, path in fields(form.children, answers, include_empty_repeats=True):
                is_relevant(form, question, answers, path)  # also notes and calculations, not only inputs
                if question.is_select:
                    choices_for(form, question, answers, path)
                for text in question.label.values():
                    interpolate(text, answers, path)
    return failures
