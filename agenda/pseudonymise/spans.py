"""What the layers find: spans of the original text, and the person a name span refers to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Lower wins an overlap: a validated pattern beats a dossier name inside an e-mail address, a
# dossier name beats a guess from rules, rules beat the statistical model.
PRIORITY = {"pattern": 0, "dossier": 1, "rule": 2, "ner": 3, "propagation": 4, "reviewer": 0}


@dataclass(frozen=True)
class PersonRef:
    """A person a name span refers to; ``key`` identifies them across the items of a meeting."""

    key: str
    display: str
    relation: str
    sex: str | None = None
    birth_date: date | None = None
    reference: str | None = None
    tokens: tuple[str, ...] = ()
    #: the surname's parts (for a third party, a guess: the last word)
    surname: tuple[str, ...] = ()
    #: the dossier reference of the item the person belongs to or was found in
    scope: str | None = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    source: str
    replacement: str = ""
    person: PersonRef | None = None
    title_sex: str | None = None

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def resolve(spans: list[Span]) -> list[Span]:
    """Keep the best of overlapping spans (priority, then length), in text order."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (PRIORITY[s.source], s.start - s.end, s.start)):
        if not any(span.overlaps(kept) for kept in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)
