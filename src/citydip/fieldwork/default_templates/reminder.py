"""The reminder, one (subject, body) per language."""

REMINDER = {
    "en": (
        "Reminder: survey on cooperation with China ({{ city }})",
        """Dear {{ contact_name }},

A few weeks ago we, a team of political scientists at {{ institution }}, invited {{ city }} to our survey of European cities on cooperation with cities in China. If you have already answered, thank you, and please disregard this message.

If not, your answer would still help us greatly, even if your city has no contacts with China. Taking part is voluntary; the questionnaire takes between 5 and 20 minutes, and you can continue where you stopped:

{{ link }}

The survey closes on {{ deadline }}. How we handle your data: {{ privacy_notice }}

Kind regards,
{{ project_contact }}

No further messages: {{ optout_link }}
""",
    ),
    "de": (
        "Erinnerung: Befragung zur Zusammenarbeit mit China ({{ city }})",
        """Sehr geehrte/r {{ contact_name }},

vor einigen Wochen haben wir, ein politikwissenschaftliches Forschungsteam an der Einrichtung {{ institution }}, {{ city }} zu unserer Befragung europäischer Städte zur Zusammenarbeit mit Städten in China eingeladen. Falls Sie bereits geantwortet haben, danken wir Ihnen herzlich; dann betrachten Sie diese Nachricht bitte als gegenstandslos.

Andernfalls hilft uns Ihre Antwort weiterhin sehr, auch wenn Ihre Stadt keine Kontakte nach China hat. Die Teilnahme ist freiwillig; die Beantwortung dauert zwischen 5 und 20 Minuten, und Sie können dort fortfahren, wo Sie aufgehört haben:

{{ link }}

Die Befragung endet am {{ deadline }}. Zum Umgang mit Ihren Daten: {{ privacy_notice }}

Mit freundlichen Grüßen
{{ project_contact }}

Keine weiteren Nachrichten: {{ optout_link }}
""",
    ),
    "fr": (
        "Rappel : enquête sur la coopération avec la Chine ({{ city }})",
        """Madame, Monsieur,

Il y a quelques semaines, notre équipe de politologues de {{ institution }} a invité {{ city }} à participer à son enquête auprès des villes européennes sur la coopération avec les villes chinoises. Si vous avez déjà répondu, nous vous en remercions et vous prions de ne pas tenir compte de ce message.

Dans le cas contraire, votre réponse nous serait encore très utile, même si votre ville n'a pas de contacts avec la Chine. La participation est volontaire ; le questionnaire prend entre 5 et 20 minutes et vous pouvez reprendre là où vous vous êtes arrêté :

{{ link }}

L'enquête se termine le {{ deadline }}. Traitement de vos données : {{ privacy_notice }}

Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
{{ project_contact }}

Ne plus recevoir de messages : {{ optout_link }}
""",
    ),
    "es": (
        "Recordatorio: encuesta sobre la cooperación con China ({{ city }})",
        """Estimado/a {{ contact_name }}:

Hace unas semanas, nuestro equipo de politólogos de {{ institution }} invitó a {{ city }} a participar en una encuesta a ciudades europeas sobre la cooperación con ciudades de China. Si ya ha respondido, muchas gracias, y no tenga en cuenta este mensaje.

Si no es así, su respuesta aún nos sería de gran ayuda, aunque su ciudad no tenga contactos con China. La participación es voluntaria; el cuestionario lleva entre 5 y 20 minutos y puede continuar donde lo dejó:

{{ link }}

La encuesta se cierra el {{ deadline }}. Tratamiento de sus datos: {{ privacy_notice }}

Un cordial saludo,
{{ project_contact }}

No recibir más mensajes: {{ optout_link }}
""",
    ),
    "it": (
        "Promemoria: indagine sulla cooperazione con la Cina ({{ city }})",
        """Gentile {{ contact_name }},

alcune settimane fa il nostro gruppo di politologi di {{ institution }} ha invitato {{ city }} a partecipare a un'indagine sulle città europee e la cooperazione con le città cinesi. Se ha già risposto, La ringraziamo e La preghiamo di non tenere conto di questo messaggio.

In caso contrario, la Sua risposta ci sarebbe ancora molto utile, anche se la Sua città non ha contatti con la Cina. La partecipazione è volontaria; il questionario richiede tra 5 e 20 minuti e può riprendere da dove si era fermato:

{{ link }}

L'indagine si chiude il {{ deadline }}. Trattamento dei dati: {{ privacy_notice }}

Cordiali saluti,
{{ project_contact }}

Non ricevere altri messaggi: {{ optout_link }}
""",
    ),
    "pl": (
        "Przypomnienie: badanie dotyczące współpracy z Chinami ({{ city }})",
        """Szanowna Pani / Szanowny Panie {{ contact_name }},

kilka tygodni temu nasz zespół politologów z {{ institution }} zaprosił miasto {{ city }} do udziału w badaniu miast europejskich dotyczącym współpracy z miastami w Chinach. Jeśli odpowiedź została już udzielona, serdecznie dziękujemy i prosimy nie brać pod uwagę tej wiadomości.

Jeśli nie, Państwa odpowiedź nadal bardzo nam pomoże, nawet jeśli miasto nie ma kontaktów z Chinami. Udział jest dobrowolny; ankieta zajmuje od 5 do 20 minut i można ją kontynuować od miejsca przerwania:

{{ link }}

Badanie kończy się {{ deadline }}. Informacja o przetwarzaniu danych: {{ privacy_notice }}

Z wyrazami szacunku
{{ project_contact }}

Rezygnacja z dalszych wiadomości: {{ optout_link }}
""",
    ),
    "bg": (
        "Напомняне: проучване относно сътрудничеството с Китай ({{ city }})",
        """Уважаеми/Уважаема {{ contact_name }},

Преди няколко седмици нашият екип политолози от {{ institution }} покани {{ city }} да участва в проучването ни сред европейските градове относно сътрудничеството с градове в Китай. Ако вече сте отговорили, благодарим Ви и Ви молим да не обръщате внимание на това съобщение.

Ако не сте, Вашият отговор все още би ни помогнал много, дори ако Вашият град няма контакти с Китай. Участието е доброволно; попълването отнема между 5 и 20 минути и можете да продължите оттам, докъдето сте стигнали:

{{ link }}

Проучването приключва на {{ deadline }}. Как обработваме Вашите данни: {{ privacy_notice }}

С уважение,
{{ project_contact }}

Без повече съобщения: {{ optout_link }}
""",
    ),
    "cs": (
        "Připomenutí: šetření o spolupráci s Čínou ({{ city }})",
        """Vážená paní / Vážený pane {{ contact_name }},

před několika týdny jsme jako tým politologů z {{ institution }} pozvali {{ city }} k účasti v našem šetření mezi evropskými městy o spolupráci s městy v Číně. Pokud jste již odpověděli, děkujeme a tuto zprávu prosím považujte za bezpředmětnou.

Pokud ne, Vaše odpověď by nám stále velmi pomohla, i když Vaše město s Čínou žádné kontakty nemá. Účast je dobrovolná; vyplnění trvá 5 až 20 minut a můžete pokračovat tam, kde jste skončili:

{{ link }}

Šetření končí {{ deadline }}. Jak nakládáme s Vašimi údaji: {{ privacy_notice }}

S pozdravem
{{ project_contact }}

Žádné další zprávy: {{ optout_link }}
""",
    ),
    "da": (
        "Påmindelse: undersøgelse om samarbejde med Kina ({{ city }})",
        """Kære {{ contact_name }}

For nogle uger siden inviterede vi, en gruppe politologer ved {{ institution }}, {{ city }} til vores undersøgelse blandt europæiske byer om samarbejde med byer i Kina. Hvis De allerede har svaret, tak for det, og se venligst bort fra denne besked.

Hvis ikke, vil Deres svar stadig være en stor hjælp, også selv om Deres by ikke har kontakter til Kina. Deltagelse er frivillig; spørgeskemaet tager mellem 5 og 20 minutter, og De kan fortsætte, hvor De slap:

{{ link }}

Undersøgelsen lukker den {{ deadline }}. Sådan behandler vi Deres oplysninger: {{ privacy_notice }}

Med venlig hilsen
{{ project_contact }}

Ingen flere beskeder: {{ optout_link }}
""",
    ),
    "el": (
        "Υπενθύμιση: έρευνα για τη συνεργασία με την Κίνα ({{ city }})",
        """Αξιότιμε/Αξιότιμη {{ contact_name }},

Πριν από μερικές εβδομάδες η ομάδα πολιτικών επιστημόνων μας ({{ institution }}) προσκάλεσε την πόλη {{ city }} να συμμετάσχει στην έρευνά μας σε ευρωπαϊκές πόλεις για τη συνεργασία με πόλεις της Κίνας. Αν έχετε ήδη απαντήσει, σας ευχαριστούμε και παρακαλούμε να αγνοήσετε αυτό το μήνυμα.

Διαφορετικά, η απάντησή σας θα μας βοηθούσε ακόμη πολύ, ακόμη κι αν η πόλη σας δεν έχει επαφές με την Κίνα. Η συμμετοχή είναι εθελοντική· το ερωτηματολόγιο διαρκεί από 5 έως 20 λεπτά και μπορείτε να συνεχίσετε από εκεί που σταματήσατε:

{{ link }}

Η έρευνα λήγει στις {{ deadline }}. Πώς χειριζόμαστε τα δεδομένα σας: {{ privacy_notice }}

Με εκτίμηση,
{{ project_contact }}

Κανένα άλλο μήνυμα: {{ optout_link }}
""",
    ),
    "et": (
        "Meeldetuletus: küsitlus koostööst Hiinaga ({{ city }})",
        """Lugupeetud {{ contact_name }}

Mõni nädal tagasi kutsusime, politoloogide rühm asutusest {{ institution }}, linna {{ city }} osalema meie Euroopa linnade küsitluses koostööst Hiina linnadega. Kui olete juba vastanud, täname Teid ja palume seda sõnumit mitte arvestada.

Kui ei, aitaks Teie vastus meid endiselt väga, isegi kui Teie linnal ei ole Hiinaga kontakte. Osalemine on vabatahtlik; küsimustiku täitmine võtab 5 kuni 20 minutit ja võite jätkata sealt, kus pooleli jäite:

{{ link }}

Küsitlus lõpeb {{ deadline }}. Kuidas me Teie andmeid käsitleme: {{ privacy_notice }}

Lugupidamisega
{{ project_contact }}

Rohkem sõnumeid ei soovi: {{ optout_link }}
""",
    ),
    "fi": (
        "Muistutus: kysely yhteistyöstä Kiinan kanssa ({{ city }})",
        """Hyvä {{ contact_name }}

Muutama viikko sitten me, valtiotieteilijöiden tutkimusryhmä ({{ institution }}), kutsuimme kaupungin {{ city }} eurooppalaisten kaupunkien kyselyyn, joka koskee yhteistyötä Kiinan kaupunkien kanssa. Jos olette jo vastanneet, kiitos – voitte jättää tämän viestin huomiotta.

Jos ette ole vielä vastanneet, vastauksenne auttaisi meitä edelleen paljon, vaikka kaupungillanne ei olisi yhteyksiä Kiinaan. Osallistuminen on vapaaehtoista; kyselyyn vastaaminen kestää 5–20 minuuttia, ja voitte jatkaa siitä, mihin jäitte:

{{ link }}

Kysely päättyy {{ deadline }}. Näin käsittelemme tietojanne: {{ privacy_notice }}

Ystävällisin terveisin
{{ project_contact }}

Ei enää viestejä: {{ optout_link }}
""",
    ),
    "hr": (
        "Podsjetnik: istraživanje o suradnji s Kinom ({{ city }})",
        """Poštovana gospođo / Poštovani gospodine {{ contact_name }},

prije nekoliko tjedana naš tim politologa s {{ institution }} pozvao je {{ city }} na sudjelovanje u istraživanju među europskim gradovima o suradnji s gradovima u Kini. Ako ste već odgovorili, zahvaljujemo Vam i molimo da zanemarite ovu poruku.

Ako niste, Vaš bi nam odgovor i dalje mnogo pomogao, čak i ako Vaš grad nema kontakata s Kinom. Sudjelovanje je dobrovoljno; upitnik traje od 5 do 20 minuta i možete nastaviti ondje gdje ste stali:

{{ link }}

Istraživanje završava {{ deadline }}. Kako postupamo s Vašim podacima: {{ privacy_notice }}

S poštovanjem,
{{ project_contact }}

Bez daljnjih poruka: {{ optout_link }}
""",
    ),
    "hu": (
        "Emlékeztető: felmérés a Kínával való együttműködésről ({{ city }})",
        """Tisztelt {{ contact_name }}!

Néhány hete kutatócsoportunk ({{ institution }}) felkérte {{ city }} városát, hogy vegyen részt európai városok körében végzett felmérésünkben a kínai városokkal való együttműködésről. Ha már válaszolt, köszönjük, és kérjük, tekintse tárgytalannak ezt az üzenetet.

Ha még nem, válasza továbbra is nagy segítség lenne, akkor is, ha városának nincsenek kínai kapcsolatai. A részvétel önkéntes; a kérdőív kitöltése 5–20 percet vesz igénybe, és ott folytathatja, ahol abbahagyta:

{{ link }}

A felmérés lezárásának időpontja: {{ deadline }}. Hogyan kezeljük adatait: {{ privacy_notice }}

Tisztelettel:
{{ project_contact }}

Nem kérek több üzenetet: {{ optout_link }}
""",
    ),
    "lt": (
        "Priminimas: apklausa apie bendradarbiavimą su Kinija ({{ city }})",
        """Gerb. {{ contact_name }},

prieš kelias savaites mūsų politologų grupė iš {{ institution }} pakvietė jus ({{ city }}) dalyvauti Europos miestų apklausoje apie bendradarbiavimą su Kinijos miestais. Jei jau atsakėte, dėkojame ir prašome į šį pranešimą neatsižvelgti.

Jei dar ne, Jūsų atsakymas mums vis dar labai padėtų, net jei Jūsų miestas neturi ryšių su Kinija. Dalyvavimas savanoriškas; klausimyno pildymas trunka nuo 5 iki 20 minučių, ir galite tęsti nuo ten, kur sustojote:

{{ link }}

Apklausa baigiasi {{ deadline }}. Kaip tvarkome Jūsų duomenis: {{ privacy_notice }}

Pagarbiai
{{ project_contact }}

Daugiau pranešimų negauti: {{ optout_link }}
""",
    ),
    "lv": (
        "Atgādinājums: aptauja par sadarbību ar Ķīnu ({{ city }})",
        """Cienījamā kundze / Cienījamais kungs {{ contact_name }}!

Pirms dažām nedēļām mūsu politologu grupa no {{ institution }} aicināja pilsētu {{ city }} piedalīties Eiropas pilsētu aptaujā par sadarbību ar Ķīnas pilsētām. Ja jau esat atbildējis, pateicamies un lūdzam šo ziņojumu neņemt vērā.

Ja ne, Jūsu atbilde mums joprojām ļoti palīdzētu, pat ja Jūsu pilsētai nav kontaktu ar Ķīnu. Dalība ir brīvprātīga; anketas aizpildīšana aizņem no 5 līdz 20 minūtēm, un varat turpināt no vietas, kur apstājāties:

{{ link }}

Aptauja noslēdzas {{ deadline }}. Kā mēs apstrādājam Jūsu datus: {{ privacy_notice }}

Ar cieņu
{{ project_contact }}

Vairs nesaņemt ziņojumus: {{ optout_link }}
""",
    ),
    "nl": (
        "Herinnering: enquête over samenwerking met China ({{ city }})",
        """Geachte {{ contact_name }},

Enkele weken geleden hebben wij, een team van politicologen van {{ institution }}, {{ city }} uitgenodigd voor onze enquête onder Europese steden over samenwerking met steden in China. Als u al hebt geantwoord, hartelijk dank; u kunt dit bericht dan als niet verzonden beschouwen.

Zo niet, dan zou uw antwoord ons nog steeds zeer helpen, ook als uw stad geen contacten met China heeft. Deelname is vrijwillig; de vragenlijst kost tussen 5 en 20 minuten en u kunt verdergaan waar u was gebleven:

{{ link }}

De enquête sluit op {{ deadline }}. Hoe wij met uw gegevens omgaan: {{ privacy_notice }}

Met vriendelijke groet,
{{ project_contact }}

Geen berichten meer: {{ optout_link }}
""",
    ),
    "pt": (
        "Lembrete: inquérito sobre a cooperação com a China ({{ city }})",
        """Exmo.(a) Senhor(a) {{ contact_name }},

Há algumas semanas, a nossa equipa de politólogos de {{ institution }} convidou {{ city }} a participar no nosso inquérito às cidades europeias sobre a cooperação com cidades da China. Se já respondeu, agradecemos e pedimos que ignore esta mensagem.

Caso contrário, a sua resposta continuaria a ser-nos muito útil, mesmo que a sua cidade não tenha contactos com a China. A participação é voluntária; o questionário demora entre 5 e 20 minutos e pode continuar onde parou:

{{ link }}

O inquérito termina em {{ deadline }}. Como tratamos os seus dados: {{ privacy_notice }}

Com os melhores cumprimentos,
{{ project_contact }}

Não receber mais mensagens: {{ optout_link }}
""",
    ),
    "ro": (
        "Memento: sondaj privind cooperarea cu China ({{ city }})",
        """Stimată doamnă / Stimate domnule {{ contact_name }},

Acum câteva săptămâni, echipa noastră de politologi de la {{ institution }} a invitat {{ city }} să participe la sondajul nostru în rândul orașelor europene privind cooperarea cu orașe din China. Dacă ați răspuns deja, vă mulțumim și vă rugăm să nu luați în considerare acest mesaj.

În caz contrar, răspunsul dumneavoastră ne-ar fi în continuare de mare ajutor, chiar dacă orașul dumneavoastră nu are contacte cu China. Participarea este voluntară; chestionarul durează între 5 și 20 de minute și puteți continua de unde ați rămas:

{{ link }}

Sondajul se încheie la {{ deadline }}. Cum prelucrăm datele dumneavoastră: {{ privacy_notice }}

Cu stimă,
{{ project_contact }}

Fără alte mesaje: {{ optout_link }}
""",
    ),
    "sk": (
        "Pripomenutie: prieskum o spolupráci s Čínou ({{ city }})",
        """Vážená pani / Vážený pán {{ contact_name }},

pred niekoľkými týždňami sme ako tím politológov z {{ institution }} pozvali {{ city }} na účasť v našom prieskume medzi európskymi mestami o spolupráci s mestami v Číne. Ak ste už odpovedali, ďakujeme a túto správu, prosím, považujte za bezpredmetnú.

Ak nie, Vaša odpoveď by nám stále veľmi pomohla, aj keď Vaše mesto nemá s Čínou žiadne kontakty. Účasť je dobrovoľná; vyplnenie trvá 5 až 20 minút a môžete pokračovať tam, kde ste skončili:

{{ link }}

Prieskum sa končí {{ deadline }}. Ako zaobchádzame s Vašimi údajmi: {{ privacy_notice }}

S pozdravom
{{ project_contact }}

Žiadne ďalšie správy: {{ optout_link }}
""",
    ),
    "sl": (
        "Opomnik: raziskava o sodelovanju s Kitajsko ({{ city }})",
        """Spoštovani {{ contact_name }},

pred nekaj tedni smo vas kot skupina politologov z ustanove {{ institution }} povabili, da za {{ city }} sodelujete v naši raziskavi med evropskimi mesti o sodelovanju z mesti na Kitajskem. Če ste že odgovorili, se vam zahvaljujemo in vas prosimo, da to sporočilo prezrete.

Če še niste, bi nam vaš odgovor še vedno zelo pomagal, tudi če vaše mesto nima stikov s Kitajsko. Sodelovanje je prostovoljno; izpolnjevanje traja od 5 do 20 minut in lahko nadaljujete tam, kjer ste končali:

{{ link }}

Raziskava se zaključi {{ deadline }}. Kako ravnamo z vašimi podatki: {{ privacy_notice }}

Lep pozdrav,
{{ project_contact }}

Brez nadaljnjih sporočil: {{ optout_link }}
""",
    ),
    "sv": (
        "Påminnelse: enkät om samarbete med Kina ({{ city }})",
        """Bästa {{ contact_name }},

För några veckor sedan bjöd vi, en grupp statsvetare vid {{ institution }}, in {{ city }} till vår enkät till europeiska städer om samarbete med städer i Kina. Om ni redan har svarat tackar vi för det, och ni kan bortse från detta meddelande.

Om inte skulle ert svar fortfarande vara till stor hjälp, även om er stad inte har några kontakter med Kina. Deltagandet är frivilligt; enkäten tar mellan 5 och 20 minuter och ni kan fortsätta där ni slutade:

{{ link }}

Enkäten stänger den {{ deadline }}. Så behandlar vi era uppgifter: {{ privacy_notice }}

Med vänliga hälsningar
{{ project_contact }}

Inga fler meddelanden: {{ optout_link }}
""",
    ),
}
