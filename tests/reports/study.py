"""A small study built in code for the export, deposit and report tests.

Four cities (one confidential), a two-language form with a repeat, a don't-know choice, a
select_multiple and conditions, answers that hit every missing code, contacts with names, e-mails
and phone numbers, and free text in which some of those are planted.
"""
from datetime import UTC, datetime
from pathlib import Path

from citydip.core.models import Country
from citydip.fieldwork.models import Contact
from citydip.frame.models import City, size_class_for
from citydip.survey.models import Questionnaire, Response, Wave

FORM_MD = Path(__file__).resolve().parent.parent / "fixtures" / "reports" / "small_form.md"
CONTACTS = [("Joanna Wiśniewska", "joanna.wisniewska@lodz.example.pl", "+48 42 638 4000"),
            ("Hartmut Kleinschmidt", "h.kleinschmidt@essen.example.de", "0201 88 12345"),
            ("Amélie Fournier", "amelie.fournier@lyon.example.fr", "+33 4 72 10 30 30")]
PLANTED = {
    "DE001C": "Please ask Hartmut Kleinschmidt (h.kleinschmidt@essen.example.de, 0201 88 12345) for details.",
    "PL001C": "Contact Ms Joanna Wiśniewska at +48 42 638 4000 or joanna.wisniewska@lodz.example.pl; Lodz wants to stay anonymous.",
    "FR001C": "Our office (Amélie Fournier, amelie.fournier@lyon.example.fr) cooperated in 2015-2020.",
}


def form_xlsx(tmp_path):
    from tests.survey.form_fixtures import md_to_xlsx

    return md_to_xlsx(FORM_MD.read_text(encoding="utf-8"), tmp_path / "small_form.xlsx")


def city(name, country, urau, population, lat, lon):
    return City.objects.create(name=name, country=Country.ensure(country), population=population,
                               size_class=size_class_for(population), urau_code=urau, lat=lat, lon=lon)


def build_study(tmp_path, synthetic=False):
    """(wave, {city_id: response}) of the small study."""
    data = form_xlsx(tmp_path).read_bytes()
    questionnaire = Questionnaire.objects.create(form_id="small_city", version="1", title="Small city survey",
                                                 languages=["en", "de"], default_language="en",
                                                 filename="small_form.xlsx", content=data, checksum="x" * 64)
    wave = Wave.objects.create(name="wave 1", questionnaire=questionnaire)
    essen = city("Essen", "DE", "DE001C", 580_000, 51.45, 7.01)
    lodz = city("Lodz", "PL", "PL001C", 660_000, 51.76, 19.46)
    lyon = city("Lyon", "FR", "FR001C", 520_000, 45.76, 4.84)
    city("Graz", "AT", "AT002C", 290_000, 47.07, 15.44)
    for person, email, phone in CONTACTS:
        target = {"Joanna": lodz, "Hartmut": essen, "Amélie": lyon}[person.split()[0]]
        Contact.objects.create(city=target, person=person, email=email, phone=phone, office="International office")
    submitted = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    answers = {
        essen: {"coop_status": "current", "bri": "dont_know", "goals": ["trade", "investment"],
                "partners": [{"partner_name": "Nanjing", "partner_year": 1990, "partner_areas": ["economy", "culture"]},
                             {"partner_name": "Wuhan"}], "comments": PLANTED["DE001C"]},
        lodz: {"coop_status": "current", "bri": "yes", "staff": 2, "goals": ["exchange"],
               "partners": [{"partner_name": "Chengdu", "partner_year": 2006, "partner_areas": ["culture"]}],
               "comments": PLANTED["PL001C"]},
        lyon: {"coop_status": "never", "future_interest": "dont_know", "comments": PLANTED["FR001C"]},
    }
    responses = {}
    for target, given in answers.items():
        responses[target.city_id] = Response.objects.create(
            wave=wave, city=target, language="en", state="complete", answers=given, submitted=submitted,
            synthetic=synthetic, confidential=(target is lodz))
    return wave, responses
