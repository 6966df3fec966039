"""Small tasks for the job engine's tests (real tasks, run by the real worker)."""
from pathlib import Path

from citydip.core.errors import CitydipError
from citydip.core.jobs import job_task
from citydip.core.jobs.models import Job
from citydip.core.progress import progress_bar
from citydip.core.roles import CONTACT_ROLES, RESEARCHER


@job_task(title="Count", roles=(RESEARCHER,))
def count_to(context, n, cancel_at=None, marker=None):
    """Count to ``n`` with a log line per number; write ``numbers.txt``, and a folder ``parts/``."""
    context.describe(data="numbers", synthetic=True)
    context.step("counting", total=n)
    for i in range(1, n + 1):
        if cancel_at == i:  # what the Cancel button does, from within
            Job.objects.filter(pk=context.job.pk).update(cancel_requested=True)
            context._last_cancel_check = 0
        context.log(f"number {i}")
        context.advance()
    with context.output_file("numbers.txt", "w") as handle:
        handle.write("\n".join(str(i) for i in range(1, n + 1)))
    with context.output_folder() as folder:
        (folder / "parts").mkdir()
        (folder / "parts" / "a.csv").write_text("a\n1\n")
    if marker:
        Path(marker).write_text("done")
    return {"counted": n}


@job_task(title="Fails the first time", roles=(RESEARCHER,))
def fails_once(context, flag):
    flag = Path(flag)
    if not flag.exists():
        flag.write_text("tried")
        raise CitydipError("TEST-E001", "the first attempt fails")
    with progress_bar("old-style progress", 3) as advance:
        for _ in range(3):
            advance()
    with context.output_file("ok.txt", "w") as handle:
        handle.write("ok")
    return "ok"


@job_task(title="Contact list", roles=CONTACT_ROLES)
def contact_list(context):
    with context.output_file("contacts.csv", "w") as handle:
        handle.write("name,email\nMarie Curie,marie@example.org\n")


@job_task(title="Has a bug", roles=(RESEARCHER,))
def has_a_bug(context):
    return 1 / 0


@job_task(title="Note a run", roles=(RESEARCHER,))
def note_run(context, log_file, key):
    """Append ``key`` to ``log_file``: how many times the job ran."""
    import time

    context.step("noting", total=1)
    time.sleep(0.2)
    with open(log_file, "a") as handle:
        handle.write(f"{key}\n")
    context.advance()
