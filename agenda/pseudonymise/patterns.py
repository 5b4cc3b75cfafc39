"""Validated patterns: NISS/BIS, IBAN, enterprise numbers, phones, e-mails, addresses, birth dates.

Numbers count only when their checksum holds, so a file number or an amount is never mistaken for
a national register number. Dates are birth dates only by context or by matching the dossier:
procedure dates ("le 24 septembre 2026") stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.be import bis, nn, vat

from agenda.pseudonymise.dossier import Address
from agenda.pseudonymise.lexicon import BIRTH_CUE, MONTHS, PLACEHOLDERS
from agenda.pseudonymise.numberwords import dates_in_words
from agenda.pseudonymise.spans import Span
from agenda.pseudonymise.text import WORD_RE, fold

# Digits with at most one separator between them: "85.12.13-356.56", "0484/20.72.30".
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ .\-/]?\d)*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# groups apart by a space, two (a justified line, a form's column), a dash or a dot
IBAN_GAP = r"(?: {1,2}|[.-])?"
_IBAN = re.compile(
    rf"\b[A-Z]{{2}}\d{{2}}(?:{IBAN_GAP}[A-Z0-9]{{4}}){{2,7}}(?:{IBAN_GAP}[A-Z0-9]{{1,3}})?\b"
)
_ENTERPRISE = re.compile(r"(?:\bBE ?)?(?<!\d)[01]\d{3}[. ]\d{3}[. ]\d{3}(?!\d)")
_ENTERPRISE_CUE = re.compile(
    r"(bce|kbo|tva|btw|entreprise|onderneming|unternehmen|mwst)[^\n]{0,25}$", re.IGNORECASE
)

_UPPER = "A-ZÀ-ÖØ-ÞŒŠŽ"
_CAP = rf"[{_UPPER}][\w'’.-]*"
_NUMBER = r"(?!(?:19|20)\d\d\b)\d{1,4}(?![\d,.]\d)(?:\s?(?:bis|ter|[A-Za-z])\b)?"
_BOX_WORDS = r"bte|bt|boîte|boite|b\.|bus|box|Bus|Bfk\.?|app\.?"
_BOX = rf"(?:\s*/\s*\w{{1,4}}|\s*,?\s*(?:{_BOX_WORDS})\s*\.?\s*\w{{1,4}}\b)"
# "n° 12", "nr. 12", "Nr. 12" (NFKC has made "nº" "no")
_NUMBER_SIGN = r"(?:(?i:n°|no|nr)\.?\s*)?"
_TAIL = rf"\s*,?\s+{_NUMBER_SIGN}{_NUMBER}{_BOX}?"
_FR_TYPES = (
    r"rue|r\.|avenue|av\.|chauss[ée]e|ch[ée]e|ch\.|chauss\.|place|pl\.|boulevard|bd|bld|bvd"
    r"|all[ée]e|impasse|imp\.|clos|sq\.|qu\."
    r"|square|quai|chemin|route|dr[èe]ve|sentier|ruelle|cit[ée]|r[ée]sidence|voie|passage|parvis"
    r"|rond-point|galerie|faubourg|venelle|cour|esplanade|promenade|mont[ée]e|rampe|hameau"
)
_FR_LINK = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|les|aux|au)"
_NL_SUFFIX = (
    r"straat|str\.?|laan|ln\.?|steenweg|stwg\.?|plein|weg|dreef|lei|baan|kaai|markt|singel|dijk|vest|gracht|wegel"
    r"|ring|park|hof|veld|kouter|berg|dam|poort|pad|steeg|heide|beek|akker"
)
_DE_SUFFIX = (
    r"straße|strasse|str\.|weg|platz|gasse|allee|ring|damm|ufer|pfad|steig|markt|berg|hof|feld"
    r"|bach|graben|winkel|hang"
)
_STREET_WORDS = (
    r"Straat|Laan|Steenweg|Plein|Weg|Dreef|Baan|Markt|Straße|Strasse|Str\.|Platz|Gasse|Allee|Ring"
)
_ADDRESS = re.compile(
    rf"""
    (?:\b\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+)?
    \b(?i:{_FR_TYPES})(?=\s)\s+(?:{_FR_LINK}\s*)?{_CAP}(?:[\s-]+(?:{_FR_LINK}\s*)?{_CAP}){{0,4}}
    (?:{_TAIL})?
    | \b(?:{_CAP}[\s-]+){{0,2}}[{_UPPER}][\w'’-]*?(?:{_NL_SUFFIX}|{_DE_SUFFIX})(?:\b|(?<=\.)){_TAIL}
    | \b(?:{_CAP}\s+){{1,2}}(?:{_STREET_WORDS})(?:\b|(?<=\.)){_TAIL}
    | \b(?:Am|An\s+der|Auf\s+dem|Zum|Zur)\s+{_CAP}{_TAIL}
    """,
    re.VERBOSE,
)
_HAS_NUMBER = re.compile(r"\d")

# "jui." shortens juin and juillet alike: such a date is read as both
_AMBIGUOUS_MONTHS = {"jui": (6, 7)}
_MONTH_NAMES = "|".join(sorted([*MONTHS, *_AMBIGUOUS_MONTHS], key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "13 décembre 1985", "13. Dez. 1985", and as forms and tables write it "13-dec-1985",
# "13.Dez.1985"
_WRITTEN_DATE = re.compile(
    rf"(?<![\d\w])(\d{{1,2}})(?:(?:er|e|ste|de)?\s+|\.\s*|-)({_MONTH_NAMES})(?:\.?\s+|\.|-)"
    r"(\d{4})(?!\d)"
)
_BIRTH_PREPOSITIONS = {"le ": "en ", "op ": "in ", "am ": "", "on ": "in "}


def digit_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of every run of digits joined by single separators."""
    for match in _DIGIT_RUN.finditer(text):
        yield match.start(), match.end(), re.sub(r"\D", "", match.group())


def _sub_span(text: str, start: int, end: int, digits: str, wanted: str) -> tuple[int, int]:
    """Offsets in text[start:end] covering the digits digits[i:i+len(wanted)]."""
    first = digits.index(wanted)
    positions = [i for i in range(start, end) if text[i].isdigit()]
    return positions[first], positions[first + len(wanted) - 1] + 1


def find_emails(text: str, language: str) -> list[Span]:
    label = PLACEHOLDERS[language]["email"]
    return [Span(m.start(), m.end(), "email", "pattern", label) for m in _EMAIL.finditer(text)]


def find_ibans(text: str, language: str) -> list[Span]:
    spans = []
    for match in _IBAN.finditer(text):
        candidate = match.group()
        # The greedy match may swallow a following word in capitals: shorten group by group.
        while len(candidate) >= 15 and not stdnum_iban.is_valid(candidate, check_country=False):
            candidate = re.sub(rf"{IBAN_GAP}[A-Z0-9]{{1,4}}$", "", candidate)
        if len(candidate) >= 15:
            end = match.start() + len(candidate)
            spans.append(
                Span(match.start(), end, "iban", "pattern", PLACEHOLDERS[language]["iban"])
            )
    return spans


def _is_niss(digits: str) -> bool:
    return len(digits) == 11 and (nn.is_valid(digits) or bis.is_valid(digits))


def find_niss(text: str, language: str) -> list[Span]:
    label = PLACEHOLDERS[language]["niss"]
    return [
        Span(start, end, "niss", "pattern", label)
        for start, end, digits in digit_runs(text)
        if _is_niss(digits) and text[start - 1 : start] != "+"
    ]


def find_enterprise_numbers(text: str, language: str) -> list[Span]:
    label = PLACEHOLDERS[language]["enterprise"]
    spans = [
        Span(m.start(), m.end(), "enterprise", "pattern", label)
        for m in _ENTERPRISE.finditer(text)
        if vat.is_valid(m.group())
    ]
    spans += [
        Span(start, end, "enterprise", "pattern", label)
        for start, end, digits in digit_runs(text)
        if len(digits) == 10
        and vat.is_valid(digits)
        and _ENTERPRISE_CUE.search(text[max(0, start - 40) : start])
    ]
    return spans


# Where a number written without its country prefix may come from, after Belgium: the
# neighbour whose language the report is in ("010-1234567" is Dutch, "0241/123456" German).
_NEIGHBOUR = {"nl": "NL", "de": "DE", "fr": "FR"}


# Words announcing a phone number: after one, a number of the right length is a phone even when
# the numbering plan does not know its range (a new range, a mistyped digit still identify).
_PHONE_CUE = re.compile(
    r"(?:t[ée]l[ée]?(?:phone|efoon|efon)?|gsm|portable|mobiel|mobil|mobile|handy|fax|☎|📞)"
    r"\.?\s*(?:n[°o]|nr)?\.?\s*:?\s*$",
    re.IGNORECASE,
)


def find_phones(text: str, language: str) -> list[Span]:
    label = PLACEHOLDERS[language]["phone"]
    spans = []
    for match in phonenumbers.PhoneNumberMatcher(text, "BE"):
        start = match.start + (len(match.raw_string) - len(match.raw_string.lstrip("(")))
        spans.append(Span(start, match.end, "phone", "pattern", label))
    region = _NEIGHBOUR.get(language)
    for start, end, digits in digit_runs(text):
        if any(s.start < end and start < s.end for s in spans):
            continue
        if _DATE_FIRST.match(text, start):
            continue  # "06/11/2026 16:13", a mail's date and hour, reads as a phone
        if text[start - 1 : start] == "+":
            if _possible(text[start - 1 : end], None):
                spans.append(Span(start - 1, end, "phone", "pattern", label))
        elif digits.startswith("00"):
            # "0049 …" is also how an old account number ("003-1234567-89") begins: a phone
            # word must say so, unless Belgium's code is not grouped like an account
            belgian = digits.startswith("0032") and not _OLD_ACCOUNT.fullmatch(text, start, end)
            if (belgian or _cued(text, start)) and _possible(text[start:end], None):
                spans.append(Span(start, end, "phone", "pattern", label))
        elif (len(digits) == 9 and _BELGIAN_LANDLINE.fullmatch(text, start, end)) or (
            digits.startswith("0")
            and 9 <= len(digits) <= 12
            and region is not None
            and _national_phone(text, start, end, region)
        ):
            spans.append(Span(start, end, "phone", "pattern", label))
    return spans


def _parsed(written: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(written if region else "+" + written.lstrip("+0"), region)
    except phonenumbers.NumberParseException:
        return None


def _possible(written: str, region: str | None) -> bool:
    """A number written with its country code ("+49 151 …", "0033 …") and the length that
    country's numbers have: a phone, whether or not its range is allocated."""
    number = _parsed(written, region)
    return number is not None and phonenumbers.is_possible_number(number)


def _cued(text: str, start: int) -> bool:
    return _PHONE_CUE.search(text, max(0, start - 20), start) is not None


_OLD_ACCOUNT = re.compile(r"\d{3}[ -]?\d{7}[ -]?\d{2}")
# A Belgian landline in a phone's grouping, its zone apart: "09 140 91 22", "02/512.34.56",
# "087 78 94 88", "010-45 67 89". The shape says "phone" even where the numbering plan does
# not know the range (a new one, a digit mistyped).
_BELGIAN_LANDLINE = re.compile(
    r"0(?:[2349]|[1-8]\d)[ ./-]\d{2,3}(?:[ ./-]?\d{2}){2}"
)


# A run that begins with a whole date (day, month, year of four digits); "06.11.20.26.16" does not.
_DATE_FIRST = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\1)")
_GERMAN_MOBILE = re.compile(r"01[5-7]\d")


def _national_phone(text: str, start: int, end: int, region: str) -> bool:
    """text[start:end], a number without country code: valid in the neighbour's plan, or,
    after a phone word, of a length Belgian or the neighbour's numbers have."""
    written = text[start:end]
    number = _parsed(written, region)
    if number is None:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    if region == "DE" and _GERMAN_MOBILE.match(written) and phonenumbers.is_possible_number(number):
        return True  # German mobile numbers vary in length; the prefix alone says "phone"
    return (phonenumbers.is_possible_number(number) or _possible(written, "BE")) and _cued(
        text, start
    )


def _phone_digits(value: str) -> str:
    """The national significant number: "+32 486 00 43 24" and "0486 00 43 24" → "486004324",
    "+33 6 12 34 56 78" → "612345678", which "06.12.34.56.78" (France's own format) holds."""
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and len(str(number.national_number)) >= 8:
        return str(number.national_number)
    digits = re.sub(r"\D", "", value)
    for prefix in ("0032", "32", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (8, 9):
            return digits[len(prefix) :]
    return digits


def known_number_values(
    niss: Iterable[str], ibans: Iterable[str], phones: Iterable[str]
) -> dict[str, str]:
    """Digits → category ("niss", "iban", "phone") of the dossiers' numbers: they must never
    appear, whatever the separators."""
    values = [("niss", re.sub(r"\D", "", value)) for value in niss]
    values += [("iban", re.sub(r"\D", "", value)) for value in ibans]
    values += [("phone", _phone_digits(value)) for value in phones]
    return {digits: category for category, digits in values if len(digits) >= 6}


def find_known_numbers(text: str, wanted: dict[str, str], language: str) -> list[Span]:
    """The dossier's NISS, IBAN and phone digits whatever the separators, checksum or not."""
    sizes = sorted({len(digits) for digits in wanted}, reverse=True)
    spans = []
    for start, end, digits in digit_runs(text):
        found = {
            digits[i : i + size]
            for size in sizes
            for i in range(len(digits) - size + 1)
            if digits[i : i + size] in wanted
        }
        for value in found:
            category = wanted[value]
            sub_start, sub_end = _sub_span(text, start, end, digits, value)
            if category == "iban" and text[max(0, sub_start - 2) : sub_start].isalpha():
                sub_start -= 2
            if category == "phone":
                sub_start, sub_end = start, end
            label = PLACEHOLDERS[language][category]
            spans.append(Span(sub_start, sub_end, category, "pattern", label))
    return spans


def street_pattern(street: str) -> str:
    """A pattern, on folded text, for a street with its usual abbreviations ("av. Blonden",
    "Hauptstr.")."""
    words = _street_words(street)
    if len(words) > 1 and words[-1][0] in _TYPE_WORDS_LAST:
        # "Malmedyer Straße" is also written glued: "Malmedyerstr."
        return r"[\s-]+".join(p for _, p in words[:-1]) + r"[\s-]*" + words[-1][1]
    return r"[\s-]+".join(pattern for _, pattern in words)


def street_needle(street: str) -> str | None:
    """The longest word of the street that no abbreviation shortens ("blonden" in "avenue
    Blonden"): every text ``street_pattern`` matches holds it (folded), so a text without it
    need not be searched. None when every word may be shortened."""
    plain = [word for word, pattern in _street_words(street) if pattern == re.escape(word)]
    return max(plain, key=len) if plain else None


def _street_words(street: str) -> list[tuple[str, str]]:
    """Each folded word of the street with its pattern."""
    words = [word for word in re.split(r"[\s-]+", fold(street).strip()) if word]
    patterns = [re.escape(word) for word in words]
    abbreviations = {
        "rue": r"(?:rue|r\.)",
        "avenue": r"(?:avenue|ave?\.?)",
        "boulevard": r"(?:boulevard|bd\.?|bld\.?|bvd\.?|boul\.?)",
        "chaussee": r"(?:chaussee|chee|chss\.?|chaus\.|ch\.)",
        "place": r"(?:place|pl\.?)",
        "quai": r"(?:quai|qu\.?)",
        "chemin": r"(?:chemin|ch\.|chem\.?)",
        "route": r"(?:route|rte\.?)",
        "impasse": r"(?:impasse|imp\.?)",
        "square": r"(?:square|sq\.?)",
        "allee": r"(?:allee|all\.)",
        "faubourg": r"(?:faubourg|fbg\.?|fg\.?)",
        "residence": r"(?:residence|res\.)",
        "galerie": r"(?:galerie|gal\.)",
    }
    if patterns:
        patterns[0] = abbreviations.get(patterns[0], patterns[0])
        patterns = [_SAINTS.get(pattern, pattern) for pattern in patterns]
        for suffix, written in _SUFFIX_ABBREVIATIONS:
            # a type word glued to the name is also written apart: "Turnhoutse Baan"
            glued = rf"(?<=\w){suffix}"
            patterns[-1] = re.sub(glued, rf"[\\s-]?{written}", patterns[-1])
            patterns[-1] = re.sub(rf"^{suffix}", written, patterns[-1])
    return list(zip(words, patterns, strict=True))


# A saint in a street's name, shortened: "r. St-Lambert", "St.-Pieterslaan", "Sankt-Vither-Str.".
_SAINTS = {
    "saint": r"(?:saint|st\.?)",
    "sainte": r"(?:sainte|ste\.?)",
    "sint": r"(?:sint|st\.?)",
    "sankt": r"(?:sankt|st\.?)",
}
# Dutch and German street words and how writers shorten them ("Kerkstr.", "Stationsln",
# "Dorpspl.", "Marktpl.", "Lindenw.", "Kirchg.", "Parkall."); "steenweg" before "weg".
_SUFFIX_ABBREVIATIONS = (
    (r"(straat|strasse|straße)$", r"(?:straat|strasse|straße|str\\.?)"),
    (r"laan$", r"(?:laan|ln\\.?)"),
    (r"steenweg$", r"(?:steenweg|stwg\\.?|stw\\.?|stnwg\\.?)"),
    (r"(?<!steen)weg$", r"(?:weg|wg\\.?|w\\.)"),
    (r"gasse$", r"(?:gasse|g\\.)"),
    (r"allee$", r"(?:allee|all\\.)"),
    (r"(plein|platz)$", r"(?:plein|platz|pl\\.?)"),
    (r"dreef$", r"(?:dreef|dr\\.?)"),
    # one letter only after the name's own letters: "Turnhoutseb." but not a lone "B."
    (r"baan$", r"(?:baan|bn\\.?|(?<=[a-z])b\\.?)"),
    (r"kaai$", r"(?:kaai|(?<=[a-z])k\\.)"),
)
# Words between a street's type and its name: "rue du Moulin" is also written "Moulin".
_STREET_LINKS = re.compile(r"^(?:(?:de la|de l'|du|des|de|d'|la|le|les|aux|au)\s*)+")
_LINKS_BEFORE = re.compile(r"(?<!\w)(?:(?:de la|de l'|du|des|de|d'|la|le|les|aux|au)\s*)+$")

# Dutch and German type words that follow the name as a word of their own ("Malmedyer Straße",
# "Oude Baan"): the name alone before the number is the street too ("Malmedyer 73").
_TYPE_WORDS_LAST = frozenset(
    {
        *("straat", "laan", "weg", "steenweg", "plein", "dreef", "baan", "lei", "kaai", "dijk"),
        *("markt", "singel", "vest", "straße", "strasse", "str", "platz", "gasse", "allee"),
        "ring",
    }
)


def _street_core(street: str) -> str:
    """The folded street without its type word: the French one first with its links ("rue du
    Moulin" → "moulin"), or the Dutch or German one last ("Malmedyer Straße" → "malmedyer")."""
    words = street.split()
    if len(words) > 1 and words[-1].rstrip(".") in _TYPE_WORDS_LAST:
        return " ".join(words[:-1])
    return _STREET_LINKS.sub("", re.sub(r"^\S+\s+", "", street))


_STREET_TYPES = frozenset(
    {
        *("rue", "avenue", "av", "boulevard", "bd", "bld", "chaussee", "chee", "place", "pl"),
        *("allee", "impasse", "clos", "square", "quai", "chemin", "route", "dreve", "sentier"),
        *("ruelle", "cite", "residence", "voie", "passage", "parvis"),
    }
)


class KnownStreets:
    """The dossiers' streets, each found by a rare word of its name so that a meeting of
    hundreds of dossiers does not try hundreds of patterns on every report."""

    def __init__(self, addresses: Iterable[Address]) -> None:
        self._by_key: dict[str, list[str]] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        tail = rf"(?:{_TAIL})?".replace(r"[A-Za-z]", "[a-z]")
        for address in addresses:
            if not address.street or not fold(address.street).strip():
                continue
            street = fold(address.street).strip()
            # Two patterns: the street's, the same for every dossier in that street (compiled
            # once: ``re`` keeps it), and its name with the dossier's number.
            patterns = [rf"(?<!\w){street_pattern(address.street)}(?!\w){tail}"]
            core = _street_core(street)
            if address.number and core != street:
                # The street's name without its type word ("Moulin 201" for "rue du Moulin
                # 201", "Malmedyer 73" for "Malmedyer Straße 73"), when the dossier's number
                # follows or comes first ("201, Moulin"), with its box if written.
                number = re.escape(fold(address.number))
                patterns.append(
                    rf"(?<!\w){re.escape(core)}\s*,?\s+{_NUMBER_SIGN}{number}(?![\d\w])"
                    rf"{_BOX}?|(?<![\w,.]){number},?\s+{re.escape(core)}(?!\w){_BOX}?"
                    .replace(r"(?i:", "(?:")
                )
            self._by_key.setdefault(_street_key(street), []).extend(patterns)

    def find(self, folded: str) -> Iterator[tuple[int, int]]:
        """(start, end) of the known streets in a folded text."""
        if len(self._by_key) <= _FEW_STREETS:
            keys: Iterable[str] = [key for key in self._by_key if key in folded]
        else:
            keys = {word[:5] for word in WORD_RE.findall(folded)} & self._by_key.keys()
        for key in keys:
            windows = _windows(folded, key)
            for pattern in self._by_key[key]:
                # Compiled on first use: most streets of a big meeting never need it.
                if pattern not in self._compiled:
                    self._compiled[pattern] = re.compile(pattern)
                for low, high in windows:
                    for match in self._compiled[pattern].finditer(folded, low, high):
                        # "du Moulin 201": the link words before the name go with it
                        links = _LINKS_BEFORE.search(
                            folded, max(0, match.start() - 12), match.start())
                        yield (links.start() if links else match.start()), match.end()


_BEFORE_KEY, _AFTER_KEY = 60, 150
# Up to this many street words, each is looked for in the text; beyond, the text's words are.
_FEW_STREETS = 300


def _windows(folded: str, key: str) -> list[tuple[int, int]]:
    """Where a street whose key word is ``key`` can stand: around each word starting with it
    (a street is short), merged, each ending between words; a text is read once per street
    word rather than once per dossier of the meeting bearing it."""
    windows: list[tuple[int, int]] = []
    position = folded.find(key)
    while position >= 0:
        if position == 0 or not folded[position - 1].isalnum():
            low, high = max(0, position - _BEFORE_KEY), min(len(folded), position + _AFTER_KEY)
            while high < len(folded) and folded[high].isalnum():
                high += 1
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], high)
            else:
                windows.append((low, high))
        position = folded.find(key, position + 1)
    return windows


def _street_key(street: str) -> str:
    """Five letters of the street's longest distinctive word ("Hauptstr." finds "Hauptstraße")."""
    words = WORD_RE.findall(street)
    return max([w for w in words if w not in _STREET_TYPES] or words, key=len)[:5]


def find_addresses(text: str, language: str, known: KnownStreets) -> list[Span]:
    label = PLACEHOLDERS[language]["address"]
    spans = [
        Span(m.start(), m.end(), "address", "pattern", label)
        for m in _ADDRESS.finditer(text)
        if _HAS_NUMBER.search(m.group())
    ]
    spans += [
        Span(start, end, "address", "dossier", label) for start, end in known.find(fold(text))
    ]
    return spans


def dates_in(text: str, today: date) -> Iterator[tuple[int, int, date | None, int]]:
    """(start, end, date or None if impossible, year) of every written date, in text order;
    a two-digit year is the latest one not after ``today``."""
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        found.append((match.start(), match.end(), year, month, day))
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(match.group(i)) for i in (1, 2, 3))
        found.append((match.start(), match.end(), year, month, day))
    folded = fold(text)
    for match in _WRITTEN_DATE.finditer(folded):
        day, year, month = int(match.group(1)), int(match.group(3)), match.group(2)
        for number in _AMBIGUOUS_MONTHS.get(month, (MONTHS.get(month),)):
            found.append((match.start(), match.end(), year, number, day))
    found += dates_in_words(folded)
    for start, end, year, month, day in sorted(found):
        year = _full_year(year, today)
        yield start, end, _make_date(year, month, day), year


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(year: int, today: date) -> int:
    if year >= 100:
        return year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def find_birth_dates(text: str, birth_dates: set[date], today: date) -> list[Span]:
    """Birth dates replaced by their year; other dates (procedure dates) are left alone."""
    lowered = text.lower()
    spans = []
    previous_start, previous_end, window = -1, 0, ""
    for start, end, written, year in dates_in(text, today):
        if start != previous_start:  # a date read two ways ("jui.") shares its cue
            window = lowered[max(previous_end, start - 40) : start]
            window = re.split(r"[\d\n]", window)[-1]  # the cue: between this date and the last
            window = _SENTENCE_END.split(window)[-1]  # …and in the same sentence
            previous_start, previous_end = start, end
        if written is None:
            continue
        if written in birth_dates or (
            written <= today and _has_birth_cue(window) and not _PROCEDURE_CUE.search(window)
        ):
            spans.append(_birth_span(start, end, year, window))
    return spans


# A procedure date after a birth cue in the same sentence: "née à Mons, sa demande du 3 mai
# 2026" keeps the date of the request.
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_PROCEDURE_CUE = re.compile(
    r"(?<!\w)(?:demande|d[ée]cision|introduit|re[çc]u|audience|courrier|entretien|visite"
    r"|rendez-vous|inscrit|depuis|aanvraag|beslissing|ingediend|ontvangen|zitting|gesprek"
    r"|bezoek|sinds|antrag|bescheid|eingereicht|eingegangen|sitzung|gespr[äa]ch|besuch|seit)"
    r"(?!\w)"
)


def _has_birth_cue(window: str) -> bool:
    # "°" (born) only right before the date: "3° de la loi du 26 mai 2002" is not a birth.
    return window.rstrip().endswith("°") or BIRTH_CUE.search(window) is not None


def _birth_span(start: int, end: int, year: int, window: str) -> Span:
    """The year alone: "née le 3 mai 1992" reads "née en 1992", "Geburtsdatum: 03.05.1992"
    reads "Geburtsdatum: 1992"."""
    for preposition, replacement in _BIRTH_PREPOSITIONS.items():
        if window.endswith(preposition) and _has_birth_cue(window[: -len(preposition)]):
            return Span(
                start - len(preposition), end, "birth_date", "pattern", f"{replacement}{year}"
            )
    return Span(start, end, "birth_date", "pattern", str(year))
