"""Synthetic interview transcripts for `citydip demo`. Invented for the demo; no real person said this."""

EC_OFFICIAL = """\
Interviewer: Thank you for taking the time. How does the Commission see city partnerships with China?

R: We see them as part of the wider picture. Cities sign agreements for trade and investment, and that is legitimate. But we insist that cities know the Union's China strategy, where China is a partner, a competitor and a systemic rival at the same time.

Interviewer: Do cities inform you when they sign something?

R: Rarely. There is no obligation to inform us. We learn about memoranda from the press or from the Chinese side. Better coordination with the member states would help, and we try to do this through the Committee of the Regions.

Interviewer: What about the Belt and Road Initiative?

R: Some cities signed Belt and Road documents around 2017 or 2018. Most of them were symbolic, with little behind them. Still, the wording matters, because Beijing uses such texts to show European support.

Interviewer: What are the main obstacles for cities, in your view?

R: Capacity. A city of two hundred thousand inhabitants has no China desk, no language skills and no budget line. They depend on one enthusiastic person in the mayor's office.
"""

EEAS_OFFICIAL = """\
Interviewer: How does the EEAS follow city diplomacy with China?

R: Our delegation in Beijing reports on visits of European mayors, but we do not keep a systematic list. Sometimes an embassy of a member state asks us for advice before a visit.

Interviewer: Are there security concerns?

R: Yes. Human rights questions and the risk of influence operations are real. Partnerships are used to reach local politicians who have less experience with these risks. We recommend that cities coordinate with their national foreign ministry before signing.

Interviewer: Has this changed since 2020?

R: Clearly. After the pandemic and the sanctions of 2021 many exchanges stopped. Several cities let their agreements lapse without saying so in public.

Interviewer: Do you see benefits?

R: People-to-people contacts, student exchanges and cultural cooperation remain valuable. We do not tell cities to stop, we tell them to be informed.
"""

CITY_OFFICIAL_EN = """\
Interviewer: When did your city start cooperating with a Chinese city?

R: The friendship agreement dates from 2004. It began with a university contact and a business delegation. The main motive was economic: our port and logistics companies wanted access to Chinese investors.

Interviewer: How is the partnership organised today?

R: We have one person in the international relations office who works on China part-time. There is no budget line of its own; we finance visits from the general budget. We also take part in a Eurocities working group.

Interviewer: Do you talk to the national government about it?

R: Only occasionally. The foreign ministry sent a note in 2021 asking cities to report agreements, and we did. Nobody asked us anything after that.

Interviewer: What were the difficulties?

R: Distance, language and changing contacts on the Chinese side. Every time the party secretary changes, we start again. Since 2020 almost nothing has happened.
"""

CITY_OFFICIAL_EN_2 = """\
Interviewer: Why did your city sign a memorandum with a Chinese city?

R: Honestly, it was the mayor's initiative after a trip organised by the national government. The symbolic value was important for him, to show that our city is international.

Interviewer: Did the memorandum refer to the Belt and Road Initiative?

R: It mentioned the Belt and Road in the preamble. The council debated this and decided not to renew the text in 2022.

Interviewer: What did the cooperation bring?

R: School exchanges and a Chinese New Year festival, which were popular. Economic results were small. We expected investment in the technology park, and it never came.

Interviewer: Do you coordinate with the European level?

R: Not really. We read the EU documents, but there is no contact person for cities like ours.
"""

CITY_OFFICIAL_DE = """\
Interviewer: Wie kam die Städtepartnerschaft mit der chinesischen Stadt zustande?

B: Die Partnerschaft wurde 1998 unterzeichnet, vor allem wegen der Stahlindustrie. Unsere Unternehmen suchten Absatzmärkte in China.

Interviewer: Wie ist die Zusammenarbeit heute organisiert?

B: Es gibt ein China-Büro in der Wirtschaftsförderung mit zwei Stellen und einem eigenen Budget. Außerdem haben wir eine Repräsentanz in der Partnerstadt.

Interviewer: Stimmen Sie sich mit dem Bund oder dem Land ab?

B: Mit dem Land regelmäßig, mit dem Auswärtigen Amt nur gelegentlich. Seit der China-Strategie der Bundesregierung fragen wir häufiger nach.

Interviewer: Was sind die größten Schwierigkeiten?

B: Die politische Lage. Menschenrechte sind im Stadtrat ein wichtiges Thema, und die Öffentlichkeit ist kritischer geworden.
"""

NATIONAL_OFFICIAL_WITHDRAWN = """\
Interviewer: How does your ministry see city partnerships with China?

R: We ask cities to report agreements to us. This interview is part of the demo to show what a withdrawal of consent does.
"""
