"""Who sees which document: researchers (and admins) all usable documents, coders their assigned ones."""
from django.http import Http404

from citydip.core.roles import CODER, RESEARCHER, has_role
from citydip.qda.models import Document


def is_researcher(user):
    return has_role(user, RESEARCHER)


def visible_documents(user):
    documents = Document.objects.usable()
    if is_researcher(user):
        return documents
    if has_role(user, CODER):
        return documents.filter(assignments__coder=user)
    return documents.none()


def document_for(user, pk):
    """The document if this user may open it; 404 otherwise (no hint that it exists)."""
    document = visible_documents(user).select_related("interview", "city", "case__city").filter(pk=pk).first()
    if document is None:
        raise Http404("no such document")
    return document
