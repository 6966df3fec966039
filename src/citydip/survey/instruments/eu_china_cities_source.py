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
    "form_title": "EU–{partner_country} city cooperation survey",
    "form_id": "eu_china_cities",
    "version": "2026.2",
    "default_language": "English (en)",
}

# Minutes each branch takes, measured on the demo's answers (200 words a minute plus 5 s per answer:
# python -m citydip.survey.instruments.length) and shown to the respondent through {time_...} in the texts.
TIMES = {"time_never": 4, "time_past": 8, "time_current": 10, "time_partner": 1}

# {partner_country} (and {partner_country:form} where a language inflects it) is filled in per
# language by build_instrument (partner_country.py); {study_...} by the respondent's pages from the
# study settings (survey/study_settings.py).
CONSENTED = "${consent} = 'yes'"
CURRENT = "${coop_status} = 'current'"
PAST = "${coop_status} = 'past'"
CURRENT_OR_PAST = "${coop_status} = 'current' or ${coop_status} = 'past'"
NOT_CURRENT = "${coop_status} = 'past' or ${coop_status} = 'never'"
ALL_THAT_APPLY = "Select all that apply."
ONE_ONLY = "not(selected(., 'none')) or count-selected(.) = 1"
ONE_ONLY_DK = "(not(selected(., 'none')) and not(selected(., 'dont_know'))) or count-selected(.) = 1"
YEAR = ". >= 1949 and . <= int(substr(today(), 0, 4))"
YEAR_MESSAGE = "Enter a year between 1949 and this year, or leave the box empty if you do not know."
NONE_ALONE = "“None” and “Don't know” cannot be combined with other answers: untick them, or untick the others."


def other_box(name, of):
    """The "please specify" text box of a list's "other" choice."""
    return ("text", name, "Please specify “Other”",
            {"relevant": f"selected(${{{of}}}, 'other')", "required": "yes"})


def end_questions(prefix, start_year, relevant):
    """When, by whom and why a tie ended, and whether the council decided it."""
    return [
        ("integer", f"{prefix}_end_year", "In which year did the tie end?",
         {"relevant": relevant, "hint": "Leave empty if you do not know.",
          "constraint": f"{YEAR} and (string-length(string(${{{start_year}}})) = 0 or . >= ${{{start_year}}})",
          "constraint_message": "Enter a year between 1949 and this year and not before the year the tie began, "
                                "or leave the box empty."}),
        ("select_one ended_by", f"{prefix}_ended_by", "Who ended the tie?", {"relevant": relevant, "required": "yes"}),
        ("select_multiple end_reasons", f"{prefix}_end_reasons", "Why did the tie end?",
         {"relevant": relevant, "required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
          "constraint_message": NONE_ALONE}),
        other_box(f"{prefix}_end_other", f"{prefix}_end_reasons"),
        ("select_one yes_no_dont_know", f"{prefix}_council", "Did the city council decide to end it?",
         {"relevant": relevant, "required": "yes", "appearance": "horizontal"}),
    ]


SURVEY = [
    # ---- consent: who runs the study, what it means, and the choice to take part ----------------
    ("begin_group", "consent_page", "About this survey", {"appearance": "field-list"}),
    ("note", "intro_note", "This survey is run by {study_institution} (principal investigator: {study_investigator}) "
     "and funded by {study_funder}. It is part of a study of cooperation between cities of the European Union and "
     "cities in {partner_country}; the results will be published in academic articles and a book. The study was "
     "approved by {study_ethics}.", {}),
    ("note", "voluntary_note", "Taking part is voluntary. You may leave out any question that is not marked as "
     "required, stop at any time and continue later, and ask us to delete your answers. It takes about "
     "{time_never} minutes if your city has never cooperated with a city in {partner_country}, about {time_past} "
     "minutes if it did in the past, and about {time_current} minutes plus {time_partner} per partner if it "
     "cooperates now. Questions about the study: {study_contact}. {study_controller} is responsible for your "
     "data and keeps it until {study_retention}; the privacy notice explains your rights.", {}),
    ("note", "definitions_note", "In this survey, “{partner_country}” means the People's Republic of China, "
     "without Taiwan, Hong Kong and Macau, which are asked about separately. “Cooperation” means any tie between "
     "your city's administration and a city, county or province in {partner_country}: a twinning, a friendship "
     "agreement, a memorandum, a cooperation agreement, or regular informal exchanges such as visits or joint "
     "projects. Contacts of local firms, universities or schools alone do not count.", {}),
    ("note", "who_note", "The survey is meant for the person in charge of international relations in your city's "
     "administration, or someone they ask. Where you are unsure of a fact, please ask a colleague or choose "
     "“Don't know”.", {}),
    ("select_one consent", "consent", "Do you agree to take part in this survey?", {"required": "yes"}),
    ("select_one yes_no", "publish_city_name", "May we name your city when we publish results?",
     {"required": "yes", "appearance": "horizontal", "relevant": CONSENTED,
      "hint": "If you answer no, your city appears only in anonymous figures and tables, never by name."}),
    ("note", "refusal_note", "Thank you. Please submit this page: we will record that your city does not wish to "
     "take part and will not contact you again about this survey.", {"relevant": "${consent} = 'no'"}),
    ("end_group", "", "", {}),

    ("begin_group", "main", "", {"relevant": CONSENTED}),
    ("begin_group", "intro", "About your city's ties with {partner_country}", {"appearance": "field-list"}),
    ("select_one coop_status", "coop_status", "Does your city cooperate with one or more cities or provinces in "
     "{partner_country}?", {"required": "yes", "hint": "Any kind of tie counts: a twinning, a friendship "
     "agreement, a memorandum or regular informal exchanges."}),
    ("note", "time_current_note", "The following questions take about {time_current} minutes, plus {time_partner} "
     "for each partner.", {"relevant": CURRENT}),
    ("note", "time_past_note", "The following questions take about {time_past} minutes.", {"relevant": PAST}),
    ("note", "time_never_note", "The following questions take about {time_never} minutes.",
     {"relevant": "${coop_status} = 'never'"}),
    ("end_group", "", "", {}),

    # ---- cities that cooperate now -------------------------------------------------------------
    ("begin_repeat", "partners", "Partner cities and provinces in {partner_country}",
     {"relevant": CURRENT, "hint": "Add one entry for each partner, including ties that have ended."}),
    ("text", "partner_name", "Name of the city or province",
     {"required": "yes", "hint": "Any spelling will do, e.g. Chengdu, Tschengdu or 成都."}),
    ("text", "partner_place_id", "Place chosen from the list of places in {partner_country}",
     {"hint": "Filled in when you pick a suggestion; leave empty otherwise."}),
    ("select_one partner_kind", "partner_kind", "What kind of tie is it?", {"required": "yes"}),
    ("integer", "partner_year", "In which year did it begin?",
     {"hint": "Leave empty if you do not know.", "constraint": YEAR, "constraint_message": YEAR_MESSAGE}),
    ("select_one partner_status", "partner_status", "How active is the tie today?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_multiple areas", "partner_areas", "In which areas do you cooperate?",
     {"hint": ALL_THAT_APPLY}),
    other_box("partner_areas_other", "partner_areas"),
    ("text", "partner_activities", "What did you do together in the last three years?",
     {"appearance": "multiline", "hint": "For example visits, projects, events, exchanges of pupils or experts."}),
    *end_questions("partner", "partner_year", "${partner_status} = 'ended'"),
    ("end_repeat", "", "", {}),

    ("begin_group", "origins", "How the cooperation began", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one initiator", "initiator", "Who took the initiative for the first tie?",
     {"required": "yes",
      "constraint": "contains(concat(${partner_status}), 'active') or contains(concat(${partner_status}), 'dormant')",
      "constraint_message": "You answered that your city cooperates with {partner_country} now, but the list of "
                            "partners has no active or dormant tie. Go back to the partners page and add your "
                            "current partner, or change the first question to “Not now, but we did in the past”."}),
    other_box("initiator_other", "initiator"),
    ("select_one key_person", "key_person", "Is there one person who drives the cooperation?", {"required": "yes"}),
    ("select_one coop_importance", "coop_importance", "How important is the cooperation with partners in "
     "{partner_country} for your city today?", {"required": "yes"}),
    ("end_group", "", "", {}),

    ("begin_group", "institutions", "How the cooperation is organised", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no_dont_know", "inst_agreement", "Is there a signed formal agreement?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no_dont_know", "inst_office_china", "Does your city have an office or a representative in {partner_country}?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no_dont_know", "inst_staff", "Are there staff who work on {partner_country} as part of their job?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no_dont_know", "inst_budget", "Is there a budget line for the cooperation?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no_dont_know", "inst_chinese_office", "Is there an office or a representative of a partner from {partner_country} in your city?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no_dont_know", "inst_networks", "Is your city a member of networks for cooperation with {partner_country}?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "intensity", "How intense the cooperation is", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one delegations", "delegations_year", "How many delegations travelled between your city and its "
     "partners in {partner_country} in the last 12 months, in either direction?", {"required": "yes"}),
    ("select_one staff_band", "staff_fte", "How much staff time goes into the cooperation, counted in full-time posts?",
     {"required": "yes", "relevant": "${inst_staff} = 'yes'"}),
    ("select_one budget_band", "budget_band", "How large is the yearly budget for the cooperation?",
     {"required": "yes", "relevant": "${inst_budget} = 'yes'"}),
    ("end_group", "", "", {}),

    ("begin_group", "aims", "Goals and benefits", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple goals", "goals", "What does your city want to achieve with the cooperation?",
     {"required": "yes", "hint": ALL_THAT_APPLY}),
    other_box("goals_other", "goals"),
    ("select_one goals", "main_goal", "Which of these goals is the most important?",
     {"required": "yes", "constraint": "selected(${goals}, .)",
      "constraint_message": "Choose the main goal among the goals you ticked in the question above."}),
    ("select_multiple benefits", "benefits", "What has the cooperation brought so far?",
     {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
      "constraint_message": "“No benefits yet” and “Don't know” cannot be combined with a benefit: untick them, "
                            "or untick the benefits."}),
    other_box("benefits_other", "benefits"),
    ("end_group", "", "", {}),

    ("begin_group", "difficulties", "Obstacles and change", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple obstacles", "obstacles", "What makes the cooperation difficult?",
     {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
      "constraint_message": "“No obstacles” and “Don't know” cannot be combined with an obstacle: untick them, "
                            "or untick the obstacles."}),
    other_box("obstacles_other", "obstacles"),
    ("select_one yes_no_dont_know", "bri", "Is the cooperation linked to {partner_country}'s Belt and Road Initiative "
     "(the “New Silk Road”)?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one change", "change_2020", "Since 2020, has the cooperation increased, stayed the same or decreased?",
     {"required": "yes"}),
    ("end_group", "", "", {}),

    ("begin_group", "coordination", "Coordination with other levels", {"appearance": "field-list", "relevant": CURRENT}),
    ("note", "coord_note", "How often does your city coordinate its cooperation with {partner_country} with …", {}),
    ("select_one coordination", "coord_national", "… the national government?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_region", "… your region?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_eu", "… EU institutions?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_embassy", "… the embassy or consulates of {partner_country}?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- cities that cooperated in the past --------------------------------------------------
    ("begin_repeat", "former_partners", "Former partners in {partner_country}",
     {"relevant": PAST, "hint": "Add one entry for each former partner you know of."}),
    ("text", "former_name", "Name of the city or province", {"required": "yes"}),
    ("text", "former_place_id", "Place chosen from the list of places in {partner_country}",
     {"hint": "Filled in when you pick a suggestion; leave empty otherwise."}),
    ("select_one partner_kind", "former_kind", "What kind of tie was it?", {"required": "yes"}),
    ("integer", "former_year", "In which year did it begin?",
     {"hint": "Leave empty if you do not know.", "constraint": YEAR, "constraint_message": YEAR_MESSAGE}),
    *end_questions("former", "former_year", "true()"),
    ("end_repeat", "", "", {}),

    # ---- cities that cooperated in the past or never -----------------------------------------
    ("begin_group", "no_coop", "Contacts with {partner_country}", {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_one yes_no_dont_know", "past_contacts", "Has your city had contacts with cities or provinces in "
     "{partner_country} in the past?",
     {"required": "yes", "appearance": "horizontal", "constraint": "not(${coop_status} = 'past' and . = 'no')",
      "constraint_message": "You answered that your city cooperated with {partner_country} in the past, so it had "
                            "contacts: answer “Yes”, or change the first question to “No, never”."}),
    ("select_multiple no_coop_reasons", "no_coop_reasons", "Why does your city not cooperate with cities in "
     "{partner_country} (any more)?",
     {"required": "yes", "hint": ALL_THAT_APPLY,
      "constraint": f"({ONE_ONLY_DK}) and not(${{coop_status}} = 'never' and selected(., 'ended_partner'))",
      "constraint_message": "“Don't know” cannot be combined with a reason, and “The partner in {partner_country} "
                            "ended the tie” applies only to a city that cooperated before: untick it, or change "
                            "the first question to “Not now, but we did in the past”."}),
    other_box("no_coop_reasons_other", "no_coop_reasons"),
    ("select_one yes_maybe_no", "future_interest", "Would your city be interested in cooperating with a city in "
     "{partner_country} in the future?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "other_asia", "Other partners in Asia", {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_multiple asian_countries", "other_asian_partners", "Does your city cooperate with cities in other "
     "Asian countries?", {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
                          "constraint_message": NONE_ALONE}),
    other_box("other_asian_other", "other_asian_partners"),
    ("select_one yes_no", "willing_contact", "May we contact you again about this research?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- the national and European context (now or in the past) ------------------------------
    ("begin_group", "context", "Brokers and the national and European context",
     {"appearance": "field-list", "relevant": CURRENT_OR_PAST}),
    ("select_multiple brokers", "brokers", "Who helped to set up or broker your city's ties with {partner_country}?",
     {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK, "constraint_message": NONE_ALONE}),
    ("select_multiple security_review", "security_review", "Have national authorities reviewed, or given guidance "
     "on, your city's cooperation with {partner_country} (for example a security review or advice on "
     "“de-risking”)?", {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
                         "constraint_message": NONE_ALONE}),
    ("select_one format_17_1", "format_17_1", "Has your city taken part in activities of the “17+1” (now “14+1”) "
     "format of cooperation between {partner_country} and Central and Eastern European countries?",
     {"required": "yes"}),
    ("select_multiple eu_programmes", "eu_programmes", "Has your city used EU programmes for its cooperation with "
     "{partner_country}?", {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK,
                            "constraint_message": NONE_ALONE}),
    ("end_group", "", "", {}),

    # ---- Taiwan, Hong Kong and Macau (everyone) ------------------------------------------------
    ("begin_group", "thm", "Taiwan, Hong Kong and Macau", {"appearance": "field-list", "relevant": "${coop_status} != ''"}),
    ("select_multiple thm_places", "thm_ties", "Does your city have ties with cities in Taiwan, Hong Kong or Macau?",
     {"required": "yes", "hint": ALL_THAT_APPLY, "constraint": ONE_ONLY_DK, "constraint_message": NONE_ALONE}),
    ("select_one yes_no_dont_know", "thm_pressure", "Has anyone ever pressed your city about its contacts with "
     "Taiwan, Hong Kong or Macau (for example about visits, flags or events)?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "followup", "A follow-up interview", {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no", "followup_consent", "May we contact you for an interview as part of a case study of your city?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- both branches ----------------------------------------------------------------------
    ("begin_group", "about_you", "About you", {"appearance": "field-list", "relevant": "${coop_status} != ''"}),
    ("select_one position", "respondent_position", "What is your position?", {"required": "yes"}),
    other_box("respondent_position_other", "respondent_position"),
    ("text", "respondent_office", "Which office or department do you work in?", {"required": "yes"}),
    ("select_one colleagues", "colleagues_consulted", "Did you ask colleagues to help you answer?", {"required": "yes"}),
    ("text", "comments", "Is there anything else you would like to tell us?", {"appearance": "multiline"}),
    ("end_group", "", "", {}),
    ("end_group", "", "", {}),
]

YES = "Yes"
NO = "No"
OTHER = "Other"
DONT_KNOW = "Don't know"

CHOICES = {
    "consent": [("yes", "Yes, I agree to take part"), ("no", "No, I do not wish to take part")],
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
        ("dont_know", DONT_KNOW),
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
    "ended_by": [
        ("our_city", "Our city"),
        ("partner", "The partner in {partner_country}"),
        ("both", "Both sides, by agreement"),
        ("lapsed", "Nobody: it lapsed"),
        ("dont_know", DONT_KNOW),
    ],
    "end_reasons": [
        ("politics", "Political concerns (e.g. human rights)"),
        ("security", "Security concerns or national guidance"),
        ("public_opinion", "Local public opinion"),
        ("no_activity", "No activity or results"),
        ("costs", "Costs"),
        ("partner_wish", "The partner's wish"),
        ("pandemic", "The COVID-19 pandemic"),
        ("other", OTHER),
        ("dont_know", DONT_KNOW),
    ],
    "initiator": [
        ("city", "Our city"),
        ("chinese_side", "The partner side in {partner_country}"),
        ("national_government", "The national government"),
        ("business", "Businesses"),
        ("university", "A university"),
        ("diaspora", "The community from {partner_country} in our city"),
        ("other", OTHER),
        ("dont_know", DONT_KNOW),
    ],
    "key_person": [
        ("mayor", "Yes, the mayor"),
        ("councillor", "Yes, a councillor"),
        ("official", "Yes, an official of the administration"),
        ("outside", "Yes, someone outside the administration"),
        ("none", "No single person"),
        ("dont_know", DONT_KNOW),
    ],
    "coop_importance": [
        ("very", "Very important"),
        ("fairly", "Fairly important"),
        ("neither", "Neither important nor unimportant"),
        ("not_very", "Not very important"),
        ("not_at_all", "Not important at all"),
        ("dont_know", DONT_KNOW),
    ],
    "yes_no": [("yes", YES), ("no", NO)],
    "yes_no_dont_know": [("yes", YES), ("no", NO), ("dont_know", DONT_KNOW)],
    "yes_maybe_no": [("yes", YES), ("maybe", "Maybe"), ("no", NO)],
    "delegations": [
        ("none", "None"),
        ("one", "1"),
        ("two_three", "2–3"),
        ("four_six", "4–6"),
        ("more", "More than 6"),
        ("dont_know", DONT_KNOW),
    ],
    "staff_band": [
        ("under_half", "Less than half a post"),
        ("half_to_one", "Half a post to one post"),
        ("one_to_three", "More than one and up to three posts"),
        ("over_three", "More than three posts"),
        ("dont_know", DONT_KNOW),
    ],
    "budget_band": [
        ("under_10k", "Less than €10,000"),
        ("10k_50k", "€10,000 to €50,000"),
        ("50k_250k", "€50,000 to €250,000"),
        ("over_250k", "More than €250,000"),
        ("dont_know", DONT_KNOW),
    ],
    "goals": [
        ("investment", "Investment from {partner_country}"),
        ("exports", "Exports of local firms to {partner_country}"),
        ("tourism", "Tourists from {partner_country}"),
        ("students", "Students and academic exchange"),
        ("culture", "Cultural exchange and mutual understanding"),
        ("knowledge", "Learning from each other (e.g. technology, urban development)"),
        ("visibility", "International visibility of the city"),
        ("climate", "Climate and environment projects"),
        ("other", OTHER),
    ],
    "benefits": [
        ("investment", "Investment from {partner_country}"),
        ("exports", "Exports of local firms to {partner_country}"),
        ("tourism", "Tourists from {partner_country}"),
        ("students", "Students and academic exchange"),
        ("culture", "Cultural exchange and mutual understanding"),
        ("knowledge", "Learning from each other (e.g. technology, urban development)"),
        ("visibility", "International visibility of the city"),
        ("climate", "Climate and environment projects"),
        ("other", OTHER),
        ("none", "No benefits yet"),
        ("dont_know", DONT_KNOW),
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
        ("other", OTHER),
        ("none", "No obstacles"),
        ("dont_know", DONT_KNOW),
    ],
    "coordination": [
        ("none", "Never"),
        ("occasional", "Occasionally"),
        ("regular", "Regularly"),
        ("dont_know", DONT_KNOW),
    ],
    "change": [
        ("increased", "Increased"),
        ("same", "Stayed the same"),
        ("decreased", "Decreased"),
        ("not_applicable", "Not applicable: it began after 2020"),
        ("dont_know", DONT_KNOW),
    ],
    "no_coop_reasons": [
        ("no_opportunity", "No opportunity or partner has come up"),
        ("priorities", "Other priorities"),
        ("resources", "Lack of money or staff"),
        ("politics", "Political concerns"),
        ("national_policy", "National government policy"),
        ("no_benefit", "Little benefit expected"),
        ("ended_partner", "The partner in {partner_country} ended the tie"),
        ("other", OTHER),
        ("dont_know", DONT_KNOW),
    ],
    "asian_countries": [
        ("japan", "Japan"),
        ("south_korea", "South Korea"),
        ("taiwan", "Taiwan"),
        ("india", "India"),
        ("vietnam", "Vietnam"),
        ("other", "Another Asian country"),
        ("none", "None"),
        ("dont_know", DONT_KNOW),
    ],
    "brokers": [
        ("region", "Our region"),
        ("national_government", "Our national government"),
        ("own_embassy", "Our country's embassy or a consulate in {partner_country}"),
        ("partner_embassy", "The embassy or a consulate of {partner_country}"),
        ("cpaffc", "The Chinese People's Association for Friendship with Foreign Countries (CPAFFC)"),
        ("business", "A chamber of commerce or business association"),
        ("none", "Nobody: the contact was direct"),
        ("dont_know", DONT_KNOW),
    ],
    "security_review": [
        ("review", "A review of our cooperation (e.g. a security review)"),
        ("guidance", "General guidance (e.g. on “de-risking” or on security)"),
        ("restriction", "A request to limit or end a tie"),
        ("none", "None of these"),
        ("dont_know", DONT_KNOW),
    ],
    "format_17_1": [
        ("yes", YES),
        ("no", NO),
        ("not_member", "Not applicable: our country has not been part of it"),
        ("dont_know", DONT_KNOW),
    ],
    "eu_programmes": [
        ("iuc", "International Urban Cooperation (IUC)"),
        ("iurc", "International Urban and Regional Cooperation (IURC)"),
        ("urbanisation", "The EU–China Partnership on Urbanisation"),
        ("other_eu", "Another EU programme"),
        ("none", "None"),
        ("dont_know", DONT_KNOW),
    ],
    "thm_places": [
        ("taiwan", "Taiwan"),
        ("hong_kong", "Hong Kong"),
        ("macau", "Macau"),
        ("none", "None"),
        ("dont_know", DONT_KNOW),
    ],
    "position": [
        ("head_international", "Head of the international relations office"),
        ("staff_international", "Staff member of the international relations office"),
        ("elected", "Mayor, deputy mayor or councillor"),
        ("mayors_office", "Staff of the mayor's office"),
        ("other_department", "Staff of another department"),
        ("other", OTHER),
    ],
    "colleagues": [
        ("none", "No, I answered alone"),
        ("one_two", "Yes, one or two colleagues"),
        ("three_more", "Yes, three or more colleagues"),
    ],
}
