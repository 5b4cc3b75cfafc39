"""Text helpers shared by the layers: accent and case folding that keeps offsets, word tokens."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_]+")
_APOSTROPHES = "'’ʼ`´"
# Letters NFKD leaves alone but writers swap freely: "Çakır" is typed "CAKIR".
_SAME_LETTER = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d"}


class _FoldTable(dict[int, str]):
    """Maps one character to one character, so a span of the folded text is a span of the text."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _APOSTROPHES:
            folded = "'"
        elif char in _SAME_LETTER:
            folded = _SAME_LETTER[char]
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            folded = (base or char).lower()[:1] or char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


# Typographic spaces and hyphens as plain ones, one character for one, so spans carry over.
_PLAIN = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2010": "-", "\u2011": "-"}
)


def plain_spaces(text: str) -> str:
    """ "Madame\u00a0Diallo" as "Madame Diallo": what the layers read; offsets are unchanged."""
    return text.translate(_PLAIN)


def fold(text: str) -> str:
    """Lower case without accents, same length as ``text`` ("Stévenart" → "stevenart")."""
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    folded: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()


def tokenize(text: str) -> list[Token]:
    """Letter-only words; digits, apostrophes and hyphens separate them."""
    folded = fold(text)
    return [
        Token(m.start(), m.end(), m.group(), folded[m.start() : m.end()])
        for m in WORD_RE.finditer(text)
    ]


def name_parts(name: str) -> list[str]:
    """Folded letter parts of a written name: "Van den Broeck" → ["van", "den", "broeck"]."""
    return WORD_RE.findall(fold(name))


def sentence_start(text: str, position: int) -> bool:
    """True at the start of the text, of a line or after a full stop, colon or bullet."""
    before = text[:position].rstrip(' \t"«“(')
    return not before or before[-1] in ".!?:\n•-–—;" or before.endswith("\n")


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
