"""The codebook as REFI-QDA XML: ``.qdc`` files, and the ``<Codes>`` tree shared with projects.

A code's definition, inclusion and exclusion rules and example travel in the REFI ``<Description>``
as labelled paragraphs (``Definition:``, ``Include:``, ``Exclude:``, ``Example:``), which other tools
show as plain text and citydip reads back into the fields. GUIDs are the codes' stored ones, so a
re-export of the same codebook gives the same file.
"""
import re
import xml.etree.ElementTree as ET

from django.db import transaction

from citydip.core.errors import CitydipError
from citydip.qda.models import Code
from citydip.qda.refi.schemas import CODEBOOK_NS, check_valid

LABELS = (("definition", "Definition"), ("inclusion", "Include"), ("exclusion", "Exclude"),
          ("example", "Example"))
LABEL_RE = re.compile(r"^(Definition|Include|Exclude|Example):[ \t]*", re.MULTILINE)
COLOUR_RE = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def code_description(code):
    parts = [f"{label}: {getattr(code, field).strip()}" for field, label in LABELS if getattr(code, field).strip()]
    return "\n\n".join(parts)


def parse_description(text):
    """Fields from a description; text without labels is all definition."""
    text = (text or "").strip()
    fields = {field: "" for field, _ in LABELS}
    marks = list(LABEL_RE.finditer(text))
    if not marks:
        fields["definition"] = text
        return fields
    by_label = {label: field for field, label in LABELS}
    if marks[0].start() > 0:
        fields["definition"] = text[:marks[0].start()].strip()
    for i, match in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        fields[by_label[match.group(1)]] = text[match.end():end].strip()
    return fields


def code_element(code, ns, children_of, with_notes=None):
    """``<Code>`` for ``code`` and its children; ``with_notes(code)`` gives NoteRef GUIDs (projects only)."""
    element = ET.Element(f"{{{ns}}}Code", {"guid": str(code.guid), "name": code.name,
                                          "isCodable": "true" if code.codable else "false"})
    if COLOUR_RE.match(code.colour or ""):
        element.set("color", code.colour)
    description = code_description(code)
    if description:
        ET.SubElement(element, f"{{{ns}}}Description").text = description
    for guid in (with_notes(code) if with_notes else []):
        ET.SubElement(element, f"{{{ns}}}NoteRef", {"targetGUID": str(guid)})
    for child in children_of.get(code.pk, []):
        element.append(code_element(child, ns, children_of, with_notes))
    return element


def codes_element(ns, codes=None, with_notes=None):
    codes = list(codes if codes is not None else Code.objects.all())
    children_of = {}
    for code in codes:
        children_of.setdefault(code.parent_id, []).append(code)
    element = ET.Element(f"{{{ns}}}Codes")
    for code in children_of.get(None, []):
        element.append(code_element(code, ns, children_of, with_notes))
    return element


def export_codebook():
    """The whole codebook as a ``.qdc`` XML string (validated)."""
    if not Code.objects.exists():
        raise CitydipError("QDA-E021", "the codebook is empty: there is nothing to export")
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": "citydip"})
    root.append(codes_element(CODEBOOK_NS))
    ET.indent(root)
    xml_text = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    check_valid(xml_text, "codebook", "codebook.qdc")
    return xml_text


def import_code_elements(elements, ns, parent=None, file_name=""):
    """Create or update codes from ``<Code>`` elements (matched by GUID); returns {guid: Code}."""
    found = {}
    for position, element in enumerate(elements):
        guid = element.get("guid").strip("{}").lower()
        fields = parse_description(element.findtext(f"{{{ns}}}Description"))
        colour = element.get("color") or "#ffd54f"
        if len(colour) == 4:
            colour = "#" + "".join(c * 2 for c in colour[1:])
        values = dict(name=element.get("name")[:200], parent=parent, colour=colour.lower(), position=position,
                      codable=element.get("isCodable", "true") in ("true", "1"), **fields)
        # the same GUID is the same code; else a code of the same name under the same parent is taken as it
        code = Code.objects.filter(guid=guid).first() or Code.objects.filter(
            parent=parent, name=values["name"]).first() or Code(guid=guid)
        for key, value in values.items():
            setattr(code, key, value)
        code.save()
        found[guid] = code
        found.update(import_code_elements(element.findall(f"{{{ns}}}Code"), ns, code, file_name))
    return found


def import_codebook(path):
    """Read a ``.qdc`` file into the codebook (validated first; one transaction). Returns the codes."""
    xml_text = read_xml(path)
    check_valid(xml_text, "codebook", str(path))
    root = ET.fromstring(xml_text)
    with transaction.atomic():
        codes = import_code_elements(root.find(f"{{{CODEBOOK_NS}}}Codes").findall(f"{{{CODEBOOK_NS}}}Code"),
                                     CODEBOOK_NS, file_name=str(path))
    return codes


def read_xml(path):
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8-sig")
    except FileNotFoundError:
        raise CitydipError("QDA-E001", "no such file", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise CitydipError("QDA-E002", f"the file is not UTF-8 (byte {error.start})", file=str(path)) from None
