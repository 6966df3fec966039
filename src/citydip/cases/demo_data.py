"""`citydip demo` step for case studies: three proposed cases accepted, each with synthetic documents (an
agreement and a council resolution in English, a press text in Chinese), an interview with a city official,
timeline events, a field visit, coded segments and memos. Everything made here is marked synthetic; running the demo twice changes nothing.
"""
from datetime import UTC, date, datetime

from django.db.models import Count, Q

from citydip.analysis.models import CaseStudy
from citydip.cases.models import CaseEvent, FieldVisit
from citydip.qda.documents import create_document
from citydip.qda.models import Code, Document, DocumentAssignment, Interview, Memo, Segment, derived_guid

CODED_AT = datetime(2026, 4, 14, 9, 0, tzinfo=UTC)
DEMO_REASON = "accepted for the demo (synthetic case material)"

AGREEMENT = """\
Agreement on friendly cooperation between the City of {city} and the City of {partner} (synthetic demo text)

Article 1. The two cities establish friendly cooperation on the basis of equality and mutual benefit.

Article 2. The parties will promote trade and investment between companies of both cities and support business delegations.

Article 3. The parties will encourage school exchanges, cultural festivals and contacts between universities.

Article 4. Each city designates an office responsible for the cooperation and meets the other at least once a year.

Article 5. This agreement is valid for five years and is renewed unless one party ends it in writing.
"""

RESOLUTION = """\
Resolution of the City Council of {city} on the partnership with {partner} (synthetic demo text, English translation)

The City Council, having regard to the city's international strategy, resolves:

1. The Mayor is authorised to sign an agreement on friendly cooperation with the City of {partner}.

2. The cooperation shall focus on the local economy, education and culture.

3. The international relations office shall report to the Council every year on the activities and their costs.

4. The Council asks that human rights and the security of municipal data be considered in every project.
"""

PRESS = """\
{partner}市与{city}市签署友好合作协议（合成演示文本）

{partner}市代表团访问了{city}市，双方签署了友好合作协议。

双方同意在经贸、教育和文化领域加强交流与合作。

市长表示，这是"一带一路"倡议框架下城市合作的新成果。
"""

INTERVIEW = """\
Interviewer: How did the partnership with {partner} start? (synthetic demo interview)

R: A delegation came to {city} in 2017 and the mayor wanted a partner in China for our companies.

Interviewer: Who works on it today?

R: One person in the international relations office, part time, and the chamber of commerce helps.

Interviewer: Has anything changed since 2020?

R: The council asks more questions now about human rights and data security, so we are careful.
"""

DOCUMENTS = [
    # key, template, type, language, day, source, licence
    ("agreement", AGREEMENT, "agreement", "en", date(2018, 5, 14), "City archive, register of agreements (synthetic)",
     "synthetic demo text, free to reuse"),
    ("resolution", RESOLUTION, "council_resolution", "en", date(2018, 3, 22),
     "Council resolution no. 12/2018, public information bulletin (synthetic)", "public record (synthetic)"),
    ("press", PRESS, "press", "zh", date(2018, 5, 16), "https://example.org/press/2018-05-16 (synthetic)",
     "press release, quoted for research (synthetic)"),
]

# document key, phrase, code path, coders
CODING = [
    ("interview", "the mayor wanted a partner in China for our companies", "motives / economic", "ab"),
    ("interview", "One person in the international relations office, part time", "institutionalisation", "ab"),
    ("interview", "The council asks more questions now about human rights and data security", "obstacles / political risk",
     "ab"),
    ("agreement", "promote trade and investment between companies of both cities", "motives / economic", "ab"),
    ("agreement", "school exchanges, cultural festivals and contacts between universities", "motives / exchange", "ab"),
    ("agreement", "Each city designates an office responsible for the cooperation", "institutionalisation", "ab"),
    ("resolution", "report to the Council every year on the activities and their costs", "institutionalisation", "a"),
    ("resolution", "human rights and the security of municipal data", "obstacles / political risk", "ab"),
    ("press", "一带一路", "BRI", "ab"),
    ("press", "经贸、教育和文化领域", "motives / economic", "b"),
]


def partner_name(case):
    tie = case.city.partnerships.select_related("place").order_by("year_signed", "pk").first()
    return tie.place.name if tie else "Chengdu"


def chosen_cases():
    """Three proposed cases, those with interviews first (so their pages show them), then by name."""
    accepted = CaseStudy.objects.filter(status_reason=DEMO_REASON)
    if accepted.exists():
        return list(accepted)
    proposed = (CaseStudy.objects.filter(status=CaseStudy.Status.PROPOSED).select_related("city")
                .annotate(n=Count("city__interviews")).order_by("-n", "city__name"))
    return list(proposed[:3])


def build_documents(case, codes, coders):
    partner = partner_name(case)
    documents = {}
    for key, template, doc_type, language, day, source, licence in DOCUMENTS:
        source_key = f"demo:case:{case.city.city_id}:{key}"
        document = Document.objects.filter(source_key=source_key).first()
        if document is None:
            text = template.format(city=case.city.name, partner=partner)
            title = text.splitlines()[0].split(" (synthetic")[0].split("（")[0][:200]
            document = create_document(text, title, kind=Document.Kind.CASE_DOCUMENT, case=case, synthetic=True,
                                       source_file=f"demo-{key}.txt", doc_type=doc_type, doc_date=day,
                                       language=language, source=source, licence=licence)
            document.source_key = source_key
            document.guid = derived_guid("demo-case-document", case.city.city_id, key)
            document.save(update_fields=["source_key", "guid"])
        documents[key] = document
    documents["interview"] = build_interview(case, partner)
    for document in documents.values():
        for coder in coders.values():
            DocumentAssignment.objects.get_or_create(document=document, coder=coder)
    for key, phrase, path, who in CODING:
        document = documents[key]
        start = document.text.index(phrase)
        for letter in who:
            Segment.objects.get_or_create(document=document, start=start, end=start + len(phrase), code=codes[path],
                                          coder=coders[letter], defaults={"created": CODED_AT})
    if not Memo.objects.filter(document=documents["resolution"]).exists():
        Memo.objects.create(guid=derived_guid("demo-case-memo", case.city.city_id), document=documents["resolution"],
                            author=coders["a"], created=CODED_AT, title="Council conditions (synthetic)",
                            text="Synthetic memo: the council ties the partnership to yearly reporting and to human "
                                 "rights; compare with the agreement, which says nothing of either.")
    return documents, partner


def build_interview(case, partner):
    """A synthetic city official's interview for the case (verbatim quotes consented, attributed by function)."""
    source_key = f"demo:case:{case.city.city_id}:interview"
    document = Document.objects.filter(source_key=source_key).first()
    if document is not None:
        return document
    interview = Interview.objects.create(
        institution_type="city", role="international relations officer", city=case.city, case=case,
        date=date(2026, 4, 21), mode="in person", consent_recording=True, consent_verbatim=True,
        attribution="function", consent_date=date(2026, 4, 21), synthetic=True)
    document = create_document(INTERVIEW.format(city=case.city.name, partner=partner),
                               f"Interview {interview.pseudonym} (synthetic)", interview=interview, synthetic=True,
                               source_file="demo-case-interview.txt")
    document.source_key = source_key
    document.guid = derived_guid("demo-case-document", case.city.city_id, "interview")
    document.save(update_fields=["source_key", "guid"])
    return document


def build_case(case, codes, coders):
    if case.status != CaseStudy.Status.ACCEPTED:
        case.status, case.status_reason = CaseStudy.Status.ACCEPTED, DEMO_REASON
        case.save(update_fields=["status", "status_reason", "updated"])
    Interview.objects.filter(city=case.city, case__isnull=True).update(case=case)
    Document.objects.filter(interview__case=case, case__isnull=True).update(case=case)
    _, partner = build_documents(case, codes, coders)
    if not case.events.exists():
        CaseEvent.objects.bulk_create([
            CaseEvent(case=case, date=date(2017, 10, 9), kind=CaseEvent.Kind.DELEGATION, synthetic=True,
                      title=f"delegation from {partner} visits {case.city.name}",
                      source="city press office (synthetic)"),
            CaseEvent(case=case, date=date(2018, 5, 14), kind=CaseEvent.Kind.AGREEMENT, synthetic=True,
                      title=f"agreement on friendly cooperation signed with {partner}",
                      source="register of agreements (synthetic)"),
            CaseEvent(case=case, date=date(2026, 4, 1), kind=CaseEvent.Kind.STATUS, synthetic=True,
                      title="status: proposed → accepted", description=DEMO_REASON, source="citydip demo"),
        ])
    if not case.field_visits.exists():
        FieldVisit.objects.create(case=case, start=date(2026, 4, 20), end=date(2026, 4, 22), synthetic=True,
                                  people_met="City official A\nCity official B\nChamber of commerce C",
                                  notes="Synthetic notes: met the international relations office and the chamber "
                                        "of commerce; the agreement is renewed but little used since 2020.")


def build_demo(ctx):
    from citydip.qda.demo_data import build_codebook, demo_coders

    cases = chosen_cases()
    if not cases:
        ctx.log("cases: no proposed case study to accept (the case selection did not run)")
        return
    codes, coders = build_codebook(), demo_coders()
    missing = [path for _, _, path, _ in CODING if path not in codes or not isinstance(codes[path], Code)]
    if missing:
        ctx.log(f"cases: codebook lacks {', '.join(missing)}; no case coding")
        return
    for case in cases:
        build_case(case, codes, coders)
    eu = Interview.objects.filter(Q(institution_type__in=Interview.EU_INSTITUTIONS), synthetic=True).count()
    ctx.log(f"cases: {len(cases)} cases accepted ({', '.join(c.city.name for c in cases)}) with synthetic documents, "
            f"events, field visits, codings and memos; {eu} synthetic EU-official interviews")
