"""Base class for citydip's management commands.

It does the three things every command needs, once: refuse to run on an uninitialised database
(with the command that fixes it), turn a :class:`CitydipError` into a one-line message and exit
status 1, and leave Ctrl-C as a clean exit (status 130) after the command's own transaction rolled back.
"""
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citydip.core.errors import CitydipError


def pending_migrations():
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def database_label():
    settings = connection.settings_dict
    return settings.get("NAME") if connection.vendor == "sqlite" else f"{connection.vendor} database {settings.get('NAME')}"


def ensure_initialised():
    if pending_migrations():
        raise CommandError(
            f"the database {database_label()} is not initialised or is out of date: run `citydip init` first"
        )


class CitydipCommand(BaseCommand):
    requires_initialised_db = True
    requires_migrations_checks = False

    def execute(self, *args, **options):
        if self.requires_initialised_db:
            ensure_initialised()
        try:
            return super().execute(*args, **options)
        except CitydipError as error:
            raise CommandError(str(error), returncode=1) from error
        except KeyboardInterrupt:
            self.stderr.write("interrupted: nothing half-done was kept")
            sys.exit(130)
