"""The few kinds of chart the analysis draws, in one plain style (matplotlib, no seaborn)."""
import numpy as np
from matplotlib.ticker import MaxNLocator

from citydip.analysis.publish import plt

COLOUR = "#1f4e79"
ACCENT = "#c0392b"


def bar_chart(labels, values, xlabel, title="", horizontal=True):
    """Horizontal bars, largest on top (rankings)."""
    fig, ax = plt.subplots(figsize=(6, 0.35 * max(len(labels), 3) + 1))
    positions = np.arange(len(labels))
    if horizontal:
        ax.barh(positions, values, color=COLOUR)
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
    else:
        ax.bar(positions, values, color=COLOUR)
        ax.set_xticks(positions, labels, rotation=45, ha="right")
        ax.set_ylabel(xlabel)
    ax.set_title(title)
    return fig


def interval_chart(labels, estimates, lows, highs, xlabel, weighted=None):
    """Point estimates with 95% intervals; an optional second (weighted) series, offset slightly."""
    fig, ax = plt.subplots(figsize=(6, 0.35 * max(len(labels), 3) + 1))
    positions = np.arange(len(labels), dtype=float)
    _points(ax, positions - (0.15 if weighted else 0), estimates, lows, highs, COLOUR, "unweighted (Wilson)")
    if weighted:
        _points(ax, positions + 0.15, *weighted, ACCENT, "weighted (linearised)")
        ax.legend(fontsize=7, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    return fig


def _points(ax, positions, estimates, lows, highs, colour, label):
    estimates, lows, highs = (np.asarray(a, dtype=float) for a in (estimates, lows, highs))
    # Rounding can put an estimate a hair outside its interval (e.g. a share of exactly 0 or 1), and a
    # group with no data has no interval: matplotlib refuses negative or undefined bar lengths.
    errors = np.clip(np.nan_to_num(np.vstack([estimates - lows, highs - estimates]), nan=0.0), 0, None)
    ax.errorbar(estimates, positions, xerr=errors, fmt="o", color=colour, capsize=2, label=label, markersize=4)


def year_chart(years, counts, marker_year=2013, marker_label="Belt and Road Initiative (2013)"):
    """Partnerships signed per year, with a vertical line at the start of the Belt and Road Initiative."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.bar(years, counts, color=COLOUR, width=0.8)
    ax.axvline(marker_year - 0.5, color=ACCENT, linestyle="--", linewidth=1)
    top = max(counts) if len(counts) else 1
    ax.text(marker_year - 0.3, top * 0.95, marker_label, color=ACCENT, fontsize=7, va="top")
    ax.set_xlabel("year signed")
    ax.set_ylabel("partnerships")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def stacked_shares(labels, categories, shares, xlabel):
    """One horizontal bar per label, split into the shares of ordered categories (e.g. none/occasional/regular)."""
    fig, ax = plt.subplots(figsize=(6, 0.4 * max(len(labels), 3) + 1))
    positions = np.arange(len(labels))
    left = np.zeros(len(labels))
    colours = plt.cm.Blues(np.linspace(0.35, 0.9, len(categories)))
    for category, colour in zip(categories, colours):
        values = np.asarray([shares[label].get(category, 0.0) for label in labels])
        ax.barh(positions, values, left=left, color=colour, label=category)
        left += values
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.legend(ncol=len(categories), fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    return fig


def heatmap(matrix, row_labels, column_labels, title=""):
    fig, ax = plt.subplots(figsize=(max(4, 0.45 * len(column_labels) + 2), max(3, 0.35 * len(row_labels) + 1.5)))
    image = ax.imshow(np.asarray(matrix, dtype=float), cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(column_labels)), column_labels, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(row_labels)), row_labels, fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    return fig


def line_chart(xs, ys, xlabel, ylabel, chosen=None):
    fig, ax = plt.subplots(figsize=(4.5, 3))
    ax.plot(xs, ys, marker="o", color=COLOUR)
    if chosen is not None:
        ax.axvline(chosen, color=ACCENT, linestyle="--", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig
