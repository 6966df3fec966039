"""Edits made in place reach the map at its next load: saving or deleting a row the map shows empties
the stored payload (``cache.py``). Bulk changes (imports, deletions) change the fingerprint instead."""
from django.db.models.signals import post_delete, post_save


def connect():
    from citydip.frame.models import City
    from citydip.gazetteer.models import Place
    from citydip.mapping.cache import forget_payloads
    from citydip.partnerships.models import Evidence, Partnership

    for model in (City, Place, Partnership, Evidence):
        for signal in (post_save, post_delete):
            signal.connect(forget_payloads, sender=model, dispatch_uid=f"citydip-map-{model.__name__}-{signal}")
