"""The default invitation and reminder messages in the study's 22 languages (formal register).

They are copied into the database (EmailTemplate) the first time they are needed, and edited there
(Fieldwork → Templates); printed letters use the invitation. English, German, French, Spanish,
Italian and Polish come from the first edition; the other 16 languages are drafts to be reviewed
(docs/fieldwork.md, "Languages").

Placeholders (Django template syntax, plain text, no HTML escaping): ``{{ city }}``,
``{{ contact_name }}``, ``{{ link }}``, ``{{ deadline }}``, ``{{ optout_link }}``,
``{{ project_contact }}``, ``{{ privacy_notice }}``, and the study settings ``{{ institution }}``,
``{{ principal_investigator }}``, ``{{ funder }}``, ``{{ ethics_approval }}``,
``{{ data_controller }}``.
"""
from citydip.fieldwork.default_templates.invitation import INVITATION
from citydip.fieldwork.default_templates.reminder import REMINDER

PLACEHOLDERS = ("city", "contact_name", "link", "deadline", "optout_link", "project_contact", "privacy_notice",
                "institution", "principal_investigator", "funder", "ethics_approval", "data_controller")
DEFAULTS = {"invitation": INVITATION, "reminder": REMINDER}
LANGUAGES = tuple(INVITATION)
