"""Publication maps and the year chart, drawn with matplotlib from the same payloads as the web map.

Each figure function takes :class:`MapFacts` and a :class:`Size` and returns a Figure. Typography and
palette are shared: DejaVu Sans at 7 pt (journal column, 8.5 cm) or 8 pt (book page, 14 cm), the
Okabe–Ito status colours of status.py, and a colour-blind-safe sequential ramp (YlGnBu) for shares
and counts. Synthetic (demo) answers are named in a note on every figure that uses them.
"""
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.colors import BoundaryNorm, ListedColormap  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from shapely import make_valid  # noqa: E402
from shapely.geometry import shape  # noqa: E402

from citydip.core.partner import partner_country, partner_country_name  # noqa: E402
from citydip.mapping.partner import partner_box, partner_outlines  # noqa: E402
from citydip.mapping.projection import EUROPE, EUROPE_BOX, Laea, outline_shapes, patch, projected  # noqa: E402
from citydip.mapping.status import COOPERATING, STATUS_COLOURS, STATUS_LABELS  # noqa: E402

CM = 1 / 2.54
PLACE_COLOUR = "#009E73"
LAND, OTHER_LAND, EDGE, WATER = "#e6e6e6", "#f6f6f6", "#8c8c8c", "#ffffff"
RAMP = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]


@dataclass(frozen=True)
class Size:
    name: str
    width_cm: float
    font_pt: float


SIZES = {"column": Size("column", 8.5, 7), "book": Size("book", 14.0, 8)}


class MapFacts:
    """The rows of the three payloads as simple records (what the web map receives, decoded)."""

    def __init__(self, cities, links, places):
        codes = [s["code"] for s in cities["statuses"]]
        self.synthetic_flag = cities["flags"]["synthetic"]
        self.cities = [dict(zip(cities["fields"], row)) | {"status": codes[row[8]]} for row in cities["rows"]]
        self.places = {row[0]: dict(zip(places["fields"], row)) for row in places["rows"]}
        kinds = [k["code"] for k in links["kinds"]]
        self.links = [dict(zip(links["fields"], row)) | {"kind": kinds[row[2]]} for row in links["rows"]]
        self.survey_bit = 1 << links["sources"].index("survey")
        self.has_synthetic = any(c["flags"] & self.synthetic_flag for c in self.cities)

    def partner_counts(self):
        """``{place pk: number of distinct EU partner cities}``."""
        partners = defaultdict(set)
        for link in self.links:
            partners[link["place"]].add(link["city"])
        return {pk: len(cities) for pk, cities in partners.items()}


def new_figure(size, aspect):
    """A figure and axes in the map style of ``size``. The style is set in matplotlib's global settings,
    which the draw functions read: callers draw and save inside ``plt.rc_context()`` so that the
    settings come back afterwards (a job worker that draws a map and then the analysis figures would
    otherwise give the analysis figures the map's type sizes)."""
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": size.font_pt, "axes.titlesize": size.font_pt + 1,
                         "legend.fontsize": size.font_pt - 0.5, "svg.fonttype": "none", "pdf.fonttype": 42,
                         "svg.hashsalt": "citydip"})  # the same data gives byte-identical SVGs
    width = size.width_cm * CM
    fig, ax = plt.subplots(figsize=(width, width * aspect), layout="constrained")
    return fig, ax


def add_patches(ax, patches):
    """The shapes as one collection: adding hundreds of patches one by one made matplotlib recompute
    the axes' data limits after each (a second per map; the limits are set by hand anyway)."""
    ax.add_collection(PatchCollection([p for p in patches if p is not None], match_original=True))


def draw_base(ax, projection, extent, fill_for=None):
    add_patches(ax, (patch(geometry, facecolor=fill_for(props) if fill_for else LAND, edgecolor=EDGE, linewidth=0.3)
                     for props, geometry in outline_shapes("countries.geojson", projection, extent)))
    (x0, x1), (y0, y1) = projection.limits(*extent)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_facecolor(WATER)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.4)


def marker_size(population, scale=1.0):
    """Marker area in pt² growing with the square root of the population (area ~ population)."""
    return scale * 4 * np.sqrt(np.maximum(np.asarray(population, dtype=float), 50_000) / 50_000)


def add_note(fig, facts, size, text="", outlines=True):
    """A small grey note under the figure: what the symbols mean, synthetic answers, outline source."""
    parts = [text] if text else []
    if facts.has_synthetic:
        parts.append("Includes synthetic (demo) survey answers.")
    if outlines:
        parts.append("Outlines: Natural Earth.")
    font = plt.rcParams["font.size"] - 1.5
    characters = int(size.width_cm * CM * 72 / (0.6 * font))
    fig.supxlabel(textwrap.fill(" ".join(parts), characters), fontsize=font, color="#555555")


def eu_cities_cooperating(facts, size):
    fig, ax = new_figure(size, 0.95)
    frame_countries = {c["country"] for c in facts.cities}
    draw_base(ax, EUROPE, EUROPE_BOX, lambda p: LAND if p["iso2"] in frame_countries else OTHER_LAND)
    others = [c for c in facts.cities if c["status"] not in COOPERATING]
    scale = size.width_cm / 8.5
    x, y = EUROPE([c["lon"] for c in others], [c["lat"] for c in others])
    ax.scatter(x, y, s=1.2 * scale, color="#9a9a9a", linewidths=0, zorder=3)
    for status in reversed(COOPERATING):
        chosen = sorted((c for c in facts.cities if c["status"] == status), key=lambda c: -(c["population"] or 0))
        x, y = EUROPE([c["lon"] for c in chosen], [c["lat"] for c in chosen])
        ax.scatter(x, y, s=marker_size([c["population"] or 0 for c in chosen], scale), color=STATUS_COLOURS[status],
                   edgecolors="#333333", linewidths=0.25, alpha=0.9, zorder=4)
    cooperating = sum(c["status"] in COOPERATING for c in facts.cities)
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=STATUS_COLOURS[s], markeredgecolor="#333333",
                      markeredgewidth=0.3, markersize=4.5, label=STATUS_LABELS[s]) for s in COOPERATING]
    handles.append(Line2D([], [], marker="o", linestyle="", color="#9a9a9a", markersize=2, label="other frame city"))
    ax.legend(handles=handles, loc="upper left", frameon=True, framealpha=0.9, edgecolor="none", borderpad=0.4)
    ax.set_title(f"EU cities cooperating with {partner_country_name('en')} ({cooperating} of {len(facts.cities)})")
    add_note(fig, facts, size, "Marker area ∝ population.")
    return fig


def share_by_country(facts):
    totals, cooperating = Counter(), Counter()
    for city in facts.cities:
        totals[city["country"]] += 1
        cooperating[city["country"]] += city["status"] in COOPERATING
    return {iso: cooperating[iso] / totals[iso] for iso in totals}


def share_cooperating_by_country(facts, size):
    fig, ax = new_figure(size, 1.02)
    shares = share_by_country(facts)
    bounds = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0001]
    cmap, norm = ListedColormap(RAMP), BoundaryNorm(bounds, len(RAMP))
    draw_base(ax, EUROPE, EUROPE_BOX, lambda p: cmap(norm(shares[p["iso2"]])) if p["iso2"] in shares else OTHER_LAND)
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    bar = fig.colorbar(mappable, ax=ax, orientation="horizontal", fraction=0.05, pad=0.02, aspect=35,
                       ticks=bounds[:-1] + [1.0])
    bar.ax.set_xticklabels([f"{b:.0%}" for b in bounds[:-1]] + ["100%"])
    bar.set_label(f"share of frame cities cooperating with {partner_country_name('en')} (survey or open data)")
    bar.outline.set_linewidth(0.3)
    ax.set_title(f"Share of cities cooperating with {partner_country_name('en')}, by country")
    add_note(fig, facts, size, "Light grey: countries outside the frame.")
    return fig


def partner_view():
    """The partner country's box and an equal-area projection centred on it."""
    box = partner_box(partner_country())
    return Laea(round((box[0] + box[2]) / 2, 1), round((box[1] + box[3]) / 2, 1)), box


def subdivision_shapes(projection, extent):
    shapes = []
    for feature in partner_outlines(partner_country())["provinces"]["features"]:
        geometry = projected(make_valid(shape(feature["geometry"])), projection, extent)
        if geometry is not None and not geometry.is_empty:
            shapes.append((feature["properties"], geometry))
    return shapes


def chinese_partner_places(facts, size):
    fig, ax = new_figure(size, 0.8)
    view, box = partner_view()
    draw_base(ax, view, box, lambda p: OTHER_LAND)
    ties = Counter(facts.places[link["place"]]["province"] for link in facts.links if link["place"] in facts.places)
    bounds = [0, 1, 2, 4, 8, 16, 10**9]
    cmap, norm = ListedColormap(["#f7f7f7"] + RAMP[:5]), BoundaryNorm(bounds, 6)
    add_patches(ax, (patch(geometry, facecolor=cmap(norm(ties.get(props["id"], 0))), edgecolor="#7a7a7a",
                           linewidth=0.25, alpha=0.75) for props, geometry in subdivision_shapes(view, box)))
    counts = facts.partner_counts()
    places = sorted((facts.places[pk] | {"n": n} for pk, n in counts.items() if pk in facts.places),
                    key=lambda p: -p["n"])
    x, y = view([p["lon"] for p in places], [p["lat"] for p in places])
    scale = size.width_cm / 8.5
    ax.scatter(x, y, s=[6 * scale * p["n"] for p in places], color=PLACE_COLOUR, edgecolors="white",
               linewidths=0.3, alpha=0.85, zorder=4)
    for place, px, py in list(zip(places, x, y))[:6]:
        ax.annotate(place["name"], (px, py), xytext=(3, 2), textcoords="offset points",
                    fontsize=plt.rcParams["font.size"] - 1, zorder=5)
    handles = [Line2D([], [], marker="o", linestyle="", color=PLACE_COLOUR, markersize=np.sqrt(6 * scale * n),
                      label=f"{n} EU partner{'s' if n > 1 else ''}") for n in _legend_steps(counts)]
    ax.legend(handles=handles, loc="lower left", frameon=True, framealpha=0.9, edgecolor="none",
              title="Partner place", title_fontsize=plt.rcParams["font.size"] - 0.5)
    ax.set_title(f"Partner places of EU cities in {partner_country_name('en')} ({len(places)})")
    add_note(fig, facts, size, "Subdivisions shaded by number of ties (0, 1, 2–3, 4–7, 8–15, 16+).")
    return fig


def _legend_steps(counts):
    top = max(counts.values(), default=1)
    return sorted({1, max(1, top // 2), top})


def partnerships_by_year(facts, size):
    fig, ax = new_figure(size, 0.55)
    years = Counter(link["year"] for link in facts.links if link["year"])
    survey = Counter(link["year"] for link in facts.links if link["year"] and link["sources"] & facts.survey_bit)
    unknown = sum(1 for link in facts.links if not link["year"])
    span = range(min(min(years, default=2000), 2000) - 1, max(max(years, default=2013), 2013) + 2)
    ax.bar(span, [years[y] - survey[y] for y in span], width=0.85, color=STATUS_COLOURS["coop_open"],
           label="open data only")
    ax.bar(span, [survey[y] for y in span], bottom=[years[y] - survey[y] for y in span], width=0.85,
           color=STATUS_COLOURS["coop_survey"], label="confirmed by the survey")
    ax.axvline(2013, color="#333333", linestyle="--", linewidth=0.7)
    ax.annotate("Belt and Road\nInitiative (2013)", (2013, 1), xycoords=("data", "axes fraction"), xytext=(-3, -2),
                textcoords="offset points", ha="right", va="top", fontsize=plt.rcParams["font.size"] - 1)
    ax.set_ylim(0, max(years.values(), default=1) * 1.45)
    if not years:
        ax.text(0.5, 0.5, "No partnership has a known year of signing yet.", transform=ax.transAxes,
                ha="center", va="center", color="#555555")
    ax.set_xlabel("year signed")
    ax.set_ylabel("partnerships")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", frameon=False)
    ax.set_title(f"EU–{partner_country_name('en')} city partnerships by year signed")
    add_note(fig, facts, size, f"Year unknown: {unknown} of {len(facts.links)} partnerships.", outlines=False)
    return fig


FIGURES = {
    "eu_cities_cooperating": (eu_cities_cooperating, "EU cities cooperating with the partner country"),
    "share_cooperating_by_country": (share_cooperating_by_country, "Share of cities cooperating, by country"),
    "chinese_partner_places": (chinese_partner_places, "Partner places with the number of EU partners"),
    "partnerships_by_year": (partnerships_by_year, "Partnerships by year signed (2013: Belt and Road Initiative)"),
}
