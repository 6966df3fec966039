"""`contacts import FILE.csv|FILE.xlsx [--yes]`: report every bad row; import the valid ones once confirmed."""
import sys
from pathlib import Path

from django.db import transaction

from citydip.core.audit import record
from citydip.core.command import arg, verb, yes
from citydip.core.errors import CitydipError
from citydip.fieldwork.contacts_file import check_rows, import_contacts, read_table


def confirm(question):
    """Ask on the terminal; no answer (no terminal, end of input) counts as no."""
    try:
        sys.stdout.write(question)
        sys.stdout.flush()
        return sys.stdin.readline().strip().lower() in ("y", "yes")
    except (EOFError, OSError):
        return False


@verb("contacts import",
      "Import contacts (city_id,office,name,role,email,phone,language) from CSV or XLSX; reports every bad row.",
      arg("file", help="CSV (comma or semicolon, UTF-8) or XLSX; first sheet"),
      yes("import the valid rows without asking"))
def contacts_import(command, **options):
    stdout = command.stdout
    path = Path(options["file"])
    _, rows = read_table(path)
    checked = check_rows(rows, path.name)
    for error in checked.errors:
        stdout.write(str(error))
    stdout.write(f"{path.name}: {len(checked.rows)} valid rows, {len(checked.errors)} bad rows")
    if not checked.rows:
        raise CitydipError("FIELD-E012", "nothing to import: no valid row", file=path.name)
    question = f"import the {len(checked.rows)} valid rows" + (
        f" and leave out the {len(checked.errors)} bad ones" if checked.errors else "") + "? [y/N] "
    if not options["yes"] and not confirm(question):
        raise CitydipError("FIELD-E013", f"nothing imported: confirm, or run again with --yes to import the "
                           f"{len(checked.rows)} valid rows", file=path.name)
    with transaction.atomic():
        count = import_contacts(checked)
        record(None, "fieldwork.contacts_import", file=path.name, imported=count, rejected=len(checked.errors))
    stdout.write(f"imported {count} contacts from {path.name}")
