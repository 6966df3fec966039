"""The study's instrument, written for people, in English.

The other languages live in ``eu_china_cities/<code>.po``, one gettext file per language
(translations.py explains the layout). build_instrument.py turns source and translations into
eu_china_cities.xlsx (the XLSForm). Variable names are a shared contract (BRIEF "The study's
instrument"): analysis, map, partnership reconciliation and exports read them; rename none
without telling those.

Each survey row is ``(type, name, label, extra)``, where ``extra`` may hold ``hint``,
``relevant``, ``constraint``, ``constraint_message``, ``required``, ``appearance``. Each choice
list is ``[(value, label)]``.
"""

SETTINGS = {
    "form_title": "EU–China city cooperation survey",
    "form_id": "eu_china_cities",
    "version": "2026.1",
    "default_language": "English (en)",
}

CURRENT = "${coop_status} = 'current'"
NOT_CURRENT = "${coop_status} = 'past' or ${coop_status} = 'never'"

SURVEY = [
    ("begin_group", "intro", "About your city's ties with China",
     {"appearance": "field-list"}),
    ("note", "intro_note", "This survey is part of a research project on cooperation between cities of the European Union and cities of the People's Republic of China. It takes about 15 minutes. You can stop at any time and continue later from the same link.", {}),
    ("select_one coop_status", "coop_status", "Does your city cooperate with one or more cities or provinces in China?",
     {"required": "yes", "hint": "Any kind of tie counts: a twinning, a friendship agreement, a memorandum or informal exchanges."}),
    ("end_group", "", "", {}),

    # ---- long branch: cities that cooperate now -------------------------------------------------
    ("begin_repeat", "partners", "Partner cities and provinces in China",
     {"relevant": CURRENT, "hint": "Add one entry for each Chinese partner."}),
    ("text", "partner_name", "Name of the Chinese city or province",
     {"required": "yes", "hint": "Any spelling will do, e.g. Chengdu, Tschengdu or 成都."}),
    ("text", "partner_place_id", "Place chosen from the list of Chinese places",
     {"hint": "Filled in when you pick a suggestion; leave empty otherwise."}),
    ("select_one partner_kind", "partner_kind", "What kind of tie is it?",
     {"required": "yes"}),
    ("integer", "partner_year", "In which year did it begin?",
     {"constraint": ". >= 1949 and . <= int(substr(today(), 0, 4))",
      "constraint_message": "Enter a year between 1949 and this year."}),
    ("select_one partner_status", "partner_status", "How active is the tie today?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_multiple areas", "partner_areas", "In which areas do you cooperate?",
     {"hint": "Select all that apply."}),
    ("text", "partner_activities", "What did you do together in the last three years?",
     {"appearance": "multiline", "hint": "For example visits, projects, events, exchanges of pupils or experts."}),
    ("end_repeat", "", "", {}),

    ("begin_group", "origins", "How the cooperation began",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one initiator", "initiator", "Who took the initiative for the first tie?",
     {"required": "yes"}),
    ("select_one importance", "importance", "How important is China for your city?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "institutions", "How the cooperation is organised",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no", "inst_agreement", "Is there a signed formal agreement?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_office_china", "Does your city have an office or a representative in China?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_staff", "Are there staff who work on China as part of their job?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_budget", "Is there a budget line for the cooperation?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_chinese_office", "Is there a Chinese office or representative in your city?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_networks", "Is your city a member of networks for cooperation with China?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "aims", "Goals and benefits",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple goals", "goals", "What does your city want to achieve with the cooperation?",
     {"required": "yes", "hint": "Select all that apply."}),
    ("select_multiple benefits", "benefits", "What has the cooperation brought so far?",
     {"hint": "Select all that apply."}),
    ("end_group", "", "", {}),

    ("begin_group", "difficulties", "Obstacles and change",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple obstacles", "obstacles", "What makes the cooperation difficult?",
     {"hint": "Select all that apply."}),
    ("select_one yes_no_dont_know", "bri", "Is the cooperation linked to China's Belt and Road Initiative?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_one change", "change_2020", "Since 2020, has the cooperation increased, stayed the same or decreased?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "coordination", "Coordination with other levels",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("note", "coord_note", "How often does your city coordinate its cooperation with China with …", {}),
    ("select_one coordination", "coord_national", "… the national government?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_region", "… your region?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_eu", "… EU institutions?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_embassy", "… the Chinese embassy or consulates?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "followup", "A follow-up interview",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no", "followup_consent", "May we contact you for an interview as part of a case study of your city?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- short branch: cities that cooperated in the past or never ----------------------------
    ("begin_group", "no_coop", "Contacts with China",
     {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_one yes_no", "past_contacts", "Has your city had contacts with Chinese cities or provinces in the past?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_multiple no_coop_reasons", "no_coop_reasons", "Why does your city not cooperate with Chinese cities (any more)?",
     {"hint": "Select all that apply."}),
    ("select_one yes_maybe_no", "future_interest", "Would your city be interested in cooperating with a Chinese city in the future?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "other_asia", "Other partners in Asia",
     {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_multiple asian_countries", "other_asian_partners", "Does your city cooperate with cities in other Asian countries?",
     {"hint": "Select all that apply.",
      "constraint": "not(selected(., 'none')) or count-selected(.) = 1",
      "constraint_message": "'None' cannot be combined with a country."}),
    ("select_one yes_no", "willing_contact", "May we contact you again about this research?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- both branches ----------------------------------------------------------------------
    ("begin_group", "about_you", "About you and the use of your answers",
     {"appearance": "field-list", "relevant": "${coop_status} != ''"}),
    ("text", "respondent_office", "Which office or department do you work in?",
     {"required": "yes"}),
    ("select_one yes_no", "publish_city_name", "May we name your city when we publish results?",
     {"required": "yes", "appearance": "horizontal",
      "hint": "If you answer no, your city is shown only in anonymous figures."}),
    ("text", "comments", "Is there anything else you would like to tell us?",
     {"appearance": "multiline"}),
    ("end_group", "", "", {}),
]

YES = "Yes"
NO = "No"
OTHER = "Other"

CHOICES = {
    "coop_status": [
        ("current", "Yes, we cooperate now"),
        ("past", "Not now, but we did in the past"),
        ("never", "No, never"),
    ],
    "partner_kind": [
        ("sister", "Sister city (twinning)"),
        ("friendship", "Friendship city"),
        ("memorandum", "Memorandum of understanding"),
        ("agreement", "Cooperation agreement"),
        ("informal", "Informal cooperation"),
    ],
    "partner_status": [
        ("active", "Active"),
        ("dormant", "Dormant"),
        ("ended", "Ended"),
    ],
    "areas": [
        ("economy", "Economy and trade"),
        ("education", "Education"),
        ("culture", "Culture"),
        ("environment", "Environment and climate"),
        ("transport", "Transport"),
        ("health", "Health"),
        ("tourism", "Tourism"),
        ("science", "Science and research"),
        ("other", OTHER),
    ],
    "initiator": [
        ("city", "Our city"),
        ("chinese_side", "The Chinese side"),
        ("national_government", "The national government"),
        ("business", "Businesses"),
        ("university", "A university"),
        ("diaspora", "The Chinese community in our city"),
        ("other", OTHER),
    ],
    "importance": [
        ("crucial", "Crucial"),
        ("important", "Important"),
        ("marginal", "Marginal"),
    ],
    "yes_no": [("yes", YES), ("no", NO)],
    "yes_no_dont_know": [
        ("yes", YES), ("no", NO),
        ("dont_know", "Don't know"),
    ],
    "yes_maybe_no": [
        ("yes", YES),
        ("maybe", "Maybe"),
        ("no", NO),
    ],
    "goals": [
        ("investment", "Attract Chinese investment"),
        ("exports", "Help local firms export to China"),
        ("tourism", "More tourists from China"),
        ("students", "Students and academic exchange"),
        ("culture", "Cultural exchange and mutual understanding"),
        ("knowledge", "Learn from Chinese cities (e.g. technology, urban development)"),
        ("visibility", "International visibility of the city"),
        ("climate", "Climate and environment projects"),
        ("other", OTHER),
    ],
    "benefits": [
        ("investment", "Investment in the city"),
        ("trade", "Business for local firms"),
        ("tourism", "More visitors"),
        ("education", "Student and school exchanges"),
        ("culture", "Cultural events and ties"),
        ("knowledge", "Know-how and new ideas"),
        ("none_yet", "No benefits yet"),
        ("other", OTHER),
    ],
    "obstacles": [
        ("language", "Language and cultural differences"),
        ("distance", "Distance and travel costs"),
        ("funding", "Lack of money"),
        ("staff", "Lack of staff or expertise"),
        ("politics", "Political concerns (e.g. human rights, security)"),
        ("national_policy", "National government policy"),
        ("public_opinion", "Local public opinion"),
        ("pandemic", "The COVID-19 pandemic"),
        ("none", "No obstacles"),
        ("other", OTHER),
    ],
    "coordination": [
        ("none", "Never"),
        ("occasional", "Occasionally"),
        ("regular", "Regularly"),
    ],
    "change": [
        ("increased", "Increased"),
        ("same", "Stayed the same"),
        ("decreased", "Decreased"),
    ],
    "no_coop_reasons": [
        ("no_opportunity", "No opportunity or partner has come up"),
        ("priorities", "Other priorities"),
        ("resources", "Lack of money or staff"),
        ("politics", "Political concerns"),
        ("national_policy", "National government policy"),
        ("no_benefit", "Little benefit expected"),
        ("ended_partner", "The Chinese partner ended the tie"),
        ("other", OTHER),
    ],
    "asian_countries": [
        ("japan", "Japan"),
        ("south_korea", "South Korea"),
        ("taiwan", "Taiwan"),
        ("india", "India"),
        ("vietnam", "Vietnam"),
        ("other_asia", "Another Asian country"),
        ("none", "None"),
    ],
}
