"""`citydip demo` step for interviews: synthetic transcripts, a small codebook, and two demo coders
who agree on most and disagree on some, so the workbench, reliability and export work at once.
Everything made here is marked synthetic; running the demo twice changes nothing."""
from datetime import UTC, date, datetime

from django.contrib.auth import get_user_model

from citydip.core.management.commands.user import create_user
from citydip.qda import demo_transcripts as texts
from citydip.qda.documents import create_document
from citydip.qda.models import Code, Document, DocumentAssignment, Interview, Memo, Segment, derived_guid

CODEBOOK = [
    ("motives", "#90caf9", "Why the city (or actor) engages with Chinese partners.", [
        ("economic", "#64b5f6", "Trade, investment, business access, jobs."),
        ("symbolic", "#42a5f5", "Prestige, showing the city is international, political gestures."),
        ("exchange", "#1e88e5", "Education, culture and people-to-people contacts."),
    ]),
    ("institutionalisation", "#a5d6a7", "Offices, staff, budgets, representations, networks.", []),
    ("coordination", "#ffcc80", "Contacts with other levels about the partnership.", [
        ("national", "#ffb74d", "With the national government, ministries, embassies, or the region."),
        ("european", "#ffa726", "With EU institutions, the EEAS or European city networks."),
    ]),
    ("obstacles", "#ef9a9a", "What makes the cooperation hard or stops it.", [
        ("capacity", "#e57373", "Staff, budget, language, distance, changing contacts."),
        ("political risk", "#ef5350", "Human rights, security, influence, public criticism."),
    ]),
    ("BRI", "#ce93d8", "References to the Belt and Road Initiative.", []),
]

# key, text, institution, role, directorate, city name, consent (verbatim, attribution), language note
INTERVIEWS = [
    ("ec", texts.EC_OFFICIAL, "european_commission", "policy officer", "DG TRADE", None, True, "function"),
    ("eeas", texts.EEAS_OFFICIAL, "eeas", "desk officer", "China division", None, False, "anonymous"),
    ("city1", texts.CITY_OFFICIAL_EN, "city", "international relations officer", "", "Rotterdam", True, "function"),
    ("city2", texts.CITY_OFFICIAL_EN_2, "city", "head of the mayor's office", "", "Łódź", True, "anonymous"),
    ("city_de", texts.CITY_OFFICIAL_DE, "city", "Leiter Wirtschaftsförderung", "", "Duisburg", True, "function"),
    ("withdrawn", texts.NATIONAL_OFFICIAL_WITHDRAWN, "national_government", "adviser", "foreign ministry", None,
     False, "anonymous"),
]

# document key, quoted phrase, code path, coders who applied it ("a", "b" or "ab")
CODING = [
    ("ec", "Cities sign agreements for trade and investment", "motives / economic", "ab"),
    ("ec", "There is no obligation to inform us", "coordination / european", "ab"),
    ("ec", "Better coordination with the member states would help", "coordination / national", "a"),
    ("ec", "Some cities signed Belt and Road documents", "BRI", "ab"),
    ("ec", "Most of them were symbolic, with little behind them", "motives / symbolic", "b"),
    ("ec", "A city of two hundred thousand inhabitants has no China desk", "obstacles / capacity", "ab"),
    ("eeas", "Human rights questions and the risk of influence operations are real", "obstacles / political risk", "ab"),
    ("eeas", "coordinate with their national foreign ministry", "coordination / national", "ab"),
    ("eeas", "student exchanges and cultural cooperation remain valuable", "motives / exchange", "ab"),
    ("eeas", "Several cities let their agreements lapse", "obstacles / political risk", "a"),
    ("city1", "The main motive was economic", "motives / economic", "ab"),
    ("city1", "one person in the international relations office", "institutionalisation", "ab"),
    ("city1", "Eurocities working group", "coordination / european", "b"),
    ("city1", "The foreign ministry sent a note in 2021", "coordination / national", "ab"),
    ("city1", "Distance, language and changing contacts", "obstacles / capacity", "ab"),
    ("city2", "The symbolic value was important for him", "motives / symbolic", "ab"),
    ("city2", "It mentioned the Belt and Road in the preamble", "BRI", "ab"),
    ("city2", "mentioned the Belt and Road", "motives / symbolic", "a"),
    ("city2", "School exchanges and a Chinese New Year festival", "motives / exchange", "ab"),
    ("city2", "We expected investment in the technology park", "motives / economic", "a"),
    ("city2", "there is no contact person for cities like ours", "coordination / european", "ab"),
    ("city_de", "vor allem wegen der Stahlindustrie", "motives / economic", "ab"),
    ("city_de", "China-Büro in der Wirtschaftsförderung", "institutionalisation", "ab"),
    ("city_de", "Mit dem Land regelmäßig", "coordination / national", "ab"),
    ("city_de", "Menschenrechte sind im Stadtrat ein wichtiges Thema", "obstacles / political risk", "b"),
]
CODED_AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
# Units of the EU officials (stage three of the design: the EU's view of cities).
EU_UNITS = {"ec": "Unit G.2 (China, Hong Kong, Macao, Taiwan)", "eeas": "ASIAPAC.3"}


def build_codebook():
    codes = {}
    for position, (name, colour, definition, children) in enumerate(CODEBOOK):
        parent, _ = Code.objects.get_or_create(parent=None, name=name, defaults=dict(
            colour=colour, definition=definition, position=position, guid=derived_guid("demo-code", name)))
        codes[name] = parent
        for child_position, (child, child_colour, child_definition) in enumerate(children):
            code, _ = Code.objects.get_or_create(parent=parent, name=child, defaults=dict(
                colour=child_colour, definition=child_definition, position=child_position,
                guid=derived_guid("demo-code", name, child)))
            codes[f"{name} / {child}"] = code
    return codes


def find_city(name):
    from citydip.frame.models import City

    return City.objects.filter(name=name).order_by("pk").first()


def build_interview(key, text, institution, role, directorate, city_name, verbatim, attribution):
    document = Document.objects.filter(source_key=f"demo:{key}").first()
    if document is not None:
        return document
    interview = Interview.objects.create(
        institution_type=institution, role=role, directorate=directorate, city=find_city(city_name) if city_name
        else None, date=date(2026, 2, 10), mode="video call", consent_recording=True, consent_verbatim=verbatim,
        attribution=attribution, consent_date=date(2026, 2, 10), synthetic=True)
    document = create_document(text, f"Interview {interview.pseudonym} (synthetic)", interview=interview,
                               city=interview.city, source_file=f"demo-{key}.txt", synthetic=True)
    document.source_key = f"demo:{key}"
    document.guid = derived_guid("demo-document", key)
    document.save(update_fields=["source_key", "guid"])
    return document


def demo_coders():
    User = get_user_model()
    coders = {}
    for letter in "ab":
        username = f"demo_coder_{letter}"
        if not User.objects.filter(username=username).exists():
            create_user(username, "coder", login=False)  # made-up coders: nobody logs in as them
        coders[letter] = User.objects.get(username=username)
    return coders


def build_coding(documents, codes, coders):
    for key, phrase, path, who in CODING:
        document = documents[key]
        start = document.text.index(phrase)
        for letter in who:
            Segment.objects.get_or_create(document=document, start=start, end=start + len(phrase), code=codes[path],
                                          coder=coders[letter], defaults={"created": CODED_AT})


def build_demo(ctx):
    codes = build_codebook()
    documents = {row[0]: build_interview(*row) for row in INTERVIEWS}
    coders = demo_coders()
    for document in documents.values():
        for coder in coders.values():
            DocumentAssignment.objects.get_or_create(document=document, coder=coder)
    build_coding(documents, codes, coders)
    if not Memo.objects.filter(code=codes["BRI"]).exists():
        Memo.objects.create(guid=derived_guid("demo-memo", "BRI"), code=codes["BRI"], author=coders["a"], created=CODED_AT, title="BRI and symbolism",
                            text="Synthetic memo: BRI references tend to come with symbolic motives.")
    for key, unit in EU_UNITS.items():
        Interview.objects.filter(pk=documents[key].interview_id, unit="").update(unit=unit)
    withdrawn = documents["withdrawn"].interview
    if withdrawn.withdrawn_at is None:
        withdrawn.withdrawn_at = CODED_AT
        withdrawn.save(update_fields=["withdrawn_at"])
    ctx.log(f"qda: {len(documents)} synthetic interviews (one withdrawn), {len(codes)} codes, "
            f"{Segment.objects.count()} coded segments by {len(coders)} demo coders")
