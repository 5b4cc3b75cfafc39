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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.identifiers import OCR_DIGITS
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
    street_pattern,
)
from agenda.pseudonymise.text import fold, name_parts, plain_spaces, tokenize

_OCR_DIGIT = re.compile(r"(?<=\d)[OoIl|ZSGB]|[OoIl|ZSGB](?=\d)")


@dataclass(frozen=True)
class Leak:
    start: int
    end: int
    text: str
    category: str  # name, niss, iban, phone, email, address, birth_date
    reference: str  # the dossier whose value leaked
    certain: bool = True


def _name_forms(dossier: Dossier) -> tuple[dict[str, str], dict[str, str]]:
    """The dossier's names by their folded parts, and its first names' short forms."""
    forms, short = {}, {}
    for person in dossier.persons:
        names = (*person.first_names, person.last_name)
        for name in (*names, *(n.replace("ß", "ss") for n in names if "ß" in n)):
            parts = name_parts(name)
            forms.update({p: name for p in parts if len(p) >= 3 and p not in PARTICLES})
            if len(parts) > 1:
                forms["".join(parts)] = name
        for first_name in person.first_names:
            short.update({form: first_name for form in diminutives(first_name)})
    return forms, short


def find_leaks(text: str, dossiers: Iterable[Dossier]) -> list[Leak]:
    """Every place where ``text`` still shows a value of one of ``dossiers``."""
    # Read through soft hyphens, zero-width spaces and look-alike letters, as the layers do.
    normalised = normalise(text)
    text = plain_spaces(normalised.text)
    folded = fold(text)
    tokens = tokenize(text)
    # An OCR's letter for a digit ("80.O9.17", "096l") next to a digit is read as that digit.
    runs = list(digit_runs(_OCR_DIGIT.sub(lambda m: OCR_DIGITS[m.group()], text)))
    dates = [(s, e, d) for s, e, d, _ in dates_in(text, date.today()) if d is not None]
    leaks: list[Leak] = []
    spaced = list(spaced_words(text))
    cut = [i for i in range(len(tokens) - 1) if cut_in_two(text, tokens, i)]
    initials = list(initials_in(text))
    for dossier in dossiers:
        ref = dossier.reference
        forms, short = _name_forms(dossier)
        truncations: Truncations[str] = Truncations()
        for person in dossier.persons:
            for first_name in person.first_names:
                truncations.add(first_name, first_name)
        births = {p.birth_date for p in dossier.persons if p.birth_date}
        for token in tokens:
            if token.folded in forms or (token.is_capitalised and token.folded in short):
                uncertain = token.is_lower and token.folded in common_words()
                leaks.append(_name_leak(text, token.start, token.end, ref, not uncertain))
            elif (may_be_short_form(token) and truncations.owners(token.folded)) or (
                # a pet name the rules do not know, told by the birth date after it
                token.is_capitalised and birth_date_after(text, token.end, births)
            ):
                leaks.append(_name_leak(text, token.start, token.end, ref, certain=False))
        leaks += [_name_leak(text, start, end, ref) for start, end, letters in spaced
                  if letters in forms]
        leaks += [
            _name_leak(text, tokens[i].start, tokens[i + 1].end, ref, certain=False)
            for i in cut
            if tokens[i].folded + tokens[i + 1].folded in forms
        ]
        signed = {letters for person in dossier.persons for letters in person_initials(person)}
        leaks += [
            _name_leak(text, start, end, ref, certain=False)
            for start, end, letters in initials
            # without dots only in the pseudonymiser's own-dossier reading: the guard searches
            # a year of dossiers, whose people bear most pairs of capitals
            if "." in text[start:end] and letters in signed
            and initials_here(text, start, end, letters, dossier.language)
        ]
        contacts, address = dossier.contacts, dossier.address
        values = known_number_values(
            [p.niss for p in dossier.persons if p.niss],
            [contacts.iban] if contacts.iban else [],
            [contacts.phone] if contacts.phone else [],
        )
        for start, end, digits in runs:
            leaks += [
                Leak(start, end, text[start:end], category, ref)
                for wanted, category in values.items()
                if wanted in digits
            ]
        patterns = []
        if contacts.email:
            patterns.append(("email", re.escape(fold(contacts.email))))
        if address and address.street:
            patterns.append(("address", street_pattern(address.street)))
        for category, pattern in patterns:
            leaks += [
                Leak(m.start(), m.end(), text[m.start() : m.end()], category, ref)
                for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", folded)
            ]
        leaks += [
            Leak(start, end, text[start:end], "birth_date", ref)
            for start, end, written in dates
            if written in births
        ]
    leaks = [_in_original(leak, normalised) for leak in leaks]
    return sorted(leaks, key=lambda leak: (leak.start, leak.end))


def _name_leak(text: str, start: int, end: int, reference: str, certain: bool = True) -> Leak:
    return Leak(start, end, text[start:end], "name", reference, certain)


def _in_original(leak: Leak, normalised: Normalised) -> Leak:
    start, end = normalised.span(leak.start, leak.end)
    return replace(leak, start=start, end=end, text=normalised.original[start:end])
