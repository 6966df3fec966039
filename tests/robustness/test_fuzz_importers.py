"""Property-based tests of every importer: valid files with one cell, line or byte range changed.

Whatever hypothesis makes of a good file, the importer either imports it or fails cleanly: a
CitydipError message naming the file, no traceback, no row left behind (tests/robustness/importers.py).
Example counts are small and derandomised so the suite stays fast and repeatable.
"""
import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.importers import FIXTURES, import_or_fail_cleanly

BOUNDED = settings(max_examples=15, deadline=None, database=None, derandomize=True,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
CELL = st.text(max_size=20) | st.sampled_from(["", "-1", "1e400", "NaN", "99999999999999999999", "ZZ", "1,5",
                                               "\x00", "\"", "=cmd()", "2020-13-45", "中文", " "])
CONTACTS = ("city_id,office,name,role,email,phone,language\n"
            "DE001C,International relations,Anna Schmidt,Head,anna@example.org,+49 30 1234567,de\n"
            "DE002C,Europa-Büro,Jan Nowak,Officer,jan@example.org,,de\n")


@pytest.fixture
def frame(db):
    call_command("frame", "build", "--source", "urau", "--input", str(FIXTURES / "frame" / "cities_ok.csv"),
                 "--countries", "DE,FR,PL,IT,ES,AT")


def mutate_cell(text, row, column, value):
    rows = list(csv.reader(io.StringIO(text)))
    row = row % len(rows)
    rows[row][column % len(rows[row])] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def mutate_bytes(data, start, length, junk):
    start = start % (len(data) + 1)
    return data[:start] + junk + data[start + length:]


MUTATION = st.one_of(
    st.tuples(st.just("cell"), st.integers(0, 50), st.integers(0, 20), CELL),
    st.tuples(st.just("bytes"), st.integers(0, 5000), st.integers(0, 40), st.binary(max_size=20)),
)


def mutated(text, mutation):
    if mutation[0] == "cell":
        return mutate_cell(text, *mutation[1:]).encode("utf-8")
    return mutate_bytes(text.encode("utf-8"), *mutation[1:])


@BOUNDED
@given(mutation=MUTATION)
def test_a_mutated_urban_audit_file_imports_or_fails_cleanly(frame, tmp_path, mutation):
    path = tmp_path / "urau.csv"
    path.write_bytes(mutated((FIXTURES / "frame" / "cities_ok.csv").read_text(), mutation))
    import_or_fail_cleanly("frame", path)


@BOUNDED
@given(mutation=MUTATION)
def test_a_mutated_contacts_file_imports_or_fails_cleanly(frame, tmp_path, mutation):
    path = tmp_path / "contacts.csv"
    path.write_bytes(mutated(CONTACTS, mutation))
    import_or_fail_cleanly("contacts", path)


@BOUNDED
@given(mutation=MUTATION)
def test_a_mutated_partnerships_file_imports_or_fails_cleanly(frame, tmp_path, mutation):
    path = tmp_path / "pairs.csv"
    path.write_bytes(mutated((FIXTURES / "partnerships" / "pairs_small.csv").read_text(), mutation))
    import_or_fail_cleanly("pairs", path)


@BOUNDED
@given(line=st.integers(0, 40), cell=st.integers(0, 12), value=CELL.filter(lambda v: "|" not in v and "\n" not in v))
def test_a_mutated_xlsform_loads_or_fails_cleanly(db, tmp_path, line, cell, value):
    lines = (FIXTURES / "survey" / "mini_form.md").read_text().splitlines()
    line = line % len(lines)
    cells = lines[line].split("|")
    if len(cells) > 2:
        cells[1 + cell % (len(cells) - 2)] = f" {value} "
        lines[line] = "|".join(cells)
    path = tmp_path / "form.md"
    path.write_text("\n".join(lines) + "\n")
    import_or_fail_cleanly("form", path)


@BOUNDED
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_as_a_transcript_import_or_fail_cleanly(db, tmp_path, data, suffix):
    path = tmp_path / f"transcript{suffix}"
    path.write_bytes(data)
    import_or_fail_cleanly("transcript", path)


@pytest.fixture
def project_file(db, tmp_path_factory):
    from citydip.qda.models import Code, Document

    Document.objects.create(title="Transcript", text="We signed with Wuhan in 2005.\nIt is active.")
    Code.objects.create(name="agreement")
    path = tmp_path_factory.mktemp("qdpx") / "project.qdpx"
    call_command("qda", "export", "--format", "qdpx", "--output", str(path))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    Document.objects.all().delete()
    Code.objects.all().delete()
    return files


@BOUNDED
@given(mutation=st.tuples(st.integers(0, 5000), st.integers(0, 40), st.binary(max_size=20)))
def test_a_mutated_refi_qda_project_imports_or_fails_cleanly(project_file, tmp_path, mutation):
    name = next(n for n in project_file if n.endswith(".qde"))
    path = tmp_path / "mutated.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in project_file.items():
            archive.writestr(member, mutate_bytes(data, *mutation) if member == name else data)
    import_or_fail_cleanly("project", path)
