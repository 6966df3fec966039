"""The fieldwork verbs, each a module with ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(options, stdout)``.

``FIELDWORK_VERBS`` lists them; :func:`add_verbs` puts them under any command's sub-parsers, so the
same code runs as ``citydip fieldwork invite`` and ``citydip survey invite`` (see docs/fieldwork.md).
"""
from citydip.fieldwork.commands import bounces, contacts_import, invite, remind

FIELDWORK_VERBS = [contacts_import, invite, remind, bounces]


def add_verbs(subparsers, verbs=FIELDWORK_VERBS):
    """Add each verb (``NAME`` may be two words, e.g. ``contacts import``) to an argparse sub-parsers object."""
    groups = {}
    for verb in verbs:
        *group, name = verb.NAME
        target = subparsers
        if group:
            if group[0] not in groups:
                parent = subparsers.add_parser(group[0], help=f"{group[0]} verbs")
                groups[group[0]] = parent.add_subparsers(dest=f"{group[0]}_verb", required=True)
            target = groups[group[0]]
        parser = target.add_parser(name, help=verb.HELP, description=verb.HELP)
        verb.add_arguments(parser)
        parser.set_defaults(fieldwork_run=verb.run)


def run_verb(options, stdout):
    """Run the verb the parsed options name (set by :func:`add_verbs`)."""
    return options["fieldwork_run"](options, stdout)
