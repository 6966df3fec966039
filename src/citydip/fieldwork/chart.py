"""The daily progress chart, drawn on the server as SVG: no script, nothing fetched, prints as it shows.

Three cumulative lines per day: invitations sent, questionnaires started, questionnaires completed.
Hand-written because it is about sixty lines; a charting library would add a dependency and
(in the browser) a script for a picture that never changes once drawn.
"""
import datetime
from collections import Counter

from django.utils import timezone
from django.utils.html import escape

from citydip.fieldwork.models import Invitation
from citydip.survey.models import Response

WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 720, 260, 48, 34, 14, 120
SERIES = (("sent", "invitations sent", "#0b5cad"), ("started", "started", "#9a6700"), ("complete", "completed", "#1a7f37"))


def daily_counts(wave):
    """{date: {sent, started, complete}} of events on that day (local dates)."""
    days = {name: Counter() for name, _, _ in SERIES}
    for at in Invitation.objects.filter(wave=wave, sent_at__isnull=False).values_list("sent_at", flat=True):
        days["sent"][timezone.localdate(at)] += 1
    for started, submitted, state in Response.objects.filter(wave=wave).values_list("started", "submitted", "state"):
        if started:
            days["started"][timezone.localdate(started)] += 1
        if submitted and state == Response.State.COMPLETE:
            days["complete"][timezone.localdate(submitted)] += 1
    return days


def cumulative(wave, today=None):
    """(dates, {series: [cumulative count per date]}) from the first event to today."""
    days = daily_counts(wave)
    all_dates = [d for counter in days.values() for d in counter]
    if not all_dates:
        return [], {}
    today = today or timezone.localdate()
    first, last = min(all_dates), max(max(all_dates), today)
    dates = [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]
    series = {}
    for name, counter in days.items():
        total, values = 0, []
        for date in dates:
            total += counter[date]
            values.append(total)
        series[name] = values
    return dates, series


def progress_svg(wave, today=None):
    dates, series = cumulative(wave, today)
    if not dates:
        return ""
    top = max(max(values) for values in series.values()) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(dates) - 1)

    def point(i, value):
        return f"{LEFT + i * step:.1f},{TOP + plot_h * (1 - value / top):.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="progress-title" class="progress-chart"><title id="progress-title">Daily progress '
             f'from {dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d}</title>',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#5a6270"/>',
             f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#5a6270"/>',
             f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="11">{top}</text>',
             f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="11">0</text>',
             f'<text x="{LEFT}" y="{HEIGHT - 8}" font-size="11">{dates[0]:%d %b}</text>',
             f'<text x="{LEFT + plot_w}" y="{HEIGHT - 8}" text-anchor="end" font-size="11">{dates[-1]:%d %b}</text>']
    for row, (name, label, colour) in enumerate(SERIES):
        points = " ".join(point(i, v) for i, v in enumerate(series[name]))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}"/>')
        y = TOP + 14 + row * 18
        parts.append(f'<line x1="{WIDTH - RIGHT + 10}" y1="{y - 4}" x2="{WIDTH - RIGHT + 28}" y2="{y - 4}" '
                     f'stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{WIDTH - RIGHT + 32}" y="{y}" font-size="11">{escape(label)} {series[name][-1]}</text>')
    parts.append("</svg>")
    return "".join(parts)
