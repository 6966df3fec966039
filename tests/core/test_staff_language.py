"""The researchers' pages in English or Polish, switched in the header; respondents choose their own."""
from django.test import Client

from tests.survey.web_fixtures import city, link, mini_wave, respond_url  # noqa: F401


def test_a_researcher_switches_the_pages_to_polish_and_back(researcher, client_for):
    client = client_for(researcher)
    home = client.get("/").content.decode()
    assert "Study checklist" in home and 'name="language" value="pl"' in home
    switched = client.post("/i18n/setlang/", {"language": "pl", "next": "/fieldwork/"})
    assert switched.status_code == 302 and switched["Location"] == "/fieldwork/"
    home = client.get("/").content.decode()
    assert '<html lang="pl">' in home and "Lista kontrolna badania" in home and "Utwórz operat" in home
    assert "Realizacja badania" in client.get("/fieldwork/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Study checklist" in client.get("/").content.decode()


def test_the_respondents_language_does_not_follow_the_staffs(researcher, client_for, link):
    client = client_for(researcher)
    client.post("/i18n/setlang/", {"language": "pl", "next": "/"})
    page = client.get(respond_url(link) + "?lang=de").content.decode()
    assert '<html lang="de">' in page and "Arbeitet Ihre Stadt" in page
    assert '<html lang="en">' in Client().get(respond_url(link) + "?lang=en").content.decode()
