"""Pages without login: the opt-out link and the privacy notice it points to."""
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from citydip.core.audit import record
from citydip.core.throttle import throttle_token_failures
from citydip.fieldwork import optout
from citydip.survey.respondent_language import interface_language


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
    language = interface_language(access.language or translation.get_language())
    context = {"city": invitation.city.name, "done": done,
               "privacy_url": reverse("survey:privacy") + "?" + urlencode({"lang": language})}
    with translation.override(language):
        return render(request, "fieldwork/optout.html", context)


@login_not_required
def privacy(request):
    """The privacy notice moved to the survey (it covers the answers too); older messages link here."""
    query = request.META.get("QUERY_STRING", "")
    return redirect(reverse("survey:privacy") + (f"?{query}" if query else ""))
