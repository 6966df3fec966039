"""`citydip privacy export-person|erase-person`: right of access and right to erasure for one person."""
import json

from django.core.serializers.json import DjangoJSONEncoder

from citydip.core.command import CitydipCommand, arg, one_of, output, verb, yes
from citydip.core.errors import CitydipError
from citydip.core.files import atomic_write
from citydip.core.privacy import erase_person, export_person, selectors


class Selector:
    """``--email`` or one of the options the apps' privacy hooks declare (``--contact``, ``--interview``)."""

    def add_to(self, parser):
        one_of(arg("--email", help="every record with this e-mail address"), *selectors()).add_to(parser)


SELECTOR = Selector()


def selected(options):
    names = {"email"} | {s.flags[0].lstrip("-").replace("-", "_") for s in selectors()}
    return {k: v for k, v in options.items() if k in names}


@verb("export-person", "write everything about the person as JSON", SELECTOR, output())
def export_(command, output, **options):
    data = export_person(**selected(options))
    with atomic_write(output) as handle:
        json.dump(data, handle, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    command.stdout.write(f"wrote {output}: " + ", ".join(f"{len(items)} {kind}" for kind, items in data.items()))


@verb("erase-person", "erase the person's data; audited without them", SELECTOR, yes("confirm: erasure cannot be undone"))
def erase(command, yes, **options):
    if not yes:
        raise CitydipError("CORE-E013", "erasure cannot be undone: run again with --yes")
    event = erase_person(**selected(options))
    command.stdout.write(f"erased; audit event {event.pk}: {event.detail}")


class Command(CitydipCommand):
    help = "Export (right of access) or erase (right to erasure) what is stored about one person."
    verbs = (export_, erase)
