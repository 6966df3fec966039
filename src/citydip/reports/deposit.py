"""`citydip deposit build`: the anonymised data package for a repository (Zenodo, Mendeley Data).

What goes in: the survey tables (CSV + datapackage.json, SPSS, Stata) with every free-text cell
screened (screen.py), cities that asked for confidentiality shown only by country and size class
(or left out), the codebook of that anonymised data, README.md (methods, anonymisation, citation),
LICENSE.txt (CC BY 4.0) and PROVENANCE.json. What stays out: contacts, invitations, contact logs,
interviews and their transcripts, user accounts. Before the package is moved into place every file is
searched for each contact's e-mail, phone and name; one hit aborts the build (DEPOSIT-E002).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from django.template import Context, Engine

from citydip.core.errors import CitydipError
from citydip.core.provenance import record_build, stamp, stamp_line, write_sidecar
from citydip.reports.methods import facts
from citydip.reports.screen import Screen, known_names, secrets
from citydip.survey.exports import codebook, datapackage, dta, sav
from citydip.survey.exports.dataset import build_dataset
from citydip.survey.exports.missing import Missing
from citydip.survey.exports.run import write_into

CONFIDENTIAL_MODES = ("country_size", "omit")
TEMPLATES = Path(__file__).resolve().parent / "templates" / "reports"
ENGINE = Engine(dirs=[str(TEMPLATES)], autoescape=False)  # Markdown, not HTML


def pseudonyms(rows, mode):
    """{city_id: new id or None (omitted)} for the confidential rows: ``DE-large-01``…"""
    numbers, mapping = Counter(), {}
    for row in rows:
        if not row["confidential"]:
            continue
        if mode == "omit":
            mapping[row["city_id"]] = None
            continue
        key = f"{row['country_iso2']}-{row['size_class'] or 'unknown'}"
        numbers[key] += 1
        mapping[row["city_id"]] = f"{key}-{numbers[key]:02d}"
    return mapping


def screen_table(table, screen, city_names, counts):
    """Screen every text cell of ``table``; a confidential city's own name becomes ``[city]``."""
    texts = [v.name for v in table.variables if v.kind == "text"]
    for row in table.rows:
        own = city_names.get(row["city_id"])
        for name in texts:
            value = row.get(name)
            if isinstance(value, Missing) or not value:
                continue
            cleaned = screen(value)
            if own:
                cleaned = re.sub(rf"(?<!\w){re.escape(own)}(?!\w)", "[city]", cleaned)
            if cleaned != value:
                counts.update(tag for tag in ("[email]", "[phone]", "[name]", "[city]") if tag in cleaned)
                row[name] = cleaned


def anonymise(dataset, screen, mode="country_size"):
    """Change ``dataset`` in place; returns counts of what was replaced."""
    wide = dataset.wide
    mapping = pseudonyms(wide.rows, mode)
    names = {row["city_id"]: row["city_name"] for row in wide.rows if row["city_id"] in mapping}
    counts = Counter(confidential_cities=len(mapping))
    for table in dataset.tables:
        screen_table(table, screen, names, counts)
        kept = []
        for row in table.rows:
            if row["city_id"] not in mapping:
                kept.append(row)
            elif mapping[row["city_id"]] is not None:
                row["city_id"] = mapping[row["city_id"]]
                if table is wide:
                    row.update(city_name="", population=None)
                kept.append(row)
        table.rows[:] = kept
    return counts


def check_clean(directory, forbidden):
    """[(file, text)] of every forbidden text found in a file of ``directory`` (PDFs read as text)."""
    from pypdf import PdfReader

    found = []
    for path in sorted(Path(directory).rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            content = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        else:
            content = path.read_bytes().decode("utf-8", errors="ignore")
        found += [(path.name, text) for text in forbidden if text in content]
    return found


def readme(dataset, record, counts, mode, facts_):
    synthetic = sum(row["synthetic"] for row in dataset.wide.rows)
    return ENGINE.get_template("deposit_readme.md").render(Context({
        "form": dataset.form, "wave": dataset.wave, "tables": dataset.tables, "record": record,
        "counts": counts, "mode": mode, "facts": facts_, "synthetic": synthetic,
        "missing": list(Missing), "year": record["built"][:4], "stamp": stamp_line(record),
        "replaced": summary(counts)}, autoescape=False))


LICENCE = """Creative Commons Attribution 4.0 International (CC BY 4.0)

This data set is licensed under the Creative Commons Attribution 4.0 International licence.
You may share and adapt it for any purpose, provided you give appropriate credit (see the citation
in README.md), link to the licence and indicate if changes were made.

Full legal code: https://creativecommons.org/licenses/by/4.0/legalcode
Summary: https://creativecommons.org/licenses/by/4.0/
SPDX identifier: CC-BY-4.0
"""


def build(output, confidential_as="country_size", wave_id=None, language=None):
    """Write the deposit package into ``output``; returns (counts, paths)."""
    from citydip.survey.exports.run import check_language, find_wave

    if confidential_as not in CONFIDENTIAL_MODES:
        raise CitydipError("DEPOSIT-E001", f"unknown --confidential-as '{confidential_as}': use "
                                           f"{' or '.join(CONFIDENTIAL_MODES)}", field="--confidential-as")
    dataset = build_dataset(find_wave(wave_id))
    language = check_language(dataset, language)
    counts = anonymise(dataset, Screen(known_names()), confidential_as)
    record = stamp(built_from=f"survey wave {dataset.wave.pk} '{dataset.wave.name}', anonymised deposit "
                              f"(confidential cities: {confidential_as})")
    forbidden = secrets()

    def write(work):
        data, book = work / "data", work / "codebook"
        data.mkdir()
        book.mkdir()
        paths = datapackage.write(dataset, data, language, provenance=record)
        paths += sav.write(dataset, data, language, note=stamp_line(record)) + dta.write(dataset, data, language)
        paths += codebook.write(dataset, book, language, stamp_line(record))
        (work / "README.md").write_text(readme(dataset, record, counts, confidential_as, facts(dataset.wave)),
                                        encoding="utf-8")
        (work / "LICENSE.txt").write_text(LICENCE, encoding="utf-8")
        paths += [work / "README.md", work / "LICENSE.txt"]
        paths.append(write_sidecar(work, record, paths))
        leaks = check_clean(work, forbidden)
        if leaks:
            raise CitydipError("DEPOSIT-E002", f"personal data survived the screening in {len(leaks)} place(s) "
                                               f"(first in {leaks[0][0]}): nothing was written; extend the "
                                               "screening rules or edit the answer", file=leaks[0][0])
        return paths

    paths = write_into(output, write)
    record_build("deposit", output, record, paths)
    return counts, paths


def summary(counts):
    grouped = defaultdict(int, counts)
    return (f"{grouped['confidential_cities']} confidential cities, replaced: {grouped['[email]']} e-mail, "
            f"{grouped['[phone]']} phone, {grouped['[name]']} name, {grouped['[city]']} own-city mentions")
