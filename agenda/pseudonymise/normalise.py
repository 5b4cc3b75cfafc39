"""The text as the layers read it, with a map back to the original.

Reports are pasted from word processors, PDFs and e-mails: a soft hyphen or a zero-width space
hides inside a surname, a Cyrillic "е" stands for a Latin "e", a surname is hyphenated at the end
of a line ("Stéve-\\nnart") or split after its particles ("Van den\\nBroeck"), an account
number is typed with a doubled space. The layers read a normalised text (Unicode NFKC, format
characters removed, look-alike letters folded to Latin, those line breaks joined, a doubled
space between two digits made one); ``Normalised.span`` turns a span of it into the span of
the ORIGINAL text, so a replacement covers every character the reader sees, the hidden ones
included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Cyrillic and Greek letters drawn like Latin ones: a writer (or an insider) swaps them freely.
_CONFUSABLES = dict(
    zip(
        "АВЕЅІЈКМНОРСТХУаеѕіјорсхуԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιορυνκ",
        "ABESIJKMHOPCTXYaesijopcxydhlABEZHIKMNOPTYXaiopuvk",
        strict=True,
    )
)
_HYPHEN_BREAK = r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])"
_PARTICLE = (
    r"\b(?:[Vv]an|[Vv]ander|[Vv]anden|[Dd]en|[Dd]er|[Dd]e|[Dd]u|[Ll]a|[Vv]on|[Vv]om|[Tt]er|[Tt]en"
    r"|[Ee]l)"
)
_PARTICLE_BREAK = r"[ \t]*\n[ \t]*(?=[A-ZÀ-Þ])"
# Two to four spaces between two digits: an identifier typed or pasted with a doubled space
# ("BE30  0689 7968 8711", "0475  12 34 56"), which the patterns read with one separator.
_GAP_SPACE = "[ \t\u00a0\u2007\u2009\u202f]"  # a space, a tab, the no-break and thin spaces
_DIGIT_GAP = rf"(?P<gap_digit>\d)(?P<gap>{_GAP_SPACE}{{2,4}})(?=\d)"
# Characters of category Cf (format): invisible, they hide inside a word.
_FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
# What may need work; everything else (ASCII, precomposed accented letters) is copied as is.
_SPECIAL = re.compile(
    rf"(?P<hyphen>{_HYPHEN_BREAK})"
    rf"|(?P<particle>{_PARTICLE})(?P<break>{_PARTICLE_BREAK})"
    rf"|{_DIGIT_GAP}"
    r"|(?P<char>[^\x00-\x7f\u00c0-\u00ff]|\u00ad)"
)
# Most reports need none of it: NFKC already, and none of these.
_NEEDS_WORK = re.compile(
    rf"[{_FORMAT}{''.join(_CONFUSABLES)}\U000e0000-\U000e007f]|{_HYPHEN_BREAK}"
    rf"|{_PARTICLE}{_PARTICLE_BREAK}|\d{_GAP_SPACE}{{2,4}}\d"
)
_APOSTROPHES_AND_SPACING_ACCENTS = frozenset("’ʼ´`¨¸¯˜")


@dataclass(frozen=True)
class Normalised:
    """``text`` and, for each of its characters, where it comes from in ``original``."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # None: same text, same offsets
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span shown as text[start:end] (hidden characters inside included)."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            point = self.starts[start] if start < len(self.starts) else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]


@cache
def _replacement(char: str) -> str:
    if char in _CONFUSABLES:
        return _CONFUSABLES[char]
    if unicodedata.category(char) == "Cf":
        return ""  # soft hyphen, zero-width space and joiners, direction marks
    if char in _APOSTROPHES_AND_SPACING_ACCENTS:
        return char  # NFKC makes "´" a space and an accent: "N´Diaye" would fall apart
    return unicodedata.normalize("NFKC", char)


class _Builder:
    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, start: int, end: int) -> None:
        self.parts.append(self.original[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def put(self, new: str, start: int, end: int) -> None:
        """``new`` stands for original[start:end]."""
        self.parts.append(new)
        self.starts.extend([start] * len(new))
        self.ends.extend([end] * len(new))

    def accent(self, mark: str, end: int) -> bool:
        """A combining accent after its letter becomes one character with it, when it can."""
        if not self.parts or not self.parts[-1]:
            return False
        composed = unicodedata.normalize("NFKC", self.parts[-1][-1] + mark)
        if len(composed) != 1:
            return False
        self.parts[-1] = self.parts[-1][:-1] + composed
        self.ends[-1] = end
        return True


def normalise(original: str) -> Normalised:
    if (
        unicodedata.is_normalized("NFKC", original) and _NEEDS_WORK.search(original) is None
    ) or _SPECIAL.search(original) is None:
        return Normalised(original, original)
    built = _Builder(original)
    position = 0
    for match in _SPECIAL.finditer(original):
        start, end = match.span()
        built.copy(position, start)
        position = end
        if match.group("hyphen"):
            # "Stéve-\nnart" is "Stévenart"; "Marie-\nClaire" keeps its hyphen.
            built.put("-" if original[end].isupper() else "", start, end)
        elif match.group("gap"):
            built.copy(start, match.end("gap_digit"))
            built.put(" ", match.start("gap"), end)
        elif match.group("particle"):
            built.copy(start, match.end("particle"))
            built.put(" ", match.start("break"), end)  # "Van den\nBroeck" is "Van den Broeck"
        else:
            char = match.group()
            if not (unicodedata.combining(char) and built.accent(char, end)):
                built.put(_replacement(char), start, end)
    built.copy(position, len(original))
    text = "".join(built.parts)
    if text == original:
        return Normalised(original, original)
    return Normalised(original, text, tuple(built.starts), tuple(built.ends))
