from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from citydip.core.command import CitydipCommand, quiet
from citydip.core.roles import ROLES


class Command(CitydipCommand):
    help = "Create or migrate the database named by DATABASE_URL (SQLite in WAL mode by default); safe to run again."
    requires_initialised_db = False

    arguments = (quiet("print nothing"),)

    def handle(self, *args, quiet=False, **options):
        call_command("migrate", interactive=False, verbosity=0 if quiet else 1, stdout=self.stdout)
        for role in ROLES:
            Group.objects.get_or_create(name=role)
        mode = ""
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")
                mode = f" (journal mode {cursor.fetchone()[0]})"
        if not quiet:
            self.stdout.write(f"database ready: {connection.settings_dict['NAME']}{mode}")
