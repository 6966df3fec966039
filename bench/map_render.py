"""Load time and bytes of citydip's map page against a naive folium map of the same data, in Chromium.

    DATABASE_URL=sqlite:////tmp/map_bench.sqlite3 PYTHONPATH=src python bench/map_render.py \\
        [--pairs /work/shared/data/twinning/all_pairs.csv] [--runs 3]

An empty database is first filled with the global twinning list (bench/map_global_data.py). citydip
is served by gunicorn (`citydip serve`) on 127.0.0.1; the folium page (one CircleMarker per city, one
PolyLine per tie, folium's defaults) is written to a file and served from 127.0.0.1 too. folium loads
Leaflet, jQuery and Bootstrap from CDNs; offline, the bench answers those requests itself: Leaflet's
files from citydip's vendored copy (counted), every other CDN file as empty (not counted, so folium's
bytes are understated). "Ready" = citydip's map has drawn its markers (#citydip-map[data-ready]);
folium's = its load event (its script runs inline before it). Each figure is the median of the runs.
"""
import argparse
import gzip
import http.server
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "citydip" / "mapping" / "static" / "mapping" / "vendor" / "leaflet"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup_django(pairs):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from citydip.partnerships.models import Partnership

    if not Partnership.objects.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from map_global_data import load

        print("loading", pairs, load(pairs))


def session_cookie():
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    from citydip.core.management.commands.user import create_user

    if not User.objects.filter(username="bench").exists():
        create_user("bench", "researcher")
    client = Client()
    client.force_login(User.objects.get(username="bench"))
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value


def start_citydip(port):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen([sys.executable, "-m", "citydip", "serve", "--port", str(port), "--workers", "2"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Ready = /healthz answers (gunicorn binds its port before its workers have loaded and warmed up
    # the application; a load timed before that would time the server's start, not the map).
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    time.sleep(1)  # the other workers finish their warm-up
                    return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("citydip serve did not start")


def folium_page(folder):
    """A naive folium map: every city a CircleMarker with a popup, every tie a PolyLine."""
    import folium

    from citydip.mapping.payload import map_payload

    data = map_payload()
    cities = {row[0]: row for row in data["cities"]["rows"]}
    places = {row[0]: row for row in data["places"]["rows"]}
    fmap = folium.Map(location=[45, 60], zoom_start=3, tiles=None, prefer_canvas=True)
    for city in cities.values():
        folium.CircleMarker([city[4], city[5]], radius=4, popup=city[2], fill=True).add_to(fmap)
    for link in data["links"]["rows"]:
        city, place = cities[link[0]], places[link[1]]
        folium.PolyLine([[city[4], city[5]], [place[4], place[5]]], weight=1, opacity=0.4).add_to(fmap)
    path = Path(folder) / "folium.html"
    fmap.save(str(path))
    return path, len(data["cities"]["rows"]), len(data["links"]["rows"])


def serve_folder(folder, port):
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(folder), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cdn_route(route):
    """Offline stand-in for folium's CDN files: Leaflet from citydip's vendored copy, the rest empty."""
    url = route.request.url
    for name, kind in (("leaflet.js", "application/javascript"), ("leaflet.css", "text/css")):
        if url.endswith("/" + name) and "leaflet@" in url:
            return route.fulfill(body=(VENDOR / name).read_bytes(), content_type=kind)
    return route.fulfill(body="", content_type="text/plain")


# Filter changes a user makes, in order: (form field, value). Each redraw is timed from the change to
# the end of the first frame painted after it (an animation frame, then a task queued from it, which
# runs once that frame's rendering is done).
FILTER_CHANGES = [["country", "DE"], ["country", ""], ["kind", "sister"], ["kind", ""],
                  ["year_from", "2000"], ["year_from", ""], ["status-coop_open", False], ["status-coop_open", True]]
PAINTED = "new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"
REDRAW_JS = f"""async (changes) => {{
  const form = document.getElementById('map-filters'), times = [];
  for (const [name, value] of changes) {{
    const field = form.elements[name];
    if (!field) {{ continue; }}
    const t0 = performance.now();
    if (field.type === 'checkbox') {{ field.checked = value; }} else {{ field.value = value; }}
    form.dispatchEvent(new Event('change'));
    await {PAINTED};
    const u = window.CitydipMap.state.timings.update;
    times.push(`${{Math.round(performance.now() - t0)}} (${{[u.filter, u.cities, u.ties].map(Math.round).join("+")}})`);
  }}
  return times.join(", ");
}}"""
ZOOM_JS = f"""async (zooms) => {{
  const map = window.CitydipMap.state.map, times = [];
  for (const zoom of zooms) {{
    const t0 = performance.now();
    const moved = new Promise(r => map.once('moveend', r));
    map.setZoom(zoom, {{animate: false}});
    await moved;
    await {PAINTED};
    times.push(Math.round(performance.now() - t0));
  }}
  return times;
}}"""


def measure(browser, url, ready, cookie=None, route_cdn=False):
    """(seconds until ready, bytes transferred) for one cold page load."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if cookie:
        context.add_cookies([{"name": cookie[0], "value": cookie[1], "url": url}])
    if route_cdn:
        context.route(lambda u: not u.startswith("http://127.0.0.1"), cdn_route)
    page = context.new_page()
    transferred = []
    page.on("requestfinished",
            lambda r: transferred.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
    started = time.perf_counter()
    page.goto(url, wait_until="load", timeout=120_000)
    if ready:
        page.wait_for_selector(ready, state="attached", timeout=120_000)
    elapsed = time.perf_counter() - started
    page.wait_for_timeout(300)
    if ready:
        print("  citydip page clock (ms since navigation):", page.evaluate(
            "JSON.stringify(window.CitydipMap.state.timings, (k, v) => typeof v === 'number' ? Math.round(v) : v)"))
        print("  redraw after a filter change, ms (change to painted frame (filter + cities + ties)):", page.evaluate(REDRAW_JS, FILTER_CHANGES))
        print("  redraw after a zoom, ms (setZoom to painted frame):", page.evaluate(ZOOM_JS, [3, 4, 5, 6, 3, 2]))
    context.close()
    return elapsed, sum(transferred)


def run(args):
    from playwright.sync_api import sync_playwright

    setup_django(args.pairs)
    cookie = session_cookie()
    folder = Path(args.workdir)
    folder.mkdir(parents=True, exist_ok=True)
    fpath, n_cities, n_links = folium_page(folder)
    print(f"data: {n_cities} cities, {n_links} ties; folium.html {fpath.stat().st_size / 1e6:.1f} MB "
          f"({len(gzip.compress(fpath.read_bytes())) / 1e6:.1f} MB gzipped)")
    citydip_port, folium_port = free_port(), free_port()
    server = start_citydip(citydip_port)
    from citydip.mapping.models import MapPayload

    MapPayload.objects.all().delete()  # as after a data change: the first load computes the payload
    static = serve_folder(folder, folium_port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            results = {"citydip": [], "folium": []}
            for _ in range(args.runs):
                results["citydip"].append(measure(browser, f"http://127.0.0.1:{citydip_port}/map/",
                                                  "#citydip-map[data-ready='1']", cookie=cookie))
                results["folium"].append(measure(browser, f"http://127.0.0.1:{folium_port}/folium.html", None,
                                                 route_cdn=True))
            browser.close()
    finally:
        server.terminate()
        static.shutdown()
    report(results)


def report(results):
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("first load: cold browser cache, and the payload computed as after a data change; then the stored one")
    print(f"{'map':<10}{'first load s':>14}{'median s':>10}{'bytes (MB)':>12}")
    for name, runs in results.items():
        times = [t for t, _ in runs]
        megabytes = statistics.median(b for _, b in runs) / 1e6
        print(f"{name:<10}{times[0]:>14.2f}{statistics.median(times):>10.2f}{megabytes:>12.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description="citydip map vs folium: load time and bytes")
    parser.add_argument("--pairs", default="/work/shared/data/twinning/all_pairs.csv")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", default="/tmp/citydip-map-bench")
    run(parser.parse_args(argv))


if __name__ == "__main__":
    main()
