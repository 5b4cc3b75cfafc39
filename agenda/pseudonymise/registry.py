"""The pseudonyms of one meeting: the same person gets the same letter in every item.

Letters go A, B, … Z, AA, AB… in order of appearance. The registry can be saved (``to_dict``)
and restored, so items added to a meeting later keep the letters already given. ``key()`` is the
pseudonym → identity map the application stores apart, encrypted.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from agenda.pseudonymise.lexicon import PARTICLES
from agenda.pseudonymise.spans import PersonRef
from agenda.pseudonymise.text import name_parts


def letter_for(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


@dataclass
class Entry:
    display: str
    relation: str
    sex: str | None = None
    birth_date: str | None = None
    reference: str | None = None
    tokens: list[str] = field(default_factory=list)
    letter: str | None = None
    surname: list[str] = field(default_factory=list)
    #: the dossier reference of the item the person belongs to or was first found in
    scope: str | None = None

    @property
    def birth(self) -> date | None:
        return date.fromisoformat(self.birth_date) if self.birth_date else None


class Registry:
    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._letters = 0
        self._by_letter: dict[str, Entry] | None = None
        self._by_token: dict[str, list[str]] | None = None
        self._position: dict[str, int] = {}

    def canonical(self, ref: PersonRef, here: frozenset[str] = frozenset()) -> str:
        """The key under which ``ref`` is known. A name found in the text is grouped with the
        person whose name parts it shares ("Tilquin" is "Roland Tilquin", "Monique Tilquin" is
        someone else); in another item only if it holds that person's surname: "Lina" in one
        family's report is not the other family's Lina Dupont. Dossier people of the items at
        hand (``here``) are left out: had the text meant them, the dossier layer would have
        said so."""
        if ref.relation == "third_party":
            for key in self._sharing(ref.tokens):
                entry = self._entries[key]
                if key not in here and _same_person(entry, ref):
                    if entry.relation == "third_party" and len(ref.tokens) > len(entry.tokens):
                        entry.tokens, entry.display = list(ref.tokens), ref.display
                        self._index_tokens(key, entry.tokens)
                    return key
        if ref.key not in self._entries:
            self._entries[ref.key] = Entry(
                display=ref.display,
                relation=ref.relation,
                sex=ref.sex,
                birth_date=ref.birth_date.isoformat() if ref.birth_date else None,
                reference=ref.reference,
                tokens=list(ref.tokens),
                surname=list(ref.surname),
                scope=ref.scope,
            )
            self._index_tokens(ref.key, ref.tokens)
        return ref.key

    def _sharing(self, tokens: tuple[str, ...]) -> list[str]:
        """The keys of the entries sharing a name part with ``tokens``, oldest first: a
        meeting of hundreds of items must not compare every name with every entry."""
        if self._by_token is None:
            self._by_token, self._position = {}, {}
            for key, entry in self._entries.items():
                self._index_tokens(key, entry.tokens)
        keys = {key for token in tokens for key in self._by_token.get(token, ())}
        return sorted(keys, key=self._position.__getitem__)

    def _index_tokens(self, key: str, tokens: Iterable[str]) -> None:
        if self._by_token is not None:
            self._position.setdefault(key, len(self._position))
            for token in tokens:
                keys = self._by_token.setdefault(token, [])
                if key not in keys:
                    keys.append(key)

    def entry(self, key: str) -> Entry:
        """The entry for a canonical key, given its letter on first use."""
        entry = self._entries[key]
        if entry.letter is None:
            entry.letter = letter_for(self._letters)
            self._letters += 1
            self._lettered()[entry.letter] = entry
        return entry

    def _lettered(self) -> dict[str, Entry]:
        """Letter → entry, built once (a restored registry) and kept up to date by ``entry``."""
        if self._by_letter is None:
            self._by_letter = {e.letter: e for e in self._entries.values() if e.letter}
        return self._by_letter

    def name_tokens(
        self, here: frozenset[str] = frozenset()
    ) -> tuple[dict[str, str], dict[str | None, dict[str, str]]]:
        """Folded name part → key, to find a person again wherever the meeting names them:
        (surnames, for every item; every name part, by the scope it may be found in). A first
        name alone names someone only in their own item. Dossier people of the items at hand
        (``here``) are the dossier layer's business."""
        everywhere: dict[str, str] = {}
        by_scope: dict[str | None, dict[str, str]] = {}
        for key, entry in self._entries.items():
            if key in here:
                continue
            own = by_scope.setdefault(entry.scope, {})
            for token in entry.tokens:
                if len(token) >= 3 and token not in PARTICLES:
                    own[token] = key
                    if token in entry.surname:
                        everywhere[token] = key
        return everywhere, by_scope

    def key(self, letters: set[str] | None = None) -> dict[str, dict[str, str]]:
        """Pseudonym letter → identity; only the given letters when ``letters`` is set."""
        if letters is None:
            entries = [entry for entry in self._entries.values() if entry.letter is not None]
        else:
            # Each item asks for its own few letters: no pass over the whole meeting per item.
            by_letter = self._lettered()
            entries = [by_letter[letter] for letter in sorted(letters, key=_letter_order)
                       if letter in by_letter]
        result = {}
        for entry in entries:
            identity = {"name": entry.display, "relation": entry.relation}
            if entry.reference:
                identity["reference"] = entry.reference
            if entry.birth_date:
                identity["birth_date"] = entry.birth_date
            result[f"{entry.letter}."] = identity
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "letters": self._letters,
            "entries": {k: asdict(e) for k, e in self._entries.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Registry:
        registry = cls()
        registry._letters = int(data["letters"])
        registry._entries = {
            key: _with_surname(key, Entry(**value)) for key, value in data["entries"].items()
        }
        return registry

    def learn_sex(self, key: str, sex: str | None) -> None:
        """A civil title in the text tells the sex of a person the dossier did not."""
        entry = self._entries[key]
        if entry.sex is None:
            entry.sex = sex


def _with_surname(key: str, entry: Entry) -> Entry:
    """A registry saved before entries had a surname and a scope: both as they would be now
    (a dossier person's key starts with the folded surname; a third party's is the last word)."""
    if entry.surname or not entry.tokens:
        return entry
    if key.startswith("dossier:"):
        last_name = key.removeprefix("dossier:").split("|", 1)[0]
        entry.surname = [p for p in name_parts(last_name) if p not in PARTICLES]
        entry.scope = entry.scope or entry.reference
    else:
        entry.surname = entry.tokens[-1:]
    return entry


def _letter_order(letter: str) -> tuple[int, str]:
    return len(letter), letter


def _same_person(entry: Entry, ref: PersonRef) -> bool:
    known, found = entry.tokens, ref.tokens
    if not known or not found:
        return False
    if entry.scope != ref.scope and not set(found) & set(entry.surname):
        return False
    if len(known) > 1 and len(found) > 1:
        return set(known) == set(found)
    return set(found) <= set(known) or set(known) <= set(found)
