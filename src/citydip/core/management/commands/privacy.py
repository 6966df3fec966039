"""`citydip privacy export-person|erase-person`: right of access and right to erasure for one person."""
import json

from django.core.serializers.json import DjangoJSONEncoder

from citydip.core.command import CitydipCommand, arg, one_of, output, verb, yes
from citydip.core.errors import CitydipError
from citydip.core.privacy import erase_person, export_person

SELECTOR = one_of(
    arg("--email", help="every contact with this e-mail address"),
    arg("--contact", type=int, help="fieldwork contact id"),
    arg("--interview", type=int, help="qda interview id"),
)


def selected(email=None, contact=None, interview=None, **_):
    return {"email": email, "contact": contact, "interview": interview}


@verb("export-person", "write everything about the person as JSON", SELECTOR, output())
def export_(command, output, **options):
    data = export_person(**selected(**options))
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(data, handle, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    command.stdout.write(f"wrote {output}: {len(data['contacts'])} contacts, {len(data['interviews'])} interviews")


@verb("erase-person", "erase the person's data; audited without them", SELECTOR, yes("confirm: erasure cannot be undone"))
def erase(command, yes, **options):
    if not yes:
        raise CitydipError("CORE-E013", "erasure cannot be undone: run again with --yes")
    event = erase_person(**selected(**options))
    command.stdout.write(f"erased; audit event {event.pk}: {event.detail}")


class Command(CitydipCommand):
    help = "Export (right of access) or erase (right to erasure) what is stored about one person."
    verbs = (export_, erase)
