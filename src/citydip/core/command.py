"""How every citydip command is written: one base class, one way to declare arguments and verbs.

A command is a :class:`CitydipCommand` in ``<app>/management/commands/<name>.py``. It declares what it
reads, never builds a parser by hand:

* a command without verbs (``citydip analyze --output DIR``) lists its ``arguments`` and implements
  ``handle(self, **options)``, as any Django command;
* a command with verbs (``citydip frame build|export``) lists its ``verbs``: functions decorated with
  :func:`verb`, each ``run(command, **options)``, written where they belong (in the command's module, or
  in a module of the app when they are long).

Arguments are :func:`arg` declarations (the arguments of ``argparse.add_argument``). The ones many
commands share are declared once here: :func:`quiet`, :func:`output`, :func:`wave`, :func:`yes`;
:func:`one_of` makes a group of which exactly one must be given.

An app can add verbs to another app's command through the ``command_verbs`` hook (``core/hooks.py``):
``<app>/command_verbs.py`` defines ``VERBS = {"survey": (invite, remind, ...)}``. That is how
``citydip survey invite`` runs the fieldwork app's code without the survey importing fieldwork.

The base class does what every command needs, once: refuse to run on an uninitialised database (with
the command that fixes it; per verb, since some verbs need no database), turn a :class:`CitydipError`
into a one-line message and exit status 1, and leave Ctrl-C as a clean exit (status 130) after the
command's own transaction rolled back. ``docs/cli.md`` is generated from these declarations
(``make cli-docs``).
"""
import sys
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citydip.core.errors import CitydipError

VERB_KEY = "citydip_verb"


def pending_migrations():
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def database_label():
    settings = connection.settings_dict
    return settings.get("NAME") if connection.vendor == "sqlite" else f"{connection.vendor} database {settings.get('NAME')}"


def ensure_initialised():
    if pending_migrations():
        raise CommandError(
            f"the database {database_label()} is not initialised or is out of date: run `citydip init` first"
        )


# --- arguments -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Arg:
    """One ``parser.add_argument(*flags, **options)``."""
    flags: tuple
    options: dict

    def add_to(self, parser):
        parser.add_argument(*self.flags, **self.options)


@dataclass(frozen=True)
class OneOf:
    """A mutually exclusive group of arguments (exactly one of them when ``required``)."""
    members: tuple
    required: bool = True

    def add_to(self, parser):
        group = parser.add_mutually_exclusive_group(required=self.required)
        for member in self.members:
            member.add_to(group)


def arg(*flags, **options):
    return Arg(flags, options)


def one_of(*members, required=True):
    return OneOf(members, required)


def quiet(help="no progress bar"):
    return arg("--quiet", action="store_true", help=help)


def output(help="the file to write", required=True, **options):
    return arg("--output", required=required, help=help, **options)


def wave(help="the wave's id (default: the current wave)"):
    return arg("--wave", type=int, default=None, help=help)


def yes(help="do it without asking for confirmation"):
    return arg("--yes", action="store_true", help=help)


def add_all(parser, arguments):
    for argument in arguments:
        argument.add_to(parser)


# --- verbs -----------------------------------------------------------------------------------------

@dataclass
class Verb:
    """A subcommand: ``name`` (one or two words, e.g. ``contacts import``), help, arguments, and ``run``."""
    name: tuple
    help: str
    arguments: tuple
    run: object
    needs_database: bool = True
    description: str = field(default="")

    def __call__(self, command, **options):
        return self.run(command, **options)


def verb(name, help, *arguments, needs_database=True):
    """Decorator: ``@verb("build", "what it does", arg(...), quiet())`` over ``def build(command, **options)``."""
    def declare(run):
        return Verb(tuple(name.split()), help, arguments, run, needs_database, (run.__doc__ or "").strip())
    return declare


def add_verbs(parser, verbs):
    """Put the verbs under ``parser`` (two-word verbs share a parent parser: ``contacts import``)."""
    subparsers = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    groups = {}
    for one in verbs:
        *group, name = one.name
        target = subparsers
        if group:
            if group[0] not in groups:
                parent = subparsers.add_parser(group[0], help=f"{group[0]}: " + ", ".join(
                    " ".join(v.name[1:]) for v in verbs if v.name[0] == group[0]))
                groups[group[0]] = parent.add_subparsers(dest=f"{group[0]}_verb", required=True)
            target = groups[group[0]]
        sub = target.add_parser(name, help=one.help, description=one.help)
        add_all(sub, one.arguments)
        sub.set_defaults(**{VERB_KEY: one})


def hooked_verbs(command_name):
    """Verbs other apps add to ``command_name`` (``<app>/command_verbs.py: VERBS``)."""
    from citydip.core.hooks import app_modules

    return tuple(v for _, module in app_modules("command_verbs") for v in module.VERBS.get(command_name, ()))


# --- the base class --------------------------------------------------------------------------------

def _command_check_tags():
    """Every system check but Django's URL checks: those import every app's URLs and views (and all
    they import: the gazetteer's index, reportlab, scikit-learn...), a second or more at the start of a
    command that serves no page (issue 19: four such starts in a rebuild of the study). `citydip check`
    runs them all, and the test suite walks every URL."""
    from django.core.checks import Tags

    from citydip.core.checks import CITYDIP

    return [tag for name, tag in vars(Tags).items() if not name.startswith("_") and tag != Tags.urls] + [CITYDIP]


class CitydipCommand(BaseCommand):
    requires_system_checks = _command_check_tags()
    requires_initialised_db = True
    requires_migrations_checks = False
    arguments = ()  # Arg/OneOf declarations of a command without verbs
    verbs = ()  # Verb objects of a command with verbs
    hook_verbs = False  # also take the verbs other apps add to this command (command_verbs hook)

    def all_verbs(self):
        return tuple(self.verbs) + (hooked_verbs(self.name()) if self.hook_verbs else ())

    @classmethod
    def name(cls):
        return cls.__module__.rsplit(".", 1)[-1]

    def add_arguments(self, parser):
        add_all(parser, self.arguments)
        if self.all_verbs():
            add_verbs(parser, self.all_verbs())

    def execute(self, *args, **options):
        chosen = options.get(VERB_KEY)
        if chosen.needs_database if chosen is not None else self.requires_initialised_db:
            ensure_initialised()
        try:
            return super().execute(*args, **options)
        except CitydipError as error:
            raise CommandError(str(error), returncode=1) from error
        except KeyboardInterrupt:
            self.stderr.write("interrupted: nothing half-done was kept")
            sys.exit(130)

    def handle(self, *args, **options):
        chosen = options.pop(VERB_KEY, None)
        if chosen is None:
            raise NotImplementedError(f"{type(self).__module__}: declare verbs or implement handle()")
        return chosen(self, **options)
