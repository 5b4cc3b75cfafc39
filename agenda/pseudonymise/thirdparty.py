"""Layer (c): people nobody listed (landlords, ex-partners, doctors, lawyers, employers' contacts).

Candidates are runs of capitalised words that are not labels, institutions, places or months. A
run is a person when a civil title, a professional title or a role noun stands before it, a role
noun follows it ("Roland Tilquin, son propriétaire"), it holds a common first name, it is two
capitalised words no article introduces, it signs the text under a closing formula, or, in
French, the statistical model tagged it PER. Dutch and German have no model: rules only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from agenda.pseudonymise.lexicon import (
    APOSTROPHE_PREFIXES,
    CLOSING,
    DETERMINERS,
    GERMAN_NOUN_ENDINGS,
    PARTICLES,
    SAINT_WORDS,
    common_words,
    first_names,
    municipalities,
    named_after_saint,
    names_a_thing,
    names_institution,
    not_name_words,
    role_words,
)
from agenda.pseudonymise.mentions import (
    civil_title_before,
    joined,
    role_after,
    role_before,
    role_title_before,
)
from agenda.pseudonymise.spans import PersonRef, Span
from agenda.pseudonymise.text import Token, fold, sentence_start

_MAX_RUN = 5
_SAINT_COMPOUND = re.compile(rf"(?:^|-)(?:{'|'.join(sorted(SAINT_WORDS))})-\w")
_ARTICLES = frozenset({"der", "den", "des", "dem", "die", "das", "la", "le", "les"})


@dataclass(frozen=True)
class Run:
    """tokens[first:last + 1] form one capitalised name."""

    first: int
    last: int


def is_name_word(token: Token) -> bool:
    return (
        token.is_capitalised
        and len(token.text) >= 2
        and token.folded not in not_name_words()
        and token.folded not in role_words()
    )


def _is_link(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A particle ("van", "De", "El") or an apostrophe prefix ("N'") inside a name."""
    token = tokens[index]
    if index + 1 >= len(tokens) or not joined(text, token, tokens[index + 1]):
        return False
    if token.folded in APOSTROPHE_PREFIXES and token.text.isupper():
        return text[token.end : token.end + 1] in "'’"
    if token.folded in _ARTICLES and token.is_lower:
        # "van der Elst", "de la Tour", but "Teil der Arztkosten" is two nouns
        return index > 0 and tokens[index - 1].folded in PARTICLES
    return token.folded in PARTICLES


def _opens_name(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A name starts with a capital: "De Smet", "Van Damme", "N'Diaye"; a lower-case "de",
    "der" or "von" before a capital is an article or a preposition ("der Trennung")."""
    token = tokens[index]
    if is_name_word(token):
        return True
    return token.is_capitalised and _is_link(text, tokens, index)


def name_runs(text: str, tokens: Sequence[Token]) -> list[Run]:
    """Maximal runs of capitalised name words, with the particles between and before them."""
    runs: list[Run] = []
    i = 0
    while i < len(tokens):
        if not _opens_name(text, tokens, i):
            i += 1
            continue
        j = i
        last_word = i if is_name_word(tokens[i]) else None
        while j + 1 < len(tokens) and joined(text, tokens[j], tokens[j + 1]) and j - i < _MAX_RUN:
            following = tokens[j + 1]
            if is_name_word(following):
                last_word = j + 1
            elif not _is_link(text, tokens, j + 1):
                break
            j += 1
        if last_word is None:
            i += 1
            continue
        runs.append(Run(i, last_word))
        i = last_word + 1
    return runs


def _first_name_signal(text: str, tokens: Sequence[Token], run: Run) -> bool:
    words = tokens[run.first : run.last + 1]
    if not any(t.folded in first_names() for t in words):
        return False
    if run.first > 0 and tokens[run.first - 1].folded in SAINT_WORDS:
        return False  # "Saint-Pierre", "Sint-Jan": a place
    if len(words) > 1:
        return True
    before = text[: words[0].start].rstrip()
    return words[0].folded not in common_words() and not (before and before[-1].isdigit())


def _proper_noun_pair(text: str, tokens: Sequence[Token], run: Run, language: str) -> bool:
    """Two capitalised words that no article introduces ("von Siegfried Heinen", "Tine El
    Idrissi betaalt…"): a first name and a surname far more often than anything else. German
    capitalises nouns and adjectives at the start of a sentence, so there only mid-sentence."""
    words = [t for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    if len(words) < 2 or any(w.text.isupper() for w in words):
        return False  # "SPF Emploi", "CPAS Mons": acronyms name institutions
    if language == "de" and words[-1].folded.endswith(GERMAN_NOUN_ENDINGS):
        return False  # "ist Sandras Gesundheitszustand": a name, then a noun
    if sentence_start(text, tokens[run.first].start):
        return language != "de"
    previous = tokens[run.first - 1] if run.first else None
    return previous is None or previous.folded not in DETERMINERS


def _signature(text: str, tokens: Sequence[Token], run: Run) -> bool:
    """A name alone on its line under "Cordialement," or "Met vriendelijke groeten,"."""
    start, end = tokens[run.first].start, tokens[run.last].end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip(" \t.,"):
        return False
    above = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    return CLOSING.search(fold(above)) is not None


def _ner_signal(
    text: str, tokens: Sequence[Token], run: Run, entities: Sequence[tuple[int, int]]
) -> bool:
    words = tokens[run.first : run.last + 1]
    start, end = words[0].start, words[-1].end
    if not any(s < end and start < e for s, e in entities):
        return False
    if text[end:].lstrip(" \t").startswith(":"):
        return False  # a label ("Rappel :"), not a person
    # A lone word in capitals tagged PER is more often a heading than a surname.
    return not (len(words) == 1 and words[0].text.isupper())


def find_third_parties(
    text: str,
    tokens: Sequence[Token],
    entities: Sequence[tuple[int, int]],
    municipality: str | None,
    language: str,
) -> list[Span]:
    """Name spans for unlisted people; ``entities`` are the model's PER spans (French only)."""
    spans = []
    for run in name_runs(text, tokens):
        words = tokens[run.first : run.last + 1]
        title = civil_title_before(text, tokens, run.first)
        titled = title is not None or role_title_before(text, tokens, run.first)
        role = role_before(text, tokens, run.first)
        ruled = (
            titled
            or role
            or role_after(text, tokens, run.last)
            or _first_name_signal(text, tokens, run)
            or _proper_noun_pair(text, tokens, run, language)
            or _signature(text, tokens, run)
        )
        if not ruled and not _ner_signal(text, tokens, run, entities):
            continue
        # Only the runs that look like a person are checked against what stays: most do not.
        if title is None and names_institution(text, words[0].start, words[-1].end):
            continue  # "Institut Jules Bordet", "PC Dr. Guislain", "Maria-Goretti-Schule"
        if not titled and (
            (not role and is_place(text, words, municipality))  # not "zijn broer Brecht"
            or is_not_person(tokens, run)
        ):
            continue
        start = title[0] if title else words[0].start
        spans.append(
            Span(
                start,
                words[-1].end,
                "name",
                "rule" if ruled else "ner",
                person=third_party_ref(text, words),
                title_sex=title[1] if title else None,
            )
        )
    return spans


def is_not_person(tokens: Sequence[Token], run: Run) -> bool:
    """A disease named after a person ("d'Alzheimer", "ziekte van Parkinson"), an occupation
    that is also a surname after "comme", "als", "Beruf" ("comme Boulanger"), a holiday."""
    words = [t.folded for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    previous = [t.folded for t in tokens[max(0, run.first - 3) : run.first]]
    return names_a_thing(words, previous, [t.folded for t in tokens[run.last + 1 : run.last + 3]])


def is_place(text: str, words: Sequence[Token], municipality: str | None = None) -> bool:
    """True for a place, which stays: "Namur", "Louvain-la-Neuve", "Marche" written inside
    "Marche-en-Famenne", the centre's own municipality, and a compound named after a saint
    ("Haine-Saint-Pierre", "Sint-Genesius-Rode", "clinique Saint-Luc")."""
    start, end = words[0].start, words[-1].end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] in "-'’"):
        end += 1
    own = fold(municipality or "")

    def place(written: str) -> bool:
        return written in municipalities() or written == own

    written = (fold(text[words[0].start : words[-1].end]), fold(text[start:end]))
    if _SAINT_COMPOUND.search(written[1]) or named_after_saint(text, words[0].start):
        return True
    # "Van Damme", "Van Geel": a particle before a place makes a surname
    return any(place(w) for w in written) or (
        words[0].folded not in PARTICLES
        and all(place(w.folded) or w.folded in PARTICLES for w in words)
    )


def third_party_ref(text: str, words: Sequence[Token], scope: str | None = None) -> PersonRef:
    """A person nobody listed, found in the item of dossier ``scope`` (None: anywhere in the
    meeting, as a name a reviewer gave). The key holds the scope: the same written name in two
    items is one person only if the registry finds them to be (see ``Registry.canonical``)."""
    significant = tuple(t.folded for t in words if t.folded not in PARTICLES and len(t.folded) > 1)
    display = text[words[0].start : words[-1].end]
    return PersonRef(
        key=f"third:{scope or ''}|" + " ".join(significant or (words[-1].folded,)),
        display=display,
        relation="third_party",
        tokens=significant,
        surname=significant[-1:],
        scope=scope,
    )


def in_scope(ref: PersonRef, scope: str) -> PersonRef:
    """A third party found by a layer, placed in the item of dossier ``scope``."""
    return replace(ref, scope=scope, key=f"third:{scope}|" + ref.key.split("|", 1)[1])
