"""The identity guard's detection: what in a text members will read could name a person.

Pure, like the rest of the pseudonymiser: the caller hands in the texts, the dossiers to look
for and the names that may appear (the members and staff of the centre). Three layers, the
pseudonymiser's own:

- the known identities of ``dossiers``, in every written form (``LeakIndex``);
- the validated patterns: NISS/BIS, IBAN, phones, e-mails, addresses (checksums by
  python-stdnum and phonenumbers, so an amount or a file number is no hit);
- names by the third-party rules (a civil or professional title, a role noun, a common first
  name, two capitalised words...) and, where the caller has them, the statistical model's
  person entities (``entities``, per field): the model is never loaded here, the caller asks
  the pseudonymisation service for them.

Names written in ``allowed_names`` (a councillor withdrawing, the president signing) are no hit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from agenda.pseudonymise import patterns
from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.leaks import LeakIndex
from agenda.pseudonymise.lexicon import PARTICLES
from agenda.pseudonymise.text import name_parts, plain_spaces, tokenize
from agenda.pseudonymise.thirdparty import find_third_parties

#: every kind of hit, in the order a page lists them
KINDS = ("name", "niss", "iban", "phone", "email", "address", "birth_date")
_MASK = "•"
_SHOWN = 2


@dataclass(frozen=True)
class Hit:
    """Something in ``field`` that could name a person: ``masked`` shows its first letters
    only ("DI••••"), never the whole value."""

    field: str
    kind: str
    start: int
    end: int
    masked: str


def mask(value: str) -> str:
    """The first two characters of each word, the rest masked: enough for the author to find
    it in the text, not enough to read it on a screen shared with others."""
    return " ".join(
        word[:_SHOWN] + _MASK * max(len(word) - _SHOWN, 1) for word in value.split()
    )


def allowed_tokens(names: Iterable[str]) -> frozenset[str]:
    """The folded parts of names that may appear in a text (members, staff)."""
    return frozenset(
        part for name in names for part in name_parts(name) if part not in PARTICLES
    )


def find_identities(
    texts: Mapping[str, str],
    dossiers: Sequence[Dossier],
    *,
    language: str = "fr",
    allowed: frozenset[str] = frozenset(),
    entities: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> list[Hit]:
    """Every hit in every field of ``texts`` (field name → text), one per span, by field then
    position. ``entities``: the model's person spans of each field's ``scanned`` text."""
    known = _Known(LeakIndex(dossiers), patterns.KnownStreets(d.address for d in dossiers
                                                              if d.address))
    hits: list[Hit] = []
    for field, text in texts.items():
        if text and text.strip():
            found = (entities or {}).get(field, ())
            hits += _hits_in(field, text, known, language, allowed, found)
    return hits


@dataclass(frozen=True)
class _Known:
    """The dossiers' values, read once for all the fields."""

    leaks: LeakIndex
    streets: patterns.KnownStreets


def text_for_model(text: str) -> str:
    """The text the layers read (same offsets): what to send to the model for ``entities``."""
    return plain_spaces(text)


def _hits_in(
    field: str,
    text: str,
    known: _Known,
    language: str,
    allowed: frozenset[str],
    entities: Sequence[tuple[int, int]],
) -> list[Hit]:
    scanned = plain_spaces(text)
    found: list[tuple[int, int, str]] = [
        (leak.start, leak.end, leak.category)
        for leak in known.leaks.find(text)
        if leak.certain
    ]
    found += [
        (span.start, span.end, span.category)
        for span in (
            patterns.find_niss(scanned, language)
            + patterns.find_ibans(scanned, language)
            + patterns.find_phones(scanned, language)
            + patterns.find_emails(scanned, language)
            + patterns.find_addresses(scanned, language, known.streets)
        )
    ]
    tokens = tokenize(scanned)
    for span in find_third_parties(scanned, tokens, entities, None, language):
        named = set(span.person.tokens) if span.person is not None else set()
        if not named or not named <= allowed:
            found.append((span.start, span.end, "name"))
    return [
        Hit(field, kind, start, end, mask(text[start:end]))
        for start, end, kind in _without_overlaps(found)
    ]


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One hit per place: the first found (a validated value beats a name inside it)."""
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, kind))
    return kept
