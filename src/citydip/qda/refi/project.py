"""REFI-QDA projects (``.qdpx``): a zip with ``project.qde`` and the sources as ``sources/<guid>.txt``.

Export writes users, the codebook, text sources with their coded selections (case documents with their
variables: document type, date, language, source, licence), cases (one per interview, one per case study
with its sources), and memos as notes;
documents of withdrawn interviews are left out. A selection is one (document, start, end, coder)
stretch; each code applied to it is a ``<Coding>``. GUIDs are stored ones (documents, codes, memos)
or uuid5 values derived from stable keys (users, selections, codings), and the project carries no
export timestamp, so exporting the same content twice gives byte-identical files.
"""
import io
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC

from citydip.core.files import write_bytes
from citydip.qda.models import Code, Document, Memo, Segment, derived_guid
from citydip.qda.refi.codebook import codes_element
from citydip.qda.refi.schemas import PROJECT_NS, check_valid

NS = PROJECT_NS
FIXED_ZIP_TIME = (2019, 3, 18, 0, 0, 0)  # zip entries carry this date, so archives diff cleanly


def q(tag):
    return f"{{{NS}}}{tag}"


def xml_datetime(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def user_guid(user):
    return derived_guid("user", user.username)


def selection_guid(document, start, end, coder):
    return derived_guid("selection", document.guid, start, end, coder.username)


def grouped_selections(document, segments):
    """``{(start, end, coder): [segments]}`` for one document, in text order."""
    groups = {}
    for segment in segments:
        groups.setdefault((segment.start, segment.end, segment.coder), []).append(segment)
    return groups


def selection_element(document, start, end, coder, segments, notes_by_segment):
    guid = selection_guid(document, start, end, coder)
    element = ET.Element(q("PlainTextSelection"), {
        "guid": str(guid), "name": document.text[start:end][:60].replace("\n", " "),
        "startPosition": str(start), "endPosition": str(end), "creatingUser": str(user_guid(coder)),
        "creationDateTime": xml_datetime(min(s.created for s in segments))})
    for segment in segments:
        coding = ET.SubElement(element, q("Coding"), {
            "guid": str(derived_guid("coding", guid, segment.code.guid)), "creatingUser": str(user_guid(coder)),
            "creationDateTime": xml_datetime(segment.created)})
        ET.SubElement(coding, q("CodeRef"), {"targetGUID": str(segment.code.guid)})
    for segment in segments:
        for memo in notes_by_segment.get(segment.pk, []):
            ET.SubElement(element, q("NoteRef"), {"targetGUID": str(memo.guid)})
    return element


def source_element(document, segments, notes_by_segment, notes_by_document, used):
    element = ET.Element(q("TextSource"), {"guid": str(document.guid), "name": document.title,
                                           "plainTextPath": f"internal://{document.guid}.txt"})
    if document.created_by_id:
        element.set("creatingUser", str(user_guid(document.created_by)))
    groups = grouped_selections(document, segments)
    for (start, end, coder), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2].username)):
        element.append(selection_element(document, start, end, coder, group, notes_by_segment))
    for memo in notes_by_document.get(document.pk, []):
        ET.SubElement(element, q("NoteRef"), {"targetGUID": str(memo.guid)})
    for name, value in document_values(document).items():
        variable_value(element, name, value)
        used.add(name)
    return element


def note_element(memo):
    element = ET.Element(q("Note"), {"guid": str(memo.guid), "name": memo.title or memo.text[:40].replace("\n", " "),
                                     "creationDateTime": xml_datetime(memo.created)})
    if memo.author_id:
        element.set("creatingUser", str(user_guid(memo.author)))
    ET.SubElement(element, q("PlainTextContent")).text = memo.text
    return element


# Variables of the project: (name, REFI type). Interview cases carry the first two, case-study cases the
# third, case documents (as sources) the rest.
VARIABLES = (("institution type", "Text"), ("city", "Text"), ("case study", "Text"), ("document type", "Text"),
             ("date", "Date"), ("language", "Text"), ("source", "Text"), ("licence", "Text"))
VALUE_TAG = {"Text": "TextValue", "Date": "DateValue"}
VARIABLE_TYPE = dict(VARIABLES)


def case_values(interview):
    values = {"institution type": interview.institution_type}
    city = interview.city.city_id if interview.city_id else interview.city_ref
    if city:
        values["city"] = city
    return values


def document_values(document):
    """The facts of a case document as variable values (empty ones left out)."""
    values = {"document type": document.doc_type, "date": document.doc_date.isoformat() if document.doc_date else "",
              "language": document.language, "source": document.source, "licence": document.licence}
    return {name: value for name, value in values.items() if value}


def case_study_key(document):
    """The public id of the city of the document's case study (or the imported reference), or ''."""
    return document.case.city.city_id if document.case_id else document.case_ref


def variable_value(parent, name, value):
    holder = ET.SubElement(parent, q("VariableValue"))
    ET.SubElement(holder, q("VariableRef"), {"targetGUID": str(derived_guid("variable", name))})
    ET.SubElement(holder, q(VALUE_TAG[VARIABLE_TYPE[name]])).text = value


def variables_element(used):
    element = ET.Element(q("Variables"))
    for name, kind in VARIABLES:
        if name in used:
            ET.SubElement(element, q("Variable"), {"guid": str(derived_guid("variable", name)), "name": name,
                                                    "typeOfVariable": kind})
    return element


def cases_element(documents, used):
    """One case per interview (name = pseudonym, no consent details: institution type, city) and one per case
    study (name ``case study <city id>``, variable ``case study``), each with its sources."""
    by_interview, by_case = {}, {}
    for document in documents:
        if document.interview_id:
            by_interview.setdefault(document.interview, []).append(document)
        if case_study_key(document):
            by_case.setdefault(case_study_key(document), []).append(document)
    element = ET.Element(q("Cases"))
    for interview, sources in sorted(by_interview.items(), key=lambda kv: kv[0].pseudonym):
        case = ET.SubElement(element, q("Case"), {"guid": str(derived_guid("interview", interview.pseudonym)),
                                                  "name": interview.pseudonym})
        for name, value in case_values(interview).items():
            variable_value(case, name, value)
            used.add(name)
        for document in sources:
            ET.SubElement(case, q("SourceRef"), {"targetGUID": str(document.guid)})
    for key, sources in sorted(by_case.items()):
        case = ET.SubElement(element, q("Case"), {"guid": str(derived_guid("case study", key)),
                                                  "name": f"case study {key}"})
        variable_value(case, "case study", key)
        used.add("case study")
        for document in sources:
            ET.SubElement(case, q("SourceRef"), {"targetGUID": str(document.guid)})
    return element if len(element) else None


def project_users(documents, segments, memos):
    users = {s.coder for s in segments} | {m.author for m in memos if m.author_id}
    users |= {d.created_by for d in documents if d.created_by_id}
    return sorted(users, key=lambda u: u.username)


def build_project(name="citydip"):
    """``(project.qde text, {zip path: text of a source})`` of everything usable in the database."""
    documents = list(Document.objects.usable().select_related("created_by", "interview", "interview__city",
                                                              "case__city").order_by("guid"))
    segments = list(Segment.objects.usable().select_related("code", "coder").order_by("document", "start", "end",
                                                                                       "code__guid"))
    memos = list(Memo.objects.usable().select_related("author").order_by("guid"))
    by_document, notes_by_segment, notes_by_document, notes_by_code = {}, {}, {}, {}
    for segment in segments:
        by_document.setdefault(segment.document_id, []).append(segment)
    for memo in memos:
        target = (notes_by_segment, memo.segment_id) if memo.segment_id else (
            (notes_by_document, memo.document_id) if memo.document_id else (notes_by_code, memo.code_id))
        target[0].setdefault(target[1], []).append(memo)
    ET.register_namespace("", NS)
    root = ET.Element(q("Project"), {"name": name, "origin": "citydip"})
    users = ET.SubElement(root, q("Users"))
    for user in project_users(documents, segments, memos):
        ET.SubElement(users, q("User"), {"guid": str(user_guid(user)), "name": user.username, "id": user.username})
    if not len(users):
        root.remove(users)
    if Code.objects.exists():
        ET.SubElement(root, q("CodeBook")).append(codes_element(
            NS, Code.objects.order_by("position", "name"), lambda code: [m.guid for m in notes_by_code.get(code.pk, [])]))
    used = set()
    cases = cases_element(documents, used)
    sources = ET.Element(q("Sources"))
    for document in documents:
        sources.append(source_element(document, by_document.get(document.pk, []), notes_by_segment,
                                      notes_by_document, used))
    if used:
        root.append(variables_element(used))
    if cases is not None:
        root.append(cases)
    if documents:
        root.append(sources)
    if memos:
        notes = ET.SubElement(root, q("Notes"))
        for memo in memos:
            notes.append(note_element(memo))
    ET.indent(root)
    xml_text = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    check_valid(xml_text, "project", "project.qde")
    return xml_text, {f"sources/{d.guid}.txt": d.text for d in documents}


def write_qdpx(path, name="citydip"):
    """Write the project to ``path`` (via a temporary file, then renamed); returns counts for the report."""

    xml_text, sources = build_project(name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, text in [("project.qde", xml_text), *sorted(sources.items())]:
            archive.writestr(zipfile.ZipInfo(entry, FIXED_ZIP_TIME), text.encode("utf-8"),
                             compress_type=zipfile.ZIP_DEFLATED)
    write_bytes(path, buffer.getvalue())
    return {"sources": len(sources), "selections": xml_text.count("<PlainTextSelection "),
            "codes": xml_text.count("<Code "), "notes": xml_text.count("<Note ")}


def exported_documents():
    """Ids of the documents an export contains (for the audit log)."""
    return list(Document.objects.usable().order_by("pk").values_list("pk", flat=True))
