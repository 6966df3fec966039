"""What a run used: database row counts, a checksum of the data, and the versions of the libraries.

The checksum is the SHA-256 of the three tidy frames the analysis reads (cities, survey partners,
register; see dataset.py), written as CSV with a fixed row order. It changes when, and only when, the
data used changes; row counts say roughly where.
"""
import hashlib
import platform
import sys
from importlib import metadata
from pathlib import Path

from citydip.core.provenance import code_fingerprint as fingerprint

LIBRARIES = ("citydip", "Django", "numpy", "pandas", "scipy", "statsmodels", "scikit-learn", "networkx", "matplotlib")


def checksum(data):
    digest = hashlib.sha256()
    for name in ("cities", "partners", "register"):
        frame = getattr(data, name)
        digest.update(name.encode())
        digest.update(frame.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode("utf-8"))
    return digest.hexdigest()


def counts():
    from citydip.analysis.models import CaseStudy, Covariate
    from citydip.frame.models import City
    from citydip.gazetteer.models import Place
    from citydip.partnerships.models import Evidence, Partnership
    from citydip.survey.models import AccessToken, Response, Wave

    wave = Wave.current()
    responses = Response.objects.filter(wave=wave) if wave else Response.objects.none()
    return {
        "frame_cities": City.objects.filter(in_frame=True).count(),
        "wave": wave.name if wave else None,
        "responses": responses.count(),
        "responses_complete": responses.filter(state="complete").count(),
        "responses_synthetic": responses.filter(synthetic=True).count(),
        "invitations": AccessToken.objects.filter(response__in=responses, kind=AccessToken.Kind.INVITATION).count(),
        "partnerships": Partnership.objects.count(),
        "evidence": Evidence.objects.count(),
        "places": Place.objects.count(),
        "covariates": Covariate.objects.count(),
        "case_studies": CaseStudy.objects.count(),
    }


def database_state(data):
    from django.db import connection

    return {"counts": counts(), "checksum": checksum(data), "database": connection.vendor}


def code_fingerprint():
    """SHA-256 of the code that turns the data into tables and figures (the analysis and core apps'
    Python files): two runs with the same data checksum and fingerprint write the same outputs."""
    return fingerprint("analysis", "core")


def file_hashes(directory, entries):
    """``{relative path: sha256}`` of the files of index.json's entries (the report checks them before
    it reuses a run's outputs, see reports/analysis_run.py)."""
    return {name: hashlib.sha256((Path(directory) / name).read_bytes()).hexdigest()
            for entry in entries for name in entry["files"]}


def versions():
    found = {"python": sys.version.split()[0], "platform": platform.platform(terse=True),
             "analysis_code": code_fingerprint()}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found
