"""How much of the questionnaire a response has answered: the share of applicable items answered.

An item is an input question (not a note, calculation or metadata field) that is relevant for the
answers given so far, one per repeat instance; it is answered when its value is not empty. This is
the measure behind AAPOR's partial threshold (fieldwork/rates.py): the Standard Definitions leave the
threshold to the study and ask that it be stated.
"""
from citydip.survey.xlsform import fields, is_relevant, value_at


def answered_share(form, answers):
    """(answered, applicable) items of ``answers`` under ``form``."""
    answers = answers or {}
    applicable = answered = 0
    for question, path in fields(form.children, answers):
        if not question.is_input or question.is_meta or question.type in ("calculate", "acknowledge"):
            continue
        if not is_relevant(form, question, answers, path):
            continue
        applicable += 1
        value = value_at(answers, path)
        answered += value not in (None, "", [])
    return answered, applicable
