"""docs/cli.md, generated from the commands' own parsers (run by cog: ``make cli-docs``).

Every citydip command and verb is listed with its usage line and a table of its arguments, taken from
the same argparse parsers the commands use, so the reference cannot drift from the code:
``cog --check docs/cli.md`` (in ``make lint``) fails when a command changed and the page was not
regenerated. Django's own options (``--verbosity``, ``--settings``...) are left out.
"""
import argparse
import os

DJANGO_OPTIONS = {"verbosity", "settings", "pythonpath", "traceback", "no_color", "force_color", "skip_checks",
                  "help", "version"}


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django

    django.setup()


def own_actions(parser):
    return [a for a in parser._actions if a.dest not in DJANGO_OPTIONS and not isinstance(a, argparse._SubParsersAction)]


def subcommands(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            return [(name, sub, helps.get(name, "")) for name, sub in action.choices.items()]
    return []


def cell(text):
    return " ".join(str(text or "").split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def usage(words, parser):
    parts = []
    for action in own_actions(parser):
        if action.option_strings:
            flag = action.option_strings[-1] if action.option_strings[-1].startswith("--") else action.option_strings[0]
            shown = flag if action.nargs == 0 else f"{flag} {action.metavar or action.dest.upper()}"
            parts.append(shown if action.required else f"[{shown}]")
        else:
            shown = action.metavar or action.dest.upper()
            parts.append(f"[{shown}]" if action.nargs in ("?", "*") else shown)
    groups = [g for g in parser._mutually_exclusive_groups if g.required]
    for group in groups:
        flags = [a.option_strings[-1] for a in group._group_actions]
        parts = [p for p in parts if p.strip("[]").split()[0] not in flags]
        parts.append("(" + " | ".join(flags) + ")")
    return "citydip " + " ".join([*words, *parts])


def argument_rows(parser):
    rows = []
    for action in own_actions(parser):
        name = ", ".join(action.option_strings) or (action.metavar or action.dest.upper())
        detail = cell(action.help % {"default": action.default} if action.help and "%(" in action.help else action.help)
        if action.choices:
            detail += f" (one of: {', '.join(map(str, action.choices))})"
        if (action.option_strings and action.nargs != 0 and action.default not in (None, [], "")
                and "default" not in detail):
            detail += f" (default: {action.default})"
        rows.append(f"| `{name}` | {'required' if action.required else ''} | {detail.strip()} |")
    return rows


def describe(words, parser, summary, out):
    out.append(f"{'#' * min(len(words) + 1, 4)} `citydip {' '.join(words)}`\n")
    if summary:
        out.append(cell(summary) + "\n")
    subs = subcommands(parser)
    if subs:
        for name, sub, text in subs:
            describe([*words, name], sub, text, out)
        return
    out.append(f"```\n{usage(words, parser)}\n```\n")
    rows = argument_rows(parser)
    if rows:
        out.append("| argument | | what it does |\n|---|---|---|\n" + "\n".join(rows) + "\n")


def markdown():
    """The body of docs/cli.md: every citydip command, in alphabetical order."""
    setup()
    from django.core.management import get_commands, load_command_class

    out = []
    for name, app in sorted(get_commands().items()):
        if not app.startswith("citydip."):
            continue
        command = load_command_class(app, name)
        parser = command.create_parser("citydip", name)
        describe([name], parser, command.help, out)
    return "\n".join(out)
