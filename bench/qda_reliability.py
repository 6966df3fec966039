"""Measure the qda stage on a synthetic corpus: reliability, REFI export and import.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 PYTHONPATH=src python bench/qda_reliability.py [--documents 200]

Builds N synthetic transcripts of ~30 paragraphs coded by three coders (10 codes, coders agreeing
about 85% of the time), times `reliability()` on paragraphs and sentences, `write_qdpx` and
`import_qdpx` into the emptied tables, then rolls everything back. Prints one line per measurement.
"""
import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")


class Rollback(Exception):
    pass


def build(n_documents, rng):
    from django.contrib.auth.models import User

    from citydip.qda.documents import create_document
    from citydip.qda.models import Code, Segment

    coders = [User.objects.create(username=f"bench_coder_{i}") for i in range(3)]
    codes = [Code.objects.create(name=f"bench code {i}") for i in range(10)]
    when = datetime(2026, 1, 1, tzinfo=UTC)
    segments = []
    for d in range(n_documents):
        paragraphs = [f"{'Interviewer' if p % 2 == 0 else 'R'}: Paragraph {p} of document {d} about Łódź. "
                      f"It has a second sentence." for p in range(30)]
        document = create_document("\n\n".join(paragraphs), f"bench {d}")
        offset = 0
        for paragraph in paragraphs:
            code = rng.choice(codes) if rng.random() < 0.5 else None
            for coder in coders:
                chosen = code if rng.random() < 0.85 else rng.choice(codes)
                if code is not None:
                    segments.append(Segment(document=document, start=offset, end=offset + len(paragraph),
                                            code=chosen, coder=coder, created=when))
            offset += len(paragraph) + 2
    Segment.objects.bulk_create(segments, ignore_conflicts=True)
    return len(segments)


def timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main():
    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    django.setup()
    from django.db import transaction

    from citydip.qda.models import Document
    from citydip.qda.refi.project import write_qdpx
    from citydip.qda.refi.project_import import import_qdpx
    from citydip.qda.reliability import reliability

    def warm_up():
        import krippendorff  # noqa: F401
        import statsmodels.stats.inter_rater  # noqa: F401

        from citydip.qda.refi.schemas import schema

        schema("project")

    timed("load statsmodels, krippendorff and the Project XSD (once per process)", warm_up)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    try:
        with transaction.atomic():
            n = timed(f"build {args.documents} documents", lambda: build(args.documents, random.Random(7)))
            print(f"segments: {n}")
            report = timed("reliability, paragraphs", lambda: reliability(unit_kind="paragraph"))
            print(f"units: {len(report.units)}, overall alpha {report.overall['alpha']:.3f}, "
                  f"Fleiss {report.overall['fleiss']:.3f}")
            timed("reliability, sentences", lambda: reliability(unit_kind="sentence"))
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "bench.qdpx"
                timed("export qdpx", lambda: write_qdpx(path))
                print(f"qdpx size: {path.stat().st_size / 1e6:.2f} MB")
                Document.objects.all().delete()
                timed("import qdpx", lambda: import_qdpx(path))
            raise Rollback
    except Rollback:
        print("rolled back")


if __name__ == "__main__":
    main()
