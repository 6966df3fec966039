"""How the robustness tests run each importer, and what "a clean failure" means.

``run_import(kind, path)`` runs one importer as its command does (``call_command``) or, for XLSForm,
``load_form``. A clean failure is a CommandError (the command's one-message form of a CitydipError) or
a CitydipError that names the file, with every table of the importing apps as it was before.
"""
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from citydip.core.errors import CitydipError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BROKEN = FIXTURES / "robustness"
APPS = {"frame": ["frame"], "contacts": ["fieldwork"], "pairs": ["partnerships"], "form": ["survey"],
        "transcript": ["qda"], "project": ["qda"]}


def run_import(kind, path):
    path = str(path)
    if kind == "frame":
        call_command("frame", "build", "--source", "urau", "--input", path, "--countries", "DE,FR,PL,IT,ES,AT")
    elif kind == "contacts":
        call_command("survey", "contacts", "import", path, "--yes")
    elif kind == "pairs":
        call_command("partnerships", "import", path, "--source", "robustness")
    elif kind == "form":
        from citydip.survey.xlsform import load_form

        load_form(Path(path).read_bytes(), Path(path).name)
    elif kind == "transcript":
        call_command("qda", "import-document", path)
    elif kind == "project":
        call_command("qda", "import", path)


def row_counts(kind):
    return {m._meta.label: m.objects.count() for app in APPS[kind] for m in apps.get_app_config(app).get_models()}


def import_or_fail_cleanly(kind, path):
    """Run the importer; returns None on success or the error message; fails the test on anything else."""
    before = row_counts(kind)
    try:
        run_import(kind, path)
    except (CommandError, CitydipError) as error:
        message = str(error)
        assert message.strip(), "an empty error message"
        assert "Traceback" not in message
        assert Path(path).name in message, f"the message does not name the file: {message}"
        assert row_counts(kind) == before, f"a failed import left rows behind: {message}"
        return message
    return None
