from citydip.core.backup import check_restorable, restore_database
from citydip.core.command import CitydipCommand, arg, yes
from citydip.core.errors import CitydipError


class Command(CitydipCommand):
    help = "Replace the whole database with a backup made by `citydip backup` (asks for --yes)."
    requires_initialised_db = False  # a restore may fill an empty database

    arguments = (arg("file", help="backup file (SQLite database or pg_dump custom archive)"),
                 yes("confirm: the current content is replaced"))

    def handle(self, *args, file, yes, **options):
        check_restorable(file)
        if not yes:
            raise CitydipError("CORE-E013", "restore replaces everything in the database: "
                               "stop the app, then run again with --yes", file=file)
        restore_database(file)
        self.stdout.write(f"restored {file}")
