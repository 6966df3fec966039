"""Pages without login: the opt-out link and the privacy notice it points to."""
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from citydip.core.audit import record
from citydip.core.throttle import throttle_token_failures
from citydip.fieldwork import optout


@login_not_required
@throttle_token_failures
@require_http_methods(["GET", "POST"])
def opt_out(request, token):
    invitation, access = optout.invitation_for_token(token)
    if invitation is None:
        raise Http404("no such link")
    done = request.method == "POST"
    if done:
        optout.opt_out(invitation)
        record(None, "fieldwork.opt_out", invitation)
    context = {"texts": optout.texts(access.language, invitation.city.name), "done": done, "language": access.language}
    return render(request, "fieldwork/optout.html", context)


@login_not_required
def privacy(request):
    return render(request, "fieldwork/privacy.html")
