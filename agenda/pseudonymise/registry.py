"""The pseudonyms of one meeting: the same person gets the same letter in every item.

Letters go A, B, … Z, AA, AB… in order of appearance. The registry can be saved (``to_dict``)
and restored, so items added to a meeting later keep the letters already given. ``key()`` is the
pseudonym → identity map the application stores apart, encrypted.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from agenda.pseudonymise.lexicon import PARTICLES
from agenda.pseudonymise.spans import PersonRef


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

    def canonical(self, ref: PersonRef, here: frozenset[str] = frozenset()) -> str:
        """The key under which ``ref`` is known. A name found in the text is grouped with the
        person whose name parts it shares ("Tilquin" is "Roland Tilquin", "Monique Tilquin" is
        someone else); in another item only if it holds that person's surname: "Lina" in one
        family's report is not the other family's Lina Dupont. Dossier people of the items at
        hand (``here``) are left out: had the text meant them, the dossier layer would have
        said so."""
        if ref.relation == "third_party":
            for key, entry in self._entries.items():
                if key not in here and _same_person(entry, ref):
                    if entry.relation == "third_party" and len(ref.tokens) > len(entry.tokens):
                        entry.tokens, entry.display = list(ref.tokens), ref.display
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
        return ref.key

    def entry(self, key: str) -> Entry:
        """The entry for a canonical key, given its letter on first use."""
        entry = self._entries[key]
        if entry.letter is None:
            entry.letter = letter_for(self._letters)
            self._letters += 1
        return entry

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
        result = {}
        for entry in self._entries.values():
            if entry.letter is None or (letters is not None and entry.letter not in letters):
                continue
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
        registry._entries = {key: Entry(**value) for key, value in data["entries"].items()}
        return registry

    def learn_sex(self, key: str, sex: str | None) -> None:
        """A civil title in the text tells the sex of a person the dossier did not."""
        entry = self._entries[key]
        if entry.sex is None:
            entry.sex = sex


def _same_person(entry: Entry, ref: PersonRef) -> bool:
    known, found = entry.tokens, ref.tokens
    if not known or not found:
        return False
    if entry.scope != ref.scope and not set(found) & set(entry.surname):
        return False
    if len(known) > 1 and len(found) > 1:
        return set(known) == set(found)
    return set(found) <= set(known) or set(known) <= set(found)
