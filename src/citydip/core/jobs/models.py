"""A job: one run of a citydip task, started from a page or the command line, with its progress,
log, cancel flag and output files. The engine's own row (django-tasks-db ``DBTaskResult``) is the
queue entry of the current attempt; this row is what people see and what survives restarts."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROVENANCE_LABELS = {
    "wave": _("wave"), "format": _("format"), "checksum": _("database checksum"), "synthetic": _("synthetic answers"),
    "seed": _("seed"), "audience": _("audience"), "confidential_as": _("confidential cities"),
    "cities": _("cities"), "letters": _("letters"), "data": _("data"), "after_days": _("days after the last message"),
    "max_reminders": _("reminders at most"), "source": _("source"), "file": _("file"),
}
PARAM_LABELS = {"fmt": _("format"), "wave_id": _("wave (id)"), "city_ids": _("cities (ids)"),
                "file_name": _("file"), "input_name": _("file"), "min_population": _("minimum population"),
                "countries": _("countries"), "max_reminders": _("reminders at most")}


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("finished")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")
        INTERRUPTED = "interrupted", _("interrupted")

    FINISHED = (Status.SUCCEEDED, Status.FAILED, Status.CANCELLED, Status.INTERRUPTED)

    task_name = models.CharField(max_length=200, db_index=True, help_text="dotted path of the task")
    title = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="citydip_jobs")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    progress_current = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(null=True, blank=True)
    progress_message = models.CharField(max_length=300, blank=True)
    cancel_requested = models.BooleanField(default=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=120, blank=True, help_text="host:pid of the worker running it")
    attempts = models.PositiveIntegerField(default=0)
    task_result_id = models.CharField(max_length=64, blank=True, help_text="the engine's row of the latest attempt")
    error = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)
    provenance = models.JSONField(default=dict, blank=True, help_text="what the outputs were made from")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"job {self.pk} {self.title} ({self.status})"

    @property
    def is_finished(self):
        return self.status in self.FINISHED

    @property
    def waiting_long(self):
        """Queued for more than 30 seconds: no worker seems to be running."""
        return self.status == self.Status.QUEUED and (timezone.now() - self.created_at).total_seconds() > 30

    @property
    def download_names(self):
        """The files to offer first (the task's ``result["files"]``), else every file."""
        listed = (self.result or {}).get("files") if isinstance(self.result, dict) else None
        names = [f.name for f in self.files.all()]
        return [n for n in listed if n in names] if listed else names

    @property
    def params_items(self):
        """(label, value) of the parameters worth showing: no server paths (an upload's name is its own)."""
        return [(PARAM_LABELS.get(key, PROVENANCE_LABELS.get(key, key.replace("_", " "))), value)
                for key, value in self.params.items() if not (key == "path" or key.endswith("_path"))]

    @property
    def provenance_items(self):
        """(label, value, synthetic) for the page: ``synthetic`` is None for ordinary facts, else whether
        the outputs hold synthetic answers (``value`` is then how many)."""
        items = []
        for key, value in self.provenance.items():
            if key == "synthetic":
                items.append((PROVENANCE_LABELS[key], int(value), bool(value)))
            else:
                items.append((PROVENANCE_LABELS.get(key, key), value, None))
        return items

    @property
    def percent(self):
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.progress_total:
            return 0
        return min(100, int(100 * self.progress_current / self.progress_total))


class JobLogLine(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="log_lines")
    at = models.DateTimeField(default=timezone.now)
    level = models.CharField(max_length=10, default="info")
    message = models.TextField()

    class Meta:
        ordering = ["at", "pk"]


class JobFile(models.Model):
    """A finished output file, relative to the job's folder ``files/``."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=300)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["job", "name"], name="job_file_unique_name")]

    def __str__(self):
        return self.name
