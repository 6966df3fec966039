"""Each importer meets broken files (tests/fixtures/robustness/): a clear message naming the file,
never a traceback, and nothing stored."""
import pytest

from tests.robustness.importers import BROKEN, FIXTURES, import_or_fail_cleanly


@pytest.fixture
def frame(db):
    """The frame the contacts and partnerships files refer to (DE001C Berlin, DE002C Hamburg, ...)."""
    from django.core.management import call_command

    call_command("frame", "build", "--source", "urau", "--input", str(FIXTURES / "frame" / "cities_ok.csv"),
                 "--countries", "DE,FR,PL,IT,ES,AT")


@pytest.mark.parametrize("path", sorted(BROKEN.iterdir()), ids=lambda p: p.name)
def test_a_broken_file_is_refused_cleanly(frame, path):
    kind = path.name.split("_")[0]
    message = import_or_fail_cleanly(kind, path)
    assert message is not None, f"{path.name} was accepted"
