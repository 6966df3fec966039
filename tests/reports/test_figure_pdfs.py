"""The figure PDFs (reports/figure_pdf.py): one page per SVG at its own size, text kept as text, written in a
second process while the report goes on, byte for byte what the report would write itself."""
import shutil

import pytest
from pypdf import PdfReader

from citydip.analysis.publish import plt
from citydip.reports.figure_pdf import figure_pdfs, figure_pdfs_alongside

# matplotlib measures the Chinese label with DejaVu Sans, which has no Han glyphs; the PDF draws them in the
# machine's CJK font (docs/outputs.md, Requirements)
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")


@pytest.fixture
def svgs(tmp_path):
    folder = tmp_path / "one" / "figures"
    folder.mkdir(parents=True)
    for name, size, label in (("wide", (6, 2), "Guangzhou 广州"), ("tall", (3, 5), "share of cities")):
        fig, ax = plt.subplots(figsize=size)
        ax.barh(["a", "b"], [1, 2])
        ax.set_xlabel(label)
        fig.savefig(folder / f"{name}.svg", metadata={"Date": None})
        plt.close(fig)
    return tmp_path / "one", ["figures/wide.svg", "figures/tall.svg"]


def test_each_figure_gets_a_page_of_its_size_with_its_text(svgs):
    directory, names = svgs
    figure_pdfs(directory, names, subject="built from checksum abc")
    wide, tall = (PdfReader(directory / "figures" / f"{n}.pdf") for n in ("wide", "tall"))
    assert [float(v) for v in wide.pages[0].mediabox[2:]] == [432.0, 144.0]  # 6 x 2 inches in points
    assert [float(v) for v in tall.pages[0].mediabox[2:]] == [216.0, 360.0]
    assert "Guangzhou 广州" in wide.pages[0].extract_text() and "share of cities" in tall.pages[0].extract_text()
    assert wide.metadata["/Title"] == "wide" and wide.metadata["/Subject"] == "built from checksum abc"


def test_the_second_process_writes_the_same_bytes(svgs, tmp_path):
    directory, names = svgs
    shutil.copytree(directory, tmp_path / "two")
    figure_pdfs(directory, names, subject="s")
    with figure_pdfs_alongside(tmp_path / "two", names, subject="s"):
        pass
    for name in ("wide", "tall"):
        assert (tmp_path / "two" / "figures" / f"{name}.pdf").read_bytes() == \
            (directory / "figures" / f"{name}.pdf").read_bytes()


def test_a_failing_child_leaves_the_error_to_the_report(svgs, caplog):
    directory, names = svgs
    (directory / "figures" / "tall.svg").unlink()
    ran = []
    with pytest.raises(FileNotFoundError, match="tall.svg"), figure_pdfs_alongside(directory, names):
        ran.append(True)
    assert ran == [True], "the report's own work went on while the child ran"
    assert "the figure PDFs' process failed (FileNotFoundError" in caplog.text
