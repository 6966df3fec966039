"""The four roles (Django groups) and how views check them.

admin: everything; researcher: all research data and settings; fieldworker: contacts, invitations
and the contact log; coder: the documents assigned to them. A superuser counts as admin.
Views use :func:`role_required`; every view is behind login by ``LoginRequiredMiddleware`` unless marked ``login_not_required``.
"""
from functools import wraps

from django.core.exceptions import PermissionDenied

ADMIN, RESEARCHER, FIELDWORKER, CODER = "admin", "researcher", "fieldworker", "coder"
ROLES = (ADMIN, RESEARCHER, FIELDWORKER, CODER)
# Who may see personal data of contacts (GDPR): not coders.
CONTACT_ROLES = (RESEARCHER, FIELDWORKER)


def user_roles(user):
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_citydip_roles"):
        roles = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
        if user.is_superuser:
            roles.add(ADMIN)
        user._citydip_roles = roles
    return user._citydip_roles


def has_role(user, *roles):
    """True when the user has one of ``roles``; admin has them all."""
    mine = user_roles(user)
    return ADMIN in mine or bool(mine.intersection(roles))


def check_role(user, *roles):
    if not has_role(user, *roles):
        raise PermissionDenied("your role does not allow this page")


def role_required(*roles):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            check_role(request.user, *roles)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def roles_context(request):
    user = getattr(request, "user", None)
    roles = user_roles(user) if user is not None else set()
    return {
        "user_roles": roles,
        "is_admin": ADMIN in roles,
        "is_researcher": bool(roles & {ADMIN, RESEARCHER}),
        "is_fieldworker": bool(roles & {ADMIN, RESEARCHER, FIELDWORKER}),
        "is_coder": bool(roles & {ADMIN, RESEARCHER, CODER}),
    }
