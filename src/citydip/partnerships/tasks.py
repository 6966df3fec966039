"""Importing a pairs file into the partnership register as a job: the same import as
``citydip partnerships import``. It runs in one transaction, so a killed import changed nothing, and a
file imported again adds no second evidence row for a pair it already holds (rows are fingerprinted)."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


def summary(counts, file_name, source):
    from citydip.gazetteer.territories import partner_name

    return (f"{counts['rows']} rows from {file_name} (source {source}): matched {counts['matched']}, "
            f"review {counts['review']}, rejected {counts['rejected']}; kept apart: not a city partnership "
            f"(regions, districts, groupings) {counts['not_city']}, territories kept apart from {partner_name()} "
            f"{counts['not_prc']}")


@job_task(title=_("Import partnerships"), roles=(RESEARCHER,), page="partnerships:index")
def import_partnerships(context, path, source, all_territories=False, file_name=""):
    """``path``: a pairs CSV on the server (a page saves the upload first); ``file_name``: its name as uploaded."""
    from citydip.partnerships.importer import import_pairs

    run = import_pairs(path, source, user=context.user, all_territories=all_territories)
    if file_name:
        run.file_name = file_name
        run.save(update_fields=["file_name"])
    context.describe(source=source, file=run.file_name)
    context.log(summary(run.counts, run.file_name, source))
    return {"import_run": run.pk, **run.counts}
