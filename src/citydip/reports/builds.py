"""A record of every output built (exports, deposits, reports) in the audit log, for the reports page."""
from __future__ import annotations

ACTION = "outputs.build"


def record_build(kind, output, record, files):
    """One audit event per build: what, where, from which database state, how many files."""
    from citydip.core.audit import record as audit

    audit(None, ACTION, kind=kind, output=str(output), files=len(files),
          database_checksum=record["database_checksum"], citydip_version=record["citydip_version"],
          built=record["built"], built_from=record.get("built_from", ""))


def recent_builds(limit=50):
    from citydip.core.models import AuditEvent

    return [{"at": e.at, **e.detail} for e in AuditEvent.objects.filter(action=ACTION).order_by("-at")[:limit]]
