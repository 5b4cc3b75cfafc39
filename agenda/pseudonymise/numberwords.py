"""Dates written out in words, in French, Dutch and German (issue 19): "le dix-sept septembre
mil neuf cent quatre-vingt", "op zeventien september negentienhonderdtachtig", "am siebzehnten
September neunzehnhundertachtzig", "le 1er mars deux mille cinq". All read on folded text
(lower case, no accents, same length), so offsets stay those of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from agenda.pseudonymise.lexicon import MONTHS

_VALUES = {
    # French
    "zero": 0, "un": 1, "une": 1, "premier": 1, "premiere": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "cents": 100, "mille": 1000, "mil": 1000,
    # Dutch
    "een": 1, "eerste": 1, "twee": 2, "drie": 3, "derde": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100, "duizend": 1000,
    # German
    "ein": 1, "eins": 1, "erste": 1, "ersten": 1, "zwei": 2, "drei": 3, "dritte": 3,
    "dritten": 3, "funf": 5, "sechs": 6, "sieben": 7, "siebte": 7, "siebten": 7, "neun": 9,
    "zehn": 10, "zwolf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreissig": 30,
    "vierzig": 40, "funfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "tausend": 1000,
}
_LINKS = ("et", "en", "und")
# Ordinal endings of a day: "dix-septieme", "zeventiende", "zeventigste", "siebzehnten".
_ORDINAL = ("iemes", "ieme", "ste", "sten", "ten", "te", "de", "er", "e", "n")
_PIECES = sorted([*_VALUES, *_LINKS], key=len, reverse=True)
_WORD = "|".join(_PIECES)
_NUMBER = rf"(?:(?:{_WORD})(?:[ -]?(?:{_WORD}))*)(?:{'|'.join(_ORDINAL)})?"
_MONTH = re.compile(
    rf"(?<![a-z])(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})(?![a-z])"
)
# Read around each month found (most texts have few): the day before it, the year after it.
_DAY_BEFORE = re.compile(
    rf"(?<![\w-])(?P<day>{_NUMBER}|\d{{1,2}}(?:er|e|ste|de|\.)?)\s+(?:de\s+|van\s+)?\Z"
)
_YEAR_AFTER = re.compile(
    rf"\.?\s+(?:de\s+l'an\s+|van\s+het\s+jaar\s+)?(?P<year>{_NUMBER}|\d{{4}})(?![\w-])"
)
_WINDOW = 60


def _pieces(word: str) -> list[int] | None:
    """The values a word is made of ("negentienhonderdtachtig" → 19, 100, 80; a link "und" →
    0), None if it is not a number word; longest pieces first, an ordinal ending allowed at the
    end."""
    if not word:
        return []
    for piece in _PIECES:
        if word.startswith(piece):
            rest = _pieces(word[len(piece) :])
            if rest is not None:
                # a link counts nothing but parts its neighbours: "vierundzwanzig" is 4 + 20,
                # not the 4 × 20 of "quatre-vingt"
                return [0 if piece in _LINKS else _VALUES[piece], *rest]
    return [] if word in _ORDINAL else None


def number_value(words: str) -> int | None:
    """The number written in ``words`` (folded), or None."""
    values: list[int] = []
    for word in re.split(r"[\s-]+", words.strip()):
        pieces = _pieces(word)
        if pieces is None:
            return None
        values += pieces
    if not values:
        return None
    total = current = 0
    previous = None
    for value in values:
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and previous == 4:
            current += 76  # quatre-vingt: 4 × 20
        else:
            current += value
        previous = value
    return total + current


def dates_in_words(folded: str) -> Iterator[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of every date written with words for a number."""
    for month in _MONTH.finditer(folded):
        after = _YEAR_AFTER.match(folded, month.end())
        if after is None:
            continue
        before = _DAY_BEFORE.search(folded, max(0, month.start() - _WINDOW), month.start())
        if before is None:
            continue
        day_text, year_text = before.group("day"), after.group("year")
        if day_text[:1].isdigit() and year_text[:1].isdigit():
            continue  # "17 septembre 1980": the ordinary written date
        day = int(re.sub(r"\D", "", day_text)) if day_text[:1].isdigit() else \
            number_value(day_text)
        year = int(year_text) if year_text.isdigit() else number_value(year_text)
        if day is None or year is None or not 1 <= day <= 31 or not 1850 <= year <= 2100:
            continue
        yield before.start(), after.end(), year, MONTHS[month.group()], day
