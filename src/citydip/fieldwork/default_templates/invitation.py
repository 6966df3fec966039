"""The invitation (also the text of the printed letter), one (subject, body) per language."""

INVITATION = {
    "en": (
        "Survey of European cities on cooperation with China: {{ city }}",
        """Dear {{ contact_name }},

We are a team of political scientists at {{ institution }}, led by {{ principal_investigator }}, studying how European cities cooperate with cities in the People's Republic of China: partnerships, exchanges, projects, and why some cities choose not to cooperate. Every EU city with more than 50,000 inhabitants is invited, and the answer of {{ city }} matters to us whether or not your city has such contacts.

Taking part is voluntary. The study is funded by {{ funder }} and was approved by an ethics committee (reference {{ ethics_approval }}).

The questionnaire takes between 5 and 20 minutes, depending on your city's ties with China. Your answers are saved as you go, so you may stop and come back later, or pass the link to a colleague who knows the subject better. The link is personal to {{ city }}:

{{ link }}

We would be grateful for your answer by {{ deadline }}.

Results are published in aggregate form; you can ask us not to name your city. How we handle your data: {{ privacy_notice }}

With many thanks and kind regards,
{{ project_contact }}

If you do not wish to receive further messages about this survey: {{ optout_link }}
""",
    ),
    "de": (
        "Befragung europäischer Städte zur Zusammenarbeit mit China: {{ city }}",
        """Sehr geehrte/r {{ contact_name }},

wir sind ein politikwissenschaftliches Forschungsteam an der Einrichtung {{ institution }} unter der Leitung von {{ principal_investigator }} und untersuchen, wie europäische Städte mit Städten in der Volksrepublik China zusammenarbeiten: Partnerschaften, Austausch, Projekte, und warum manche Städte sich gegen eine Zusammenarbeit entscheiden. Eingeladen sind alle Städte der EU mit mehr als 50.000 Einwohnern; die Antwort von {{ city }} ist für uns wichtig, ob Ihre Stadt solche Kontakte hat oder nicht.

Die Teilnahme ist freiwillig. Die Studie wird gefördert von {{ funder }} und wurde von einer Ethikkommission genehmigt (Aktenzeichen {{ ethics_approval }}).

Die Beantwortung dauert je nach den Beziehungen Ihrer Stadt zu China zwischen 5 und 20 Minuten. Ihre Angaben werden laufend gespeichert; Sie können also jederzeit unterbrechen und später fortfahren oder den Link an eine fachlich zuständige Kollegin oder einen Kollegen weitergeben. Der Link gilt nur für {{ city }}:

{{ link }}

Für eine Antwort bis zum {{ deadline }} wären wir Ihnen sehr dankbar.

Die Ergebnisse werden nur zusammengefasst veröffentlicht; auf Wunsch nennen wir Ihre Stadt nicht. Zum Umgang mit Ihren Daten: {{ privacy_notice }}

Mit herzlichem Dank und freundlichen Grüßen
{{ project_contact }}

Wenn Sie keine weiteren Nachrichten zu dieser Befragung erhalten möchten: {{ optout_link }}
""",
    ),
    "fr": (
        "Enquête auprès des villes européennes sur la coopération avec la Chine : {{ city }}",
        """Madame, Monsieur,

Nous sommes une équipe de politologues de {{ institution }}, sous la direction de {{ principal_investigator }}, et nous étudions la coopération des villes européennes avec les villes de la République populaire de Chine : jumelages, échanges, projets, et les raisons pour lesquelles certaines villes choisissent de ne pas coopérer. Toutes les villes de l'UE de plus de 50 000 habitants sont invitées ; la réponse de {{ city }} nous importe, que votre ville ait de tels contacts ou non.

La participation est volontaire. L'étude est financée par {{ funder }} et a été approuvée par un comité d'éthique (référence {{ ethics_approval }}).

Le questionnaire prend entre 5 et 20 minutes selon les liens de votre ville avec la Chine. Vos réponses sont enregistrées au fur et à mesure : vous pouvez vous interrompre et reprendre plus tard, ou transmettre le lien à un collègue mieux informé. Ce lien est propre à {{ city }} :

{{ link }}

Nous vous serions reconnaissants de bien vouloir répondre avant le {{ deadline }}.

Les résultats sont publiés sous forme agrégée ; vous pouvez demander que votre ville ne soit pas nommée. Traitement de vos données : {{ privacy_notice }}

En vous remerciant par avance, nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.
{{ project_contact }}

Si vous ne souhaitez plus recevoir de messages concernant cette enquête : {{ optout_link }}
""",
    ),
    "es": (
        "Encuesta a ciudades europeas sobre la cooperación con China: {{ city }}",
        """Estimado/a {{ contact_name }}:

Somos un equipo de politólogos de {{ institution }}, bajo la dirección de {{ principal_investigator }}, que estudia cómo cooperan las ciudades europeas con ciudades de la República Popular China: hermanamientos, intercambios, proyectos, y por qué algunas ciudades deciden no cooperar. Están invitadas todas las ciudades de la UE con más de 50.000 habitantes; la respuesta de {{ city }} es importante para nosotros, tenga o no su ciudad tales contactos.

La participación es voluntaria. El estudio está financiado por {{ funder }} y ha sido aprobado por un comité de ética (referencia {{ ethics_approval }}).

El cuestionario lleva entre 5 y 20 minutos, según los vínculos de su ciudad con China. Sus respuestas se guardan a medida que avanza, de modo que puede interrumpirlo y continuar más tarde, o enviar el enlace a un colega que conozca mejor el tema. El enlace es personal para {{ city }}:

{{ link }}

Le agradeceríamos su respuesta antes del {{ deadline }}.

Los resultados se publican de forma agregada; puede pedirnos que no mencionemos su ciudad. Tratamiento de sus datos: {{ privacy_notice }}

Muchas gracias y un cordial saludo,
{{ project_contact }}

Si no desea recibir más mensajes sobre esta encuesta: {{ optout_link }}
""",
    ),
    "it": (
        "Indagine sulle città europee e la cooperazione con la Cina: {{ city }}",
        """Gentile {{ contact_name }},

siamo un gruppo di politologi di {{ institution }}, coordinato da {{ principal_investigator }}, che studia come le città europee cooperano con le città della Repubblica popolare cinese: gemellaggi, scambi, progetti, e perché alcune città scelgono di non cooperare. Sono invitate tutte le città dell'UE con più di 50.000 abitanti; la risposta di {{ city }} è importante per noi, che la Sua città abbia o meno tali contatti.

La partecipazione è volontaria. Lo studio è finanziato da {{ funder }} ed è stato approvato da un comitato etico (riferimento {{ ethics_approval }}).

Il questionario richiede tra 5 e 20 minuti, a seconda dei legami della Sua città con la Cina. Le risposte vengono salvate man mano: può interrompere e riprendere più tardi, oppure inoltrare il link a un collega più esperto in materia. Il link è riservato a {{ city }}:

{{ link }}

Le saremmo grati per una risposta entro il {{ deadline }}.

I risultati sono pubblicati in forma aggregata; può chiederci di non nominare la Sua città. Trattamento dei dati: {{ privacy_notice }}

Con molti ringraziamenti e cordiali saluti,
{{ project_contact }}

Se non desidera ricevere altri messaggi su questa indagine: {{ optout_link }}
""",
    ),
    "pl": (
        "Badanie miast europejskich dotyczące współpracy z Chinami: {{ city }}",
        """Szanowna Pani / Szanowny Panie {{ contact_name }},

jesteśmy zespołem politologów z {{ institution }}, kierowanym przez {{ principal_investigator }}, i badamy współpracę miast europejskich z miastami Chińskiej Republiki Ludowej: partnerstwa, wymiany, projekty, a także powody, dla których niektóre miasta nie podejmują współpracy. Zaproszenie otrzymały wszystkie miasta UE liczące ponad 50 000 mieszkańców; odpowiedź miasta {{ city }} jest dla nas ważna niezależnie od tego, czy miasto utrzymuje takie kontakty.

Udział w badaniu jest dobrowolny. Badanie jest finansowane przez: {{ funder }}, i zostało zatwierdzone przez komisję etyczną (sygnatura {{ ethics_approval }}).

Wypełnienie ankiety zajmuje od 5 do 20 minut, zależnie od kontaktów miasta z Chinami. Odpowiedzi są zapisywane na bieżąco, można więc przerwać i wrócić później albo przekazać link osobie lepiej znającej temat. Link jest przeznaczony wyłącznie dla miasta {{ city }}:

{{ link }}

Będziemy wdzięczni za odpowiedź do {{ deadline }}.

Wyniki publikujemy wyłącznie w formie zbiorczej; na Państwa prośbę nie podamy nazwy miasta. Informacja o przetwarzaniu danych: {{ privacy_notice }}

Z podziękowaniem i wyrazami szacunku
{{ project_contact }}

Jeśli nie chcą Państwo otrzymywać kolejnych wiadomości w sprawie tego badania: {{ optout_link }}
""",
    ),
    "bg": (
        "Проучване сред европейските градове относно сътрудничеството с Китай: {{ city }}",
        """Уважаеми/Уважаема {{ contact_name }},

Ние сме екип политолози от {{ institution }}, ръководен от {{ principal_investigator }}, и изследваме как европейските градове си сътрудничат с градове в Китайската народна република: побратимявания, обмен, проекти, както и защо някои градове решават да не си сътрудничат. Поканени са всички градове в ЕС с над 50 000 жители; отговорът на {{ city }} е важен за нас независимо дали Вашият град има такива контакти.

Участието е доброволно. Проучването се финансира от {{ funder }} и е одобрено от комисия по етика (номер {{ ethics_approval }}).

Попълването на въпросника отнема между 5 и 20 минути в зависимост от връзките на Вашия град с Китай. Отговорите Ви се запазват в движение, така че можете да прекъснете и да продължите по-късно или да препратите връзката на колега, който познава темата по-добре. Връзката е предназначена само за {{ city }}:

{{ link }}

Ще Ви бъдем признателни за отговор до {{ deadline }}.

Резултатите се публикуват само в обобщен вид; можете да ни помолите да не назоваваме Вашия град. Как обработваме Вашите данни: {{ privacy_notice }}

С благодарност и уважение,
{{ project_contact }}

Ако не желаете да получавате повече съобщения относно това проучване: {{ optout_link }}
""",
    ),
    "cs": (
        "Šetření mezi evropskými městy o spolupráci s Čínou: {{ city }}",
        """Vážená paní / Vážený pane {{ contact_name }},

jsme tým politologů z {{ institution }} pod vedením {{ principal_investigator }} a zkoumáme, jak evropská města spolupracují s městy v Čínské lidové republice: partnerství měst, výměny, projekty, a také proč se některá města rozhodují nespolupracovat. Oslovujeme všechna města EU s více než 50 000 obyvateli; odpověď za {{ city }} je pro nás důležitá bez ohledu na to, zda Vaše město takové kontakty má.

Účast je dobrovolná. Výzkum financuje {{ funder }} a schválila jej etická komise (číslo jednací {{ ethics_approval }}).

Vyplnění dotazníku trvá 5 až 20 minut podle vazeb Vašeho města na Čínu. Odpovědi se průběžně ukládají, takže můžete kdykoli přestat a později pokračovat, nebo odkaz předat kolegovi, který se v tématu lépe vyzná. Odkaz je určen pouze pro {{ city }}:

{{ link }}

Budeme Vám vděčni za odpověď do {{ deadline }}.

Výsledky zveřejňujeme pouze souhrnně; můžete nás požádat, abychom Vaše město nejmenovali. Jak nakládáme s Vašimi údaji: {{ privacy_notice }}

S poděkováním a s pozdravem
{{ project_contact }}

Pokud si nepřejete dostávat další zprávy o tomto šetření: {{ optout_link }}
""",
    ),
    "da": (
        "Undersøgelse blandt europæiske byer om samarbejde med Kina: {{ city }}",
        """Kære {{ contact_name }}

Vi er en gruppe politologer ved {{ institution }} under ledelse af {{ principal_investigator }}, som undersøger, hvordan europæiske byer samarbejder med byer i Folkerepublikken Kina: venskabsbysamarbejder, udvekslinger, projekter, og hvorfor nogle byer vælger ikke at samarbejde. Alle byer i EU med over 50.000 indbyggere er inviteret, og svaret fra {{ city }} er vigtigt for os, uanset om Deres by har sådanne kontakter.

Deltagelse er frivillig. Undersøgelsen er finansieret af {{ funder }} og godkendt af en etisk komité (journalnummer {{ ethics_approval }}).

Spørgeskemaet tager mellem 5 og 20 minutter afhængigt af Deres bys forbindelser til Kina. Deres svar gemmes løbende, så De kan holde pause og fortsætte senere eller sende linket videre til en kollega, der kender emnet bedre. Linket gælder kun for {{ city }}:

{{ link }}

Vi vil være taknemmelige for Deres svar senest den {{ deadline }}.

Resultaterne offentliggøres kun samlet; De kan bede os om ikke at nævne Deres by. Sådan behandler vi Deres oplysninger: {{ privacy_notice }}

Med venlig hilsen og tak på forhånd
{{ project_contact }}

Hvis De ikke ønsker flere beskeder om denne undersøgelse: {{ optout_link }}
""",
    ),
    "el": (
        "Έρευνα σε ευρωπαϊκές πόλεις για τη συνεργασία με την Κίνα: {{ city }}",
        """Αξιότιμε/Αξιότιμη {{ contact_name }},

Είμαστε ομάδα πολιτικών επιστημόνων του φορέα {{ institution }}, υπό την επιστημονική ευθύνη του/της {{ principal_investigator }}, και μελετούμε πώς συνεργάζονται οι ευρωπαϊκές πόλεις με πόλεις της Λαϊκής Δημοκρατίας της Κίνας: αδελφοποιήσεις, ανταλλαγές, έργα, καθώς και γιατί ορισμένες πόλεις επιλέγουν να μη συνεργάζονται. Προσκαλούνται όλες οι πόλεις της ΕΕ με περισσότερους από 50.000 κατοίκους· η απάντηση της πόλης {{ city }} είναι σημαντική για εμάς, είτε η πόλη σας έχει τέτοιες επαφές είτε όχι.

Η συμμετοχή είναι εθελοντική. Η έρευνα χρηματοδοτείται από: {{ funder }} και έχει εγκριθεί από επιτροπή δεοντολογίας (αριθμός αναφοράς {{ ethics_approval }}).

Η συμπλήρωση του ερωτηματολογίου διαρκεί από 5 έως 20 λεπτά, ανάλογα με τους δεσμούς της πόλης σας με την Κίνα. Οι απαντήσεις σας αποθηκεύονται καθώς προχωράτε, ώστε να μπορείτε να διακόψετε και να συνεχίσετε αργότερα ή να προωθήσετε τον σύνδεσμο σε συνάδελφο που γνωρίζει καλύτερα το θέμα. Ο σύνδεσμος αφορά αποκλειστικά την πόλη {{ city }}:

{{ link }}

Θα σας ήμασταν ευγνώμονες για την απάντησή σας έως τις {{ deadline }}.

Τα αποτελέσματα δημοσιεύονται μόνο συγκεντρωτικά· μπορείτε να μας ζητήσετε να μην κατονομάσουμε την πόλη σας. Πώς χειριζόμαστε τα δεδομένα σας: {{ privacy_notice }}

Με ευχαριστίες και εκτίμηση,
{{ project_contact }}

Αν δεν επιθυμείτε να λαμβάνετε άλλα μηνύματα για αυτή την έρευνα: {{ optout_link }}
""",
    ),
    "et": (
        "Euroopa linnade küsitlus koostööst Hiinaga: {{ city }}",
        """Lugupeetud {{ contact_name }}

Oleme politoloogide rühm asutusest {{ institution }}, mida juhib {{ principal_investigator }}, ja uurime, kuidas Euroopa linnad teevad koostööd Hiina Rahvavabariigi linnadega: sõpruslinnade suhted, vahetused, projektid ning põhjused, miks mõni linn otsustab koostööd mitte teha. Kutsutud on kõik ELi linnad, kus on üle 50 000 elaniku; linna {{ city }} vastus on meile oluline sõltumata sellest, kas Teie linnal selliseid kontakte on.

Osalemine on vabatahtlik. Uuringut rahastab {{ funder }} ja selle on heaks kiitnud eetikakomitee (viide {{ ethics_approval }}).

Küsimustiku täitmine võtab sõltuvalt Teie linna sidemetest Hiinaga 5 kuni 20 minutit. Teie vastused salvestatakse jooksvalt, nii et võite vahepeal pooleli jätta ja hiljem jätkata või saata lingi teemat paremini tundvale kolleegile. Link on mõeldud ainult linnale {{ city }}:

{{ link }}

Oleksime tänulikud, kui vastaksite hiljemalt {{ deadline }}.

Tulemused avaldatakse ainult koondkujul; võite paluda, et me Teie linna ei nimetaks. Kuidas me Teie andmeid käsitleme: {{ privacy_notice }}

Tänades ja lugupidamisega
{{ project_contact }}

Kui Te ei soovi selle küsitluse kohta rohkem sõnumeid saada: {{ optout_link }}
""",
    ),
    "fi": (
        "Eurooppalaisten kaupunkien kysely yhteistyöstä Kiinan kanssa: {{ city }}",
        """Hyvä {{ contact_name }}

Olemme valtiotieteilijöiden tutkimusryhmä ({{ institution }}), jota johtaa {{ principal_investigator }}. Tutkimme, miten eurooppalaiset kaupungit tekevät yhteistyötä Kiinan kansantasavallan kaupunkien kanssa: ystävyyskaupunkisuhteita, vaihtoja, hankkeita sekä syitä, miksi jotkin kaupungit päättävät olla tekemättä yhteistyötä. Kyselyyn kutsutaan kaikki yli 50 000 asukkaan EU-kaupungit, ja kaupungin {{ city }} vastaus on meille tärkeä riippumatta siitä, onko kaupungillanne tällaisia yhteyksiä.

Osallistuminen on vapaaehtoista. Tutkimusta rahoittaa {{ funder }}, ja eettinen toimikunta on hyväksynyt sen (viite {{ ethics_approval }}).

Kyselyyn vastaaminen kestää 5–20 minuuttia kaupunkinne Kiina-suhteista riippuen. Vastauksenne tallentuvat sitä mukaa kuin etenette, joten voitte keskeyttää ja jatkaa myöhemmin tai välittää linkin aihetta paremmin tuntevalle kollegalle. Linkki on tarkoitettu vain kaupungille {{ city }}:

{{ link }}

Olisimme kiitollisia vastauksestanne {{ deadline }} mennessä.

Tulokset julkaistaan vain yhdistettyinä; voitte pyytää, ettemme mainitse kaupunkianne nimeltä. Näin käsittelemme tietojanne: {{ privacy_notice }}

Kiittäen ja ystävällisin terveisin
{{ project_contact }}

Jos ette halua enää viestejä tästä kyselystä: {{ optout_link }}
""",
    ),
    "hr": (
        "Istraživanje među europskim gradovima o suradnji s Kinom: {{ city }}",
        """Poštovana gospođo / Poštovani gospodine {{ contact_name }},

tim smo politologa s {{ institution }}, pod vodstvom {{ principal_investigator }}, i istražujemo kako europski gradovi surađuju s gradovima u Narodnoj Republici Kini: bratimljenja, razmjene, projekti te zašto neki gradovi odlučuju ne surađivati. Pozvani su svi gradovi EU-a s više od 50 000 stanovnika; odgovor za {{ city }} važan nam je bez obzira na to ima li Vaš grad takve kontakte.

Sudjelovanje je dobrovoljno. Istraživanje financira {{ funder }}, a odobrilo ga je etičko povjerenstvo (broj {{ ethics_approval }}).

Ispunjavanje upitnika traje od 5 do 20 minuta, ovisno o vezama Vašega grada s Kinom. Vaši se odgovori spremaju tijekom ispunjavanja pa možete prekinuti i nastaviti kasnije ili poveznicu proslijediti kolegi koji bolje poznaje temu. Poveznica je namijenjena samo za {{ city }}:

{{ link }}

Bili bismo Vam zahvalni na odgovoru do {{ deadline }}.

Rezultati se objavljuju samo skupno; možete zatražiti da Vaš grad ne imenujemo. Kako postupamo s Vašim podacima: {{ privacy_notice }}

Uz zahvalu i srdačan pozdrav,
{{ project_contact }}

Ako ne želite primati daljnje poruke o ovom istraživanju: {{ optout_link }}
""",
    ),
    "hu": (
        "Felmérés európai városok körében a Kínával való együttműködésről: {{ city }}",
        """Tisztelt {{ contact_name }}!

Politológusokból álló kutatócsoport vagyunk ({{ institution }}, vezető: {{ principal_investigator }}), és azt vizsgáljuk, hogyan működnek együtt az európai városok a Kínai Népköztársaság városaival: testvérvárosi kapcsolatok, cserék, projektek, valamint hogy egyes városok miért döntenek az együttműködés ellen. Minden 50 000 főnél népesebb uniós várost megkeresünk; {{ city }} válasza akkor is fontos számunkra, ha városának nincsenek ilyen kapcsolatai.

A részvétel önkéntes. A kutatást {{ funder }} finanszírozza, és etikai bizottság hagyta jóvá (iktatószám: {{ ethics_approval }}).

A kérdőív kitöltése városa kínai kapcsolataitól függően 5–20 percet vesz igénybe. Válaszait folyamatosan mentjük, így bármikor megszakíthatja és később folytathatja, vagy továbbíthatja a hivatkozást a témában jártasabb kollégájának. A hivatkozás kizárólag {{ city }} számára szól:

{{ link }}

Hálásak lennénk, ha válaszát a következő határidőig megküldené: {{ deadline }}.

Az eredményeket csak összesítve tesszük közzé; kérheti, hogy városát ne nevezzük meg. Hogyan kezeljük adatait: {{ privacy_notice }}

Köszönettel és tisztelettel:
{{ project_contact }}

Ha nem kíván több üzenetet kapni erről a felmérésről: {{ optout_link }}
""",
    ),
    "lt": (
        "Europos miestų apklausa apie bendradarbiavimą su Kinija: {{ city }}",
        """Gerb. {{ contact_name }},

esame politologų grupė iš {{ institution }}, vadovaujama {{ principal_investigator }}, ir tiriame, kaip Europos miestai bendradarbiauja su Kinijos Liaudies Respublikos miestais: miestų partnerystės, mainai, projektai, taip pat kodėl kai kurie miestai nusprendžia nebendradarbiauti. Kviečiami visi ES miestai, turintys daugiau kaip 50 000 gyventojų; atsakymas ({{ city }}) mums svarbus nepriklausomai nuo to, ar Jūsų miestas turi tokių ryšių.

Dalyvavimas savanoriškas. Tyrimą finansuoja {{ funder }}, jį patvirtino etikos komitetas (nuoroda {{ ethics_approval }}).

Klausimyno pildymas trunka nuo 5 iki 20 minučių, priklausomai nuo Jūsų miesto ryšių su Kinija. Atsakymai išsaugomi eigoje, todėl galite bet kada sustoti ir tęsti vėliau arba persiųsti nuorodą temą geriau išmanančiam kolegai. Nuoroda skirta tik šiam miestui: {{ city }}.

{{ link }}

Būtume dėkingi už atsakymą iki {{ deadline }}.

Rezultatai skelbiami tik apibendrinti; galite paprašyti, kad Jūsų miesto neįvardytume. Kaip tvarkome Jūsų duomenis: {{ privacy_notice }}

Dėkodami ir su pagarba
{{ project_contact }}

Jei nebenorite gauti pranešimų apie šią apklausą: {{ optout_link }}
""",
    ),
    "lv": (
        "Eiropas pilsētu aptauja par sadarbību ar Ķīnu: {{ city }}",
        """Cienījamā kundze / Cienījamais kungs {{ contact_name }}!

Esam politologu grupa no {{ institution }}, ko vada {{ principal_investigator }}, un pētām, kā Eiropas pilsētas sadarbojas ar Ķīnas Tautas Republikas pilsētām: sadraudzības pilsētas, apmaiņa, projekti, kā arī iemesli, kāpēc dažas pilsētas izvēlas nesadarboties. Aicinātas ir visas ES pilsētas, kurās ir vairāk nekā 50 000 iedzīvotāju; atbilde no {{ city }} mums ir svarīga neatkarīgi no tā, vai Jūsu pilsētai ir šādi kontakti.

Dalība ir brīvprātīga. Pētījumu finansē {{ funder }}, un to ir apstiprinājusi ētikas komiteja (atsauce {{ ethics_approval }}).

Anketas aizpildīšana aizņem no 5 līdz 20 minūtēm atkarībā no Jūsu pilsētas saitēm ar Ķīnu. Jūsu atbildes tiek saglabātas aizpildīšanas laikā, tāpēc varat pārtraukt un turpināt vēlāk vai pārsūtīt saiti kolēģim, kurš tēmu pārzina labāk. Saite ir paredzēta tikai pilsētai {{ city }}:

{{ link }}

Būsim pateicīgi par Jūsu atbildi līdz {{ deadline }}.

Rezultāti tiek publicēti tikai apkopotā veidā; varat lūgt, lai mēs Jūsu pilsētu nenosauktu. Kā mēs apstrādājam Jūsu datus: {{ privacy_notice }}

Ar pateicību un cieņu
{{ project_contact }}

Ja nevēlaties saņemt citus ziņojumus par šo aptauju: {{ optout_link }}
""",
    ),
    "nl": (
        "Enquête onder Europese steden over samenwerking met China: {{ city }}",
        """Geachte {{ contact_name }},

Wij zijn een team van politicologen van {{ institution }}, onder leiding van {{ principal_investigator }}, en onderzoeken hoe Europese steden samenwerken met steden in de Volksrepubliek China: stedenbanden, uitwisselingen, projecten, en waarom sommige steden ervoor kiezen niet samen te werken. Alle steden in de EU met meer dan 50.000 inwoners zijn uitgenodigd; het antwoord van {{ city }} is voor ons belangrijk, of uw stad zulke contacten heeft of niet.

Deelname is vrijwillig. Het onderzoek wordt gefinancierd door {{ funder }} en is goedgekeurd door een ethische commissie (kenmerk {{ ethics_approval }}).

De vragenlijst kost tussen 5 en 20 minuten, afhankelijk van de banden van uw stad met China. Uw antwoorden worden tussentijds opgeslagen, zodat u kunt stoppen en later verdergaan, of de link kunt doorsturen aan een collega die het onderwerp beter kent. De link is persoonlijk voor {{ city }}:

{{ link }}

Wij zouden uw antwoord vóór {{ deadline }} zeer op prijs stellen.

De resultaten worden alleen geaggregeerd gepubliceerd; u kunt ons vragen uw stad niet te noemen. Hoe wij met uw gegevens omgaan: {{ privacy_notice }}

Met dank en vriendelijke groet,
{{ project_contact }}

Als u geen berichten meer over deze enquête wilt ontvangen: {{ optout_link }}
""",
    ),
    "pt": (
        "Inquérito às cidades europeias sobre a cooperação com a China: {{ city }}",
        """Exmo.(a) Senhor(a) {{ contact_name }},

Somos uma equipa de politólogos de {{ institution }}, coordenada por {{ principal_investigator }}, que estuda a forma como as cidades europeias cooperam com cidades da República Popular da China: geminações, intercâmbios, projetos, e as razões por que algumas cidades optam por não cooperar. Foram convidadas todas as cidades da UE com mais de 50 000 habitantes; a resposta de {{ city }} é importante para nós, quer a sua cidade tenha ou não esses contactos.

A participação é voluntária. O estudo é financiado por {{ funder }} e foi aprovado por uma comissão de ética (referência {{ ethics_approval }}).

O questionário demora entre 5 e 20 minutos, consoante as ligações da sua cidade à China. As respostas são guardadas à medida que avança, pelo que pode interromper e continuar mais tarde, ou reencaminhar a ligação a um colega que conheça melhor o assunto. A ligação destina-se exclusivamente a {{ city }}:

{{ link }}

Agradecemos a sua resposta até {{ deadline }}.

Os resultados são publicados de forma agregada; pode pedir-nos que não identifiquemos a sua cidade. Como tratamos os seus dados: {{ privacy_notice }}

Com os nossos agradecimentos e os melhores cumprimentos,
{{ project_contact }}

Se não pretender receber mais mensagens sobre este inquérito: {{ optout_link }}
""",
    ),
    "ro": (
        "Sondaj în rândul orașelor europene privind cooperarea cu China: {{ city }}",
        """Stimată doamnă / Stimate domnule {{ contact_name }},

Suntem o echipă de politologi de la {{ institution }}, coordonată de {{ principal_investigator }}, și studiem modul în care orașele europene cooperează cu orașe din Republica Populară Chineză: înfrățiri, schimburi, proiecte, precum și motivele pentru care unele orașe aleg să nu coopereze. Sunt invitate toate orașele din UE cu peste 50 000 de locuitori; răspunsul pentru {{ city }} este important pentru noi, indiferent dacă orașul dumneavoastră are astfel de contacte.

Participarea este voluntară. Studiul este finanțat de {{ funder }} și a fost aprobat de o comisie de etică (număr de referință {{ ethics_approval }}).

Completarea chestionarului durează între 5 și 20 de minute, în funcție de legăturile orașului dumneavoastră cu China. Răspunsurile se salvează pe parcurs, așa că puteți întrerupe și continua mai târziu sau puteți transmite linkul unui coleg care cunoaște mai bine subiectul. Linkul este destinat exclusiv pentru {{ city }}:

{{ link }}

V-am fi recunoscători pentru un răspuns până la {{ deadline }}.

Rezultatele sunt publicate doar în formă agregată; ne puteți cere să nu numim orașul dumneavoastră. Cum prelucrăm datele dumneavoastră: {{ privacy_notice }}

Cu mulțumiri și deosebită considerație,
{{ project_contact }}

Dacă nu doriți să mai primiți mesaje despre acest sondaj: {{ optout_link }}
""",
    ),
    "sk": (
        "Prieskum medzi európskymi mestami o spolupráci s Čínou: {{ city }}",
        """Vážená pani / Vážený pán {{ contact_name }},

sme tím politológov z {{ institution }} pod vedením {{ principal_investigator }} a skúmame, ako európske mestá spolupracujú s mestami v Čínskej ľudovej republike: partnerstvá miest, výmeny, projekty, ako aj to, prečo sa niektoré mestá rozhodnú nespolupracovať. Oslovujeme všetky mestá EÚ s viac ako 50 000 obyvateľmi; odpoveď za {{ city }} je pre nás dôležitá bez ohľadu na to, či Vaše mesto takéto kontakty má.

Účasť je dobrovoľná. Výskum financuje {{ funder }} a schválila ho etická komisia (číslo {{ ethics_approval }}).

Vyplnenie dotazníka trvá 5 až 20 minút podľa väzieb Vášho mesta na Čínu. Odpovede sa priebežne ukladajú, takže môžete kedykoľvek prestať a neskôr pokračovať, alebo odkaz postúpiť kolegovi, ktorý sa v téme lepšie vyzná. Odkaz je určený len pre {{ city }}:

{{ link }}

Budeme Vám vďační za odpoveď do {{ deadline }}.

Výsledky zverejňujeme len súhrnne; môžete nás požiadať, aby sme Vaše mesto nemenovali. Ako zaobchádzame s Vašimi údajmi: {{ privacy_notice }}

S poďakovaním a s pozdravom
{{ project_contact }}

Ak si neželáte dostávať ďalšie správy o tomto prieskume: {{ optout_link }}
""",
    ),
    "sl": (
        "Raziskava med evropskimi mesti o sodelovanju s Kitajsko: {{ city }}",
        """Spoštovani {{ contact_name }},

smo skupina politologov z ustanove {{ institution }}, ki jo vodi {{ principal_investigator }}, in raziskujemo, kako evropska mesta sodelujejo z mesti v Ljudski republiki Kitajski: pobratenja, izmenjave, projekti ter razlogi, zakaj se nekatera mesta odločijo, da ne bodo sodelovala. Povabljena so vsa mesta EU z več kot 50 000 prebivalci; odgovor za {{ city }} nam je pomemben ne glede na to, ali ima vaše mesto takšne stike.

Sodelovanje je prostovoljno. Raziskavo financira {{ funder }}, odobrila pa jo je komisija za etiko (številka {{ ethics_approval }}).

Izpolnjevanje vprašalnika traja od 5 do 20 minut, odvisno od povezav vašega mesta s Kitajsko. Odgovori se sproti shranjujejo, zato lahko kadar koli prekinete in nadaljujete pozneje ali povezavo posredujete sodelavcu, ki temo bolje pozna. Povezava je namenjena samo za {{ city }}:

{{ link }}

Hvaležni vam bomo za odgovor do {{ deadline }}.

Rezultati se objavijo le v združeni obliki; lahko nas prosite, naj vašega mesta ne imenujemo. Kako ravnamo z vašimi podatki: {{ privacy_notice }}

Z zahvalo in lepimi pozdravi
{{ project_contact }}

Če ne želite več prejemati sporočil o tej raziskavi: {{ optout_link }}
""",
    ),
    "sv": (
        "Enkät till europeiska städer om samarbete med Kina: {{ city }}",
        """Bästa {{ contact_name }},

Vi är en grupp statsvetare vid {{ institution }}, under ledning av {{ principal_investigator }}, som undersöker hur europeiska städer samarbetar med städer i Folkrepubliken Kina: vänortssamarbeten, utbyten, projekt och varför vissa städer väljer att inte samarbeta. Alla städer i EU med fler än 50 000 invånare är inbjudna, och svaret från {{ city }} är viktigt för oss oavsett om er stad har sådana kontakter eller inte.

Deltagandet är frivilligt. Studien finansieras av {{ funder }} och har godkänts av en etikprövningsnämnd (diarienummer {{ ethics_approval }}).

Enkäten tar mellan 5 och 20 minuter beroende på er stads förbindelser med Kina. Era svar sparas löpande, så ni kan avbryta och fortsätta senare eller skicka länken vidare till en kollega som känner till ämnet bättre. Länken gäller endast för {{ city }}:

{{ link }}

Vi vore tacksamma för ert svar senast {{ deadline }}.

Resultaten publiceras endast i sammanställd form; ni kan be oss att inte nämna er stad. Så behandlar vi era uppgifter: {{ privacy_notice }}

Med tack och vänliga hälsningar
{{ project_contact }}

Om ni inte vill få fler meddelanden om denna enkät: {{ optout_link }}
""",
    ),
}
