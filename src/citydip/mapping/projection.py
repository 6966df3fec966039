"""Lambert azimuthal equal-area projection and shapes as matplotlib patches, for the static maps.

Written here (a dozen lines of the spherical formulas) because pyproj/cartopy are not dependencies
and an equal-area projection is what a choropleth of shares needs: areas are compared fairly.
"""
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry import box, shape
from shapely.geometry.polygon import orient

OUTLINES = Path(__file__).resolve().parent / "outlines"


@dataclass(frozen=True)
class Laea:
    """Spherical Lambert azimuthal equal-area projection centred on (lon0, lat0); units: earth radii."""

    lon0: float
    lat0: float

    def __call__(self, lon, lat):
        lam, phi = np.radians(np.asarray(lon, dtype=float) - self.lon0), np.radians(np.asarray(lat, dtype=float))
        phi0 = np.radians(self.lat0)
        k = np.sqrt(2 / (1 + np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)))
        x = k * np.cos(phi) * np.sin(lam)
        y = k * (np.cos(phi0) * np.sin(phi) - np.sin(phi0) * np.cos(phi) * np.cos(lam))
        return x, y

    def limits(self, west, south, east, north):
        """Projected x and y limits of a lon/lat box (sampled along its edges)."""
        along_lon, along_lat = np.linspace(west, east, 50), np.linspace(south, north, 50)
        lons = np.concatenate([along_lon, np.full(50, east), along_lon, np.full(50, west)])
        lats = np.concatenate([np.full(50, south), along_lat, np.full(50, north), along_lat])
        x, y = self(lons, lats)
        return (x.min(), x.max()), (y.min(), y.max())


EUROPE = Laea(10.0, 52.0)
EUROPE_BOX = (-11.0, 34.0, 33.0, 70.0)


def read_features(name):
    return json.loads((OUTLINES / name).read_text(encoding="utf-8"))["features"]


def projected(geometry, projection, extent):
    """The part of a lon/lat geometry inside ``extent`` (a little enlarged), projected."""
    west, south, east, north = extent
    clipped = geometry.intersection(box(west - 30, south - 15, east + 30, north + 15))
    if clipped.is_empty:
        return None
    return shapely.transform(clipped, lambda xy: np.column_stack(projection(xy[:, 0], xy[:, 1])))


def patch(geometry, **style):
    """A PathPatch of a (multi)polygon with its holes (rings oriented for the non-zero fill rule)."""
    polygons = getattr(geometry, "geoms", [geometry])
    vertices, codes = [], []
    for polygon in polygons:
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        polygon = orient(polygon, 1.0)
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            codes.append([MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY])
    if not vertices:
        return None
    return PathPatch(MplPath(np.concatenate(vertices), np.concatenate(codes)), **style)


@lru_cache(maxsize=8)
def outline_shapes(name, projection, extent):
    """``[(properties, projected geometry)]`` of an outline file, clipped to the extent (cached)."""
    shapes = []
    for feature in read_features(name):
        geometry = projected(shape(feature["geometry"]), projection, extent)
        if geometry is not None and not geometry.is_empty:
            shapes.append((feature["properties"], geometry))
    return shapes
