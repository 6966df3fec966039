"""``citydip survey VERB``: dispatch only; each verb lives in its own module of survey/commands/.

A verb module has ``HELP``, ``add_arguments(parser)`` and ``run(command, **options)``; add a verb
by adding its module to VERBS. Verbs that need no database (check-form, export-form with a file)
run before `citydip init`.
"""
from importlib import import_module

from citydip.core.command import CitydipCommand, ensure_initialised

VERBS = {
    "check-form": "citydip.survey.commands.check_form",
    "export-form": "citydip.survey.commands.export_form",
    "wave": "citydip.survey.commands.wave",
    "export": "citydip.survey.exports.command",
}
NO_DATABASE = {"check-form"}


def verb_modules():
    modules = {}
    for verb, path in VERBS.items():
        try:
            modules[verb] = import_module(path)
        except ModuleNotFoundError as error:
            if error.name != path:  # a verb whose own imports fail must not hide
                raise
    return modules


class Command(CitydipCommand):
    help = "The survey: check and export questionnaires, field waves, export answers."
    requires_initialised_db = False  # checked per verb in handle()

    def add_arguments(self, parser):
        from citydip.fieldwork.commands import add_verbs

        verbs = parser.add_subparsers(dest="verb", required=True)
        for verb, module in verb_modules().items():
            sub = verbs.add_parser(verb, help=module.HELP, description=module.HELP)
            module.add_arguments(sub)
        # Fieldwork verbs (contacts import, invite, remind, bounces) as the design names them:
        # `citydip survey invite` and `citydip fieldwork invite` run the same code.
        add_verbs(verbs)

    def handle(self, *args, verb, **options):
        if "fieldwork_run" in options:
            from citydip.fieldwork.commands import run_verb

            ensure_initialised()
            return run_verb(options, self.stdout)
        module = verb_modules()[verb]
        if verb not in NO_DATABASE and getattr(module, "NEEDS_DATABASE", True):
            ensure_initialised()
        return module.run(self, **options)
