"""The case chapter's map: the city and its partner places, Europe to China, drawn with the mapping app's
figure code (projection, outlines, typography, palette)."""
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from citydip.mapping.figures import PLACE_COLOUR, SIZES, draw_base, new_figure
from citydip.mapping.projection import Laea
from citydip.mapping.status import STATUS_COLOURS

EURASIA = Laea(62.0, 45.0)
EURASIA_BOX = (-12.0, 14.0, 138.0, 66.0)
CITY_COLOUR = STATUS_COLOURS.get("coop_survey", "#D55E00")


def case_map(city, ties, size=SIZES["book"]):
    """A figure of ``city`` and the partner places of ``ties`` (Partnership rows), with connecting lines."""
    fig, ax = new_figure(size, 0.5)
    draw_base(ax, EURASIA, EURASIA_BOX)
    places = [t.place for t in ties if t.place.lat is not None and t.place.lon is not None]
    if city.lat is not None and city.lon is not None:
        cx, cy = EURASIA(city.lon, city.lat)
        for place in places:
            px, py = EURASIA(place.lon, place.lat)
            ax.plot([cx, px], [cy, py], color="#555555", linewidth=0.5, alpha=0.7, zorder=3)
        ax.scatter([cx], [cy], s=40, color=CITY_COLOUR, edgecolors="#333333", linewidths=0.4, zorder=5)
        ax.annotate(city.name, (cx, cy), xytext=(3, 3), textcoords="offset points", fontsize=size.font_pt, zorder=6)
    if places:
        x, y = EURASIA([p.lon for p in places], [p.lat for p in places])
        ax.scatter(x, y, s=22, color=PLACE_COLOUR, edgecolors="white", linewidths=0.4, zorder=5)
        for place, px, py in list(zip(places, x, y))[:8]:
            ax.annotate(place.name, (px, py), xytext=(3, -7), textcoords="offset points",
                        fontsize=size.font_pt - 1, zorder=6)
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=CITY_COLOUR, markeredgecolor="#333333",
                      markersize=5, label=city.name),
               Line2D([], [], marker="o", linestyle="", color=PLACE_COLOUR, markersize=4,
                      label=f"partner places ({len(places)})")]
    ax.legend(handles=handles, loc="lower left", frameon=True, framealpha=0.9, edgecolor="none")
    ax.set_title(f"{city.name} and its partners")
    fig.supxlabel("Outlines: Natural Earth. Lines join the city to each partner in the register.",
                  fontsize=plt.rcParams["font.size"] - 1.5, color="#555555")
    return fig


def write_case_map(city, ties, stem):
    """``stem.png`` and ``stem.svg``; returns the two paths."""
    from pathlib import Path

    paths = []
    with plt.rc_context():  # the map style stays inside (mapping/figures.py: new_figure)
        fig = case_map(city, ties)
        for suffix in (".png", ".svg"):
            path = Path(f"{stem}{suffix}")
            path.parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(path, dpi=200 if suffix == ".png" else None,
                        metadata={"Date": None} if suffix == ".svg" else {})
            paths.append(path)
        plt.close(fig)
    return paths
