"""``citydip survey VERB``: the survey's own verbs, plus the verbs other apps add to it.

The fieldwork verbs (``contacts import``, ``invite``, ``remind``, ``bounces``) come through the
``command_verbs`` hook (``fieldwork/command_verbs.py``), so the survey does not import the fieldwork app.
Verbs that need no database (check-form, export-form with a file) run before `citydip init`.
"""
from citydip.core.command import CitydipCommand
from citydip.survey.commands.check_form import check_form
from citydip.survey.commands.export_form import export_form
from citydip.survey.commands.translations import translations_export, translations_import, translations_status
from citydip.survey.commands.wave import wave_create
from citydip.survey.exports.command import export_answers


class Command(CitydipCommand):
    help = "The survey: check and export questionnaires, field waves, export answers."
    verbs = (check_form, export_form, wave_create, export_answers, translations_export, translations_import,
             translations_status)
    hook_verbs = True
