"""The Polish catalogue covers every string of the researchers' and fieldworkers' pages.

The test extracts the strings as ``make messages`` does (Django's makemessages, from a copy of the
sources with the committed catalogues, so the working tree is not touched), then lists every entry
of a Polish catalogue that has no translation (or only a fuzzy one) and fails on any. Respondent
strings (context ``respondent``) have their own test in tests/survey/test_respondent_languages.py.
To fix a failure: ``make messages``, translate the listed entries, ``make messages`` again (compiles).
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "citydip"
PLACEHOLDER = r"%\(\w+\)[sd]"


def copy_sources(target):
    def ignore(folder, names):
        return [n for n in names if not os.path.isdir(os.path.join(folder, n))
                and not n.endswith((".py", ".html", ".txt", ".po"))]

    shutil.copytree(SRC, target, ignore=ignore)


def untranslated(po):
    for entry in po:
        if entry.obsolete or entry.msgctxt == "respondent":
            continue
        if entry.fuzzy or (entry.msgid_plural and not all(entry.msgstr_plural.values())) or (
                not entry.msgid_plural and not entry.msgstr):
            yield entry


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed; `make install-test` needs it")
    copy = tmp_path_factory.mktemp("messages") / "citydip"
    copy_sources(copy)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "citydip.settings",
           "PYTHONPATH": str(SRC.parent) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "django", "makemessages", "-l", "pl", "--no-location", "--no-obsolete"],
                   cwd=copy, env=env, check=True, capture_output=True, timeout=300)
    return sorted(copy.glob("**/locale/pl/LC_MESSAGES/django.po"))


def test_every_string_of_the_staff_pages_has_a_polish_translation(extracted):
    assert any(p.parent.parent.parent.parent.name == "citydip" for p in extracted), "no project catalogue"
    missing = [f"{path.relative_to(path.parents[4])}: {entry.msgid!r}" for path in extracted
               for entry in untranslated(polib.pofile(str(path)))]
    assert missing == [], f"{len(missing)} strings have no Polish translation:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders(extracted):
    wrong = []
    for path in extracted:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.fuzzy or entry.msgctxt == "respondent":
                continue
            source = sorted(re.findall(PLACEHOLDER, entry.msgid))
            targets = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            wrong += [f"{entry.msgid!r} -> {t!r}" for t in targets if t and sorted(re.findall(PLACEHOLDER, t)) != source]
    assert wrong == []


def test_the_committed_catalogues_are_compiled():
    for po_path in SRC.glob("**/locale/pl/LC_MESSAGES/django.po"):
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo")))}
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and not entry.fuzzy and not entry.obsolete:
                assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
                    f"{po_path}: django.mo is older than django.po (make messages compiles it)")
