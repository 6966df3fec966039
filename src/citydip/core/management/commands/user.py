import secrets

from django.contrib.auth.models import Group, User

from citydip.core.command import CitydipCommand, arg
from citydip.core.errors import CitydipError
from citydip.core.roles import ROLES


def create_user(username, role, password=None, email="", login=True, password_hash=None):
    """Create or update a user with one role; returns the password set (generated when not given).

    ``login=False`` makes a user who cannot log in (an unusable password, None returned): a demo's
    made-up coder, whose password nobody would be told, costs no password hashing (half a second).
    ``password_hash``: ``make_password(password)`` computed beforehand (the demo hashes while it builds)."""
    if role not in ROLES:
        raise CitydipError("CORE-E001", f"unknown role {role!r}: use one of {', '.join(ROLES)}", field="role")
    password = (password or secrets.token_urlsafe(12)) if login else None
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    if password_hash and password:
        user.password = password_hash
    else:
        user.set_password(password)  # None: unusable
    user.is_staff = role in ("admin", "researcher")
    user.is_superuser = role == "admin"
    user.save()
    user.groups.set([Group.objects.get_or_create(name=role)[0]])
    return password


class Command(CitydipCommand):
    help = "Add a user with a role (admin, researcher, fieldworker, coder); prints a generated password once."

    arguments = (arg("username"), arg("--role", required=True, choices=ROLES), arg("--email", default=""))

    def handle(self, *args, username, role, email, **options):
        password = create_user(username, role, email=email)
        self.stdout.write(f"user {username} ({role}) password: {password}")
