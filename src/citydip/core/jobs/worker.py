"""The worker: django-tasks-db's own worker loop, plus what citydip adds around it.

- its id is ``host:pid``, the same label a job records, so a job whose worker process has ended on this
  machine is recognised as interrupted at once;
- a heartbeat thread marks the jobs it is running every few seconds (a worker on another machine is
  recognised as gone when its heartbeat stops);
- at start, jobs left running by a dead worker are marked interrupted (they can be started again).
"""
import logging
import threading

from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from citydip.core.jobs.control import reap_stale_jobs
from citydip.core.jobs.execute import worker_label
from citydip.core.jobs.models import Job

logger = logging.getLogger("citydip.jobs")
HEARTBEAT_SECONDS = 5


class Heartbeat(threading.Thread):
    # A job may fork (core/parallel.py) while this thread runs: it holds no lock the forked children
    # need (they use neither the database nor this thread's connection).
    fork_safe = True

    def __init__(self, label):
        super().__init__(daemon=True, name="citydip-heartbeat")
        self.label = label
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(HEARTBEAT_SECONDS):
            try:
                Job.objects.filter(worker=self.label, status=Job.Status.RUNNING).update(heartbeat_at=timezone.now())
            except Exception:  # a locked SQLite file: the next beat will do
                logger.debug("heartbeat skipped", exc_info=True)
        connections.close_all()


def engine_worker(label, once=False, interval=1.0):
    return Worker(queue_names=["*"], interval=interval, batch=once, backend_name="default", startup_delay=False,
                  max_tasks=None, worker_id=label, excluded_queue_names=[])


def run_queued_jobs():
    """Run the jobs queued now in this process and thread, with the engine's own claim and run steps,
    keeping the database connection (tests use it inside their transaction). Returns how many ran."""
    worker, ran = engine_worker(worker_label(), once=True), 0
    while True:
        with exclusive_transaction():
            result = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if result is not None:
                result.claim(worker.worker_id)
        if result is None:
            return ran
        worker.run_task(result)
        ran += 1


def run_worker(once=False, interval=1.0, heartbeat=True):
    """Run queued jobs; with ``once``, those queued now, then return (else until SIGINT/SIGTERM)."""
    label = worker_label()
    reaped = reap_stale_jobs()
    if reaped:
        logger.warning("%d job(s) left running by a stopped worker marked interrupted", reaped)
    beat = Heartbeat(label) if heartbeat else None
    if beat:
        beat.start()
    worker = engine_worker(label, once, interval)
    try:
        if not once:
            worker.configure_signals()
        worker.run()
    finally:
        if beat:
            beat.stopped.set()
        close_old_connections()
