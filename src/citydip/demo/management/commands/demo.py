import secrets
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command

from citydip.core.command import CitydipCommand, arg, quiet
from citydip.core.management.commands.user import create_user
from citydip.demo.steps import DemoContext, demo_steps, start_prefetches


def find_data_dir(explicit=None):
    """CITYDIP_DATA, else ../shared/data next to the working directory, else None (fallbacks)."""
    for candidate in (explicit, settings.CITYDIP_DATA, Path.cwd().parent / "shared" / "data"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


class PasswordHashing(threading.Thread):
    """The login's password hash (PBKDF2, a third of a second of CPU) computed on another core while the
    steps run: hashlib releases the GIL. Marked fork-safe (core/parallel.py): a step that forks while it
    runs gives its children work that uses neither this thread nor hashlib."""

    fork_safe = True

    def __init__(self, password):
        super().__init__(daemon=True, name="citydip-demo-password")
        self.password, self.hashed = password, None

    def run(self):
        self.hashed = make_password(self.password)

    def result(self):
        self.join()
        return self.hashed


class Command(CitydipCommand):
    help = "Initialise, build the demo database from open data plus labelled synthetic answers, and serve it."
    requires_initialised_db = False

    arguments = (
        arg("--no-serve", action="store_true", help="build only, do not start the server"),
        arg("--data", help="folder with the open reference data (default: CITYDIP_DATA or ../shared/data)"),
        arg("--host", default="127.0.0.1"),
        arg("--port", type=int, default=8000),
        quiet("print only the login"),
    )

    def handle(self, *args, no_serve, data, host, port, quiet, **options):
        call_command("init", quiet=True)
        data_dir = find_data_dir(data)
        log = (lambda msg: None) if quiet else (lambda msg: self.stdout.write(msg))
        log(f"open data: {data_dir or 'not found, using the fallbacks of installed packages'}")
        ctx = DemoContext(data_dir=data_dir, log=log, quiet=quiet)
        password = secrets.token_urlsafe(12)
        start_prefetches(ctx)  # before the password thread: a fork is safe while no other thread runs
        password_hash = PasswordHashing(password)
        password_hash.start()
        for label, build in demo_steps():
            log(f"demo: {label}")
            build(ctx)
        ctx.finish()
        create_user("demo", "admin", password=password, password_hash=password_hash.result())
        self.stdout.write(f"demo login: user demo, password {password}  (shown once)")
        if not no_serve:
            call_command("serve", host=host, port=port)
