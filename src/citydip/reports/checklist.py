"""The report stage of the study checklist (core/checklist.py): the newest report job that succeeded."""
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from citydip.core.checklist import Stage
from citydip.core.jobs.models import Job
from citydip.core.roles import RESEARCHER, has_role

REPORT_TASK = "citydip.reports.tasks.build_report"


def checklist_stages(request):
    if not has_role(request.user, RESEARCHER):
        return []
    job = Job.objects.filter(task_name=REPORT_TASK, status=Job.Status.SUCCEEDED).order_by("-finished_at").first()
    if job is None:
        return [Stage("report", _("Report"), _("not built yet"), False, reverse("reports:index"),
                      _("Build the report"))]
    state = _("built %(date)s") % {"date": formats.date_format(job.finished_at, "DATETIME_FORMAT")}
    return [Stage("report", _("Report"), state, True, reverse("jobs:detail", args=[job.pk]),
                  _("Download the report"))]
