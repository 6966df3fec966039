"""The study checklist on the home page: the stages of a study in order, each with its state from the
database and a link to its next action, so that a new user sees what to do next.

An app contributes the stages it knows in ``<app>/checklist.py: checklist_stages(request)``, returning
a list of :class:`Stage` (none for a role that may not act on them). The core knows no app: it orders
the stages and marks the first one not done as the next step.
"""
from dataclasses import dataclass

from citydip.core.hooks import app_modules

ORDER = ("frame", "instrument", "study", "wave", "pilot", "contacts", "invitations", "tracking", "analysis",
         "report")


@dataclass
class Stage:
    key: str  # one of ORDER
    title: str
    state: str  # what the database says, e.g. "702 cities in the frame"
    done: bool
    url: str = ""  # where the next action is
    action: str = ""  # the link's text
    next: bool = False


def collect_stages(request):
    stages = [stage for _, module in app_modules("checklist") for stage in module.checklist_stages(request)]
    stages.sort(key=lambda stage: ORDER.index(stage.key) if stage.key in ORDER else len(ORDER))
    for stage in stages:
        if not stage.done:
            stage.next = True
            break
    return stages
