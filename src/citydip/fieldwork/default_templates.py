"""The default invitation and reminder messages in the six languages of the study's instrument.

They are copied into the database (EmailTemplate) the first time they are needed, and edited there.
Placeholders (Django template syntax, plain text, no HTML escaping): ``{{ city }}``,
``{{ contact_name }}``, ``{{ link }}``, ``{{ deadline }}``, ``{{ optout_link }}``,
``{{ project_contact }}``, ``{{ privacy_notice }}``.
"""

PLACEHOLDERS = ("city", "contact_name", "link", "deadline", "optout_link", "project_contact", "privacy_notice")

INVITATION = {
    "en": (
        "Survey of European cities on cooperation with China: {{ city }}",
        """Dear {{ contact_name }},

We are a team of political scientists studying how European cities cooperate with cities in the People's Republic of China: partnerships, exchanges, projects, and why some cities choose not to cooperate. Every EU city with more than 50,000 inhabitants is invited, and the answer of {{ city }} matters to us whether or not your city has such contacts.

The questionnaire takes about 15 minutes. Your answers are saved as you go, so you may stop and come back later, or pass the link to a colleague who knows the subject better. The link is personal to {{ city }}:

{{ link }}

We would be grateful for your answer by {{ deadline }}.

Results are published in aggregate form; you can ask us not to name your city. How we handle your data: {{ privacy_notice }}

With many thanks and kind regards,
{{ project_contact }}

If you do not wish to receive further messages about this survey: {{ optout_link }}
""",
    ),
    "de": (
        "Umfrage unter europäischen Städten zur Zusammenarbeit mit China: {{ city }}",
        """Sehr geehrte/r {{ contact_name }},

wir sind ein politikwissenschaftliches Forschungsteam und untersuchen, wie europäische Städte mit Städten in der Volksrepublik China zusammenarbeiten: Partnerschaften, Austausch, Projekte, und warum manche Städte sich gegen eine Zusammenarbeit entscheiden. Eingeladen sind alle Städte der EU mit mehr als 50.000 Einwohnern; die Antwort von {{ city }} ist für uns wichtig, ob Ihre Stadt solche Kontakte hat oder nicht.

Die Beantwortung dauert etwa 15 Minuten. Ihre Angaben werden laufend gespeichert; Sie können also jederzeit unterbrechen und später fortfahren oder den Link an eine Kollegin oder einen Kollegen weitergeben. Der Link gilt nur für {{ city }}:

{{ link }}

Wir wären Ihnen für eine Antwort bis zum {{ deadline }} sehr dankbar.

Die Ergebnisse werden nur zusammengefasst veröffentlicht; auf Wunsch nennen wir Ihre Stadt nicht. Zum Umgang mit Ihren Daten: {{ privacy_notice }}

Mit herzlichem Dank und freundlichen Grüßen
{{ project_contact }}

Wenn Sie keine weiteren Nachrichten zu dieser Umfrage erhalten möchten: {{ optout_link }}
""",
    ),
    "fr": (
        "Enquête auprès des villes européennes sur la coopération avec la Chine : {{ city }}",
        """Cher/chère {{ contact_name }},

Nous sommes une équipe de politologues qui étudie la coopération des villes européennes avec les villes de la République populaire de Chine : jumelages, échanges, projets, et les raisons pour lesquelles certaines villes choisissent de ne pas coopérer. Toutes les villes de l'UE de plus de 50 000 habitants sont invitées ; la réponse de {{ city }} nous importe, que votre ville ait de tels contacts ou non.

Le questionnaire prend environ 15 minutes. Vos réponses sont enregistrées au fur et à mesure : vous pouvez vous interrompre et reprendre plus tard, ou transmettre le lien à un collègue mieux informé. Ce lien est propre à {{ city }} :

{{ link }}

Nous vous serions reconnaissants de répondre avant le {{ deadline }}.

Les résultats sont publiés sous forme agrégée ; vous pouvez demander que votre ville ne soit pas nommée. Traitement de vos données : {{ privacy_notice }}

Avec nos remerciements, nous vous prions d'agréer nos salutations distinguées.
{{ project_contact }}

Si vous ne souhaitez plus recevoir de messages concernant cette enquête : {{ optout_link }}
""",
    ),
    "es": (
        "Encuesta a ciudades europeas sobre la cooperación con China: {{ city }}",
        """Estimado/a {{ contact_name }}:

Somos un equipo de politólogos que estudia cómo cooperan las ciudades europeas con ciudades de la República Popular China: hermanamientos, intercambios, proyectos, y por qué algunas ciudades deciden no cooperar. Están invitadas todas las ciudades de la UE con más de 50.000 habitantes; la respuesta de {{ city }} es importante para nosotros, tenga o no su ciudad tales contactos.

El cuestionario lleva unos 15 minutos. Sus respuestas se guardan a medida que avanza, de modo que puede interrumpirlo y continuar más tarde, o enviar el enlace a un colega que conozca mejor el tema. El enlace es personal para {{ city }}:

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

siamo un gruppo di politologi che studia come le città europee cooperano con le città della Repubblica Popolare Cinese: gemellaggi, scambi, progetti, e perché alcune città scelgono di non cooperare. Sono invitate tutte le città dell'UE con più di 50.000 abitanti; la risposta di {{ city }} è importante per noi, che la Sua città abbia o meno tali contatti.

Il questionario richiede circa 15 minuti. Le risposte vengono salvate man mano: può interrompere e riprendere più tardi, oppure inoltrare il link a un collega più esperto in materia. Il link è riservato a {{ city }}:

{{ link }}

Le saremmo grati per una risposta entro il {{ deadline }}.

I risultati sono pubblicati in forma aggregata; può chiederci di non nominare la Sua città. Trattamento dei dati: {{ privacy_notice }}

Con molti ringraziamenti e cordiali saluti,
{{ project_contact }}

Se non desidera ricevere altri messaggi su questa indagine: {{ optout_link }}
""",
    ),
    "pl": (
        "Badanie miast europejskich o współpracy z Chinami: {{ city }}",
        """Szanowna Pani / Szanowny Panie {{ contact_name }},

jesteśmy zespołem politologów badającym współpracę miast europejskich z miastami Chińskiej Republiki Ludowej: partnerstwa, wymiany, projekty, a także powody, dla których niektóre miasta nie podejmują współpracy. Zaproszenie otrzymały wszystkie miasta UE liczące ponad 50 000 mieszkańców; odpowiedź miasta {{ city }} jest dla nas ważna niezależnie od tego, czy miasto utrzymuje takie kontakty.

Wypełnienie ankiety zajmuje około 15 minut. Odpowiedzi są zapisywane na bieżąco, można więc przerwać i wrócić później albo przekazać link osobie lepiej znającej temat. Link jest przeznaczony wyłącznie dla miasta {{ city }}:

{{ link }}

Będziemy wdzięczni za odpowiedź do {{ deadline }}.

Wyniki publikujemy wyłącznie w formie zbiorczej; na Państwa prośbę nie podamy nazwy miasta. Informacja o przetwarzaniu danych: {{ privacy_notice }}

Z podziękowaniem i wyrazami szacunku
{{ project_contact }}

Jeśli nie chcą Państwo otrzymywać kolejnych wiadomości w sprawie tej ankiety: {{ optout_link }}
""",
    ),
}

REMINDER = {
    "en": (
        "Reminder: survey on cooperation with China ({{ city }})",
        """Dear {{ contact_name }},

A few weeks ago we invited {{ city }} to our survey of European cities on cooperation with cities in China. If you have already answered, thank you, and please disregard this message.

If not, your answer would still help us greatly, even if your city has no contacts with China. The questionnaire takes about 15 minutes, and you can continue where you stopped:

{{ link }}

The survey closes on {{ deadline }}. How we handle your data: {{ privacy_notice }}

Kind regards,
{{ project_contact }}

No further messages: {{ optout_link }}
""",
    ),
    "de": (
        "Erinnerung: Umfrage zur Zusammenarbeit mit China ({{ city }})",
        """Sehr geehrte/r {{ contact_name }},

vor einigen Wochen haben wir {{ city }} zu unserer Umfrage unter europäischen Städten zur Zusammenarbeit mit Städten in China eingeladen. Falls Sie bereits geantwortet haben, danken wir Ihnen herzlich; dann betrachten Sie diese Nachricht bitte als gegenstandslos.

Andernfalls hilft uns Ihre Antwort weiterhin sehr, auch wenn Ihre Stadt keine Kontakte nach China hat. Die Beantwortung dauert etwa 15 Minuten, und Sie können dort fortfahren, wo Sie aufgehört haben:

{{ link }}

Die Umfrage endet am {{ deadline }}. Zum Umgang mit Ihren Daten: {{ privacy_notice }}

Mit freundlichen Grüßen
{{ project_contact }}

Keine weiteren Nachrichten: {{ optout_link }}
""",
    ),
    "fr": (
        "Rappel : enquête sur la coopération avec la Chine ({{ city }})",
        """Cher/chère {{ contact_name }},

Il y a quelques semaines, nous avons invité {{ city }} à participer à notre enquête auprès des villes européennes sur la coopération avec les villes chinoises. Si vous avez déjà répondu, merci, et veuillez ne pas tenir compte de ce message.

Dans le cas contraire, votre réponse nous serait encore très utile, même si votre ville n'a pas de contacts avec la Chine. Le questionnaire prend environ 15 minutes et vous pouvez reprendre là où vous vous êtes arrêté :

{{ link }}

L'enquête se termine le {{ deadline }}. Traitement de vos données : {{ privacy_notice }}

Salutations distinguées,
{{ project_contact }}

Ne plus recevoir de messages : {{ optout_link }}
""",
    ),
    "es": (
        "Recordatorio: encuesta sobre la cooperación con China ({{ city }})",
        """Estimado/a {{ contact_name }}:

Hace unas semanas invitamos a {{ city }} a nuestra encuesta a ciudades europeas sobre la cooperación con ciudades de China. Si ya ha respondido, muchas gracias, y no tenga en cuenta este mensaje.

Si no es así, su respuesta aún nos sería de gran ayuda, aunque su ciudad no tenga contactos con China. El cuestionario lleva unos 15 minutos y puede continuar donde lo dejó:

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

alcune settimane fa abbiamo invitato {{ city }} alla nostra indagine sulle città europee e la cooperazione con le città cinesi. Se ha già risposto, La ringraziamo e La preghiamo di ignorare questo messaggio.

In caso contrario, la Sua risposta ci sarebbe ancora molto utile, anche se la Sua città non ha contatti con la Cina. Il questionario richiede circa 15 minuti e può riprendere da dove si era fermato:

{{ link }}

L'indagine si chiude il {{ deadline }}. Trattamento dei dati: {{ privacy_notice }}

Cordiali saluti,
{{ project_contact }}

Non ricevere altri messaggi: {{ optout_link }}
""",
    ),
    "pl": (
        "Przypomnienie: ankieta o współpracy z Chinami ({{ city }})",
        """Szanowna Pani / Szanowny Panie {{ contact_name }},

kilka tygodni temu zaprosiliśmy miasto {{ city }} do udziału w naszym badaniu miast europejskich dotyczącym współpracy z miastami w Chinach. Jeśli odpowiedź została już udzielona, serdecznie dziękujemy i prosimy nie brać pod uwagę tej wiadomości.

Jeśli nie, Państwa odpowiedź nadal bardzo nam pomoże, nawet jeśli miasto nie ma kontaktów z Chinami. Ankieta zajmuje około 15 minut; można kontynuować od miejsca przerwania:

{{ link }}

Badanie kończy się {{ deadline }}. Informacja o przetwarzaniu danych: {{ privacy_notice }}

Z wyrazami szacunku
{{ project_contact }}

Rezygnacja z dalszych wiadomości: {{ optout_link }}
""",
    ),
}

DEFAULTS = {"invitation": INVITATION, "reminder": REMINDER}
LANGUAGES = tuple(INVITATION)
