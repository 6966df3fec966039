"""The study's instrument, written for people: every text in English | German | French |
Spanish | Italian | Polish, in that order, separated by `` | ``.

build_instrument.py turns this into eu_china_cities.xlsx (the XLSForm). Variable names are a
shared contract (BRIEF "The study's instrument"): analysis, map, partnership reconciliation and
exports read them; rename none without telling those.

Each survey row is ``(type, name, label, extra)``, where ``extra`` may hold ``hint``,
``relevant``, ``constraint``, ``constraint_message``, ``required``, ``appearance``.
"""

LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español"),
             ("it", "Italiano"), ("pl", "Polski")]

SETTINGS = {
    "form_title": "EU–China city cooperation survey",
    "form_id": "eu_china_cities",
    "version": "2026.1",
    "default_language": "English (en)",
}

CURRENT = "${coop_status} = 'current'"
NOT_CURRENT = "${coop_status} = 'past' or ${coop_status} = 'never'"

SURVEY = [
    ("begin_group", "intro", "About your city's ties with China | Die Beziehungen Ihrer Stadt zu China | Les liens de votre ville avec la Chine | Los vínculos de su ciudad con China | I legami della sua città con la Cina | Kontakty Pana/Pani miasta z Chinami",
     {"appearance": "field-list"}),
    ("note", "intro_note", "This survey is part of a research project on cooperation between cities of the European Union and cities of the People's Republic of China. It takes about 15 minutes. You can stop at any time and continue later from the same link. | Diese Befragung ist Teil eines Forschungsprojekts über die Zusammenarbeit zwischen Städten der Europäischen Union und Städten der Volksrepublik China. Sie dauert etwa 15 Minuten. Sie können jederzeit unterbrechen und später über denselben Link weitermachen. | Cette enquête fait partie d’un projet de recherche sur la coopération entre les villes de l’Union européenne et celles de la République populaire de Chine. Elle prend environ 15 minutes. Vous pouvez vous arrêter à tout moment et reprendre plus tard avec le même lien. | Esta encuesta forma parte de un proyecto de investigación sobre la cooperación entre ciudades de la Unión Europea y ciudades de la República Popular China. Se tarda unos 15 minutos. Puede interrumpirla en cualquier momento y continuar más tarde con el mismo enlace. | Questo questionario fa parte di un progetto di ricerca sulla cooperazione tra le città dell’Unione europea e le città della Repubblica popolare cinese. Richiede circa 15 minuti. Può interromperlo in qualsiasi momento e riprenderlo più tardi dallo stesso link. | Ankieta jest częścią projektu badawczego o współpracy miast Unii Europejskiej z miastami Chińskiej Republiki Ludowej. Jej wypełnienie zajmuje około 15 minut. Można ją w każdej chwili przerwać i dokończyć później, korzystając z tego samego linku.", {}),
    ("select_one coop_status", "coop_status", "Does your city cooperate with one or more cities or provinces in China? | Arbeitet Ihre Stadt mit einer oder mehreren Städten oder Provinzen in China zusammen? | Votre ville coopère-t-elle avec une ou plusieurs villes ou provinces de Chine ? | ¿Coopera su ciudad con una o más ciudades o provincias de China? | La sua città coopera con una o più città o province della Cina? | Czy Pana/Pani miasto współpracuje z jednym lub kilkoma miastami albo prowincjami w Chinach?",
     {"required": "yes", "hint": "Any kind of tie counts: a twinning, a friendship agreement, a memorandum or informal exchanges. | Jede Art von Beziehung zählt: Städtepartnerschaft, Freundschaftsvereinbarung, Absichtserklärung oder informeller Austausch. | Tout type de lien compte : jumelage, accord d’amitié, protocole d’accord ou échanges informels. | Cuenta cualquier tipo de vínculo: hermanamiento, acuerdo de amistad, memorando o intercambios informales. | Conta qualsiasi tipo di legame: gemellaggio, accordo di amicizia, memorandum o scambi informali. | Liczy się każda forma kontaktu: partnerstwo miast, porozumienie o przyjaźni, memorandum lub nieformalna wymiana."}),
    ("end_group", "", "", {}),

    # ---- long branch: cities that cooperate now -------------------------------------------------
    ("begin_repeat", "partners", "Partner cities and provinces in China | Partnerstädte und -provinzen in China | Villes et provinces partenaires en Chine | Ciudades y provincias socias en China | Città e province partner in Cina | Miasta i prowincje partnerskie w Chinach",
     {"relevant": CURRENT, "hint": "Add one entry for each Chinese partner. | Legen Sie für jeden chinesischen Partner einen Eintrag an. | Ajoutez une entrée pour chaque partenaire chinois. | Añada una entrada por cada socio chino. | Aggiunga una voce per ogni partner cinese. | Prosimy dodać osobny wpis dla każdego chińskiego partnera."}),
    ("text", "partner_name", "Name of the Chinese city or province | Name der chinesischen Stadt oder Provinz | Nom de la ville ou province chinoise | Nombre de la ciudad o provincia china | Nome della città o provincia cinese | Nazwa chińskiego miasta lub prowincji",
     {"required": "yes", "hint": "Any spelling will do, e.g. Chengdu, Tschengdu or 成都. | Jede Schreibweise ist möglich, z. B. Chengdu, Tschengdu oder 成都. | Toute graphie convient, par ex. Chengdu, Tch’eng-tou ou 成都. | Sirve cualquier grafía, p. ej. Chengdu o 成都. | Va bene qualsiasi grafia, ad es. Chengdu o 成都. | Dowolna pisownia, np. Chengdu, Czengtu lub 成都."}),
    ("text", "partner_place_id", "Place chosen from the list of Chinese places | Aus der Liste chinesischer Orte gewählter Ort | Lieu choisi dans la liste des lieux chinois | Lugar elegido de la lista de lugares chinos | Luogo scelto dall’elenco dei luoghi cinesi | Miejsce wybrane z listy miejscowości chińskich",
     {"hint": "Filled in when you pick a suggestion; leave empty otherwise. | Wird ausgefüllt, wenn Sie einen Vorschlag wählen; sonst leer lassen. | Rempli lorsque vous choisissez une suggestion ; sinon, laissez vide. | Se rellena al elegir una sugerencia; si no, déjelo vacío. | Si compila scegliendo un suggerimento; altrimenti lo lasci vuoto. | Wypełnia się po wybraniu podpowiedzi; w przeciwnym razie prosimy zostawić puste."}),
    ("select_one partner_kind", "partner_kind", "What kind of tie is it? | Um welche Art von Beziehung handelt es sich? | De quel type de lien s’agit-il ? | ¿Qué tipo de vínculo es? | Di che tipo di legame si tratta? | Jakiego rodzaju jest to więź?",
     {"required": "yes"}),
    ("integer", "partner_year", "In which year did it begin? | In welchem Jahr begann sie? | En quelle année a-t-il commencé ? | ¿En qué año comenzó? | In quale anno è iniziato? | W którym roku się zaczęła?",
     {"constraint": ". >= 1949 and . <= int(substr(today(), 0, 4))",
      "constraint_message": "Enter a year between 1949 and this year. | Geben Sie ein Jahr zwischen 1949 und dem laufenden Jahr ein. | Indiquez une année entre 1949 et l’année en cours. | Indique un año entre 1949 y el año en curso. | Indichi un anno tra il 1949 e l’anno in corso. | Prosimy podać rok od 1949 do bieżącego."}),
    ("select_one partner_status", "partner_status", "How active is the tie today? | Wie aktiv ist die Beziehung heute? | Quelle est l’activité de ce lien aujourd’hui ? | ¿Qué grado de actividad tiene hoy el vínculo? | Quanto è attivo oggi il legame? | Na ile ta więź jest dziś aktywna?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_multiple areas", "partner_areas", "In which areas do you cooperate? | In welchen Bereichen arbeiten Sie zusammen? | Dans quels domaines coopérez-vous ? | ¿En qué ámbitos cooperan? | In quali ambiti collaborate? | W jakich dziedzinach współpracujecie?",
     {"hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi."}),
    ("text", "partner_activities", "What did you do together in the last three years? | Was haben Sie in den letzten drei Jahren gemeinsam unternommen? | Qu’avez-vous fait ensemble au cours des trois dernières années ? | ¿Qué han hecho juntos en los últimos tres años? | Che cosa avete fatto insieme negli ultimi tre anni? | Co wspólnie zrobiliście w ciągu ostatnich trzech lat?",
     {"appearance": "multiline", "hint": "For example visits, projects, events, exchanges of pupils or experts. | Zum Beispiel Besuche, Projekte, Veranstaltungen, Schüler- oder Fachleuteaustausch. | Par exemple des visites, projets, événements, échanges d’élèves ou d’experts. | Por ejemplo visitas, proyectos, actos, intercambios de alumnos o expertos. | Per esempio visite, progetti, eventi, scambi di studenti o esperti. | Na przykład wizyty, projekty, wydarzenia, wymiany uczniów lub ekspertów."}),
    ("end_repeat", "", "", {}),

    ("begin_group", "origins", "How the cooperation began | Wie die Zusammenarbeit begann | Les débuts de la coopération | Cómo empezó la cooperación | Come è nata la cooperazione | Jak zaczęła się współpraca",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one initiator", "initiator", "Who took the initiative for the first tie? | Wer hat die erste Verbindung angestoßen? | Qui a pris l’initiative du premier lien ? | ¿Quién tomó la iniciativa del primer vínculo? | Chi ha preso l’iniziativa del primo legame? | Kto był inicjatorem pierwszej więzi?",
     {"required": "yes"}),
    ("select_one importance", "importance", "How important is China for your city? | Wie wichtig ist China für Ihre Stadt? | Quelle importance la Chine a-t-elle pour votre ville ? | ¿Qué importancia tiene China para su ciudad? | Quanto è importante la Cina per la sua città? | Jak ważne są Chiny dla Pana/Pani miasta?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "institutions", "How the cooperation is organised | Wie die Zusammenarbeit organisiert ist | L’organisation de la coopération | Cómo se organiza la cooperación | Come è organizzata la cooperazione | Jak zorganizowana jest współpraca",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no", "inst_agreement", "Is there a signed formal agreement? | Gibt es eine unterzeichnete förmliche Vereinbarung? | Existe-t-il un accord formel signé ? | ¿Existe un acuerdo formal firmado? | Esiste un accordo formale firmato? | Czy istnieje podpisane formalne porozumienie?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_office_china", "Does your city have an office or a representative in China? | Hat Ihre Stadt ein Büro oder eine Vertretung in China? | Votre ville a-t-elle un bureau ou un représentant en Chine ? | ¿Tiene su ciudad una oficina o un representante en China? | La sua città ha un ufficio o un rappresentante in Cina? | Czy miasto ma biuro lub przedstawiciela w Chinach?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_staff", "Are there staff who work on China as part of their job? | Gibt es Mitarbeitende, zu deren Aufgaben China gehört? | Des agents travaillent-ils sur la Chine dans le cadre de leurs fonctions ? | ¿Hay personal que se ocupe de China como parte de su trabajo? | C’è personale che si occupa della Cina nell’ambito del proprio lavoro? | Czy są pracownicy, którzy zajmują się Chinami w ramach swoich obowiązków?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_budget", "Is there a budget line for the cooperation? | Gibt es einen Haushaltsposten für die Zusammenarbeit? | Existe-t-il une ligne budgétaire pour la coopération ? | ¿Hay una partida presupuestaria para la cooperación? | Esiste una voce di bilancio per la cooperazione? | Czy w budżecie jest pozycja przeznaczona na tę współpracę?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_chinese_office", "Is there a Chinese office or representative in your city? | Gibt es ein chinesisches Büro oder eine chinesische Vertretung in Ihrer Stadt? | Y a-t-il un bureau ou un représentant chinois dans votre ville ? | ¿Hay una oficina o un representante chino en su ciudad? | C’è un ufficio o un rappresentante cinese nella sua città? | Czy w mieście działa chińskie biuro lub przedstawiciel?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one yes_no", "inst_networks", "Is your city a member of networks for cooperation with China? | Ist Ihre Stadt Mitglied in Netzwerken für die Zusammenarbeit mit China? | Votre ville est-elle membre de réseaux de coopération avec la Chine ? | ¿Es su ciudad miembro de redes de cooperación con China? | La sua città fa parte di reti di cooperazione con la Cina? | Czy miasto należy do sieci współpracy z Chinami?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "aims", "Goals and benefits | Ziele und Nutzen | Objectifs et bénéfices | Objetivos y beneficios | Obiettivi e benefici | Cele i korzyści",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple goals", "goals", "What does your city want to achieve with the cooperation? | Was möchte Ihre Stadt mit der Zusammenarbeit erreichen? | Que souhaite obtenir votre ville grâce à la coopération ? | ¿Qué quiere conseguir su ciudad con la cooperación? | Che cosa vuole ottenere la sua città con la cooperazione? | Co miasto chce osiągnąć dzięki współpracy?",
     {"required": "yes", "hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi."}),
    ("select_multiple benefits", "benefits", "What has the cooperation brought so far? | Was hat die Zusammenarbeit bisher gebracht? | Qu’a apporté la coopération jusqu’à présent ? | ¿Qué ha aportado la cooperación hasta ahora? | Che cosa ha portato finora la cooperazione? | Co dotychczas dała współpraca?",
     {"hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi."}),
    ("end_group", "", "", {}),

    ("begin_group", "difficulties", "Obstacles and change | Hindernisse und Veränderungen | Obstacles et évolution | Obstáculos y cambios | Ostacoli e cambiamenti | Przeszkody i zmiany",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_multiple obstacles", "obstacles", "What makes the cooperation difficult? | Was erschwert die Zusammenarbeit? | Qu’est-ce qui rend la coopération difficile ? | ¿Qué dificulta la cooperación? | Che cosa rende difficile la cooperazione? | Co utrudnia współpracę?",
     {"hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi."}),
    ("select_one yes_no_dont_know", "bri", "Is the cooperation linked to China's Belt and Road Initiative? | Ist die Zusammenarbeit mit Chinas Initiative „Neue Seidenstraße“ (Belt and Road) verbunden? | La coopération est-elle liée à l’initiative chinoise « la Ceinture et la Route » ? | ¿Está la cooperación vinculada a la iniciativa china de la Franja y la Ruta? | La cooperazione è collegata all’iniziativa cinese della Nuova via della seta (Belt and Road)? | Czy współpraca wiąże się z chińską inicjatywą Pasa i Szlaku?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_one change", "change_2020", "Since 2020, has the cooperation increased, stayed the same or decreased? | Hat die Zusammenarbeit seit 2020 zugenommen, ist sie gleich geblieben oder hat sie abgenommen? | Depuis 2020, la coopération a-t-elle augmenté, est-elle restée stable ou a-t-elle diminué ? | Desde 2020, ¿la cooperación ha aumentado, se ha mantenido o ha disminuido? | Dal 2020 la cooperazione è aumentata, rimasta uguale o diminuita? | Czy od 2020 roku współpraca się zwiększyła, pozostała bez zmian czy zmniejszyła?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "coordination", "Coordination with other levels | Abstimmung mit anderen Ebenen | Coordination avec les autres niveaux | Coordinación con otros niveles | Coordinamento con altri livelli | Koordynacja z innymi szczeblami",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("note", "coord_note", "How often does your city coordinate its cooperation with China with … | Wie oft stimmt Ihre Stadt ihre Zusammenarbeit mit China ab mit … | À quelle fréquence votre ville coordonne-t-elle sa coopération avec la Chine avec … | ¿Con qué frecuencia coordina su ciudad la cooperación con China con … | Con quale frequenza la sua città coordina la cooperazione con la Cina con … | Jak często miasto koordynuje współpracę z Chinami z …", {}),
    ("select_one coordination", "coord_national", "… the national government? | … der nationalen Regierung? | … le gouvernement national ? | … el Gobierno nacional? | … il governo nazionale? | … rządem krajowym?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_region", "… your region? | … Ihrer Region bzw. Ihrem Land? | … votre région ? | … su región o comunidad autónoma? | … la sua regione? | … regionem (województwem)?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_eu", "… EU institutions? | … Institutionen der EU? | … les institutions de l’UE ? | … las instituciones de la UE? | … le istituzioni dell’UE? | … instytucjami UE?", {"required": "yes", "appearance": "horizontal"}),
    ("select_one coordination", "coord_embassy", "… the Chinese embassy or consulates? | … der chinesischen Botschaft oder den Konsulaten? | … l’ambassade ou les consulats de Chine ? | … la embajada o los consulados de China? | … l’ambasciata o i consolati cinesi? | … ambasadą lub konsulatami Chin?", {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "followup", "A follow-up interview | Ein vertiefendes Gespräch | Un entretien complémentaire | Una entrevista posterior | Un’intervista di approfondimento | Rozmowa uzupełniająca",
     {"appearance": "field-list", "relevant": CURRENT}),
    ("select_one yes_no", "followup_consent", "May we contact you for an interview as part of a case study of your city? | Dürfen wir Sie für ein Interview im Rahmen einer Fallstudie über Ihre Stadt kontaktieren? | Pouvons-nous vous contacter pour un entretien dans le cadre d’une étude de cas sur votre ville ? | ¿Podemos contactarle para una entrevista dentro de un estudio de caso sobre su ciudad? | Possiamo contattarla per un’intervista nell’ambito di uno studio di caso sulla sua città? | Czy możemy skontaktować się w sprawie wywiadu w ramach studium przypadku Pana/Pani miasta?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- short branch: cities that cooperated in the past or never ----------------------------
    ("begin_group", "no_coop", "Contacts with China | Kontakte mit China | Contacts avec la Chine | Contactos con China | Contatti con la Cina | Kontakty z Chinami",
     {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_one yes_no", "past_contacts", "Has your city had contacts with Chinese cities or provinces in the past? | Hatte Ihre Stadt in der Vergangenheit Kontakte mit chinesischen Städten oder Provinzen? | Votre ville a-t-elle eu des contacts avec des villes ou provinces chinoises par le passé ? | ¿Ha tenido su ciudad contactos con ciudades o provincias chinas en el pasado? | La sua città ha avuto in passato contatti con città o province cinesi? | Czy miasto miało w przeszłości kontakty z chińskimi miastami lub prowincjami?",
     {"required": "yes", "appearance": "horizontal"}),
    ("select_multiple no_coop_reasons", "no_coop_reasons", "Why does your city not cooperate with Chinese cities (any more)? | Warum arbeitet Ihre Stadt nicht (mehr) mit chinesischen Städten zusammen? | Pourquoi votre ville ne coopère-t-elle pas (ou plus) avec des villes chinoises ? | ¿Por qué su ciudad no coopera (ya) con ciudades chinas? | Perché la sua città non coopera (più) con città cinesi? | Dlaczego miasto nie współpracuje (już) z chińskimi miastami?",
     {"hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi."}),
    ("select_one yes_maybe_no", "future_interest", "Would your city be interested in cooperating with a Chinese city in the future? | Hätte Ihre Stadt künftig Interesse an einer Zusammenarbeit mit einer chinesischen Stadt? | Votre ville serait-elle intéressée par une coopération avec une ville chinoise à l’avenir ? | ¿Le interesaría a su ciudad cooperar con una ciudad china en el futuro? | La sua città sarebbe interessata a cooperare in futuro con una città cinese? | Czy miasto byłoby zainteresowane współpracą z chińskim miastem w przyszłości?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    ("begin_group", "other_asia", "Other partners in Asia | Andere Partner in Asien | Autres partenaires en Asie | Otros socios en Asia | Altri partner in Asia | Inni partnerzy w Azji",
     {"appearance": "field-list", "relevant": NOT_CURRENT}),
    ("select_multiple asian_countries", "other_asian_partners", "Does your city cooperate with cities in other Asian countries? | Arbeitet Ihre Stadt mit Städten in anderen asiatischen Ländern zusammen? | Votre ville coopère-t-elle avec des villes d’autres pays d’Asie ? | ¿Coopera su ciudad con ciudades de otros países asiáticos? | La sua città coopera con città di altri paesi asiatici? | Czy miasto współpracuje z miastami w innych krajach Azji?",
     {"hint": "Select all that apply. | Mehrfachauswahl möglich. | Plusieurs réponses possibles. | Puede elegir varias respuestas. | Sono possibili più risposte. | Można wybrać kilka odpowiedzi.",
      "constraint": "not(selected(., 'none')) or count-selected(.) = 1",
      "constraint_message": "'None' cannot be combined with a country. | „Keine“ lässt sich nicht mit einem Land kombinieren. | « Aucun » ne peut pas être combiné avec un pays. | «Ninguno» no puede combinarse con un país. | «Nessuno» non può essere combinato con un paese. | Odpowiedzi „żaden” nie można łączyć z krajem."}),
    ("select_one yes_no", "willing_contact", "May we contact you again about this research? | Dürfen wir Sie zu dieser Forschung erneut kontaktieren? | Pouvons-nous vous recontacter au sujet de cette recherche ? | ¿Podemos volver a contactarle sobre esta investigación? | Possiamo ricontattarla in merito a questa ricerca? | Czy możemy ponownie skontaktować się w sprawie tego badania?",
     {"required": "yes", "appearance": "horizontal"}),
    ("end_group", "", "", {}),

    # ---- both branches ----------------------------------------------------------------------
    ("begin_group", "about_you", "About you and the use of your answers | Zu Ihrer Person und zur Verwendung Ihrer Antworten | À propos de vous et de l’usage de vos réponses | Sobre usted y el uso de sus respuestas | Su di lei e sull’uso delle sue risposte | O Panu/Pani i wykorzystaniu odpowiedzi",
     {"appearance": "field-list", "relevant": "${coop_status} != ''"}),
    ("text", "respondent_office", "Which office or department do you work in? | In welchem Amt oder Fachbereich arbeiten Sie? | Dans quel service ou quelle direction travaillez-vous ? | ¿En qué oficina o departamento trabaja? | In quale ufficio o settore lavora? | W jakim biurze lub wydziale Pan/Pani pracuje?",
     {"required": "yes"}),
    ("select_one yes_no", "publish_city_name", "May we name your city when we publish results? | Dürfen wir Ihre Stadt bei der Veröffentlichung der Ergebnisse namentlich nennen? | Pouvons-nous citer le nom de votre ville lors de la publication des résultats ? | ¿Podemos mencionar el nombre de su ciudad al publicar los resultados? | Possiamo citare il nome della sua città quando pubblichiamo i risultati? | Czy możemy podać nazwę miasta przy publikacji wyników?",
     {"required": "yes", "appearance": "horizontal",
      "hint": "If you answer no, your city is shown only in anonymous figures. | Wenn Sie mit Nein antworten, erscheint Ihre Stadt nur in anonymen Zahlen. | Si vous répondez non, votre ville n’apparaîtra que dans des chiffres anonymes. | Si responde que no, su ciudad solo aparecerá en cifras anónimas. | Se risponde di no, la sua città comparirà solo in dati anonimi. | W razie odpowiedzi „nie” miasto pojawi się tylko w anonimowych zestawieniach."}),
    ("text", "comments", "Is there anything else you would like to tell us? | Möchten Sie uns noch etwas mitteilen? | Souhaitez-vous ajouter quelque chose ? | ¿Desea añadir algo más? | Desidera aggiungere qualcos’altro? | Czy chce Pan/Pani coś jeszcze dodać?",
     {"appearance": "multiline"}),
    ("end_group", "", "", {}),
]

YES = "Yes | Ja | Oui | Sí | Sì | Tak"
NO = "No | Nein | Non | No | No | Nie"
OTHER = "Other | Sonstiges | Autre | Otro | Altro | Inne"

CHOICES = {
    "coop_status": [
        ("current", "Yes, we cooperate now | Ja, wir arbeiten derzeit zusammen | Oui, nous coopérons actuellement | Sí, cooperamos actualmente | Sì, cooperiamo attualmente | Tak, obecnie współpracujemy"),
        ("past", "Not now, but we did in the past | Derzeit nicht, aber früher schon | Plus maintenant, mais par le passé oui | Ahora no, pero sí en el pasado | Non ora, ma in passato sì | Obecnie nie, ale w przeszłości tak"),
        ("never", "No, never | Nein, noch nie | Non, jamais | No, nunca | No, mai | Nie, nigdy"),
    ],
    "partner_kind": [
        ("sister", "Sister city (twinning) | Städtepartnerschaft | Jumelage (ville jumelle) | Ciudad hermana (hermanamiento) | Città gemella (gemellaggio) | Miasto partnerskie (bliźniacze)"),
        ("friendship", "Friendship city | Städtefreundschaft | Ville amie | Ciudad amiga | Città amica | Miasto zaprzyjaźnione"),
        ("memorandum", "Memorandum of understanding | Absichtserklärung (Memorandum) | Protocole d’accord | Memorando de entendimiento | Memorandum d’intesa | Memorandum o porozumieniu"),
        ("agreement", "Cooperation agreement | Kooperationsvereinbarung | Accord de coopération | Acuerdo de cooperación | Accordo di cooperazione | Umowa o współpracy"),
        ("informal", "Informal cooperation | Informelle Zusammenarbeit | Coopération informelle | Cooperación informal | Cooperazione informale | Współpraca nieformalna"),
    ],
    "partner_status": [
        ("active", "Active | Aktiv | Actif | Activo | Attivo | Aktywna"),
        ("dormant", "Dormant | Ruhend | En sommeil | Inactivo | Dormiente | Uśpiona"),
        ("ended", "Ended | Beendet | Terminé | Finalizado | Concluso | Zakończona"),
    ],
    "areas": [
        ("economy", "Economy and trade | Wirtschaft und Handel | Économie et commerce | Economía y comercio | Economia e commercio | Gospodarka i handel"),
        ("education", "Education | Bildung | Éducation | Educación | Istruzione | Edukacja"),
        ("culture", "Culture | Kultur | Culture | Cultura | Cultura | Kultura"),
        ("environment", "Environment and climate | Umwelt und Klima | Environnement et climat | Medio ambiente y clima | Ambiente e clima | Środowisko i klimat"),
        ("transport", "Transport | Verkehr | Transports | Transporte | Trasporti | Transport"),
        ("health", "Health | Gesundheit | Santé | Salud | Sanità | Zdrowie"),
        ("tourism", "Tourism | Tourismus | Tourisme | Turismo | Turismo | Turystyka"),
        ("science", "Science and research | Wissenschaft und Forschung | Science et recherche | Ciencia e investigación | Scienza e ricerca | Nauka i badania"),
        ("other", OTHER),
    ],
    "initiator": [
        ("city", "Our city | Unsere Stadt | Notre ville | Nuestra ciudad | La nostra città | Nasze miasto"),
        ("chinese_side", "The Chinese side | Die chinesische Seite | La partie chinoise | La parte china | La parte cinese | Strona chińska"),
        ("national_government", "The national government | Die nationale Regierung | Le gouvernement national | El Gobierno nacional | Il governo nazionale | Rząd krajowy"),
        ("business", "Businesses | Unternehmen | Des entreprises | Empresas | Imprese | Przedsiębiorstwa"),
        ("university", "A university | Eine Hochschule | Une université | Una universidad | Un’università | Uczelnia"),
        ("diaspora", "The Chinese community in our city | Die chinesische Gemeinschaft in unserer Stadt | La communauté chinoise de notre ville | La comunidad china de nuestra ciudad | La comunità cinese della nostra città | Społeczność chińska w naszym mieście"),
        ("other", OTHER),
    ],
    "importance": [
        ("crucial", "Crucial | Entscheidend | Essentielle | Crucial | Fondamentale | Kluczowe"),
        ("important", "Important | Wichtig | Importante | Importante | Importante | Ważne"),
        ("marginal", "Marginal | Nebensächlich | Marginale | Marginal | Marginale | Marginalne"),
    ],
    "yes_no": [("yes", YES), ("no", NO)],
    "yes_no_dont_know": [
        ("yes", YES), ("no", NO),
        ("dont_know", "Don't know | Weiß nicht | Je ne sais pas | No lo sé | Non so | Nie wiem"),
    ],
    "yes_maybe_no": [
        ("yes", YES),
        ("maybe", "Maybe | Vielleicht | Peut-être | Quizás | Forse | Może"),
        ("no", NO),
    ],
    "goals": [
        ("investment", "Attract Chinese investment | Chinesische Investitionen anziehen | Attirer des investissements chinois | Atraer inversión china | Attrarre investimenti cinesi | Przyciągnięcie chińskich inwestycji"),
        ("exports", "Help local firms export to China | Lokalen Firmen den Export nach China erleichtern | Aider les entreprises locales à exporter en Chine | Ayudar a las empresas locales a exportar a China | Aiutare le imprese locali a esportare in Cina | Wsparcie eksportu lokalnych firm do Chin"),
        ("tourism", "More tourists from China | Mehr Touristen aus China | Plus de touristes chinois | Más turistas de China | Più turisti dalla Cina | Więcej turystów z Chin"),
        ("students", "Students and academic exchange | Studierende und akademischer Austausch | Étudiants et échanges universitaires | Estudiantes e intercambio académico | Studenti e scambi accademici | Studenci i wymiana akademicka"),
        ("culture", "Cultural exchange and mutual understanding | Kulturaustausch und Verständigung | Échanges culturels et compréhension mutuelle | Intercambio cultural y entendimiento mutuo | Scambi culturali e comprensione reciproca | Wymiana kulturalna i wzajemne zrozumienie"),
        ("knowledge", "Learn from Chinese cities (e.g. technology, urban development) | Von chinesischen Städten lernen (z. B. Technik, Stadtentwicklung) | Apprendre des villes chinoises (technologie, urbanisme…) | Aprender de las ciudades chinas (p. ej. tecnología, urbanismo) | Imparare dalle città cinesi (ad es. tecnologia, sviluppo urbano) | Uczenie się od chińskich miast (np. technologie, rozwój miejski)"),
        ("visibility", "International visibility of the city | Internationale Sichtbarkeit der Stadt | Visibilité internationale de la ville | Visibilidad internacional de la ciudad | Visibilità internazionale della città | Międzynarodowa rozpoznawalność miasta"),
        ("climate", "Climate and environment projects | Klima- und Umweltprojekte | Projets climat et environnement | Proyectos de clima y medio ambiente | Progetti per il clima e l’ambiente | Projekty klimatyczne i środowiskowe"),
        ("other", OTHER),
    ],
    "benefits": [
        ("investment", "Investment in the city | Investitionen in der Stadt | Des investissements dans la ville | Inversión en la ciudad | Investimenti nella città | Inwestycje w mieście"),
        ("trade", "Business for local firms | Aufträge für lokale Unternehmen | Des affaires pour les entreprises locales | Negocio para las empresas locales | Affari per le imprese locali | Interesy dla lokalnych firm"),
        ("tourism", "More visitors | Mehr Besucher | Davantage de visiteurs | Más visitantes | Più visitatori | Więcej odwiedzających"),
        ("education", "Student and school exchanges | Austausch von Studierenden und Schulen | Échanges d’étudiants et d’écoles | Intercambios de estudiantes y escuelas | Scambi di studenti e scuole | Wymiany studentów i szkół"),
        ("culture", "Cultural events and ties | Kulturelle Veranstaltungen und Beziehungen | Événements et liens culturels | Actos y vínculos culturales | Eventi e legami culturali | Wydarzenia i więzi kulturalne"),
        ("knowledge", "Know-how and new ideas | Fachwissen und neue Ideen | Savoir-faire et idées nouvelles | Conocimientos e ideas nuevas | Competenze e nuove idee | Know-how i nowe pomysły"),
        ("none_yet", "No benefits yet | Bisher kein Nutzen | Aucun bénéfice pour l’instant | Ningún beneficio por ahora | Nessun beneficio finora | Jak dotąd brak korzyści"),
        ("other", OTHER),
    ],
    "obstacles": [
        ("language", "Language and cultural differences | Sprache und kulturelle Unterschiede | Langue et différences culturelles | Idioma y diferencias culturales | Lingua e differenze culturali | Język i różnice kulturowe"),
        ("distance", "Distance and travel costs | Entfernung und Reisekosten | Distance et frais de voyage | Distancia y costes de viaje | Distanza e costi di viaggio | Odległość i koszty podróży"),
        ("funding", "Lack of money | Fehlende Mittel | Manque de moyens financiers | Falta de financiación | Mancanza di fondi | Brak środków"),
        ("staff", "Lack of staff or expertise | Fehlendes Personal oder Fachwissen | Manque de personnel ou d’expertise | Falta de personal o de conocimientos | Mancanza di personale o competenze | Brak personelu lub wiedzy"),
        ("politics", "Political concerns (e.g. human rights, security) | Politische Bedenken (z. B. Menschenrechte, Sicherheit) | Préoccupations politiques (droits humains, sécurité…) | Reservas políticas (p. ej. derechos humanos, seguridad) | Preoccupazioni politiche (ad es. diritti umani, sicurezza) | Zastrzeżenia polityczne (np. prawa człowieka, bezpieczeństwo)"),
        ("national_policy", "National government policy | Politik der nationalen Regierung | Politique du gouvernement national | Política del Gobierno nacional | Politica del governo nazionale | Polityka rządu krajowego"),
        ("public_opinion", "Local public opinion | Öffentliche Meinung vor Ort | Opinion publique locale | Opinión pública local | Opinione pubblica locale | Lokalna opinia publiczna"),
        ("pandemic", "The COVID-19 pandemic | Die COVID-19-Pandemie | La pandémie de COVID-19 | La pandemia de COVID-19 | La pandemia di COVID-19 | Pandemia COVID-19"),
        ("none", "No obstacles | Keine Hindernisse | Aucun obstacle | Ningún obstáculo | Nessun ostacolo | Brak przeszkód"),
        ("other", OTHER),
    ],
    "coordination": [
        ("none", "Never | Nie | Jamais | Nunca | Mai | Nigdy"),
        ("occasional", "Occasionally | Gelegentlich | Occasionnellement | Ocasionalmente | Occasionalmente | Okazjonalnie"),
        ("regular", "Regularly | Regelmäßig | Régulièrement | Regularmente | Regolarmente | Regularnie"),
    ],
    "change": [
        ("increased", "Increased | Zugenommen | Augmenté | Aumentado | Aumentata | Zwiększyła się"),
        ("same", "Stayed the same | Gleich geblieben | Resté stable | Se ha mantenido | Rimasta uguale | Bez zmian"),
        ("decreased", "Decreased | Abgenommen | Diminué | Disminuido | Diminuita | Zmniejszyła się"),
    ],
    "no_coop_reasons": [
        ("no_opportunity", "No opportunity or partner has come up | Es hat sich keine Gelegenheit oder kein Partner ergeben | Aucune occasion ni aucun partenaire ne s’est présenté | No ha surgido ninguna oportunidad ni socio | Non si è presentata nessuna occasione né partner | Nie pojawiła się okazja ani partner"),
        ("priorities", "Other priorities | Andere Prioritäten | D’autres priorités | Otras prioridades | Altre priorità | Inne priorytety"),
        ("resources", "Lack of money or staff | Fehlende Mittel oder fehlendes Personal | Manque de moyens ou de personnel | Falta de dinero o de personal | Mancanza di fondi o di personale | Brak pieniędzy lub personelu"),
        ("politics", "Political concerns | Politische Bedenken | Préoccupations politiques | Reservas políticas | Preoccupazioni politiche | Zastrzeżenia polityczne"),
        ("national_policy", "National government policy | Politik der nationalen Regierung | Politique du gouvernement national | Política del Gobierno nacional | Politica del governo nazionale | Polityka rządu krajowego"),
        ("no_benefit", "Little benefit expected | Geringer erwarteter Nutzen | Peu de bénéfices attendus | Se espera poco beneficio | Benefici attesi scarsi | Niewielkie oczekiwane korzyści"),
        ("ended_partner", "The Chinese partner ended the tie | Der chinesische Partner hat die Beziehung beendet | Le partenaire chinois a mis fin au lien | El socio chino puso fin al vínculo | Il partner cinese ha interrotto il legame | Chiński partner zakończył współpracę"),
        ("other", OTHER),
    ],
    "asian_countries": [
        ("japan", "Japan | Japan | Japon | Japón | Giappone | Japonia"),
        ("south_korea", "South Korea | Südkorea | Corée du Sud | Corea del Sur | Corea del Sud | Korea Południowa"),
        ("taiwan", "Taiwan | Taiwan | Taïwan | Taiwán | Taiwan | Tajwan"),
        ("india", "India | Indien | Inde | India | India | Indie"),
        ("vietnam", "Vietnam | Vietnam | Viêt Nam | Vietnam | Vietnam | Wietnam"),
        ("other_asia", "Another Asian country | Ein anderes asiatisches Land | Un autre pays d’Asie | Otro país asiático | Un altro paese asiatico | Inny kraj azjatycki"),
        ("none", "None | Keine | Aucun | Ninguno | Nessuno | Żaden"),
    ],
}
