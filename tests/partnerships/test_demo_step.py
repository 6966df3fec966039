from citydip.demo.steps import DemoContext
from citydip.partnerships.demo_data import build_demo
from citydip.partnerships.models import Evidence, ImportedRow


def test_without_open_data_the_demo_imports_the_marked_fallback_sample(gazetteer, frame):
    messages = []
    build_demo(DemoContext(data_dir=None, log=messages.append))
    assert any("fallback sample" in m for m in messages)
    evidence = Evidence.objects.get(partnership__city=frame["Hamburg"])
    assert evidence.source_name == "citydip fallback sample" and "not a census" in evidence.reference
    assert ImportedRow.objects.get(eu_name="Lisbon").outcome == "not_prc"
