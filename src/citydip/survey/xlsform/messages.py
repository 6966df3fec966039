"""The form engine's own validation messages in the study's languages.

A form's ``required_message`` and ``constraint_message`` columns win; these are the fallbacks.
They live in a table here, not in Django's catalogues, because validation runs outside any request
(the API, exports, the demo) and the engine must give the same message in every one of the
instrument's languages wherever it runs; the interface strings of the web form are in the
catalogues. A language missing here falls back to English.
"""
from __future__ import annotations

MESSAGES = {
    "required": {
        "en": "Answer this question.",
        "de": "Bitte beantworten Sie diese Frage.",
        "fr": "Veuillez répondre à cette question.",
        "es": "Responda a esta pregunta.",
        "it": "Risponda a questa domanda.",
        "pl": "Prosimy odpowiedzieć na to pytanie.",
    },
    "constraint": {
        "en": "This answer is not allowed here. Check it and correct it.",
        "de": "Diese Antwort ist hier nicht zulässig. Bitte prüfen und korrigieren Sie sie.",
        "fr": "Cette réponse n’est pas admise ici. Vérifiez-la et corrigez-la.",
        "es": "Esta respuesta no es válida aquí. Revísela y corríjala.",
        "it": "Questa risposta non è ammessa qui. La controlli e la corregga.",
        "pl": "Ta odpowiedź jest tu niedozwolona. Prosimy ją sprawdzić i poprawić.",
    },
    "integer": {
        "en": "Enter a whole number, such as 12.",
        "de": "Geben Sie eine ganze Zahl ein, z. B. 12.",
        "fr": "Saisissez un nombre entier, par exemple 12.",
        "es": "Introduzca un número entero, por ejemplo 12.",
        "it": "Inserisca un numero intero, per esempio 12.",
        "pl": "Prosimy wpisać liczbę całkowitą, np. 12.",
    },
    "decimal": {
        "en": "Enter a number, such as 12.5.",
        "de": "Geben Sie eine Zahl ein, z. B. 12,5.",
        "fr": "Saisissez un nombre, par exemple 12,5.",
        "es": "Introduzca un número, por ejemplo 12,5.",
        "it": "Inserisca un numero, per esempio 12,5.",
        "pl": "Prosimy wpisać liczbę, np. 12,5.",
    },
    "date": {
        "en": "Enter a real date as year-month-day, such as 2024-03-31.",
        "de": "Geben Sie ein gültiges Datum als Jahr-Monat-Tag ein, z. B. 2024-03-31.",
        "fr": "Saisissez une date valide sous la forme année-mois-jour, par exemple 2024-03-31.",
        "es": "Introduzca una fecha válida como año-mes-día, por ejemplo 2024-03-31.",
        "it": "Inserisca una data valida come anno-mese-giorno, per esempio 2024-03-31.",
        "pl": "Prosimy wpisać prawidłową datę jako rok-miesiąc-dzień, np. 2024-03-31.",
    },
    "choice": {
        "en": "Choose one of the options shown.",
        "de": "Wählen Sie eine der angezeigten Möglichkeiten.",
        "fr": "Choisissez l’une des options proposées.",
        "es": "Elija una de las opciones indicadas.",
        "it": "Scelga una delle opzioni indicate.",
        "pl": "Prosimy wybrać jedną z podanych możliwości.",
    },
    "range": {
        "en": "Enter a number from {start} to {end} in steps of {step}.",
        "de": "Geben Sie eine Zahl von {start} bis {end} in Schritten von {step} ein.",
        "fr": "Saisissez un nombre de {start} à {end} par pas de {step}.",
        "es": "Introduzca un número de {start} a {end} en pasos de {step}.",
        "it": "Inserisca un numero da {start} a {end} a passi di {step}.",
        "pl": "Prosimy wpisać liczbę od {start} do {end} co {step}.",
    },
    "rank": {
        "en": "Put each option in one place only.",
        "de": "Setzen Sie jede Möglichkeit nur auf einen Platz.",
        "fr": "Placez chaque option à un seul rang.",
        "es": "Coloque cada opción en un solo puesto.",
        "it": "Metta ogni opzione in un solo posto.",
        "pl": "Prosimy umieścić każdą możliwość tylko na jednym miejscu.",
    },
    "repeat_count": {
        "en": "This part must be answered {count} times.",
        "de": "Dieser Teil ist {count}-mal zu beantworten.",
        "fr": "Cette partie doit être remplie {count} fois.",
        "es": "Esta parte debe responderse {count} veces.",
        "it": "Questa parte va compilata {count} volte.",
        "pl": "Tę część należy wypełnić {count} razy.",
    },
}


def message(key, lang=None, **values):
    texts = MESSAGES[key]
    text = texts.get((lang or "en").split("-")[0], texts["en"])
    return text.format(**values) if values else text
