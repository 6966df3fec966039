import pytest
from django.core.management import call_command

from tests.reports.study import build_study


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker, tmp_path_factory):
    """`citydip report build` of a small synthetic study, once per test module (analysis, maps and
    WeasyPrint take a while); the study is rolled back. Returns the output folder."""
    from django.db import transaction

    tmp = tmp_path_factory.mktemp("report")
    with django_db_blocker.unblock(), transaction.atomic():
        build_study(tmp, synthetic=True)
        call_command("report", "build", "--output", str(tmp / "out"), "--quiet")
        transaction.set_rollback(True)
    return tmp / "out"
