"""The ``citydip`` command: a thin dispatch to the Django management commands of the citydip apps.

``citydip frame build ...`` and ``python -m django frame build ...`` (with citydip's settings) run the
same code. ``citydip`` with no arguments, ``-h`` or ``--help`` lists the citydip commands only; Django's
own commands (``migrate``, ``createsuperuser``, ``shell`` ...) stay reachable by name.
"""
import atexit
import os
import sys
import threading


def citydip_commands():
    """Map of command name -> one-line help, for the commands that citydip's own apps define."""
    from django.core.management import get_commands, load_command_class

    found = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("citydip."):
            command = load_command_class(app, name)
            found[name] = (command.help or "").strip().splitlines()[0] if command.help else ""
    return found


def print_overview(stream=sys.stdout):
    stream.write("Usage: citydip COMMAND [ARGS]...\n\n")
    stream.write("A research platform for city diplomacy. `citydip COMMAND --help` explains each command.\n\n")
    stream.write("Commands:\n")
    for name, text in citydip_commands().items():
        stream.write(f"  {name:<14}{text}\n")


def fast_path(argv):
    """check-form of one file needs no database: run it without starting the project (issue 19)."""
    if argv[:2] == ["survey", "check-form"] and len(argv) == 3 and not argv[2].startswith("-"):
        from citydip.survey.xlsform.check import main as check_form

        sys.exit(check_form(argv[2:]))


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    fast_path(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    if not argv or argv[0] in ("-h", "--help", "help") and len(argv) == 1:
        print_overview()
        return
    if argv[0] == "--version":
        from citydip import __version__

        print(f"citydip {__version__}")
        return
    execute_from_command_line(["citydip", *argv])


def run():
    """The ``citydip`` console command: :func:`main`, then the process ends without tearing down the
    interpreter object by object.

    Why hand-written: a command that has loaded much (the demo's gazetteer and matcher index, the
    analysis' data frames and libraries) spent up to a second after its last line in the interpreter's
    shutdown, freeing every object one at a time (`citydip demo`: 0.9 s, docs/reliability.md). By the
    time ``main`` returns everything is written; here the database connections are closed, the
    functions registered with ``atexit`` run (logging's flush, temporary folders' finalizers,
    multiprocessing's clean-up) and the streams are flushed, then ``os._exit`` ends the process with
    status 0. While another thread still runs, or when the command raised or called ``sys.exit``, the
    usual way out is taken, and so it is under a profiler or a tracer (cProfile, coverage), which write
    their results on the way out. ``main`` itself (as the tests call it) never exits the process."""
    main()
    if threading.active_count() > 1 or sys.getprofile() or sys.gettrace():
        return
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    run()
