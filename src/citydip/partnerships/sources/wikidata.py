"""``citydip partnerships fetch-wikidata``: twinning (P190) between the frame's countries and the partner
country (``CITYDIP_PARTNER_COUNTRY``, found in Wikidata by its ISO code, P297).

One SPARQL query to Wikidata's endpoint (configurable, so tests serve recorded answers from
127.0.0.1), in both directions of P190, with the start time (P580) and end time (P582) qualifiers where
Wikidata has them. The answer is written in the shape of ``eu_china_pairs.csv`` so that
``citydip partnerships import FILE --source wikidata`` reads it. Wikidata is CC0.
"""
import csv
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from citydip.core.countries import EU27
from citydip.core.errors import CitydipError
from citydip.core.files import atomic_write

USER_AGENT = "citydip/0.1 (research software; https://github.com/citydip) python-urllib"
COLUMNS = ("eu_city", "eu_country_iso2", "eu_lat", "eu_lon", "eu_wikidata", "eu_level", "cn_city", "cn_province",
           "cn_lat", "cn_lon", "cn_wikidata", "cn_geonameid", "cn_territory", "is_prc_mainland", "relation_type",
           "start_year", "end_year", "source", "source_ref")
QUERY = """
SELECT DISTINCT ?eu ?euLabel ?iso ?euCoord ?cn ?cnLabel ?cnCoord ?cnGeonames ?provinceLabel ?start ?end WHERE {
  VALUES ?iso { %(countries)s }
  ?country wdt:P297 ?iso .
  ?eu wdt:P17 ?country .
  { ?eu p:P190 ?st . ?st ps:P190 ?cn . } UNION { ?cn p:P190 ?st . ?st ps:P190 ?eu . }
  ?partner wdt:P297 "%(partner)s" .
  ?cn wdt:P17 ?partner .
  OPTIONAL { ?st pq:P580 ?start . }
  OPTIONAL { ?st pq:P582 ?end . }
  OPTIONAL { ?eu wdt:P625 ?euCoord . }
  OPTIONAL { ?cn wdt:P625 ?cnCoord . }
  OPTIONAL { ?cn wdt:P1566 ?cnGeonames . }
  OPTIONAL { ?cn wdt:P131* ?province . ?province wdt:P300 ?provinceCode . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""


def build_query(countries=None):
    countries = sorted(countries or frame_countries())
    from citydip.gazetteer.territories import partner

    return QUERY % {"countries": " ".join(f'"{c}"' for c in countries), "partner": partner()}


def frame_countries():
    from citydip.frame.models import City

    found = set(City.objects.filter(in_frame=True).values_list("country_id", flat=True))
    return found or set(EU27)


def fetch(endpoint, query, timeout=60.0):
    """The SPARQL JSON answer; a clear CitydipError when the service cannot be reached or answers badly."""
    data = urllib.parse.urlencode({"query": query, "format": "json"}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={
        "User-Agent": USER_AGENT, "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise CitydipError("PART-E010", f"the SPARQL service at {endpoint} answered HTTP {error.code}; try again later "
                           "or give another endpoint with --endpoint") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise CitydipError("PART-E011", f"cannot reach the SPARQL service at {endpoint} ({reason}); this command "
                           "needs the internet (or --endpoint pointing to a reachable service)") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CitydipError("PART-E012", f"the SPARQL service at {endpoint} did not answer JSON ({error})") from error


def qid(uri):
    return uri.rsplit("/", 1)[-1] if uri else ""


def point(wkt):
    """(lat, lon) from a WKT literal ``Point(lon lat)``."""
    if not wkt or not wkt.startswith("Point("):
        return "", ""
    lon, lat = wkt[len("Point("):-1].split()
    return f"{float(lat):.5f}", f"{float(lon):.5f}"


def rows_from(answer):
    """Pairs CSV rows from a SPARQL JSON answer, one per EU item and Chinese item (first binding wins)."""
    try:
        bindings = answer["results"]["bindings"]
    except (KeyError, TypeError) as error:
        raise CitydipError("PART-E012", "the SPARQL answer has no results.bindings") from error
    rows = {}
    for b in bindings:
        value = {k: v.get("value", "") for k, v in b.items()}
        key = (qid(value.get("eu")), qid(value.get("cn")))
        if key in rows:
            continue
        eu_lat, eu_lon = point(value.get("euCoord"))
        cn_lat, cn_lon = point(value.get("cnCoord"))
        rows[key] = {
            "eu_city": value.get("euLabel", key[0]), "eu_country_iso2": value.get("iso", ""), "eu_lat": eu_lat,
            "eu_lon": eu_lon, "eu_wikidata": key[0], "eu_level": "municipality", "cn_city": value.get("cnLabel", key[1]),
            "cn_province": value.get("provinceLabel", ""), "cn_lat": cn_lat, "cn_lon": cn_lon, "cn_wikidata": key[1],
            "cn_geonameid": value.get("cnGeonames", ""), "cn_territory": "", "is_prc_mainland": "1",
            "relation_type": "", "start_year": value.get("start", "")[:4], "end_year": value.get("end", "")[:4],
            "source": "wikidata_p190", "source_ref": f"wikidata {key[0]} P190 {key[1]}"}
    return sorted(rows.values(), key=lambda r: (r["eu_country_iso2"], r["eu_city"], r["cn_city"]))


def fetch_to_csv(output, endpoint, timeout=60.0, countries=None):
    """Query the endpoint and write the pairs CSV (atomically); return the number of rows."""
    rows = rows_from(fetch(endpoint, build_query(countries), timeout=timeout))
    output = Path(output)
    with atomic_write(output, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
