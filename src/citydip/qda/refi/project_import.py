"""Read a REFI-QDA project (``.qdpx``) from citydip or another QDA tool into the database.

Validated against the Project XSD first, then read in one transaction: users (by name), the codebook
(by GUID), text sources with their selections and codings, and notes (memos). Offsets stay those of
the file (characters); Windows newlines are folded to ``\\n`` with the offsets moved accordingly.
Picture, audio and video sources are counted and skipped: citydip codes text only.
"""
import bisect
import uuid
import xml.etree.ElementTree as ET
import zipfile
import zlib
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from citydip.core.errors import CitydipError
from citydip.qda.documents import store_turns
from citydip.qda.models import Document, Memo, Segment
from citydip.qda.refi.codebook import import_code_elements
from citydip.qda.refi.schemas import PROJECT_NS, check_valid

NS = PROJECT_NS


def q(tag):
    return f"{{{NS}}}{tag}"


def plain_guid(text):
    return str(uuid.UUID((text or "").strip("{}"))) if text else None


def parse_datetime(text):
    if not text:
        return timezone.now()
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else timezone.make_aware(value, timezone.utc)


def fold_newlines(text):
    """``(text with \\r\\n and \\r as \\n, function mapping an old offset to the new one)``."""
    removed = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]
    new_text = text.replace("\r\n", "\n").replace("\r", "\n")
    return new_text, (lambda offset: offset - bisect.bisect_left(removed, offset))


def open_project(path):
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise CitydipError("QDA-E001", "no such file", file=str(path)) from None
    except zipfile.BadZipFile:
        raise CitydipError("QDA-E030", "not a .qdpx file (not a zip archive)", file=str(path)) from None
    qde = [n for n in archive.namelist() if n.lower().endswith(".qde") and "/" not in n.strip("/")]
    if not qde:
        raise CitydipError("QDA-E030", "the archive has no project.qde at its top level", file=str(path))
    try:
        xml_text = archive.read(qde[0]).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CitydipError("QDA-E002", f"{qde[0]} is not UTF-8 (byte {error.start})", file=str(path)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:  # a damaged member (CRC, deflate stream)
        raise CitydipError("QDA-E030", f"{qde[0]} cannot be read from the archive: {error}", file=str(path)) from None
    check_valid(xml_text, "project", f"{path}:{qde[0]}")
    return archive, ET.fromstring(xml_text)


class ProjectReader:
    def __init__(self, archive, root, file_name):
        self.archive, self.root, self.file_name = archive, root, file_name
        self.users, self.codes, self.notes_for, self.pending = {}, {}, {}, {}
        self.counts = {"sources": 0, "segments": 0, "memos": 0, "users": 0, "codes": 0, "skipped_sources": 0}

    def read(self):
        variables = self.root.find(q("Variables"))
        self.variable_names = {plain_guid(v.get("guid")): v.get("name") for v in (
            variables if variables is not None else [])}
        self.read_users()
        codebook = self.root.find(q("CodeBook"))
        if codebook is not None:
            self.codes = import_code_elements(codebook.find(q("Codes")).findall(q("Code")), NS, None, self.file_name)
            self.counts["codes"] = len(self.codes)
            for code_el in codebook.iter(q("Code")):
                for ref in code_el.findall(q("NoteRef")):
                    self.notes_for[plain_guid(ref.get("targetGUID"))] = ("code", self.codes[plain_guid(code_el.get("guid"))])
        sources = self.root.find(q("Sources"))
        for source in (list(sources) if sources is not None else []):
            if source.tag == q("TextSource"):
                self.read_source(source)
            else:
                self.counts["skipped_sources"] += 1
        self.store_segments()
        self.read_notes()
        self.read_cases()
        return self.counts

    def read_cases(self):
        """Cases become interviews (matched by pseudonym) of their sources. Consent is not part of REFI:
        a new interview gets the most careful setting (no verbatim quotes, anonymous) to be checked."""
        cases = self.root.find(q("Cases"))
        for case in (cases.findall(q("Case")) if cases is not None else []):
            refs = [plain_guid(r.get("targetGUID")) for r in case.findall(q("SourceRef"))]
            documents = list(Document.objects.filter(guid__in=refs))
            if not documents or not case.get("name"):
                continue
            values = self.values_of(case)
            if values.get("case study"):
                link_case_study(documents, values["case study"])
                continue
            interview = case_interview(case.get("name")[:100], values)
            for document in documents:
                document.interview = interview
                document.city = document.city or interview.city
                document.save(update_fields=["interview", "city"])
                if document.case_id and not interview.case_id:
                    interview.case = document.case
                    interview.save(update_fields=["case"])
            self.counts["interviews"] = self.counts.get("interviews", 0) + 1

    def values_of(self, element):
        """``{variable name: value as text}`` of the VariableValue children of a case or source."""
        values = {}
        for holder in element.findall(q("VariableValue")):
            name = self.variable_names.get(plain_guid(holder.find(q("VariableRef")).get("targetGUID")))
            value = next((child.text for child in holder if child.tag != q("VariableRef")), None)
            if name and value is not None:
                values[name] = value.strip()
        return values

    def read_users(self):
        users = self.root.find(q("Users"))
        User = get_user_model()
        for element in (users.findall(q("User")) if users is not None else []):
            guid = plain_guid(element.get("guid"))
            name = (element.get("name") or element.get("id") or f"refi-{guid[:8]}").strip()[:150]
            user, created = User.objects.get_or_create(username=name)
            if created:
                user.set_unusable_password()
                user.save()
                self.counts["users"] += 1
            self.users[guid] = user

    def user(self, guid, fallback=None):
        guid = plain_guid(guid)
        if guid and guid not in self.users:
            user, _ = get_user_model().objects.get_or_create(username=f"refi-{guid[:8]}")
            self.users[guid] = user
        return self.users.get(guid) or fallback or self.user(str(uuid.UUID(int=0)))

    def source_text(self, source):
        content = source.findtext(q("PlainTextContent"))
        if content is not None:
            return content
        path = source.get("plainTextPath") or ""
        if path.startswith("internal://"):
            entry = "sources/" + path[len("internal://"):]
            try:
                return self.archive.read(entry).decode("utf-8-sig")
            except KeyError:
                raise CitydipError("QDA-E031", f"the source file {entry} is missing from the archive",
                                   file=self.file_name, field=source.get("name")) from None
        raise CitydipError("QDA-E031", f"source {source.get('name')!r} points outside the archive ({path}): "
                           "export the project with its sources included", file=self.file_name)

    def read_source(self, source):
        text, new_offset = fold_newlines(self.source_text(source))
        guid = plain_guid(source.get("guid"))
        document = Document.objects.filter(guid=guid).first()
        if document is not None and document.text != text:
            raise CitydipError("QDA-E032", f"a different document with the GUID {guid} is already here "
                               f"({document.title!r})", file=self.file_name, field=source.get("name"))
        if document is None:
            document = Document.objects.create(guid=guid, title=(source.get("name") or guid)[:300], text=text,
                                               created_by=self.user(source.get("creatingUser")) if source.get(
                                                   "creatingUser") else None, source_file=self.file_name[:300])
            store_turns(document)
            self.counts["sources"] += 1
        facts = document_facts(self.values_of(source), self.file_name, source.get("name"))
        if facts:
            for name, value in facts.items():
                setattr(document, name, value)
            document.kind = Document.Kind.CASE_DOCUMENT
            document.save(update_fields=[*facts, "kind"])
        for ref in source.findall(q("NoteRef")):
            self.notes_for[plain_guid(ref.get("targetGUID"))] = ("document", document)
        for selection in source.findall(q("PlainTextSelection")):
            self.read_selection(document, selection, new_offset)

    def read_selection(self, document, selection, new_offset):
        start, end = new_offset(int(selection.get("startPosition"))), new_offset(int(selection.get("endPosition")))
        start, end = min(start, end), max(start, end)
        if start < 0 or end > len(document.text):
            raise CitydipError("QDA-E033", f"selection {start}–{end} lies outside the text of {document.title!r} "
                               f"({len(document.text)} characters)", file=self.file_name, field=selection.get("guid"))
        owner = self.user(selection.get("creatingUser")) if selection.get("creatingUser") else None
        first = None
        for coding in selection.findall(q("Coding")):
            code = self.codes.get(plain_guid(coding.find(q("CodeRef")).get("targetGUID")))
            if code is None:
                raise CitydipError("QDA-E034", "a coding refers to a code that is not in the codebook",
                                   file=self.file_name, field=coding.get("guid"))
            coder = self.user(coding.get("creatingUser"), owner) if coding.get("creatingUser") else (
                owner or self.user(None))
            key = (document.pk, start, end, code.pk, coder.pk)
            self.pending.setdefault(key, Segment(
                document=document, start=start, end=end, code=code, coder=coder,
                created=parse_datetime(coding.get("creationDateTime") or selection.get("creationDateTime"))))
            first = first or key
        for ref in selection.findall(q("NoteRef")):
            if first is not None:
                self.notes_for[plain_guid(ref.get("targetGUID"))] = ("segment", first)

    def store_segments(self):
        """Create the new segments in bulk (a project may hold tens of thousands); keep existing ones."""
        documents = {key[0] for key in self.pending}
        existing = set(Segment.objects.filter(document__in=documents).values_list(
            "document_id", "start", "end", "code_id", "coder_id"))
        new = [segment for key, segment in self.pending.items() if key not in existing]
        Segment.objects.bulk_create(new, batch_size=500)
        self.counts["segments"] = len(new)

    def read_notes(self):
        notes = self.root.find(q("Notes"))
        for note in (notes.findall(q("Note")) if notes is not None else []):
            guid = plain_guid(note.get("guid"))
            target = self.notes_for.get(guid)
            if target is None or Memo.objects.filter(guid=guid).exists():
                continue  # project-level notes have no home in citydip yet
            text = note.findtext(q("PlainTextContent")) or ""
            if target[0] == "segment":
                document_id, start, end, code_id, coder_id = target[1]
                target = ("segment", Segment.objects.get(document_id=document_id, start=start, end=end,
                                                         code_id=code_id, coder_id=coder_id))
            Memo.objects.create(guid=guid, title=(note.get("name") or "")[:200], text=text,
                                author=self.user(note.get("creatingUser")) if note.get("creatingUser") else None,
                                created=parse_datetime(note.get("creationDateTime")), **{target[0]: target[1]})
            self.counts["memos"] += 1


SOURCE_VARIABLES = {"document type": "doc_type", "date": "doc_date", "language": "language", "source": "source",
                    "licence": "licence"}


def document_facts(values, file_name, source_name):
    """Model fields of a case document from its source's variables (an unknown document type becomes other)."""
    from datetime import date

    from citydip.qda.models import DocType

    facts = {field: values[name] for name, field in SOURCE_VARIABLES.items() if values.get(name)}
    if "doc_date" in facts:
        try:
            facts["doc_date"] = date.fromisoformat(facts["doc_date"][:10])
        except ValueError:
            raise CitydipError("QDA-E035", f"the date {facts['doc_date']!r} of a source is not a date (YYYY-MM-DD)",
                               file=file_name, field=source_name) from None
    if "doc_type" in facts and facts["doc_type"] not in DocType.values:
        facts["doc_type"] = DocType.OTHER
    for field, limit in (("language", 20), ("source", 500), ("licence", 300)):
        if field in facts:
            facts[field] = facts[field][:limit]
    return facts


def link_case_study(documents, key):
    """Documents of a case-study case: linked to the case study of that city, else remembered by the key."""
    from django.apps import apps

    from citydip.qda.documents import find_city

    CaseStudy = apps.get_model("analysis", "CaseStudy")
    try:
        case = CaseStudy.objects.filter(city=find_city(key)).first()
    except CitydipError:
        case = None
    for document in documents:
        document.case, document.case_ref = case, "" if case else key[:200]
        document.save(update_fields=["case", "case_ref"])


def case_interview(pseudonym, values):
    from citydip.qda.documents import find_city
    from citydip.qda.models import Interview

    interview = Interview.objects.filter(pseudonym=pseudonym).first()
    if interview is not None:
        return interview
    institution = values.get("institution type")
    city, city_ref = None, ""
    if values.get("city"):
        try:
            city = find_city(values["city"])
        except CitydipError:
            city_ref = values["city"][:40]  # the city is not in this database's frame: keep its id
    return Interview.objects.create(
        pseudonym=pseudonym, city=city, city_ref=city_ref, consent_verbatim=False,
        attribution=Interview.Attribution.ANONYMOUS,
        institution_type=institution if institution in Interview.Institution.values else "other")


def import_qdpx(path):
    """Import a ``.qdpx`` project; returns counts of what was added."""
    archive, root = open_project(path)
    with archive, transaction.atomic():
        return ProjectReader(archive, root, str(path)).read()
