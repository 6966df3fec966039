"""QDA's privacy hook (core/privacy.py): interviewees.

Erasure withdraws the interview (out of every analysis), removes role and directorate, and deletes its
documents (transcripts with their codings and memos), since the interviewee's words are their personal
data.
"""
from django.utils import timezone

from citydip.core.command import arg
from citydip.core.privacy import row

SELECTORS = (arg("--interview", type=int, help="qda interview id"),)


def find(interview=None, **_):
    from citydip.qda.models import Interview

    return list(Interview.objects.filter(pk=interview)) if interview is not None else []


def export(interviews):
    return {"interviews": [{**row(i), "documents": [{k: v for k, v in row(d).items() if k != "text"}
                                                    for d in i.documents.all()]} for i in interviews]}


def erase(interviews, secrets):
    documents = 0
    for interview in interviews:
        documents += interview.documents.count()
        interview.documents.all().delete()
        interview.role, interview.directorate = "", ""
        interview.withdrawn_at = interview.withdrawn_at or timezone.now()
        interview.save()
    return {"interviews": [i.pk for i in interviews], "documents_deleted": documents}
