"""Which language a respondent sees first, and the languages the respondent's interface speaks.

The study fields the survey in the official languages that city halls of the 27 member states use
(English serves Ireland and Malta). A respondent opening a personal link sees, in this order:

1. the language asked for in the address (``?lang=xx``, the language switch);
2. the language the respondent already answered in (a response that was saved before);
3. the invitation's language (the contact's language, recorded on the link);
4. the official language of the city's country (core ``Country.languages``); where the country has
   several (Belgium, Finland, Luxembourg, Cyprus...), the one the browser asks for, else the first;
5. the browser's ``Accept-Language``, best first;
6. the form's default language.

Only languages the questionnaire has count at each step. The interface (buttons, messages) follows
the chosen language when it has a catalogue, English otherwise.
"""
from django.utils.translation.trans_real import parse_accept_lang_header

STUDY_LANGUAGES = ("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "hu", "it", "lt", "lv",
                   "nl", "pl", "pt", "ro", "sk", "sl", "sv")


def base(code):
    return (code or "").split("-")[0].split("_")[0].lower()


def browser_languages(request):
    """The base codes the browser asks for, best first (``de-AT,de;q=0.9,en;q=0.5`` → de, en)."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    codes = []
    for code, _quality in parse_accept_lang_header(header[:500]):
        if code != "*" and base(code) not in codes:
            codes.append(base(code))
    return codes


def first_language(available, *, asked="", answered="", invitation="", country=(), browser=(), default=""):
    """The first of the steps in the module docstring that names a language in ``available``."""
    available = list(available)
    browser = list(browser)
    country_choice = [c for c in browser if c in country] + list(country)
    for code in (asked, answered, invitation, *country_choice, *browser, default):
        if code and code in available:
            return code
        if code and base(code) in available:
            return base(code)
    return available[0] if available else ""


def interface_language(code):
    """The catalogue language for the interface: the respondent's language, or English."""
    code = base(code)
    return code if code in STUDY_LANGUAGES else "en"
