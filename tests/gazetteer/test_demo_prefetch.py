"""The demo reads the gazetteer's sources and the study's instrument in a second process while it starts
(demo/steps.py, gazetteer/demo_prefetch.py, survey/demo_prefetch.py): what comes back is what reading
them here gives."""
from pathlib import Path

from citydip.demo.steps import DemoContext
from citydip.gazetteer import demo_prefetch as gazetteer_prefetch
from citydip.gazetteer.build import read_sources
from citydip.survey import demo_prefetch as survey_prefetch

FIXTURES = Path("tests/fixtures/gazetteer")


def test_the_prefetched_gazetteer_sources_are_those_read_here():
    ctx = DemoContext(data_dir=None, log=lambda message: None)
    path = FIXTURES / "cn_gazetteer_small.csv"
    ctx.prefetch(gazetteer_prefetch.SOURCES, gazetteer_prefetch.read(path))
    assert ctx.started, "a child was started"
    records, used = ctx.prefetched(gazetteer_prefetch.SOURCES, lambda: None)
    here_records, here_used = read_sources(path)
    assert used == here_used and len(records) == len(here_records) > 1000
    assert records == here_records
    assert not ctx.started


def test_the_prefetched_questionnaire_is_the_one_loaded_here_and_a_step_alone_loads_it_itself():
    ctx = DemoContext(data_dir=None, log=lambda message: None)
    survey_prefetch.prefetch_demo(ctx)
    form = ctx.prefetched(survey_prefetch.FORM, lambda: None)
    here = survey_prefetch.load_instrument()
    assert (form.form_id, form.version, form.languages) == (here.form_id, here.version, here.languages)
    assert [q.name for q in form.questions()] == [q.name for q in here.questions()]
    assert ctx.prefetched(survey_prefetch.FORM, lambda: "loaded here") == "loaded here"


def test_finish_collects_what_no_step_asked_for():
    ctx = DemoContext(data_dir=None, log=lambda message: None)
    ctx.prefetch("unused", lambda: 42)
    ctx.finish()
    assert not ctx.started
