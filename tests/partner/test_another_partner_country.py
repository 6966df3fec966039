"""A study of another partner country (Japan) runs with the same commands and no code change (issue 17).

CITYDIP_PARTNER_COUNTRY=JP: the frame is built, the gazetteer is Japan's (GeoNames places, ISO 3166-2
prefectures, Natural Earth admin-1, the exonyms of data/exonyms_jp.csv), a file of every country's
twinnings is imported filtered to frame cities and Japanese places, and the map and the analysis are
built. The fixture is small and written for this test.
"""
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from citydip.gazetteer.index import reset_index
from citydip.gazetteer.match import clear_cache, match_name

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "partner" / "all_pairs_small.csv"
TOKYO, KYOTO, OSAKA, YOKOHAMA, NAGOYA, SAPPORO = "1850147", "1857910", "1853909", "1848354", "1856057", "2128295"

# Spellings of Japanese cities that are in no file of the project: circumflex (Kunrei/old Hepburn) and
# macron romanisations, exonyms of EU languages, kanji with and without 市 or 都, affixes of EU
# languages, typos, a prefecture given as qualifier, upper case.
UNSEEN = {
    "Tôkyô": TOKYO, "TOKIO": TOKYO, "東京": TOKYO, "東京都": TOKYO, "Tokijas": TOKYO,
    "Kyôto": KYOTO, "Kioto": KYOTO, "Kyōto-shi": KYOTO, "京都市": KYOTO, "Ville de Kyoto": KYOTO,
    "Ōsaka": OSAKA, "Ôsaka": OSAKA, "大阪": OSAKA, "Stadt Osaka": OSAKA, "Oszaka": OSAKA,
    "Jokohama": YOKOHAMA, "横浜市": YOKOHAMA, "Yokohamma": YOKOHAMA, "City of Yokohama": YOKOHAMA,
    "Nagoja": NAGOYA, "名古屋": NAGOYA, "Sapporo, Hokkaido": SAPPORO, "札幌市": SAPPORO, "Saporo": SAPPORO,
}
FOREIGN = ["Shanghai", "Paris", "Seoul", "Busan"]


@pytest.fixture
def japan(settings, db):
    settings.CITYDIP_PARTNER_COUNTRY = "JP"
    reset_index()
    clear_cache()
    call_command("gazetteer", "build", stdout=io.StringIO())
    yield
    reset_index()
    clear_cache()


def test_the_gazetteer_of_japan_matches_spellings_it_has_never_seen(japan):
    results = {text: match_name(text) for text in UNSEEN}
    wrong = {text: (r.place_id, r.status, r.note) for text, r in results.items() if r.place_id != UNSEEN[text]}
    assert not wrong, wrong
    assert all(r.status == "matched" for r in results.values())
    # a Japanese level word points to the prefecture: Tokyo-to is the metropolis, Osaka-fu the prefecture
    assert match_name("Tokyo-to").place_id == "JP-13" and match_name("Osaka-fu").place_id == "JP-27"
    assert match_name("Aichi-ken").place_id == "JP-23" and match_name("愛知県").place_id == "JP-23"
    assert match_name("Yokohama").province == "Kanagawa" and match_name("Kawasaki, Kanagawa").province_code == "JP-14"
    for text in FOREIGN:  # cities outside Japan are not forced onto a Japanese place
        result = match_name(text)
        assert result.status == "unmatched" and not result.place_id, (text, result)


def test_a_study_of_japan_runs_from_frame_to_analysis_with_the_same_commands(japan, tmp_path):
    out = io.StringIO()
    call_command("frame", "build", "--source", "geonames", "--countries", "DE,FR,IT", "--quiet", stdout=out)
    call_command("partnerships", "import", str(PAIRS), "--source", "twinning", stdout=out)
    # 11 rows: Berlin–Beijing, Chicago–Osaka and Osaka–Kyoto are not frame–Japan pairs; Tokyo–Berlin repeats
    # Berlin–Tōkyō from the other side: 7 pairs, each matched on both sides
    assert "7 rows from all_pairs_small.csv (source twinning): matched 7, review 0, rejected 0" in out.getvalue()

    from citydip.partnerships.models import Partnership

    ties = {(p.city.name, p.place.place_id) for p in Partnership.objects.select_related("city", "place")}
    assert {("Berlin", TOKYO), ("Köln", KYOTO), ("Hamburg", OSAKA), ("Lyon", YOKOHAMA), ("Milan", OSAKA),
            ("Paris", KYOTO), ("Turin", NAGOYA)} <= ties
    assert set(Partnership.objects.values_list("place__country_code", flat=True)) == {"JP"}

    call_command("map", "build", "--output", str(tmp_path / "map"), "--size", "column", "--quiet", stdout=out)
    page = (tmp_path / "map" / "map.html").read_text(encoding="utf-8")
    assert "Map of city ties with Japan" in page
    from citydip.mapping.views import outlines

    partner_view = outlines()
    assert partner_view["partner_country"] == "JP" and partner_view["partner_name"] == "Japan"
    assert {f["properties"]["id"] for f in partner_view["provinces"]["features"]} >= {"JP-13", "JP-26", "JP-27"}
    (south, west), (north, east) = partner_view["partner_bounds"]
    assert 20 < south < 35 and 40 < north < 50 and 120 < west < 135 and 140 < east < 155

    call_command("analyze", "--output", str(tmp_path / "analysis"), "--quiet", stdout=out)
    index = json.loads((tmp_path / "analysis" / "index.json").read_text(encoding="utf-8"))
    titles = " ".join(entry["title"] for entry in index["outputs"])
    assert "Hubs in Japan" in titles and "China" not in titles and "Chinese" not in titles
