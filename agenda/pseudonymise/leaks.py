"""The leak guard: every known identity value of the given dossiers, in any written form.

Run on a pseudonymised text before a meeting is convened; any certain hit must block the
convocation. The forms are the pseudonymiser's (``names``): the names, their nicknames and
Dutch diminutives, capitalised ("Piet"), and a name letter-spaced ("W É R Y") are certain; a
name that is also an ordinary word in lower case ("un petit studio" for Mr Petit), a
truncation of a first name ("Gwen", "Huppi", "Dada"), a word with a person's birth date in
brackets after it ("Bodya (07/07/18)"), a name cut in two ("No wak") and a person's initials
with dots ("M.S.", "J.-P. D.") are uncertain: the reviewer confirms those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial

from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.identifiers import OCR_DIGITS, email_needle, email_places
from agenda.pseudonymise.lexicon import PARTICLES, common_words, diminutives
from agenda.pseudonymise.mentions import birth_date_after, spaced_words
from agenda.pseudonymise.names import (
    Truncations,
    cut_in_two,
    initials_here,
    initials_in,
    may_be_short_form,
    person_initials,
)
from agenda.pseudonymise.normalise import Normalised, normalise
from agenda.pseudonymise.patterns import (
    dates_in,
    digit_runs,
    known_number_values,
    street_needle,
    street_pattern,
)
from agenda.pseudonymise.text import fold, name_parts, plain_spaces, tokenize

_OCR_DIGIT = re.compile(r"(?<=\d)[OoIlL|ZSGB]|[OoIlL|ZSGB](?=\d)")


@dataclass(frozen=True)
class Leak:
    start: int
    end: int
    text: str
    category: str  # name, niss, iban, phone, email, address, birth_date
    reference: str  # the dossier whose value leaked
    certain: bool = True


def _name_forms(dossier: Dossier) -> tuple[set[str], set[str]]:
    """The dossier's names by their folded parts, and its first names' short forms."""
    forms, short = set(), set()
    for person in dossier.persons:
        names = (*person.first_names, person.last_name)
        for name in (*names, *(n.replace("ß", "ss") for n in names if "ß" in n)):
            parts = name_parts(name)
            forms.update(p for p in parts if len(p) >= 3 and p not in PARTICLES)
            if len(parts) > 1:
                forms.add("".join(parts))
        for first_name in person.first_names:
            short.update(diminutives(first_name))
    return forms, short


class LeakIndex:
    """The known values of ``dossiers``, gathered once: each text is then read in one pass
    over its words, digits and dates, whatever the number of dossiers (the guard searches a
    year of the centre's dossiers, hundreds of them, in every text of a meeting). Each value
    points to the dossiers (by their place in ``dossiers``) that hold it."""

    def __init__(self, dossiers: Iterable[Dossier]) -> None:
        self._references: list[str] = []
        self._languages: list[str | None] = []
        self._forms: dict[str, list[int]] = {}
        self._short: dict[str, list[int]] = {}
        self._truncations: Truncations[int] = Truncations()
        self._signed: dict[str, list[int]] = {}
        self._numbers: dict[str, list[tuple[int, str]]] = {}
        # (dossier, category, a word its every match holds, where it stands in a folded text)
        self._patterns: list[
            tuple[int, str, str | None, Callable[[str], Iterable[tuple[int, int]]]]] = []
        self._births: dict[date, list[int]] = {}
        for position, dossier in enumerate(dossiers):
            self._references.append(dossier.reference)
            self._languages.append(dossier.language)
            self._add(position, dossier)
        self._number_sizes = sorted({len(digits) for digits in self._numbers}, reverse=True)

    def _add(self, position: int, dossier: Dossier) -> None:
        forms, short = _name_forms(dossier)
        for folded in forms:
            self._forms.setdefault(folded, []).append(position)
        for folded in short:
            self._short.setdefault(folded, []).append(position)
        persons = dossier.persons
        for first_name in {name for person in persons for name in person.first_names}:
            self._truncations.add(first_name, position)
        for letters in {letters for person in persons for letters in person_initials(person)}:
            self._signed.setdefault(letters, []).append(position)
        contacts, address = dossier.contacts, dossier.address
        values = known_number_values(
            [p.niss for p in persons if p.niss],
            [contacts.iban] if contacts.iban else [],
            [contacts.phone] if contacts.phone else [],
        )
        for digits, category in values.items():
            self._numbers.setdefault(digits, []).append((position, category))
        if contacts.email:
            self._patterns.append((position, "email", email_needle(contacts.email),
                                   partial(email_places, email=contacts.email)))
        if address and address.street:
            self._patterns.append((position, "address", street_needle(address.street),
                                   partial(_places, street_pattern(address.street))))
        for birth in {p.birth_date for p in persons if p.birth_date}:
            self._births.setdefault(birth, []).append(position)

    def find(self, text: str) -> list[Leak]:
        """Every place where ``text`` still shows a value of one of the dossiers."""
        # Read through soft hyphens, zero-width spaces and look-alike letters, as the layers do.
        normalised = normalise(text)
        text = plain_spaces(normalised.text)
        found: list[tuple[int, Leak]] = []  # (the dossier's place, the leak)

        def name_leak(owners: Iterable[int], start: int, end: int, certain: bool = True) -> None:
            found.extend((owner, _name_leak(text, start, end, self._references[owner], certain))
                         for owner in owners)

        tokens = tokenize(text)
        for token in tokens:
            owners = set(self._forms.get(token.folded, ()))
            if token.is_capitalised:
                owners.update(self._short.get(token.folded, ()))
            uncertain = token.is_lower and token.folded in common_words()
            name_leak(owners, token.start, token.end, not uncertain)
            if may_be_short_form(token):
                name_leak(set(self._truncations.owners(token.folded)) - owners,
                          token.start, token.end, certain=False)
            # a pet name the rules do not know, told by a person's birth date after it
            born = token.is_capitalised and birth_date_after(text, token.end, self._births)
            if born:
                name_leak(set(self._births[born]) - owners, token.start, token.end, certain=False)
        for start, end, letters in spaced_words(text):
            name_leak(self._forms.get(letters, ()), start, end)
        for i in range(len(tokens) - 1):
            if cut_in_two(text, tokens, i):
                joined = tokens[i].folded + tokens[i + 1].folded
                name_leak(self._forms.get(joined, ()), tokens[i].start, tokens[i + 1].end,
                          certain=False)
        for start, end, letters in initials_in(text):
            # without dots only in the pseudonymiser's own-dossier reading: the guard searches
            # a year of dossiers, whose people bear most pairs of capitals
            if letters in self._signed and "." in text[start:end]:
                # an abbreviation of one dossier's language may be initials in another's
                signers = self._signed[letters]
                here = {language: initials_here(text, start, end, letters, language)
                        for language in {self._languages[owner] for owner in signers}}
                name_leak([owner for owner in signers if here[self._languages[owner]]],
                          start, end, certain=False)
        # An OCR's letter for a digit ("80.O9.17", "096l") next to a digit is read as that digit.
        read = _OCR_DIGIT.sub(lambda m: OCR_DIGITS[m.group()], text)
        for start, end, digits in digit_runs(read):
            values = {digits[i : i + size] for size in self._number_sizes
                      for i in range(len(digits) - size + 1)}
            found += [
                (owner, Leak(start, end, text[start:end], category, self._references[owner]))
                for value in values for owner, category in self._numbers.get(value, ())
            ]
        folded = fold(text)
        for owner, category, needle, places in self._patterns:
            if needle is None or needle in folded:
                found += [
                    (owner, Leak(start, end, text[start:end], category, self._references[owner]))
                    for start, end in places(folded)
                ]
        for start, end, written, _ in dates_in(text, date.today()):
            found += [
                (owner, Leak(start, end, text[start:end], "birth_date", self._references[owner]))
                for owner in (self._births.get(written, ()) if written is not None else ())
            ]
        found.sort(key=lambda hit: (hit[1].start, hit[1].end, hit[0]))
        return [_in_original(leak, normalised) for _, leak in found]


def find_leaks(text: str, dossiers: Iterable[Dossier]) -> list[Leak]:
    """Every place where ``text`` still shows a value of one of ``dossiers`` (for many texts
    and the same dossiers, build one ``LeakIndex``)."""
    return LeakIndex(dossiers).find(text)


def _places(pattern: str, folded: str) -> list[tuple[int, int]]:
    """Where the whole-word ``pattern`` matches ``folded``."""
    return [match.span() for match in _whole(pattern).finditer(folded)]


@lru_cache(maxsize=4096)
def _whole(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){pattern}(?!\w)")


def _name_leak(text: str, start: int, end: int, reference: str, certain: bool = True) -> Leak:
    return Leak(start, end, text[start:end], "name", reference, certain)


def _in_original(leak: Leak, normalised: Normalised) -> Leak:
    start, end = normalised.span(leak.start, leak.end)
    return replace(leak, start=start, end=end, text=normalised.original[start:end])
