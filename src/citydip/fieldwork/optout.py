"""The opt-out link in every message: the city asks for no more messages about the survey.

Found by the token's hash without touching ``last_used`` (following the opt-out link is not
"opening the survey"). A wrong, revoked or test token gets the same 404 as a missing one.
"""
from django.utils import timezone

from citydip.fieldwork.models import ContactEvent, Invitation
from citydip.survey.models import AccessToken
from citydip.survey.tokens import hash_token

TEXTS = {
    "en": ("No more messages about this survey", "{city} will receive no further messages about the survey on "
           "cooperation with China.", "Stop the messages", "Done: {city} will receive no further messages. Thank you."),
    "de": ("Keine weiteren Nachrichten zu dieser Umfrage", "{city} erhält keine weiteren Nachrichten zur Umfrage "
           "über die Zusammenarbeit mit China.", "Nachrichten abbestellen",
           "Erledigt: {city} erhält keine weiteren Nachrichten. Vielen Dank."),
    "fr": ("Ne plus recevoir de messages sur cette enquête", "{city} ne recevra plus de messages concernant "
           "l'enquête sur la coopération avec la Chine.", "Ne plus recevoir de messages",
           "C'est fait : {city} ne recevra plus de messages. Merci."),
    "es": ("No recibir más mensajes sobre esta encuesta", "{city} no recibirá más mensajes sobre la encuesta de "
           "cooperación con China.", "Dejar de recibir mensajes", "Hecho: {city} no recibirá más mensajes. Gracias."),
    "it": ("Non ricevere altri messaggi su questa indagine", "{city} non riceverà altri messaggi sull'indagine "
           "sulla cooperazione con la Cina.", "Interrompi i messaggi", "Fatto: {city} non riceverà altri messaggi. Grazie."),
    "pl": ("Rezygnacja z wiadomości o tej ankiecie", "Miasto {city} nie otrzyma więcej wiadomości dotyczących "
           "badania o współpracy z Chinami.", "Zrezygnuj z wiadomości",
           "Gotowe: miasto {city} nie otrzyma więcej wiadomości. Dziękujemy."),
}


def texts(language, city):
    title, question, button, done = TEXTS.get(language, TEXTS["en"])
    return {"title": title, "question": question.format(city=city), "button": button, "done": done.format(city=city)}


def invitation_for_token(raw):
    """The invitation a raw opt-out token belongs to, or None."""
    if not raw or len(raw) > 100:
        return None, None
    access = AccessToken.objects.select_related("response").filter(
        token_hash=hash_token(raw), revoked__isnull=True, kind=AccessToken.Kind.INVITATION).first()
    if access is None:
        return None, None
    invitation = Invitation.objects.select_related("city", "contact").filter(
        wave=access.response.wave_id, city=access.response.city_id).first()
    return invitation, access


def opt_out(invitation):
    if invitation.status == Invitation.Status.OPTED_OUT:
        return
    invitation.set_status(Invitation.Status.OPTED_OUT)
    ContactEvent.objects.create(city=invitation.city, wave=invitation.wave, contact=invitation.contact,
                                kind=ContactEvent.Kind.NOTE, at=timezone.now(),
                                outcome="opted out through the link in the message")
