"""Identifiers in the forms real documents give them (issue 19).

- e-mail addresses written to fool robots: "marie.dupont at gmail dot com",
  "m.dupont (at) skynet (point) be", "name [at] domain [dot] eu";
- identifiers an OCR or a hurried typist damaged: a letter for a digit ("BE71 O961 2345 6769",
  "80.O9.17-123.43"): read with O→0 and I/l/|→1, they count when the checksum then holds or
  when they are a dossier's number;
- licence plates ("1-ABC-123"; the older "ABC-123" after a word about a vehicle) and court roll
  numbers ("rôle n° 23/1234/A", "RG 2023/AB/456", "rolnummer 23/456/A", "Az. 3 C 45/23"):
  they identify the person or the case, so they go;
- a dossier reference that carries a name ("DUPONT/2026/17"): the whole reference goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum.be import bis, nn

from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.lexicon import PLACEHOLDERS
from agenda.pseudonymise.patterns import IBAN_GAP
from agenda.pseudonymise.spans import Span
from agenda.pseudonymise.text import fold, name_parts

_OPEN, _CLOSE = r"[\[(<{]", r"[\])>}]"
# The at written out: in brackets ("(at)", "[@]"), between dashes ("-at-") or as a word in
# French, Dutch or German ("arobase", "apenstaartje", "Klammeraffe").
_AT_WORD = r"(?:at|arobase|apenstaartje|klammeraffe|ät)"
_AT = (
    rf"(?:\s*{_OPEN}\s*(?:{_AT_WORD}|a|@)\s*{_CLOSE}\s*|\s*-{_AT_WORD}-\s*"
    rf"|\s+(?:{_AT_WORD}|bei|chez|bij)\s+|[ \t]*@[ \t]*)"
)
_DOT_WORD = r"(?:dot|point|punt|punkt)"
# A dot in brackets or between dashes is a deliberate disguise: any top-level domain may follow.
_MARKED_DOT = rf"(?:\s*{_OPEN}\s*(?:{_DOT_WORD}|\.)\s*{_CLOSE}\s*|\s*-{_DOT_WORD}-\s*)"
_DOT = rf"(?:{_MARKED_DOT}|\s+{_DOT_WORD}\s+|\.)"
# After a dot written as a plain word ("chez Dupont point de vue"), only a domain readers know.
_TLD = (
    r"(?:com|be|net|org|fr|nl|de|eu|lu|info|biz|io|uk|ch|at|me|co|it|es|pt|pl|ro|ma|tn|dz|tr"
    r"|cd|email|online|pro|brussels|vlaanderen|gent)"
)
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*?{_AT}[\w-]+(?:{_DOT}[\w-]+)*?"
    rf"(?:{_MARKED_DOT}[a-z]{{2,6}}|(?:{_DOT}|[ \t]?\.[ \t]?){_TLD})(?!\w)",
    re.IGNORECASE,
)


def known_email_pattern(email: str) -> str:
    """A pattern, on folded text, for a dossier's e-mail address written plainly or in any of
    the disguises above ("tom.z [at] proton [point] me" for "tom.z@proton.me")."""
    local, _, domain = fold(email).strip().partition("@")
    dot = rf"(?:{_DOT}|[ \t]?\.[ \t]?)"  # "x @ y . be": a space typed around the dot
    parts = [re.escape(part) for part in local.split(".")]
    if domain:
        labels = [re.escape(label) for label in domain.split(".")]
        return dot.join(parts) + _AT + dot.join(labels)
    return dot.join(parts)


def email_needle(email: str) -> str:
    """The longest piece of the address's local part, folded: every disguise holds it, so a
    text without it need not be searched."""
    return max(fold(email).strip().partition("@")[0].split("."), key=len)


def known_email_patterns(emails: Iterable[str]) -> dict[str, list[str]]:
    """The dossiers' e-mail addresses by the longest word of their needle, for
    ``find_known_emails``: a text's words then say which addresses it may hold, instead of
    each address being looked for in each text."""
    found: dict[str, list[str]] = {}
    for email in emails:
        found.setdefault(max(_WORD.findall(email_needle(email)) or [""], key=len), []).append(email)
    return found


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def known_email_regex(email: str) -> re.Pattern[str]:
    """The compiled ``known_email_pattern``, on first need only: the disguises make a long
    pattern (milliseconds to compile), and most addresses of a meeting are in no given text."""
    return re.compile(rf"(?<!\w){known_email_pattern(email)}(?!\w)")


def find_known_emails(text: str, language: str, emails: Mapping[str, Sequence[str]]
                      ) -> list[Span]:
    """The dossiers' e-mail addresses (``known_email_patterns``), whatever the disguise."""
    if not emails:
        return []
    folded = fold(text)
    spans = []
    for word in sorted(set(_WORD.findall(folded)) & emails.keys()):
        for email in emails[word]:
            spans += [Span(start, end, "email", "pattern", _label(language, "email"))
                      for start, end in email_places(folded, email)]
    return spans


def email_places(folded: str, email: str) -> list[tuple[int, int]]:
    """Where ``email`` is written in ``folded``. The pattern of every disguise is long to
    compile: it is tried only when, past the plain occurrences, the address's words still
    stand in their order with short gaps between them, as in any disguised occurrence."""
    plain = [match.span() for match in _plain_email_regex(email).finditer(folded)]
    rest = folded
    for start, end in plain:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if not _loose_email_regex(email).search(rest):
        return plain
    return [match.span() for match in known_email_regex(email).finditer(folded)]


# Between two words of an address in disguise: a dot, "@", " [at] ", "-dot-", " arobase "...
_GAP = r"\W{0,12}(?:\w{1,12}\W{1,12})?"


@lru_cache(maxsize=4096)
def _loose_email_regex(email: str) -> re.Pattern[str]:
    return re.compile(_GAP.join(re.escape(word) for word in _WORD.findall(fold(email))))


@lru_cache(maxsize=4096)
def _plain_email_regex(email: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(fold(email).strip())}(?!\w)")


# Digits as an OCR reads them: O for 0, I, l, L and | for 1, Z for 2, S for 5, G for 6, B for 8.
OCR_DIGITS = {"O": "0", "o": "0", "I": "1", "l": "1", "L": "1", "|": "1", "Z": "2", "S": "5",
              "G": "6", "B": "8"}
_CONFUSED = str.maketrans(OCR_DIGITS)
_D = r"[0-9OoIlL|ZSGB]"
_DAMAGED_IBAN = re.compile(
    rf"\b[A-Z]{{2}}{_D}{{2}}(?:{IBAN_GAP}{_D}{{4}}){{2,7}}(?:{IBAN_GAP}{_D}{{1,3}})?(?!\w)"
)
# A letter may stand for the first digit too ("G11123 85O 12"): the checksum or the dossier
# decides, so a word is never taken for a number.
_DAMAGED_RUN = re.compile(
    rf"[0-9OoIlZSGB](?<![\w.,/-].)(?:[ ./-]?{_D}){{7,}}(?!\w|,\d|[./-]\d)"  # "|": a table's
)

_PLATE = re.compile(r"(?<![\w-])[1-9]-[A-Z]{3}-\d{3}(?![\w-])")
# After a word about a vehicle (one pass for all): Belgium's older "ABC-123", "123-ABC",
# "2 BBV 956", "2WZT304"; a French car's "AB-123-CD"; a German one's "AC-WY 3400", "K AB 123"
# (a district's letters, one or two letters, a number).
_CUED_PLATE = re.compile(
    r"(?<![\w-])(?:[1-9][- ]?[A-Z]{3}[- ]?\d{3}|[A-Z]{3}[- ]\d{3}|\d{3}[- ][A-Z]{3}"
    r"|[A-Z]{2}[- ]\d{3}[- ][A-Z]{2}|[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} \d{1,4}[EH]?)(?![\w-])"
)
_VEHICLE_WORD = (
    r"(?:plaque|immatricul|v[ée]hicule|voiture|camionnette|nummerplaat|kenteken|wagen|auto"
    r"|voertuig|kennzeichen|fahrzeug|pkw)"
)
_VEHICLE_CUE = re.compile(rf"{_VEHICLE_WORD}[^\n]{{0,30}}$", re.IGNORECASE)
_ROLL = re.compile(
    # "Rôle n°" heads a court letter, "rôle" runs in a sentence, "RÔLE GÉNÉRAL" is a heading
    r"(?:\b(?:[Nn]um[ée]ro\s+de\s+r[ôo]le|[Nn]°\s*de\s+r[ôo]le"
    r"|(?:[Rr][ôo]le|RÔLE|ROLE)(?:\s+(?:g[ée]n[ée]ral|G[ÉE]N[ÉE]RAL))?|R\.\s?G\.|RG"
    r"|[Rr]olnummer|ROLNUMMER|[Rr]olnr\.?|[Aa]lgemene\s+rol|A\.\s?R\.\s?(?=n)|Aktenzeichen|Az\.|Akte|Rolle"
    r"|Verfahren|affaire|zaak)"
    r"\s*(?:(?i:n°|no|nr|num[ée]ro)\.?\s*)?:?\s*)"
    r"(?P<code>\d[\dA-Z]*(?:\s?[/.-]\s?[\dA-Z]+){1,4}|\d{1,3}\s[A-Z]{1,3}\s\d+/\d{2,4}"
    r"|\d{2}[A-Z]\d{3,6})(?![\w/])",
)


# A case number after a looser word ("dossier", "procédure", "AR", "zaak"): only the forms with
# a letter court files take ("24B5717", "2024/1864/A"), never a CPAS file number ("2026/0042").
_CASE = re.compile(
    r"\b(?:dossier|proc[ée]dure|AR|A\.R\.|zaak|Akte)\s*(?:n°\s*|nr\.?\s*)?"
    r"(?P<code>\d{2}[A-Z]\d{3,6}|\d{2,4}/\d{2,5}/[A-Z])(?![\w/])"
)
_A_DATE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{2,4}")
# The shapes Belgian courts give their roll numbers are distinctive enough to be recognised
# without the word before them (which varies: "AL", "Nummer", "le numéro", "RCD"…): a year of
# two digits, a number and a chamber letter ("24/1234/A"); a year of four, a chamber's letters
# and a number ("2024/AB/123"); a year, a letter and a number ("24B5717"). A date, an amount or
# a file number has no letter there; a legal reference ("art. 12/3/A") is told by its word.
_ROLL_SHAPE = re.compile(
    # a digit first, then what stands before it: most positions fail at once
    r"\d(?<![\w/.,-]\d)\d(?:/\d{1,5}/[A-Z]|(?<=19|20)\d{2}/[A-Z]{1,3}/\d{1,6}|[A-Z]\d{3,6})"
    r"(?![\w/-])"
)
_LEGAL_BEFORE = re.compile(r"(?:\b(?:art|arts|artikel|article|articles|Art)\.?|§|Abs\.)\s*$",
                           re.IGNORECASE)

# A legal reference: an article's word, its number with slashes and suffixes ("1675/2", "58bis",
# "4/1 ter"), its subdivisions ("§ 2", "al. 3", "lid 2", "Abs. 1", "2°") and the code's
# abbreviation after it ("Ger.W.", "B.W.", "C.civ.", "Sw."): none of it is a name nor a number
# that identifies anyone.
_ARTICLE_WORD = r"(?:\b(?i:art|arts|artikel|artikels|article|articles)\.?|§{1,2}|\bAbs\.)"
_ARTICLE_NUMBER = r"\d+(?:\s?(?:bis|ter|quater|quinquies|[a-z])\b)?"
_SUBDIVISION = r"(?:§\s*\d+|al\.\s*\d+|alinéa\s+\d+|lid\s+\d+|Abs\.\s*\d+|Satz\s+\d+|\d+°)"
_CODE_ABBREVIATION = r"[A-Z][a-zà-ÿ]{0,5}\.(?:\s?[A-Za-zà-ÿ][a-zà-ÿ]{0,5}\.){0,3}"
_LEGAL_REFERENCE = re.compile(
    rf"{_ARTICLE_WORD}\s*{_ARTICLE_NUMBER}(?:\s?/\s?{_ARTICLE_NUMBER})*"
    rf"(?:,?\s+{_SUBDIVISION})*(?:,?\s+{_CODE_ABBREVIATION})?"
)


def outside_legal_references(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` without the names read inside a legal reference ("art. 1675/2 Ger.W.": "Ger."
    is no truncated Gertrude)."""
    if not any(span.category == "name" for span in spans):
        return spans
    references = [(m.start(), m.end()) for m in _LEGAL_REFERENCE.finditer(text)]
    return [
        span for span in spans
        if span.category != "name"
        or not any(span.start < end and start < span.end for start, end in references)
    ]


def _label(language: str, kind: str) -> str:
    return PLACEHOLDERS[language][kind]


# What every e-mail written in words holds; most texts do not, and skip the long pattern.
# "x @ y.be", "x@y. be", "x@y .be" (a space typed or a line cut) are written so too.
AT_WORD = re.compile(
    rf"(?:\s|[\[(<{{-])(?:{_AT_WORD}|@)(?:\s|[\])>}}-])"
    r"|@[\w-]+(?:\.[\w-]+)*[ \t]?\.[ \t]"
    # "x chez y point be", "x bei y Punkt de": the at is an ordinary word, the dot word is not
    rf"|\s{_DOT_WORD}\s+{_TLD}\b",
    re.IGNORECASE,
)


def find_obfuscated_emails(text: str, language: str) -> list[Span]:
    if not AT_WORD.search(text):
        return []
    return [
        Span(m.start(), m.end(), "email", "pattern", _label(language, "email"))
        for m in _OBFUSCATED_EMAIL.finditer(text)
        if " " in m.group() or any(c in m.group() for c in "[(<{")
    ]


def find_damaged_identifiers(text: str, language: str, known: dict[str, str]) -> list[Span]:
    """IBANs, NISS and the dossiers' numbers with a letter read for a digit."""
    spans = []
    for match in _DAMAGED_IBAN.finditer(text):
        found = match.group()
        if found[2:] == found[2:].translate(_CONFUSED):
            continue  # no letter for a digit: the IBAN pattern's
        read = found[:2] + found[2:].translate(_CONFUSED)
        digits = re.sub(r"\D", "", read)
        if stdnum_iban.is_valid(read, check_country=False) or any(
            value in digits for value, kind in known.items() if kind == "iban"
        ):
            spans.append(Span(match.start(), match.end(), "iban", "pattern",
                              _label(language, "iban")))
    for match in _DAMAGED_RUN.finditer(text):
        found = match.group()
        read = found.translate(_CONFUSED)
        if read == found:
            continue
        digits = re.sub(r"\D", "", read)
        kind = "niss" if len(digits) == 11 and (nn.is_valid(digits) or bis.is_valid(digits)) \
            else next(
            (k for value, k in known.items() if value in digits), None)
        if kind is not None:
            spans.append(Span(match.start(), match.end(), kind, "pattern",
                              _label(language, kind)))
    return spans


def find_plates_and_rolls(text: str, language: str) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), "plate", "pattern", _label(language, "plate"))
        for m in _PLATE.finditer(text)
    ]
    spans += [
        Span(m.start(), m.end(), "plate", "pattern", _label(language, "plate"))
        for m in _CUED_PLATE.finditer(text)
        if _VEHICLE_CUE.search(text[max(0, m.start() - 60) : m.start()])
    ]
    spans += [
        Span(m.start("code"), m.end("code"), "roll", "pattern", _label(language, "roll"))
        for m in _ROLL.finditer(text)
        if not _A_DATE.fullmatch(m.group("code"))  # "Verfahren 12.03.2026": a date stays
    ]
    spans += [
        Span(m.start("code"), m.end("code"), "roll", "pattern", _label(language, "roll"))
        for m in _CASE.finditer(text)
    ]
    spans += [
        Span(m.start(), m.end(), "roll", "pattern", _label(language, "roll"))
        for m in _ROLL_SHAPE.finditer(text)
        if not _LEGAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    return spans


def reference_carries_name(dossier: Dossier) -> bool:
    """True when the dossier's reference holds a name part of one of its people (three
    letters or more): "DUPONT/2026/17", "2026-0042-Stevenart"."""
    words = set(re.findall(r"[a-z]{3,}", fold(dossier.reference)))
    parts = {p for person in dossier.persons for p in name_parts(person.full_name) if len(p) >= 3}
    return bool(words & parts)


def named_reference_patterns(dossiers: Iterable[Dossier]) -> list[re.Pattern[str]]:
    """Patterns, on folded text, of the references that carry a name, whatever separators."""
    found = []
    for dossier in dossiers:
        if not reference_carries_name(dossier):
            continue
        chunks = [re.escape(c) for c in re.findall(r"[a-z0-9]+", fold(dossier.reference))]
        if chunks:
            found.append(re.compile(rf"(?<![a-z0-9]){'[ ./_-]*'.join(chunks)}(?![a-z0-9])"))
    return found


def find_named_references(text: str, language: str,
                          references: Sequence[re.Pattern[str]]) -> list[Span]:
    if not references:
        return []
    folded = fold(text)
    return [
        Span(m.start(), m.end(), "reference", "pattern", _label(language, "reference"))
        for pattern in references
        for m in pattern.finditer(folded)
    ]
