"""Suspicious leftovers for the human reviewer: names the layers may have missed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from agenda.pseudonymise.identifiers import AT_WORD
from agenda.pseudonymise.lexicon import PARTICLES, first_names
from agenda.pseudonymise.names import Truncations, may_be_short_form
from agenda.pseudonymise.text import (
    Token,
    edit_distance,
    name_parts,
    plain_spaces,
    sentence_start,
    tokenize,
)
from agenda.pseudonymise.thirdparty import is_not_person, is_place, name_runs

_ONE_LETTER = re.compile(
    r"\b(?:Madame|Monsieur|Mme|Mlle|M\.|Mevrouw|Mevr\.|[Dd]e heer|Dhr\.|Frau|Herr|Dr\.?|Me)"
    r"[ \t]+[A-Z](?![\w.])"
    r"|\b[A-Z]\.[ \t]?(?=[A-ZÀ-Þ][a-zà-ÿ]{2,})"
)


@dataclass(frozen=True)
class Doubt:
    start: int
    end: int
    text: str
    reason: str  # "first name", "capitalised", "one letter", "close to a known name",
    # "unmatched identifier"

    @property
    def blocks(self) -> bool:
        """Whether the item may not be approved before a reviewer decides this doubt."""
        return self.reason in BLOCKING


#: the doubts a reviewer must decide (keep as it is, or replace) before approving the item:
#: a word a letter or two away from a name of the dossier (a typing or OCR slip of it), and
#: something shaped like an identifier no pattern validated (an IBAN, a NISS with a letter for
#: a digit, a long number, an e-mail written in words)
BLOCKING = frozenset({"close to a known name", "unmatched identifier"})

_DIGITISH = r"[0-9OoIl|ZSGB]"
_IDENTIFIER = re.compile(
    # an IBAN: country, check digits, then groups (letters read for digits by an OCR too)
    rf"\b[A-Z]{{2}}{_DIGITISH}{{2}}(?:[ ]?[0-9A-Za-z|]{{4}}){{2,7}}(?:[ ]?{_DIGITISH}{{1,3}})?\b"
    # a NISS-shaped number: 6 + 3 + 2 digits with or without its dots and dash
    rf"|(?<![\w.,/-])\d{_DIGITISH}[. ]?{_DIGITISH}{{2}}[. ]?{_DIGITISH}{{2}}[-. ]?"
    rf"{_DIGITISH}{{3}}[. ]?{_DIGITISH}{{2}}(?!\w|,\d|[./-]\d)"
    # a long run of digits (9 or more, any separators) that no pattern took
    r"|(?P<long>(?<![\w.,/-])\d(?:[ ./-]?\d){8,}(?!\w|,\d|[./-]\d))"
)
# an e-mail address written in words: "name at domain dot com", "name (at) domain (point) be"
_EMAIL_IN_WORDS = re.compile(
    r"\b[\w.+-]+\s*[\[(]?\s*(?:at|arobase|apenstaartje|ät)\s*[\])]?\s*[\w-]+"
    r"(?:\s*[\[(]?\s*(?:dot|point|punt|punkt|\.)\s*[\])]?\s*[\w-]+)+"
)
_DATE_OR_AMOUNT = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d+,\d{2}")
# "12.03.2026 14" (a date, then the hour) or two dates in a row are no identifier
_DATE_FIRST = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d)")


def _unmatched_identifiers(text: str) -> list[Doubt]:
    """Identifier-shaped leftovers: the pattern layer validates (mod-97) before replacing, so a
    mistyped or OCR-damaged IBAN or NISS, or a long number, stays for a human to decide."""
    doubts = []
    if AT_WORD.search(text):
        doubts += [Doubt(m.start(), m.end(), m.group(), "unmatched identifier")
                   for m in _EMAIL_IN_WORDS.finditer(text)]
    for match in _IDENTIFIER.finditer(text):
        found = match.group()
        if sum(c.isdigit() for c in found) < 6:
            continue
        if _DATE_OR_AMOUNT.fullmatch(found.strip()):
            continue
        if match.group("long") and _DATE_FIRST.match(found):
            continue
        doubts.append(Doubt(match.start(), match.end(), found, "unmatched identifier"))
    return doubts


def find_doubts(
    text: str,
    *,
    ignore: Sequence[tuple[int, int]] = (),
    known_names: Iterable[str] = (),
    language: str = "fr",
) -> list[Doubt]:
    """Leftovers that look like names in a pseudonymised ``text``; ``ignore`` holds the spans of
    the pseudonyms themselves ("Madame A." is no doubt)."""
    original, text = text, plain_spaces(text)
    tokens = tokenize(text)
    doubts = _capitalised(text, tokens, language) + _one_letter(text)
    doubts += _near_duplicates(tokens, known_names) + _unmatched_identifiers(text)
    kept = {
        (d.start, d.end): replace(d, text=original[d.start : d.end])
        for d in sorted(doubts, key=lambda d: d.start)
        if not any(s < d.end and d.start < e for s, e in ignore)
    }
    return list(kept.values())


def _capitalised(text: str, tokens: Sequence[Token], language: str) -> list[Doubt]:
    doubts = []
    for run in name_runs(text, tokens):
        words = tokens[run.first : run.last + 1]
        start, end = words[0].start, words[-1].end
        if is_place(text, words) or is_not_person(tokens, run) or _heading_or_acronym(text, words):
            continue
        if any(t.folded in first_names() for t in words):
            reason = "first name"
        elif len([t for t in words if t.folded not in PARTICLES]) > 1:
            reason = "capitalised"
        elif language != "de" and not sentence_start(text, start):
            # German capitalises every noun: a lone capitalised word says nothing there.
            reason = "capitalised"
        else:
            continue
        doubts.append(Doubt(start, end, text[start:end], reason))
    return doubts


def _heading_or_acronym(text: str, words: Sequence[Token]) -> bool:
    """An acronym ("PIIS", "SECAL") or a heading line in capitals ("PROJET INDIVIDUALISÉ")."""
    if not all(w.text.isupper() for w in words):
        return False
    line_start = text.rfind("\n", 0, words[0].start) + 1
    line_end = text.find("\n", words[-1].end)
    line = text[line_start : None if line_end < 0 else line_end]
    return (len(words) == 1 and len(words[0].text) <= 5) or not any(c.islower() for c in line)


def _one_letter(text: str) -> list[Doubt]:
    return [Doubt(m.start(), m.end(), m.group(), "one letter") for m in _ONE_LETTER.finditer(text)]


def _near_duplicates(tokens: Sequence[Token], known_names: Iterable[str]) -> list[Doubt]:
    """Words a letter or two away from a dossier name, and the truncations of one the layers
    did not take for the person because the word could be something else ("Bine" in German
    without an age or quotes, "Stof" opening a sentence)."""
    known_names = list(known_names)
    parts = {p for name in known_names for p in name_parts(name) if len(p) >= 4}
    truncations: Truncations[str] = Truncations()
    for name in known_names:
        truncations.add(name, name)
    close: dict[str, bool] = {}  # a word met again ("Madame" ten times) is compared once

    def is_close(word: str) -> bool:
        if word not in close:
            close[word] = any(
                edit_distance(word, part, limit) <= limit
                for part in parts
                for limit in ((2 if len(part) >= 8 else 1),)
            )
        return close[word]

    return [
        Doubt(token.start, token.end, token.text, "close to a known name")
        for token in tokens
        if token.is_capitalised
        and token.folded not in parts
        and (
            (len(token.folded) >= 4 and is_close(token.folded))
            or (may_be_short_form(token) and truncations.owners(token.folded))
        )
    ]
