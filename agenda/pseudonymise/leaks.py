"""The leak guard: every known identity value of the given dossiers, in any written form.

Run on a pseudonymised text before a meeting is convened; any certain hit must block the
convocation. A hit is uncertain only when a name that is also an ordinary word appears in lower
case ("un petit studio" for Mr Petit): the reviewer confirms those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.identifiers import OCR_DIGITS
from agenda.pseudonymise.lexicon import PARTICLES, common_words
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


def _name_forms(dossier: Dossier) -> dict[str, str]:
    forms = {}
    for person in dossier.persons:
        names = (*person.first_names, person.last_name)
        for name in (*names, *(n.replace("ß", "ss") for n in names if "ß" in n)):
            parts = name_parts(name)
            forms.update({p: name for p in parts if len(p) >= 3 and p not in PARTICLES})
            if len(parts) > 1:
                forms["".join(parts)] = name
    return forms


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
    for dossier in dossiers:
        ref = dossier.reference
        forms = _name_forms(dossier)
        for token in tokens:
            if token.folded in forms:
                uncertain = token.is_lower and token.folded in common_words()
                leaks.append(
                    Leak(
                        token.start,
                        token.end,
                        text[token.start : token.end],
                        "name",
                        ref,
                        not uncertain,
                    )
                )
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
        births = {p.birth_date for p in dossier.persons if p.birth_date}
        leaks += [
            Leak(start, end, text[start:end], "birth_date", ref)
            for start, end, written in dates
            if written in births
        ]
    leaks = [_in_original(leak, normalised) for leak in leaks]
    return sorted(leaks, key=lambda leak: (leak.start, leak.end))


def _in_original(leak: Leak, normalised: Normalised) -> Leak:
    start, end = normalised.span(leak.start, leak.end)
    return replace(leak, start=start, end=end, text=normalised.original[start:end])
