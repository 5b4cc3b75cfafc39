"""What copying, scanning and typing do to a text: hyphenation at line ends, soft hyphens,
ligatures, odd spacing, OCR confusions inside identifiers, e-mail addresses written so that
robots do not read them. Every function works on one value or on the unprotected parts of a
text, so the annotation stays true."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

_OCR = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z", "6": "G"}
_LIGATURES = [
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
]


def ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("'", "")


def _cut(token: str, rng: random.Random) -> int:
    return rng.randrange(2, len(token) - 1) if len(token) > 4 else max(1, len(token) // 2)


def hyphen_break(token: str, rng: random.Random) -> str:
    cut = _cut(token, rng)
    return f"{token[:cut]}-\n{token[cut:]}"


def soft_hyphen(token: str, rng: random.Random) -> str:
    cut = _cut(token, rng)
    return f"{token[:cut]}\u00ad{token[cut:]}"


def zero_width(token: str, rng: random.Random) -> str:
    cut = _cut(token, rng)
    invisible = rng.choice(["\u200b", "\u200c", "\u2060"])
    return f"{token[:cut]}{invisible}{token[cut:]}"


def ligature(token: str, rng: random.Random) -> str:
    for plain, joined in _LIGATURES:
        if plain in token:
            return token.replace(plain, joined, 1)
    return token


def spaced(token: str, rng: random.Random) -> str:
    """Letter-spaced capitals of a PDF heading, or a word cut in two by the PDF's kerning."""
    if rng.random() < 0.5:
        return " ".join(token.upper())
    cut = _cut(token, rng)
    return f"{token[:cut]} {token[cut:]}"


NAME_ARTEFACTS: dict[str, Callable[[str, random.Random], str]] = {
    "hyphen_break": hyphen_break,
    "soft_hyphen": soft_hyphen,
    "zero_width": zero_width,
    "ligature": ligature,
    "spaced": spaced,
}


def ocr_digits(written: str, rng: random.Random, start: int = 0) -> str:
    """One or two digits read as the letter they look like (0→O, 1→l, 5→S, 8→B)."""
    places = [i for i, c in enumerate(written) if i >= start and c in _OCR]
    chars = list(written)
    for i in rng.sample(places, k=min(len(places), rng.choice([1, 1, 2]))):
        chars[i] = _OCR[chars[i]]
    return "".join(chars)


def obfuscate_email(local: str, domain: str, lang: str, rng: random.Random) -> str:
    name, tld = domain.rsplit(".", 1)
    dot = {"fr": "point", "nl": "punt", "de": "Punkt"}[lang]
    spoken_local = local.replace(".", f" {dot} ").replace("_", " underscore ")
    forms = [
        f"{spoken_local} at {name} dot {tld}",
        f"{spoken_local} at {name} {dot} {tld}",
        f"{local} [at] {name} [dot] {tld}",
        f"{local}(at){domain}",
        f"{local} (at) {name} ({dot}) {tld}",
        f"{local} @ {domain}",
        f"{local}@{name}. {tld}",
    ]
    forms.append(
        {
            "fr": f"{local} arobase {domain}",
            "nl": f"{local} apenstaartje {domain}",
            "de": f"{local} ät {name} {dot} {tld}",
        }[lang]
    )
    return rng.choice(forms)


def _protected(text: str, spans: list[str]) -> list[tuple[int, int]]:
    out = []
    for span in spans:
        if not span:
            continue
        for match in re.finditer(re.escape(span), text, flags=re.IGNORECASE):
            out.append((match.start(), match.end()))
    return out


def _free(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in intervals)


def pdf_paste(text: str, spans: list[str], rng: random.Random, width: int = 78) -> str:
    """Hard line breaks every ``width`` columns, long ordinary words hyphenated at the line
    end, ligatures and doubled spaces, as text copied out of a PDF looks; never inside ``spans``."""
    protected = _protected(text, spans)
    out: list[str] = []
    column = 0
    for match in re.finditer(r"\S+|\s+", text):
        piece, start, end = match.group(), match.start(), match.end()
        if piece.isspace():
            if "\n" in piece:
                column = 0
                out.append(piece)
            elif column >= width and _free(protected, start, end):
                out.append("\n")
                column = 0
            else:
                out.append("  " if rng.random() < 0.04 and _free(protected, start, end) else piece)
                column += len(piece)
            continue
        if (
            column + len(piece) > width
            and len(piece) >= 9
            and piece.isalpha()
            and piece.islower()
            and _free(protected, start, end)
        ):
            cut = rng.randrange(4, len(piece) - 3)
            out.append(f"{piece[:cut]}-\n{piece[cut:]}")
            column = len(piece) - cut
            continue
        if _free(protected, start, end) and rng.random() < 0.5:
            for plain, joined in _LIGATURES:
                piece = piece.replace(plain, joined)
        out.append(piece)
        column += len(piece)
    return "".join(out)
