from django.utils.translation import gettext as _

from citydip.core.roles import CODER, RESEARCHER, has_role


def home_panel(request):
    from citydip.qda.access import visible_documents
    from citydip.qda.models import Interview, Segment

    if not has_role(request.user, CODER, RESEARCHER):
        return None
    documents = visible_documents(request.user)
    segments = Segment.objects.usable().filter(document__in=documents)
    if not has_role(request.user, RESEARCHER):
        segments = segments.filter(coder=request.user)
    return {"title": _("Interviews"), "template": "qda/home_panel.html", "order": 80, "context": {
        "interviews": Interview.objects.usable().count() if has_role(request.user, RESEARCHER) else "—",
        "documents": documents.count(), "segments": segments.count()}}
