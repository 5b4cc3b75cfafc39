"""The pseudonymiser: the layers put together for the items of one meeting.

For each item, in order: (b) validated patterns, (a) the dossiers' people, (c) third parties by
rules and, in French, the statistical model (one batched pass for the whole meeting); then (d)
every third-party name found anywhere is looked for in every item; then the spans are rendered
with the meeting's registry, so "Madame A." is the same person in every item.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from agenda.pseudonymise import identifiers, ner, patterns
from agenda.pseudonymise.dossier import Dossier
from agenda.pseudonymise.doubts import Doubt, find_doubts
from agenda.pseudonymise.lexicon import (
    CHILD_NOUNS,
    CHILD_WORDS,
    CIVIL_TITLE_WORDS,
    FAMILY_NOUNS,
    GERMAN_DATIVE,
    LANGUAGES,
    PARTICLES,
    TITLE_WORDS,
    age_phrase,
    named_after_saint,
    names_institution,
)
from agenda.pseudonymise.mentions import civil_title_before, joined, role_title_before
from agenda.pseudonymise.names import KnownNames
from agenda.pseudonymise.normalise import Normalised, normalise
from agenda.pseudonymise.registry import Entry, Registry
from agenda.pseudonymise.spans import PersonRef, Span, resolve
from agenda.pseudonymise.text import Token, fold, plain_spaces, sentence_start, tokenize
from agenda.pseudonymise.thirdparty import find_third_parties, in_scope, third_party_ref

_AGE_FOLLOWS = re.compile(
    r"\s*\(\s*\d+\s*(?:ans?|jaar|jahre?n?|mois|maanden|monate?)?\s*\)", re.IGNORECASE
)
_LIST_LINK = re.compile(r"\s*(?:\([^)]*\))?\s*(?:,|et|en|und|&)\s*", re.IGNORECASE)
_ADULT_AGE = 18


@dataclass(frozen=True)
class Replacement:
    """A span of the ORIGINAL text and what replaces it; a reviewer may undo it."""

    start: int
    end: int
    original: str
    replacement: str
    category: str
    source: str


@dataclass(frozen=True)
class PseudonymisedItem:
    text: str
    replacements: tuple[Replacement, ...]
    key: dict[str, dict[str, str]]
    language: str
    doubts: tuple[Doubt, ...] = ()


@dataclass
class MeetingResult:
    items: list[PseudonymisedItem]
    registry: Registry = field(repr=False)

    @property
    def key(self) -> dict[str, dict[str, str]]:
        return self.registry.key()


def apply_replacements(original: str, replacements: Sequence[Replacement]) -> str:
    """The text with the given replacements applied (e.g. all but the ones a reviewer undid)."""
    parts, position = [], 0
    for item in sorted(replacements, key=lambda r: r.start):
        parts += [original[position : item.start], item.replacement]
        position = item.end
    parts.append(original[position:])
    return "".join(parts)


@dataclass
class _Item:
    original: str
    normalised: Normalised  # maps spans of ``text`` back to ``original``
    text: str  # the normalised text with plain spaces: what the layers read
    dossier: Dossier
    language: str
    tokens: list[Token]
    spans: list[Span] = field(default_factory=list)


class Pseudonymiser:
    def __init__(
        self,
        language_default: str = "fr",
        reference_date: date | None = None,
        use_model: bool = True,
    ) -> None:
        if language_default not in LANGUAGES:
            raise ValueError(f"language_default must be one of {LANGUAGES}")
        self.language_default = language_default
        self.reference_date = reference_date or date.today()
        self.use_model = use_model

    def pseudonymise_meeting(
        self,
        items: Sequence[tuple[str, Dossier]],
        *,
        registry: Registry | None = None,
        extra_names: Sequence[str] = (),
    ) -> MeetingResult:
        """All the items of one meeting: shared letters, names propagated across items.
        ``registry`` continues a meeting pseudonymised before; ``extra_names`` are names a
        reviewer added by hand, to be found everywhere."""
        prepared = [self._prepare(text, dossier) for text, dossier in items]
        entities = self._entities(prepared)
        registry = registry or Registry()
        return MeetingResult(self._run(prepared, entities, registry, extra_names), registry)

    def pseudonymise_each(self, items: Sequence[tuple[str, Dossier]]) -> list[PseudonymisedItem]:
        """Independent reports (each its own meeting), with one batched pass of the model."""
        prepared = [self._prepare(text, dossier) for text, dossier in items]
        entities = self._entities(prepared)
        return [
            self._run([item], [found], Registry(), ())[0]
            for item, found in zip(prepared, entities, strict=True)
        ]

    def pseudonymise(self, text: str, dossier: Dossier) -> PseudonymisedItem:
        return self.pseudonymise_meeting([(text, dossier)]).items[0]

    def warm(self, pairs: Sequence[tuple[str, Dossier]]) -> None:
        """Runs the model on the texts now (its spans are remembered, ``ner``), so that a
        later ``pseudonymise_meeting`` of the same texts, under a lock, does not."""
        self._entities([self._prepare(text, dossier) for text, dossier in pairs])

    def _prepare(self, text: str, dossier: Dossier) -> _Item:
        language = dossier.language or self.language_default
        normalised = normalise(text)
        scanned = plain_spaces(normalised.text)
        return _Item(text, normalised, scanned, dossier, language, tokenize(scanned))

    def _entities(self, items: Sequence[_Item]) -> list[list[tuple[int, int]]]:
        wanted = [
            i
            for i, item in enumerate(items)
            if self.use_model and item.language in ner.NER_LANGUAGES
        ]
        found = dict(zip(wanted, ner.person_entities([items[i].text for i in wanted]), strict=True))
        return [found.get(i, []) for i in range(len(items))]

    def _run(
        self,
        items: list[_Item],
        entities: list[list[tuple[int, int]]],
        registry: Registry,
        extra_names: Sequence[str],
    ) -> list[PseudonymisedItem]:
        dossiers = [item.dossier for item in items]
        known = KnownNames(dossiers)
        context = _MeetingValues(dossiers)
        for index, item in enumerate(items):
            names = _relatives_apart(
                known.find(item.text, item.tokens, index),
                find_third_parties(
                    item.text, item.tokens, entities[index], _city(item.dossier), item.language
                ),
                item.tokens,
            )
            item.spans = resolve(identifiers.outside_legal_references(
                item.text,
                self._patterns(item, context) + names + known.find_initials(item.text, index),
            ))
        here = frozenset(ref.key for ref, _, _ in known.people)
        _register_people(items, registry, extra_names, here)
        everywhere, by_scope = registry.name_tokens(here)
        for item in items:
            own = by_scope.get(item.dossier.reference, {})
            item.spans = resolve(identifiers.outside_legal_references(
                item.text, item.spans + _propagate(item, own, everywhere)
            ))
        return [self._render(item, registry) for item in items]

    def _patterns(self, item: _Item, context: _MeetingValues) -> list[Span]:
        text, language = item.text, item.language
        return (
            patterns.find_emails(text, language)
            + patterns.find_ibans(text, language)
            + patterns.find_niss(text, language)
            + patterns.find_enterprise_numbers(text, language)
            + patterns.find_phones(text, language)
            + patterns.find_known_numbers(text, context.numbers, language)
            + patterns.find_addresses(text, language, context.streets)
            + patterns.find_birth_dates(text, context.birth_dates, self.reference_date)
            + identifiers.find_obfuscated_emails(text, language)
            + identifiers.find_known_emails(text, language, context.emails)
            + identifiers.find_damaged_identifiers(text, language, context.numbers)
            + identifiers.find_plates_and_rolls(text, language)
            + identifiers.find_named_references(text, language, context.references)
        )

    def _render(self, item: _Item, registry: Registry) -> PseudonymisedItem:
        replacements: list[Replacement] = []
        letters: set[str] = set()
        previous_child: Span | None = None
        previous_end = 0
        for span in item.spans:
            text = span.replacement
            if span.person is not None:
                entry = registry.entry(span.person.key)
                registry.learn_sex(span.person.key, span.title_sex)
                letters.add(entry.letter or "")
                text = self._name(item, span, entry, previous_child)
                previous_child = span if self._is_child(entry) else None
            start, end = item.normalised.span(span.start, span.end)
            # Two spans that split one original character ("ﬁ" read "fi") must not overlap.
            start = max(start, previous_end)
            previous_end = end
            replacements.append(
                Replacement(start, end, item.original[start:end], text, span.category, span.source)
            )
        output = apply_replacements(item.original, replacements)
        return PseudonymisedItem(
            text=output,
            replacements=tuple(replacements),
            key=registry.key(letters),
            language=item.language,
            doubts=tuple(
                find_doubts(
                    output,
                    ignore=_output_spans(replacements),
                    known_names=[p.full_name for p in item.dossier.persons],
                    language=item.language,
                )
            ),
        )

    def _is_child(self, entry: Entry) -> bool:
        birth = entry.birth
        return entry.relation == "child" and (birth is None or self._age(birth) < _ADULT_AGE)

    def _age(self, birth: date) -> int:
        today = self.reference_date
        return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))

    def _name(self, item: _Item, span: Span, entry: Entry, previous_child: Span | None) -> str:
        text, language = item.text, item.language
        letter = f"{entry.letter}."
        if self._is_child(entry):
            phrase = self._child(item, span, entry, letter, previous_child)
        elif _bare_context(item, span):
            phrase = letter
        else:
            title = TITLE_WORDS[language].get(entry.sex or span.title_sex or "")
            phrase = f"{title} {letter}" if title else letter
        if sentence_start(text, span.start):
            phrase = phrase[0].upper() + phrase[1:]
        if phrase.endswith(".") and text[span.end : span.end + 1] == ".":
            phrase = phrase[:-1]  # "… avec Madame A." not "… avec Madame A.."
        return phrase

    def _child(
        self, item: _Item, span: Span, entry: Entry, letter: str, previous_child: Span | None
    ) -> str:
        """The child phrase, "l'enfant C. (8 ans)", or just "C." where the text already says it
        is a child ("ses enfants C. (4 ans), D. (13 ans)")."""
        text = item.text
        if _AGE_FOLLOWS.match(text, span.end):
            return letter
        age = f" ({age_phrase(item.language, self._age(entry.birth))})" if entry.birth else ""
        in_list = previous_child is not None and _LIST_LINK.fullmatch(
            text[previous_child.end : span.start]
        )
        before = [
            fold(word) for word in re.findall(r"\w+", text[max(0, span.start - 30) : span.start])
        ]
        if in_list or (before and before[-1] in CHILD_NOUNS):
            return f"{letter}{age}"
        words = CHILD_WORDS[item.language]
        if item.language == "de" and before and before[-1] in GERMAN_DATIVE:
            words = "dem Kind"
        return f"{words} {letter}{age}"


@dataclass
class _MeetingValues:
    """Values of all the meeting's dossiers: each must go from every item."""

    dossiers: Sequence[Dossier]
    numbers: dict[str, str] = field(init=False)
    streets: patterns.KnownStreets = field(init=False)
    birth_dates: set[date] = field(init=False)
    references: list[re.Pattern[str]] = field(init=False)
    emails: list[tuple[str, re.Pattern[str]]] = field(init=False)

    def __post_init__(self) -> None:
        people = [p for d in self.dossiers for p in d.persons]
        self.numbers = patterns.known_number_values(
            [p.niss for p in people if p.niss],
            [d.contacts.iban for d in self.dossiers if d.contacts.iban],
            [d.contacts.phone for d in self.dossiers if d.contacts.phone],
        )
        self.streets = patterns.KnownStreets(d.address for d in self.dossiers if d.address)
        self.birth_dates = {p.birth_date for p in people if p.birth_date}
        self.references = identifiers.named_reference_patterns(self.dossiers)
        self.emails = identifiers.known_email_patterns(
            d.contacts.email for d in self.dossiers if d.contacts.email
        )


def _city(dossier: Dossier) -> str | None:
    return dossier.address.city if dossier.address else None


def _register_people(
    items: list[_Item], registry: Registry, extra_names: Sequence[str], here: frozenset[str]
) -> None:
    """One key per person across the meeting; a third party's "Tilquin" is "Roland Tilquin"."""
    for name in extra_names:
        tokens = tokenize(name)
        if tokens:
            registry.canonical(third_party_ref(name, tokens), here)
    for item in items:
        item.spans = [
            _registered(span, item.dossier.reference, registry, here) for span in item.spans
        ]


def _registered(span: Span, scope: str, registry: Registry, here: frozenset[str]) -> Span:
    """The span with its person's key in the meeting's registry."""
    person = span.person
    if person is None:
        return span
    if person.relation == "third_party" and person.scope is None:
        person = in_scope(person, scope)
    return replace(span, person=replace(person, key=registry.canonical(person, here)))


def _relatives_apart(known: list[Span], others: list[Span], tokens: Sequence[Token]) -> list[Span]:
    """A longer name holding a dossier surname is someone else who shares it ("Me Hervé
    Kowalski" when the dossier has only Rose Kowalski), so it beats the dossier mention inside."""
    hidden: set[int] = set()
    for other in others:
        inside = [k for k in known if other.start <= k.start and k.end <= other.end]
        if not inside or any(k.start == other.start and k.end == other.end for k in inside):
            continue
        extra = [
            t
            for t in tokens
            if other.start <= t.start < other.end
            and len(t.text) > 1
            and t.folded not in PARTICLES
            and not any(k.start <= t.start < k.end for k in inside)
            and t.folded not in CIVIL_TITLE_WORDS
        ]
        if any(t.is_capitalised for t in extra):
            hidden.update(id(k) for k in inside)
    kept = [k for k in known if id(k) not in hidden]
    return kept + [o for o in others if not any(o.overlaps(k) for k in kept)]


def _propagate(item: _Item, own: dict[str, str], everywhere: dict[str, str]) -> list[Span]:
    """Names found in the meeting (name part → key: ``own`` to this item, ``everywhere`` the
    surnames), wherever else they appear capitalised."""
    tokens, text = item.tokens, item.text

    spans = []
    i = 0
    while i < len(tokens):
        key = own.get(tokens[i].folded) or everywhere.get(tokens[i].folded)
        if key is None or not tokens[i].is_capitalised or _named_after(text, tokens[i]):
            i += 1
            continue
        last = i
        while last + 1 < len(tokens) and (
            own.get(tokens[last + 1].folded) or everywhere.get(tokens[last + 1].folded)
        ) == key:
            if not joined(text, tokens[last], tokens[last + 1]):
                break
            last += 1
        title = civil_title_before(text, tokens, i)
        start = title[0] if title else tokens[i].start
        # The key is already the registry's: only it matters from here on.
        person = PersonRef(key=key, display="", relation="propagated")
        spans.append(
            Span(
                start,
                tokens[last].end,
                "name",
                "propagation",
                person=person,
                title_sex=title[1] if title else None,
            )
        )
        i = last + 1
    return spans


def _named_after(text: str, token: Token) -> bool:
    """A third party's "Luc" in "Clinique Saint-Luc", "Marie" in "Hôpital Marie Curie": the
    saint or the person a place or an institution is named after, not them."""
    return named_after_saint(text, token.start) or names_institution(text, token.start, token.end)


def _bare_context(item: _Item, span: Span) -> bool:
    """After "Dr"/"Me" or "la famille", the letter stands alone: "le Dr D.", "la famille A."."""
    index = bisect.bisect_left(item.tokens, span.start, key=lambda t: t.start)
    if index in (0, len(item.tokens)):
        return False
    if role_title_before(item.text, item.tokens, index):
        return True
    previous = item.tokens[index - 1]
    gap = item.text[previous.end : span.start]
    return previous.folded in FAMILY_NOUNS and gap.strip(" \t") == ""


def _output_spans(replacements: Sequence[Replacement]) -> list[tuple[int, int]]:
    spans, shift = [], 0
    for item in sorted(replacements, key=lambda r: r.start):
        start = item.start + shift
        spans.append((start, start + len(item.replacement)))
        shift += len(item.replacement) - (item.end - item.start)
    return spans


def pseudonymise(
    text: str,
    dossier: Dossier,
    *,
    reference_date: date | None = None,
    language_default: str = "fr",
) -> PseudonymisedItem:
    """One report on its own (its own meeting)."""
    return Pseudonymiser(language_default, reference_date).pseudonymise(text, dossier)
