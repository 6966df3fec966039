"""One way to write a command (core/command.py): declared arguments and verbs, shared options, errors."""
import io

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from citydip.core.command import CitydipCommand, Verb, arg, output, quiet, verb, yes
from citydip.core.errors import CitydipError


@verb("greet", "say hello", arg("name"), quiet(), needs_database=False)
def greet(command, name, quiet, **options):
    if not quiet:
        command.stdout.write(f"hello {name}")


@verb("pair make", "a two-word verb", output(required=False), yes(), needs_database=False)
def pair_make(command, output, yes, **options):
    if not yes:
        raise CitydipError("CORE-E013", "say --yes")
    command.stdout.write(f"made {output}")


class Command(CitydipCommand):
    help = "a test command"
    verbs = (greet, pair_make)


def run(*args):
    out = io.StringIO()
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_verbs_one_and_two_words_with_shared_options():
    assert run("greet", "Ala") == "hello Ala\n"
    assert run("greet", "Ala", "--quiet") == ""
    assert run("pair", "make", "--output", "x.csv", "--yes") == "made x.csv\n"


def test_a_citydip_error_is_one_line_and_exit_status_1():
    with pytest.raises(CommandError) as raised:
        run("pair", "make")
    assert raised.value.returncode == 1
    assert "CORE-E013" in str(raised.value)


def test_every_citydip_command_is_written_the_one_way():
    """No command builds its parser by hand or dispatches verbs itself (handle_<verb>, do_<verb>, if/else)."""
    for name, app in get_commands().items():
        if not app.startswith("citydip."):
            continue
        command = load_command_class(app, name)
        assert isinstance(command, CitydipCommand), name
        assert type(command).add_arguments is CitydipCommand.add_arguments, f"{name} builds its own parser"
        if command.all_verbs():
            assert type(command).handle is CitydipCommand.handle, f"{name} dispatches its verbs itself"
            assert all(isinstance(v, Verb) for v in command.all_verbs())
        assert not [m for m in dir(command) if m.startswith(("handle_", "do_"))], name
