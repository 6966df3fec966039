"""Formal letters per city in its language, as PDF (WeasyPrint): address, personal link and its QR code.

Each letter carries a fresh personal link (a new token for the city's response, like every e-mail),
so printing letters is recorded in the city's contact log. Batches are one PDF, a page per city, for
mail merge.
"""
import base64
from pathlib import Path

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from citydip.fieldwork import compose
from citydip.fieldwork.config import base_url, setting
from citydip.fieldwork.links import absolute, optout_url, respond_url
from citydip.fieldwork.models import ContactEvent
from citydip.survey import tokens
from citydip.survey.models import AccessToken
from citydip.survey.study_settings import values as study_values

STYLESHEET = Path(__file__).parent / "static" / "fieldwork" / "letter.css"


def qr_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def letter_context(wave, city, contact, user=None, base=None, batch=None):
    """Issue a token and fill the invitation template for the letter; logs the letter in the contact log.

    ``batch`` (e.g. ``"job 12"``) names the letter batch: a batch run again after a crash logs each
    city's letter once.
    """
    language = compose.choose_language(contact, city)
    raw = tokens.issue(wave, city, language, AccessToken.Kind.INVITATION, user)
    link = absolute(respond_url(raw, language), base or base_url())
    context = compose.message_context(city, contact, wave, language, link, absolute(optout_url(raw), base or base_url()))
    subject, body = compose.render_message(compose.template_for("invitation", language), context)
    with translation.override(language):
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    outcome = f"letter printed ({language}, {batch})" if batch else f"letter printed ({language})"
    ContactEvent.objects.get_or_create(city=city, wave=wave, contact=contact, kind=ContactEvent.Kind.LETTER,
                                       outcome=outcome, defaults={"by": user})
    return {"city": city, "contact": contact, "language": language, "subject": subject,
            "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()], "link": link, "qr": qr_data_uri(link),
            "date": today, "sender": compose.project_contact(), "study": study_values(),
            "signature": setting("CITYDIP_LETTER_SIGNATURE").split("|")}


def letters_pdf(letters):
    """One PDF with a page per letter context."""
    from weasyprint import CSS, HTML

    html = render_to_string("fieldwork/letters.html", {"letters": letters})
    return HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
