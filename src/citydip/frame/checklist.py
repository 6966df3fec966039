"""The frame's stage of the study checklist (core/checklist.py)."""
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citydip.core.checklist import Stage
from citydip.core.roles import RESEARCHER, has_role
from citydip.frame.models import City, FrameVersion


def checklist_stages(request):
    if not has_role(request.user, RESEARCHER):
        return []
    version = FrameVersion.current()
    if version is None:
        return [Stage("frame", _("Frame"), _("no frame yet"), False, reverse("frame:build"), _("Build the frame"))]
    n = City.objects.filter(in_frame=True).count()
    state = ngettext("%(n)d city in the frame (built %(date)s)", "%(n)d cities in the frame (built %(date)s)", n) % {
        "n": n, "date": formats.date_format(version.created, "DATE_FORMAT")}
    return [Stage("frame", _("Frame"), state, n > 0, reverse("frame:build"), _("Update the frame"))]
