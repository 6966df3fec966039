"""``export(format, output, wave, language)``: build the dataset once, write one format, the codebook
and PROVENANCE.json into a temporary folder, then move them into ``output`` (no half-written set)."""
from __future__ import annotations

import shutil
import tempfile
from importlib import import_module
from pathlib import Path

from citydip.core.errors import CitydipError
from citydip.core.provenance import record_build, stamp, stamp_line, write_sidecar
from citydip.survey.exports import codebook
from citydip.survey.exports.dataset import build_dataset

FORMATS = ("csv", "xlsx", "sav", "dta", "datapackage")


def format_module(name):
    if name not in FORMATS:
        raise CitydipError("EXPORT-E002", f"unknown format '{name}': use one of {', '.join(FORMATS)}",
                           field="--format")
    return import_module(f"citydip.survey.exports.{name}")


def find_wave(wave_id=None):
    from citydip.survey.models import Wave

    if wave_id is None:
        return Wave.current()
    wave = Wave.objects.filter(pk=wave_id).first()
    if wave is None:
        raise CitydipError("EXPORT-E003", f"there is no wave {wave_id}: see the waves on the survey page",
                           field="--wave")
    return wave


def check_language(dataset, language):
    if language and language not in dataset.form.languages:
        raise CitydipError("EXPORT-E004", f"the questionnaire has no language '{language}': use one of "
                                          f"{', '.join(dataset.form.languages)}", field="--language")
    return language or dataset.form.default_language


def check_output(output):
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise CitydipError("EXPORT-E005", "the output exists and is not a folder: give a folder name",
                           file=str(output))
    return output


def write_into(output, write):
    """Run ``write(work_dir) -> [paths]`` in a temporary folder next to ``output``, then move the files."""
    output = check_output(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=output.parent))
    try:
        written = write(work)
        output.mkdir(exist_ok=True)
        moved = []
        for path in written:
            target = output / Path(path).relative_to(work)
            target.parent.mkdir(parents=True, exist_ok=True)
            Path(path).replace(target)
            moved.append(target)
        return moved
    finally:
        shutil.rmtree(work, ignore_errors=True)


def export(fmt, output, wave_id=None, language=None, with_codebook=True):
    """Write ``fmt`` of the wave's responses and its codebook into ``output``; returns the paths."""
    module = format_module(fmt)
    dataset = build_dataset(find_wave(wave_id))
    language = check_language(dataset, language)
    record = stamp(built_from=f"survey wave {dataset.wave.pk} '{dataset.wave.name}', format {fmt}, "
                              f"labels in '{language}'")

    def write(work):
        kwargs = {"provenance": record} if fmt == "datapackage" else {}
        if fmt == "sav":
            kwargs = {"note": stamp_line(record)}
        paths = module.write(dataset, work, language, **kwargs)
        if with_codebook:
            paths += codebook.write(dataset, work, language, stamp_line(record))
        return paths + [write_sidecar(work, record, paths)]

    paths = write_into(output, write)
    record_build(f"export {fmt}", output, record, paths)
    return dataset, paths
