"""Writing the outputs of a run: tables as CSV and LaTeX (booktabs), figures as PNG and SVG, and index.json.

Files are written to a temporary name and renamed, so an interrupted run leaves no half-written file.
When the data include synthetic answers or covariates (the demo), every table and figure says so:
the note (LaTeX caption, index.json) starts with ``SYNTHETIC_NOTE``, every CSV row carries a last
column ``synthetic_data`` = true, and every figure carries the words in its lower corner.
Figures are made deterministic (fixed SVG hash salt, no date in the metadata) so the same database
gives byte-identical outputs.
"""
import json
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from citydip.core.files import atomic_path
from citydip.core.partner import partner_country_name  # noqa: E402

# svg.fonttype "none": the SVG keeps its text as text (editable, searchable, a third of the size, and
# several times quicker for WeasyPrint to draw into the report's PDFs than a path per glyph).
plt.rcParams.update({"svg.hashsalt": "citydip", "svg.fonttype": "none", "figure.dpi": 100, "savefig.dpi": 150,
                     "font.size": 9})
INDEX = "index.json"


def partner_text(text):
    """Titles and labels say ``{partner}`` where they name the partner country (its English name here)."""
    return text.replace("{partner}", partner_country_name("en")) if "{partner}" in (text or "") else text


LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
                 "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex_text(text):
    """Text for a LaTeX caption: pandas escapes the cells but not the caption, which names variables (``_``)."""
    return re.sub(r"[\\&%$#_{}~^]", lambda m: LATEX_SPECIAL[m.group()], text)


SYNTHETIC_NOTE = "SYNTHETIC DATA (citydip demo), not real answers: never report."


def has_synthetic(data):
    """Whether an analysis Dataset includes synthetic responses or synthetic covariates."""
    return bool(data.cities["synthetic"].any()) or any(m.get("synthetic") for m in data.covariates.values())


def _replace(path, write):
    with atomic_path(path) as temporary:
        write(temporary)


class Publisher:
    """Collects what a run writes into ``directory`` and lists it in ``index.json``."""

    def __init__(self, directory, synthetic=False):
        self.directory = Path(directory)
        self.synthetic = synthetic
        (self.directory / "tables").mkdir(parents=True, exist_ok=True)
        (self.directory / "figures").mkdir(parents=True, exist_ok=True)
        self.entries = []
        self.skipped = []

    def table(self, name, frame, title, note="", digits=3):
        title, note = partner_text(title), partner_text(note)
        """Write ``tables/<name>.csv`` and ``tables/<name>.tex``; returns the entry."""
        csv_path = self.directory / "tables" / f"{name}.csv"
        tex_path = self.directory / "tables" / f"{name}.tex"
        frame = frame.reset_index(drop=True)
        if self.synthetic:
            note = f"{SYNTHETIC_NOTE} {note}".strip()
            frame = frame.assign(synthetic_data=True)
        _replace(csv_path, lambda p: frame.to_csv(p, index=False, float_format=f"%.{max(digits, 6)}g",
                                                   lineterminator="\n"))
        caption = f"{title}. {note}".strip() if note else title
        latex = frame.to_latex(index=False, escape=True, float_format=f"%.{digits}f", na_rep="",
                               caption=latex_text(caption), label=f"tab:{name}")
        _replace(tex_path, lambda p: p.write_text(latex, encoding="utf-8"))
        entry = {"name": name, "kind": "table", "title": title, "note": note, "rows": len(frame),
                 "files": [f"tables/{name}.csv", f"tables/{name}.tex"]}
        self.entries.append(entry)
        return entry

    def figure(self, name, fig, title, note=""):
        title, note = partner_text(title), partner_text(note)
        """Write ``figures/<name>.png`` and ``figures/<name>.svg`` and close the figure."""
        png = self.directory / "figures" / f"{name}.png"
        svg = self.directory / "figures" / f"{name}.svg"
        if self.synthetic:
            note = f"{SYNTHETIC_NOTE} {note}".strip()
            fig.text(0.995, 0.005, "SYNTHETIC DATA: not real answers", ha="right", va="bottom", fontsize=7,
                     color="#b00020")
        fig.tight_layout()
        _replace(png, lambda p: fig.savefig(p, format="png", metadata={"Software": None}))
        _replace(svg, lambda p: fig.savefig(p, format="svg", metadata={"Date": None, "Creator": None}))
        plt.close(fig)
        entry = {"name": name, "kind": "figure", "title": title, "note": note,
                 "files": [f"figures/{name}.png", f"figures/{name}.svg"]}
        self.entries.append(entry)
        return entry

    def skip(self, name, reason):
        """Record that a part was not produced and why (small or empty data)."""
        self.skipped.append({"name": name, "reason": reason})

    def write_index(self, provenance, extra=None):
        index = {"title": "citydip analysis", **(extra or {}), "synthetic": self.synthetic, "provenance": provenance,
                 "outputs": self.entries, "skipped": self.skipped}
        _replace(self.directory / INDEX,
                 lambda p: p.write_text(json.dumps(index, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                                        encoding="utf-8"))
        return index


def read_index(directory):
    path = Path(directory) / INDEX
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
