"""Browser: two coders code a document in the workbench; the reliability page shows their agreement."""
import pytest

from citydip.qda.documents import create_document
from citydip.qda.models import Code, DocumentAssignment, Segment

TEXT = ("Interviewer: Why did the city sign?\n\nR: Because 🚢 of trade with Łódź and 中文 partners.\n\n"
        "Interviewer: Anything else?\n\nR: The mayor liked the symbolism.\n")

SELECT_PHRASE = """(phrase) => {
  const box = document.getElementById('doc-text');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      return true;
    }
  }
  return false;
}"""


def code_as(page, live_server, document, code, phrases):
    page.goto(f"{live_server.url}/qda/documents/{document.pk}/")
    page.wait_for_selector("#segment-list", state="attached")
    for count, phrase in enumerate(phrases, start=1):
        assert page.evaluate(SELECT_PHRASE, phrase)
        page.check(f"input[name=code][value='{code.pk}']")
        page.click("#apply-codes")
        page.locator("#segment-list li").nth(count - 1).wait_for()
        page.uncheck(f"input[name=code][value='{code.pk}']")


@pytest.mark.django_db(transaction=True)
def test_two_coders_code_a_document_and_the_agreement_is_read_back(logged_in_page, live_server, researcher,
                                                                   two_coders, artifact_path):
    one, two = two_coders
    document = create_document(TEXT, "Synthetic transcript")
    code = Code.objects.create(name="trade", colour="#64b5f6")
    for coder in two_coders:
        DocumentAssignment.objects.create(document=document, coder=coder)

    first = logged_in_page(one)
    code_as(first, live_server, document, code, ["trade with Łódź and 中文 partners", "liked the symbolism"])
    first.screenshot(path=artifact_path("qda-workbench.png"))
    code_as(logged_in_page(two), live_server, document, code, ["trade with Łódź and 中文 partners"])

    segment = Segment.objects.filter(coder=one).order_by("start").first()
    assert segment.text == "trade with Łódź and 中文 partners"  # code points, not UTF-16 units (🚢 before it)
    assert Segment.objects.filter(coder=two).count() == 1

    page = logged_in_page(researcher)
    page.goto(f"{live_server.url}/qda/reliability/?unit=paragraph&uncoded=include&level=nominal")
    percent = page.inner_text("#overall-row [data-measure=percent]")
    cohen = page.inner_text("#overall-row [data-measure=cohen]")
    page.screenshot(path=artifact_path("qda-reliability.png"))
    # four paragraphs; the coders agree on three (both code paragraph 2, neither 1 and 3), differ on 4
    assert percent == "0.750"
    assert cohen == "0.500"
    assert "liked the symbolism" in page.inner_text("#disagreements")
