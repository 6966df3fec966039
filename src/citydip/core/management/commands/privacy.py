import json

from django.core.serializers.json import DjangoJSONEncoder

from citydip.core.command import CitydipCommand
from citydip.core.errors import CitydipError
from citydip.core.privacy import erase_person, export_person


def add_selector(parser):
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--email", help="every contact with this e-mail address")
    group.add_argument("--contact", type=int, help="fieldwork contact id")
    group.add_argument("--interview", type=int, help="qda interview id")


class Command(CitydipCommand):
    help = "Export (right of access) or erase (right to erasure) what is stored about one person."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        export = verbs.add_parser("export-person", help="write everything about the person as JSON")
        add_selector(export)
        export.add_argument("--output", required=True)
        erase = verbs.add_parser("erase-person", help="erase the person's data; audited without them")
        add_selector(erase)
        erase.add_argument("--yes", action="store_true")

    def handle(self, *args, verb, email=None, contact=None, interview=None, **options):
        selector = {"email": email, "contact": contact, "interview": interview}
        if verb == "export-person":
            data = export_person(**selector)
            with open(options["output"], "w", encoding="utf-8") as handle:
                json.dump(data, handle, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
            self.stdout.write(f"wrote {options['output']}: {len(data['contacts'])} contacts, "
                              f"{len(data['interviews'])} interviews")
            return
        if not options["yes"]:
            raise CitydipError("CORE-E013", "erasure cannot be undone: run again with --yes")
        event = erase_person(**selector)
        self.stdout.write(f"erased; audit event {event.pk}: {event.detail}")
