"""Dates written out in words, as in a notarial deed, a court judgment or a carefully typed
letter: "né le quatorze mars mille neuf cent quatre-vingt-cinq", "geboren op veertien maart
negentienhonderdvijfentachtig", "geboren am vierzehnten März neunzehnhundertfünfundachtzig"."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}

_FR = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_NL = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
]
_NL_TENS = {
    2: "twintig",
    3: "dertig",
    4: "veertig",
    5: "vijftig",
    6: "zestig",
    7: "zeventig",
    8: "tachtig",
    9: "negentig",
}
_DE = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS = {
    2: "zwanzig",
    3: "dreißig",
    4: "vierzig",
    5: "fünfzig",
    6: "sechzig",
    7: "siebzig",
    8: "achtzig",
    9: "neunzig",
}


def fr_number(n: int) -> str:
    if n < 20:
        return _FR[n]
    if n < 70:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _FR_TENS[tens]
        return _FR_TENS[tens] + ("-et-un" if unit == 1 else "-" + _FR[unit])
    if n < 80:
        return "soixante" + ("-et-" if n == 71 else "-") + _FR[n - 60]
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _FR[n - 80]


def nl_number(n: int) -> str:
    if n < 20:
        return _NL[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _NL_TENS[tens]
    joint = "ën" if _NL[unit].endswith("e") else "en"
    return _NL[unit] + joint + _NL_TENS[tens]


def de_number(n: int) -> str:
    if n < 20:
        return _DE[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _DE_TENS[tens]
    return ("ein" if unit == 1 else _DE[unit]) + "und" + _DE_TENS[tens]


def year_words(lang: str, year: int) -> str:
    century, rest = divmod(year, 100)
    if lang == "fr":
        head = "mille neuf cent" if century == 19 else "deux mille"
        return head + (" " + fr_number(rest) if rest else "")
    if lang == "nl":
        head = "negentienhonderd" if century == 19 else "tweeduizend"
        return head + (nl_number(rest) if rest else "")
    head = "neunzehnhundert" if century == 19 else "zweitausend"
    return head + (de_number(rest) if rest else "")


def _de_ordinal(day: int) -> str:
    special = {1: "ersten", 3: "dritten", 7: "siebten", 8: "achten"}
    if day in special:
        return special[day]
    return de_number(day) + ("sten" if day >= 20 else "ten")


def date_words(lang: str, day: date, style: int = 0) -> str:
    """The whole date in words (style 0) or the day and year in words with the month (1)."""
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        first = "premier" if day.day == 1 else fr_number(day.day)
        if style == 1:
            return f"{first} {month} {year_words(lang, day.year)}"
        return f"{first} {month} de l'an {year_words(lang, day.year)}"
    if lang == "nl":
        if style == 1:
            return f"{nl_number(day.day)} {month} {day.year}"
        return f"{nl_number(day.day)} {month} {year_words(lang, day.year)}"
    if style == 1:
        return f"{_de_ordinal(day.day)} {month} {day.year}"
    return f"{_de_ordinal(day.day)} {month} {year_words(lang, day.year)}"
