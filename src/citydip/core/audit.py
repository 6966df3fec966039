"""Record who did what to which object: one call, used by every app."""
from citydip.core.models import AuditEvent


def record(user, action, obj=None, **detail):
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
    )
