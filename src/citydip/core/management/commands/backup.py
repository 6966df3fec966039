from citydip.core.backup import backup_database
from citydip.core.command import CitydipCommand, output


class Command(CitydipCommand):
    help = "Write an online, consistent backup of the database (SQLite backup API or pg_dump -Fc)."

    arguments = (output("backup file to write (replaced atomically)"),)

    def handle(self, *args, output, **options):
        size, digest = backup_database(output)
        self.stdout.write(f"backup {output}: {size} bytes, sha256 {digest}")
