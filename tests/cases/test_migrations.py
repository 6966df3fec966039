"""The data migrations: free-text case labels become links to case studies; old statuses map onto the new ones."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("qda", "0001_initial"), ("analysis", "0001_initial"), ("cases", None)]
AFTER = [("qda", "0002_documents_link_case_studies_with_metadata"), ("cases", "0001_case_events_and_field_visits")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    apps = {app for app, _ in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in apps]
    return executor.loader.project_state(others + [t for t in targets if t[1]]).apps


@pytest.fixture
def migrated_back():
    """The test database taken back and forth; brought to the latest migrations afterwards, whatever
    happened, so that the tests that follow in this process find the schema they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_labels_become_links_and_statuses_are_renamed(migrated_back):
    old = migrate(BEFORE)
    Country = old.get_model("core", "Country")
    City = old.get_model("frame", "City")
    CaseStudy = old.get_model("analysis", "CaseStudy")
    Document = old.get_model("qda", "Document")
    Interview = old.get_model("qda", "Interview")
    # the countries a migration seeds are gone when an earlier transactional test flushed the tables
    poland, _ = Country.objects.get_or_create(iso2="PL", defaults={"name": "Poland", "eu_member": True})
    lodz = City.objects.create(name="Łódź", country=poland, urau_code="PL003C")
    gdansk = City.objects.create(name="Gdańsk", country=poland, urau_code="PL005C")
    krakow = City.objects.create(name="Kraków", country=poland, urau_code="PL002C")
    CaseStudy.objects.create(city=lodz, status="agreed")
    CaseStudy.objects.create(city=gdansk, status="withdrawn")
    by_name = Document.objects.create(title="a", text="a\n", case_label="łódź")
    by_code = Document.objects.create(title="b", text="b\n", case_label="PL005C")
    by_city = Document.objects.create(title="c", text="c\n", case_label="the Łódź case", city=lodz)
    unknown = Document.objects.create(title="d", text="d\n", case_label="Kraków", city=krakow)
    interview = Interview.objects.create(pseudonym="City official 1", institution_type="city", city=lodz)

    new = migrate(AFTER)
    CaseStudy = new.get_model("analysis", "CaseStudy")
    Document = new.get_model("qda", "Document")
    Interview = new.get_model("qda", "Interview")
    cases = {c.city.name: c for c in CaseStudy.objects.select_related("city")}
    assert (cases["Łódź"].status, cases["Gdańsk"].status) == ("accepted", "dropped")
    assert "withdrawn" in cases["Gdańsk"].status_reason
    linked = {d.title: (d.case_id, d.case_ref) for d in Document.objects.all()}
    assert linked == {"a": (cases["Łódź"].pk, ""), "b": (cases["Gdańsk"].pk, ""), "c": (cases["Łódź"].pk, ""),
                      "d": (None, "Kraków")}
    assert Interview.objects.get(pk=interview.pk).case_id == cases["Łódź"].pk
    del by_name, by_code, by_city, unknown
