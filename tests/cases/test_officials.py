"""Stage three: EU officials' interviews by institution, their themes, the same consent rules."""
from django.utils import timezone


def test_the_officials_page_groups_by_institution_and_respects_consent(study, researcher, client_for):
    from citydip.qda.models import Interview

    client = client_for(researcher)
    page = client.get("/qda/officials/").content.decode()
    assert "European Commission: DG TRADE, Unit G.2" in page and "EEAS: China division, ASIAPAC.3" in page
    assert "Cities sign agreements for trade and investment" in page  # EC official: verbatim consented
    assert "Human rights questions and the risk of influence operations are real" not in page  # EEAS: paraphrase
    assert "City official" not in page  # city interviews are not EU officials'
    ec = Interview.objects.get(pseudonym="EC official 1")
    ec.withdrawn_at = timezone.now()
    ec.save()
    page = client.get("/qda/officials/").content.decode()
    assert "Cities sign agreements for trade and investment" not in page and "consent withdrawn" in page


def test_the_city_page_links_to_the_case_workspace(study, researcher, client_for):
    page = client_for(researcher).get(f"/frame/city/{study['essen'].pk}/").content.decode()
    assert f'href="/cases/{study["case"].pk}/"' in page
