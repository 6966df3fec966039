"""The partner country on the map: its first-level subdivisions, its bounds, its name.

For China the province map of ``outlines/china_provinces.geojson`` (China's own, with Chinese names);
for any other partner country the Natural Earth admin-1 outlines the gazetteer ships
(``gazetteer/data/admin1.geojson``), each feature keyed by its first-level ISO 3166-2 code, which is
what a place's province is. The interactive map's partner view and the publication maps use these.
"""
import json
from functools import lru_cache
from pathlib import Path

from shapely.geometry import shape

from citydip.core.partner import country_name
from citydip.gazetteer.china import CHINA
from citydip.gazetteer.sources import admin1_of, top_subdivision

OUTLINES = Path(__file__).resolve().parent / "outlines"


@lru_cache(maxsize=4)
def partner_outlines(code):
    countries = json.loads((OUTLINES / "countries.geojson").read_text(encoding="utf-8"))
    provinces = subdivision_outlines(code)
    return {"countries": countries, "provinces": provinces, "partner_country": code,
            "partner_bounds": bounds_of(provinces["features"]), "partner_name": country_name(code, "en"),
            "provinces_source": provinces.get("source", "")}


def subdivision_outlines(code):
    """China: the province map of china_provinces.geojson; any other country: Natural Earth admin-1
    (the gazetteer's vendored file), each feature keyed by its first-level ISO 3166-2 code."""
    if code == CHINA:
        return json.loads((OUTLINES / "china_provinces.geojson").read_text(encoding="utf-8"))
    features = [{"type": "Feature", "geometry": f["geometry"],
                 "properties": {"id": top_subdivision(f["id"]), "name": f["properties"].get("name", ""),
                                "name_zh": f["properties"].get("name_local", "")}} for f in admin1_of(code)]
    return {"type": "FeatureCollection", "source": "Natural Earth admin-1 (public domain)", "features": features}


def bounds_of(features):
    """[[south, west], [north, east]] of the features (Leaflet's order)."""
    if not features:
        return [[-60, -180], [80, 180]]
    boxes = [shape(f["geometry"]).bounds for f in features]
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return [[round(south, 2), round(west, 2)], [round(north, 2), round(east, 2)]]


def partner_box(code, margin=2.0):
    """(west, south, east, north) around the partner country, for the static maps."""
    (south, west), (north, east) = partner_outlines(code)["partner_bounds"]
    return (max(west - margin, -180.0), max(south - margin, -85.0), min(east + margin, 180.0), min(north + margin, 85.0))
