"""Load and crash test of the survey: simulated respondents against the production server.

    python bench/survey_load.py [--quick] [--database sqlite|postgres] [--crash]
                                [--respondents N] [--concurrency C] [--saves K] [--workers W]
                                [--rate R [--duration S]]

What it does (see docs/reliability.md):
1. builds a scratch database (``citydip init``; a frame of N synthetic cities; a wave of the study's
   instrument; one personal link per city through ``citydip.survey.tokens.issue``);
2. starts the server exactly as ``citydip serve`` runs it (gunicorn, several workers, 127.0.0.1, a free
   port) in its own process group;
3. drives the respondents, C at once (threads with http.client): each opens its link (the HTML page),
   reads its response (``GET /api/v1/responses/{token}``), saves its answers page by page in K saves
   (``POST`` with ``answers``), then submits (``POST {"submit": true}``). A *submission* is one of
   those POSTs; it is *acknowledged* when the server answered 200;
4. with ``--crash``, kills the whole server with SIGKILL once half of the submissions are acknowledged,
   and starts it again; respondents whose request failed retry it (saves are idempotent);
   With ``--rate R`` the run is *open-loop*, as real respondents are (they pause between pages): the
   submissions arrive at R a second, whatever the server's speed, spread over the respondents in turn
   (respondent j sends its next one M/R seconds after its last, M respondents), for ``--duration``
   seconds. A submission's latency counts from its scheduled time, so a server that falls behind
   shows its queue in the percentiles (no coordinated omission);
5. checks the database: an acknowledged save is *stored* when every answer it carried is in the
   response with the same value; an acknowledged submit when the response is complete. A response is
   *half-written* unless (a) its answers are a JSON object whose keys are exactly the keys of its
   first k saves for some k, with their values (never a part of a save), (b) ``revision`` >= k (every
   save increments it once), (c) its state agrees with its timestamps (not_started: no started/saved;
   partial: started and last_saved set, submitted empty; complete: submitted set, all k saves there).

The last line reads ``acknowledged N stored N lost 0`` (DESIGN.md contract). Exit status 1 when
anything was lost or half-written.

DATABASE_URL is honoured: a PostgreSQL URL names the server (and user) on which a scratch database
``<name>_load`` is created and dropped afterwards; SQLite runs use a file in the temporary folder.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
INSTRUMENT = SRC / "citydip" / "survey" / "instruments" / "eu_china_cities.xlsx"
DEFAULT_PG = "postgres://postgres@127.0.0.1:55433/citydip"
COUNTRIES = ("FR", "DE", "IT", "ES", "PL", "NL", "BE", "AT", "CZ", "PT")


# -- the scratch database ------------------------------------------------------------------------
def scratch_database(kind):
    """(DATABASE_URL, cleanup) of a fresh database of ``kind`` (sqlite or postgres)."""
    given = os.environ.get("DATABASE_URL", "")
    if kind == "sqlite":
        path = Path(tempfile.gettempdir()) / f"citydip_load_{os.getpid()}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: [Path(str(path) + s).unlink(missing_ok=True) for s in ("", "-wal", "-shm")]
    base = urlsplit(given if given.startswith("postgres") else DEFAULT_PG)
    name = (base.path.strip("/") or "citydip") + "_load"
    admin_url = urlunsplit(base._replace(path="/postgres"))
    import psycopg

    def run(sql):
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return urlunsplit(base._replace(path="/" + name)), lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def child_env(database_url):
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="citydip.settings")
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("CITYDIP_PRODUCTION", None)  # plain HTTP on 127.0.0.1: no HTTPS redirect
    return env


def setup_django(database_url):
    os.environ.update(child_env(database_url))
    sys.path.insert(0, str(SRC))
    subprocess.run([sys.executable, "-m", "citydip", "init"], env=child_env(database_url), check=True,
                   stdout=subprocess.DEVNULL)
    import django

    django.setup()


def build_study(n_cities, saves, seed=7):
    """Cities, a wave of the instrument, one link each. Returns [(token, [chunk, ...])] per respondent."""
    from citydip.core.models import Country
    from citydip.frame.models import City, FrameVersion
    from citydip.survey import tokens
    from citydip.survey.review import load_wave_form
    from citydip.survey.waves import create_wave

    version = FrameVersion.objects.create(source="bench", rule={"bench": True}, counts={})
    countries = [Country.ensure(iso2) for iso2 in COUNTRIES]
    City.objects.bulk_create(
        City(name=f"Loadtown {i}", country=countries[i % len(countries)], population=50000 + i,
             urau_code=f"{COUNTRIES[i % len(COUNTRIES)]}{i:04d}L", frame_version=version) for i in range(n_cities))
    version.cities.set(City.objects.all())
    wave = create_wave(str(INSTRUMENT), name="Load wave")
    form = load_wave_form(wave)
    rng = random.Random(seed)
    samples = [valid_answers(form, rng, status) for status in ("current", "past", "never") for _ in range(4)]
    respondents = []
    for i, city in enumerate(City.objects.order_by("pk")):
        answers = form_answers(form, samples[i % len(samples)])
        respondents.append((tokens.issue(wave, city, "en"), split_answers(answers, saves)))
    return respondents


def valid_answers(form, rng, status):
    """Generated answers of a consenting city with ``status`` that the form accepts whole at submission
    (the generator answers question by question and can paint itself into a corner, e.g. a city that
    "cooperates now" whose random partners have all ended: such a draw is discarded)."""
    from citydip.survey.respond_answers import ValidationFailed, finalise_answers
    from citydip.survey.synthetic import AnswerGenerator

    for _ in range(50):
        answers = AnswerGenerator(form, rng).generate(preset={"consent": "yes", "coop_status": status})
        try:
            finalise_answers(form, form_answers(form, answers), form.default_language or "en")
            return answers
        except ValidationFailed:
            continue
    raise SystemExit(f"could not generate valid answers for coop_status={status}")


def form_answers(form, generated):
    """The answers a respondent types: without the form's calculated fields (the server adds those)."""
    calculated = {q.name for q in form.questions() if q.type == "calculate"}
    return {k: v for k, v in generated.items() if k not in calculated}


def split_answers(answers, saves):
    """The answers in page order, cut into at most ``saves`` consecutive non-empty chunks."""
    keys = list(answers)
    size = max(1, -(-len(keys) // saves))
    return [{k: answers[k] for k in keys[i:i + size]} for i in range(0, len(keys), size)]


# -- the server -----------------------------------------------------------------------------------
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``citydip serve`` (gunicorn) in its own process group, so SIGKILL takes master and workers."""

    def __init__(self, database_url, port, workers, threads=None):
        self.env, self.port, self.workers, self.threads = child_env(database_url), port, workers, threads
        self.process = None
        self.log = tempfile.NamedTemporaryFile(prefix="citydip_load_server_", suffix=".log", delete=False)  # noqa: SIM115 - open while the server runs

    def start(self):
        argv = [sys.executable, "-m", "citydip", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                ] + (["--workers", str(self.workers)] if self.workers else []) + (
                    ["--threads", str(self.threads)] if self.threads else [])
        self.process = subprocess.Popen(argv, env=self.env, start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the server did not start:\n" + self.log_tail())
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not answer /healthz within 120 s:\n" + self.log_tail())

    def cpu_seconds(self):
        """CPU time (user + system) used so far by the server: `citydip serve` and every process under it
        (gunicorn's master and workers, the job worker), from /proc."""
        stats = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(stat.parent.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        tree, total, todo = set(), 0, [self.process.pid]
        while todo:
            pid = todo.pop()
            tree.add(pid)
            total += stats.get(pid, (0, 0))[1]
            todo.extend(child for child, (parent, _) in stats.items() if parent == pid and child not in tree)
        return total / os.sysconf("SC_CLK_TCK")

    def log_tail(self):
        return Path(self.log.name).read_text(errors="replace")[-2000:]

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


# -- the respondents ------------------------------------------------------------------------------
class Tally:
    """Shared counters and latencies of every respondent thread."""

    def __init__(self, planned):
        self.lock = threading.Lock()
        self.planned, self.acknowledged, self.failed, self.retries = planned, 0, 0, 0
        self.latencies = []
        self.cpu = (0.0, 0.0)  # (load generator, server) CPU seconds during the run
        self.half_done = threading.Event()

    def ack(self, seconds):
        with self.lock:
            self.acknowledged += 1
            self.latencies.append(seconds)
            if self.acknowledged * 2 >= self.planned:
                self.half_done.set()


class Respondent:
    RETRY_FOR = 90  # seconds a request is retried while the server is down

    def __init__(self, port, token, chunks, tally):
        self.port, self.token, self.chunks, self.tally = port, token, chunks, tally
        self.conn = None
        self.acked_saves, self.acked_submit = 0, False

    def request(self, method, path, body=None):
        """(status, seconds) of one request, retried on connection errors until RETRY_FOR runs out."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        deadline = time.monotonic() + self.RETRY_FOR
        while True:
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                start = time.perf_counter()
                self.conn.request(method, path, body=body, headers=headers)
                reply = self.conn.getresponse()
                reply.read()
                return reply.status, time.perf_counter() - start
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if time.monotonic() > deadline:
                    return None, 0.0
                with self.tally.lock:
                    self.tally.retries += 1
                time.sleep(0.2)

    def run(self, schedule=None):
        """Open the link, then save chunk by chunk and submit: at once (closed loop) or each submission
        at its time in ``schedule`` (open loop: a list of ``time.perf_counter()`` values)."""
        if schedule:  # open loop: the respondent arrives (opens the link) just before its first save is due
            time.sleep(max(0.0, schedule[0] - 0.05 - time.perf_counter()))
        schedule = iter(schedule or ())
        api = f"/api/v1/responses/{self.token}"
        self.request("GET", f"/survey/r/{self.token}/")
        self.request("GET", api)
        for chunk in self.chunks:
            if not self.post(api, {"answers": chunk}, due=next(schedule, None)):
                return
            self.acked_saves += 1
        self.acked_submit = self.post(api, {"submit": True}, submit=True, due=next(schedule, None))
        if self.conn is not None:
            self.conn.close()

    def post(self, path, body, submit=False, due=None):
        if due is not None:
            time.sleep(max(0.0, due - time.perf_counter()))
        sent = time.perf_counter()
        status, seconds = self.request("POST", path, json.dumps(body))
        if due is not None:  # open loop: the wait behind schedule counts too
            seconds += max(0.0, sent - due)
        # 409 on a submit: an earlier attempt was stored before the server died; the server confirms it.
        if status == 200 or (submit and status == 409):
            self.tally.ack(seconds)
            return True
        with self.tally.lock:
            self.tally.failed += 1
            if self.tally.failed <= 5:
                print(f"  {path}: HTTP {status}", file=sys.stderr)
        return False


def drive(respondents, port, concurrency, tally, crash_server=None):
    """Run every respondent, ``concurrency`` at once; with ``crash_server``, kill and restart it midway."""
    queue = list(respondents)
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                respondent = queue.pop()
            respondent.run()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    crash = None
    if crash_server is not None:
        tally.half_done.wait()
        at = tally.acknowledged
        crash_server.kill()
        down = time.perf_counter()
        crash_server.start()
        crash = (at, time.perf_counter() - down)
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, crash


def enough_for(data, submissions):
    """The first respondents whose saves and submits add up to ``submissions``."""
    kept, total = [], 0
    for token, chunks in data:
        if total >= submissions:
            break
        kept.append((token, chunks))
        total += len(chunks) + 1
    return kept


def drive_open(respondents, rate, tally):
    """Open loop: submission i (of all) is due at ``i / rate`` seconds, respondent ``i % M`` sends it."""
    m = len(respondents)
    start = time.perf_counter() + 1.0  # every thread is started (and has opened its link) by then
    schedules = [[] for _ in respondents]
    for i in range(sum(len(r.chunks) + 1 for r in respondents)):
        schedules[i % m].append(start + i / rate)
    threads = [threading.Thread(target=r.run, args=(schedule,), daemon=True)
               for r, schedule in zip(respondents, schedules)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, None


# -- the check ------------------------------------------------------------------------------------
def check_stored(respondents):
    """(stored, problems): acknowledged submissions found in the database, and half-written responses."""
    from citydip.survey import tokens
    from citydip.survey.models import Response

    stored, problems = 0, []
    for r in respondents:
        response = Response.objects.get(pk=tokens.resolve(r.token).response_id)
        k = prefix_length(response.answers, r.chunks)
        stored += min(k, r.acked_saves) + (r.acked_submit and response.state == "complete")
        problem = half_written(response, r.chunks, k)
        if problem:
            problems.append(f"response {response.pk}: {problem}")
    return stored, problems


def prefix_length(answers, chunks):
    """k when ``answers`` hold exactly the first k chunks (calculated fields aside), else -1."""
    if not isinstance(answers, dict):
        return -1
    typed = set().union(*chunks)
    given = {k: v for k, v in answers.items() if k in typed}
    for k in range(len(chunks), -1, -1):
        expected = {key: value for chunk in chunks[:k] for key, value in chunk.items()}
        if given == expected:
            return k
    return -1


def half_written(response, chunks, k):
    """What is inconsistent about a response (None when nothing is)."""
    if k < 0:
        return "its answers are not the answers of a whole number of saves"
    if response.revision < k:
        return f"revision {response.revision} < {k} saves"
    state = response.state
    if state == "not_started" and (k or response.started or response.last_saved or response.submitted):
        return "not started but has answers or timestamps"
    if state == "partial" and (not response.started or not response.last_saved or response.submitted):
        return "partial with missing or contradicting timestamps"
    if state == "complete" and (not response.submitted or k != len(chunks)):
        return "complete without a submission time or without every save"
    if state not in ("not_started", "partial", "complete"):
        return f"unknown state {state!r}"
    return None


# -- the run ---------------------------------------------------------------------------------------
def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a run of under a minute")
    parser.add_argument("--database", choices=("sqlite", "postgres"), help="default: from DATABASE_URL, else sqlite")
    parser.add_argument("--crash", action="store_true", help="SIGKILL the server midway and restart it")
    parser.add_argument("--respondents", type=int, help="cities answering (default 1100; --quick 200)")
    parser.add_argument("--concurrency", type=int, help="respondents at once (default 200)")
    parser.add_argument("--saves", type=int, help="saves per respondent before the submit (default 12; --quick 1)")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: serve's, one per core)")
    parser.add_argument("--threads", type=int, default=None, help="threads per gunicorn worker (default: serve's)")
    parser.add_argument("--rate", type=float, help="open loop: submissions a second (saves and submits)")
    parser.add_argument("--duration", type=float, default=20.0, help="open loop: seconds of arrivals (default 20)")
    args = parser.parse_args(argv)
    if args.rate:
        args.saves = args.saves or 6
        # cities' answers differ in length: build enough, then keep those that fill the duration (main)
        args.respondents = args.respondents or max(1, round(2 * args.rate * args.duration / (args.saves + 1)))
    args.database = args.database or ("postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres")
                                      else "sqlite")
    args.respondents = args.respondents or (200 if args.quick else 1100)
    args.concurrency = min(args.concurrency or 200, args.respondents)
    args.saves = args.saves or (1 if args.quick else 12)
    return args


def report(args, tally, seconds, crash, stored, problems):
    lat = [s * 1000 for s in tally.latencies]
    loop = f"open loop at {args.rate:g} submissions/s" if args.rate else f"at once {args.concurrency}"
    print(f"database {args.database}, gunicorn workers {args.workers or os.cpu_count()} x {args.threads or 1} threads, respondents {args.respondents}, "
          f"{loop}, submissions planned {tally.planned}")
    print(f"time {seconds:.1f} s, throughput {tally.acknowledged / seconds:.1f} submissions/s")
    print(f"latency ms p50 {percentile(lat, 50):.0f} p95 {percentile(lat, 95):.0f} p99 {percentile(lat, 99):.0f}"
          f" max {max(lat, default=0):.0f} mean {statistics.fmean(lat) if lat else 0:.0f}")
    if not crash:
        client, server = tally.cpu
        print(f"cpu s: server {server:.1f} ({1000 * server / max(tally.acknowledged, 1):.2f} ms a submission), "
              f"load generator {client:.1f}; load average {os.getloadavg()[0]:.2f} at the end")
    if crash:
        print(f"crash: SIGKILL after {crash[0]} acknowledged, back up in {crash[1]:.1f} s, "
              f"{tally.retries} requests retried")
    print(f"failed {tally.failed}, half-written {len(problems)}")
    for problem in problems[:10]:
        print("  " + problem)
    lost = tally.acknowledged - stored
    print(f"acknowledged {tally.acknowledged} stored {stored} lost {lost}")
    return lost == 0 and not problems and tally.failed == 0


def main(argv=None):
    args = parse_args(argv)
    database_url, cleanup = scratch_database(args.database)
    server = None
    try:
        setup_django(database_url)
        data = build_study(args.respondents, args.saves)
        if args.rate:
            data = enough_for(data, args.rate * args.duration)
            args.respondents = len(data)
        from django.db import connections

        connections.close_all()
        port = free_port()
        server = Server(database_url, port, args.workers, args.threads)
        server.start()
        tally = Tally(sum(len(chunks) + 1 for _, chunks in data))
        respondents = [Respondent(port, token, chunks, tally) for token, chunks in data]
        client_cpu, server_cpu = time.process_time(), server.cpu_seconds()
        if args.rate:
            seconds, crash = drive_open(respondents, args.rate, tally)
        else:
            seconds, crash = drive(respondents, port, args.concurrency, tally, server if args.crash else None)
        tally.cpu = (time.process_time() - client_cpu, server.cpu_seconds() - server_cpu)
        server.stop()
        stored, problems = check_stored(respondents)
        connections.close_all()
        ok = report(args, tally, seconds, crash, stored, problems)
    finally:
        if server is not None:
            server.stop()
        cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
