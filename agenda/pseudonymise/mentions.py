"""What surrounds a name: titles, initials, roles; shared by the dossier and third-party layers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from agenda.pseudonymise.lexicon import (
    CIVIL_TITLE_WORDS,
    CIVIL_TITLES,
    ROLE_TITLES,
    ROLES,
    not_name_words,
)
from agenda.pseudonymise.text import Token, fold

# What may separate two parts of one name: "Van den", "Marie-Claire", "N'Diaye".
_NAME_GAP = re.compile(r"[ \t]{1,2}|[ \t]?[-'’][ \t]?")
_TITLE_GAP = re.compile(r"\.?[ \t]{1,2}")
# Or the end of a line, as a report pasted from a PDF breaks a sentence ("Vermieterin Frau⏎Jost",
# "dokter⏎Buyse"); see ``_title_gap``.
_TITLE_LINE_END = re.compile(r"\.?[ \t]?\n")
_ROLE_GAP = re.compile(r"[ \t]*[,:(]?[ \t]*")
# "bij de VDAB, ", "chez Colruyt : ", "beim Arbeitgeber, ": a short complement, then the name.
_ROLE_PHRASE_GAP = re.compile(
    r"[ \t]+(?:bij|chez|de|du|des|van|bei|beim|von|vom|der|auprès|at|à|au|in)[ \t]"
    r"[^.;!?\n]{1,40}?[,:][ \t]*",
    re.IGNORECASE,
)
_ROLE_REACH = 6
# Characters that glue a word into an e-mail address, a domain or a path.
_ADDRESS_GLUE = frozenset(".@/")
_LONGEST_FIRST = sorted({len(key) for key in CIVIL_TITLES}, reverse=True)
_ROLES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
_ROLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in ROLES:
    _ROLES_BY_LAST.setdefault(_key[-1], []).append(_key)
    _ROLES_BY_FIRST.setdefault(_key[0], []).append(_key)


def joined(text: str, left: Token, right: Token) -> bool:
    """True when two tokens are parts of one written name."""
    return _NAME_GAP.fullmatch(text[left.end : right.start]) is not None


def _matches(text: str, tokens: Sequence[Token], first: int, key: tuple[str, ...]) -> bool:
    """tokens[first:first+len(key)] spell ``key``; a part ending in "." needs its dot."""
    if first < 0 or first + len(key) > len(tokens):
        return False
    for offset, part in enumerate(key):
        token = tokens[first + offset]
        if token.folded != part.rstrip("."):
            return False
        if part.endswith(".") and text[token.end : token.end + 1] != ".":
            return False
        if offset and not joined(text, tokens[first + offset - 1], token):
            return False
    return True


def _title_gap(text: str, tokens: Sequence[Token], index: int) -> bool:
    """What stands between a title (tokens[index - 1]) and a name: spaces, or the end of a line
    when the title ends a sentence's line ("Le bailleur, Monsieur⏎Lambotte"), not a line of
    its own nor a salutation ("Madame, Monsieur⏎Vous trouverez…", "Bonjour Monsieur⏎…")."""
    gap = text[tokens[index - 1].end : tokens[index].start]
    if _TITLE_GAP.fullmatch(gap):
        return True
    if index < 2 or _TITLE_LINE_END.fullmatch(gap) is None:
        return False
    before = tokens[index - 2]
    return (
        "\n" not in text[before.end : tokens[index - 1].start]
        and before.folded not in CIVIL_TITLE_WORDS
        # "Bonjour Monsieur⏎Durant le mois…": a greeting, then the letter's first sentence
        and not (before.is_capitalised and before.folded in not_name_words())
    )


def civil_title_before(text: str, tokens: Sequence[Token], index: int) -> tuple[int, str] | None:
    """(start of the title, sex) when "Madame", "M.", "de heer", "Herr"… precedes tokens[index]."""
    if index == 0 or not _title_gap(text, tokens, index):
        return None
    for size in _LONGEST_FIRST:
        for key, sex in CIVIL_TITLES.items():
            if len(key) == size and _matches(text, tokens, index - size, key):
                start = tokens[index - size].start
                # "…@yahoo.fr. Abdelkader": a domain's last label is not "Fr." (Frau).
                if text[start - 1 : start] in _ADDRESS_GLUE:
                    return None
                return start, sex
    return None


def role_title_before(text: str, tokens: Sequence[Token], index: int) -> bool:
    """True after "Dr", "Me", "Maître", "Rechtsanwalt"…: kept, the pseudonym follows bare."""
    if index == 0 or not _title_gap(text, tokens, index):
        return False
    title = tokens[index - 1]
    # "Me" is Maître only with its capital: "il me dit" is a pronoun.
    return any(form in ROLE_TITLES for form in _role_forms(title.folded)) and title.text != "me"


# The shortest word a German genitive ending is taken off: "des Gerichtsvollziehers", "des
# Arztes", but "mes" (my) is no plural of "Me".
_GENITIVE_STEM = 4


def _role_forms(folded: str) -> tuple[str, ...]:
    """A role noun as written, and without a German genitive ending ("des
    Gerichtsvollziehers NEYCKEN", "des Anwalts Kessler", "des Arztes")."""
    stems = [folded[: -len(ending)] for ending in ("es", "s") if folded.endswith(ending)]
    return (folded, *(stem for stem in stems if len(stem) >= _GENITIVE_STEM))


def genitive_of_role(folded: str) -> bool:
    """True for a role noun or title with a German genitive ending ("Gerichtsvollziehers",
    "Richters"): it opens no name, like the noun itself."""
    return folded.endswith("s") and any(
        stem in ROLE_TITLES or (stem,) in _ROLES_BY_LAST.get(stem, ())
        for stem in _role_forms(folded)[1:]
    )


def role_before(text: str, tokens: Sequence[Token], index: int) -> bool:
    """True when a role noun precedes the name: "propriétaire, Roland Tilquin", "verhuurder
    Jan Peeters", or with a short phrase between: "trajectbegeleider bij de VDAB, Sofie Wouters"."""
    for back in range(1, _ROLE_REACH + 1):
        role_end = index - back
        if role_end < 0:
            break
        gap = text[tokens[role_end].end : tokens[index].start]
        pattern = _ROLE_GAP if back == 1 else _ROLE_PHRASE_GAP
        if "\n" in gap or pattern.fullmatch(gap) is None:
            continue
        if any(
            _matches(text, tokens, role_end - len(key) + 1, key)
            for key in _ROLES_BY_LAST.get(tokens[role_end].folded, ())
        ):
            return True
        if back == 1 and genitive_of_role(tokens[role_end].folded):
            return True  # "des Vermieters Kohnen", "des Richters Mertes"
    return False


_ROLE_AFTER_GAP = re.compile(r"[ \t]*[,(][ \t]*(?:\w+[ \t]+)?")


def role_after(text: str, tokens: Sequence[Token], index: int) -> bool:
    """True for "Roland Tilquin, son propriétaire" or "Jan Peeters (huisarts)" after the name
    ending at tokens[index]."""
    for first in (index + 1, index + 2):
        if first >= len(tokens):
            break
        gap = text[tokens[index].end : tokens[first].start]
        if _ROLE_AFTER_GAP.fullmatch(gap) and any(
            _matches(text, tokens, first, key)
            for key in _ROLES_BY_FIRST.get(tokens[first].folded, ())
        ):
            return True
    return False


_INITIAL_GAP = re.compile(r"\.-?[ \t]{0,2}")


def initial_before(text: str, tokens: Sequence[Token], index: int) -> bool:
    """True for "A. Ouedraogo", "J.-P. Dumont", "J-P. Dumont": a single capital and a dot or
    a hyphen right before tokens[index]."""
    if index == 0:
        return False
    token = tokens[index - 1]
    return (
        _is_initial(token)
        and (
            _INITIAL_GAP.fullmatch(text[token.end : tokens[index].start]) is not None
            # "J-P.": the hyphen of a compound first name's initials
            or (text[token.end : tokens[index].start] == "-" and _is_initial(tokens[index]))
        )
    )


def _is_initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


# What says that a lone short word is somebody's name: an age after it ("Bine (11 J.)"), quotes
# around it (« Gwen »), or a word of naming near it ("que l'on appelle", "zoals hij zichzelf
# noemt", "wie er genannt wird"). Not a civil title: "Herr Pauly" is a surname.
_AGE_AFTER = re.compile(r"[ \t]*\([ \t]*\d{1,3}[ \t]*(?:[^\W\d_]{1,6}\.?)?[ \t]*\)")
_OPENING_QUOTES = "«“„\"'‹‘"
_CLOSING_QUOTES = "»”“\"'›’"
_NAMING = re.compile(
    r"(?<!\w)(?:appel\w*|surnom\w*|sobriquet|noem\w*|genoemd|bijnaam|roepnaam|koosnaam"
    r"|genannt|nennt|nennen|spitzname|rufname|kosename)(?!\w)"
)
_NAMING_REACH = 50
# A date of birth in brackets right after a word: "Huppi (28.12.2007)", "Bodya (07/07/18)",
# "Lou (°03.04.2015)", "Nico (geb. 03.04.2015)".
_BIRTH_DATE_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?:°[ \t]?|[^\W\d_]{1,10}\.?[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?)?"
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})[ \t]*\)"
)


def birth_date_after(text: str, end: int, births: Iterable[date]) -> date | None:
    """The one of ``births`` written in brackets right after text[:end], if any: whoever the
    word before it is, the text gives them that person's date of birth."""
    if "(" not in text[end : end + 3]:
        return None
    match = _BIRTH_DATE_AFTER.match(text, end)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    two_digits = len(match.group(3)) == 2
    return next(
        (
            born
            for born in births
            if (born.day, born.month) == (day, month)
            and (born.year % 100 if two_digits else born.year) == year
        ),
        None,
    )


def person_cue(text: str, tokens: Sequence[Token], index: int) -> bool:
    """True when the text itself says tokens[index] names a person (see above), or it sends a
    message of a chat transcript (``chat_sender``)."""
    token = tokens[index]
    if _AGE_AFTER.match(text, token.end):
        return True
    sender = chat_sender(text, token.start)
    if sender is not None and sender[0] <= token.start < sender[1]:
        return True
    before = text[max(0, token.start - 2) : token.start].rstrip(" \t")
    after = text[token.end : token.end + 2].lstrip(" \t")
    if before[-1:] and before[-1] in _OPENING_QUOTES and after[:1] and after[0] in _CLOSING_QUOTES:
        return True
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    line_end = len(text) if line_end < 0 else line_end
    low = max(line_start, token.start - _NAMING_REACH)
    high = min(line_end, token.end + _NAMING_REACH)
    return _NAMING.search(fold(text[low:high])) is not None


# A chat or text-message transcript pasted into a report, in the export formats of the usual
# apps: a time (a date before it or not) in brackets, "[08/07/2026, 10:13] Josy: …", "[10:13:45]
# Josy: …", "[2026-07-08 10:13] Josy: …"; a date and a time then a dash, "08/07/2026 10:13 -
# Josy: …", "08/07/2026 à 10:13 - Josy: …"; the time in brackets after the sender, "Josy
# (10:13): …". What precedes the colon is the message's sender.
_CHAT_TIME = r"\d{1,2}[:h.]\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"
_CHAT_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?\.?|\d{4}-\d{2}-\d{2}),?[ \t]+(?:(?:à|om|um)[ \t]+)?"
)
_CHAT_SENDER = re.compile(
    rf"^[ \t>]*(?:\[[ \t]*(?:{_CHAT_DATE})?{_CHAT_TIME}[ \t]*\][ \t]*"
    rf"|{_CHAT_DATE}{_CHAT_TIME}[ \t]*[-–—][ \t]*)"
    r"(?P<sender>[^\W\d_][^:\n\[\]]{0,40}?)[ \t]*:(?=[ \t]|$)"
    rf"|^[ \t>]*(?P<timed>[^\W\d_][^:\n()]{{0,40}}?)[ \t]*\([ \t]*{_CHAT_TIME}[ \t]*\)[ \t]*:",
    re.MULTILINE,
)


def chat_sender(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the sender of the chat message on the line of ``position``, if that
    line is one (see ``_CHAT_SENDER``)."""
    line_start = text.rfind("\n", 0, position) + 1
    match = _CHAT_SENDER.match(text, line_start)
    if match is None:
        return None
    return match.span("sender") if match.group("sender") is not None else match.span("timed")


def chat_senders(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, whether a time opens the line) of every chat message's sender in
    ``text``: a time in brackets after a word ("Réunion (10:00): …") may also label a note."""
    if ":" not in text:
        return
    for match in _CHAT_SENDER.finditer(text):
        if match.group("sender") is not None:
            yield (*match.span("sender"), True)
        else:
            yield (*match.span("timed"), False)


# A name letter-spaced for emphasis or by a form's boxes: "M A R G R A F F", "W É R Y".
_SPACED = re.compile(r"(?<![\w.])(?:[A-ZÀ-ÖØ-Þ][ \t]){2,}[A-ZÀ-ÖØ-Þ](?![\w.])")


def spaced_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded letters) of every run of three or more capitals one space apart."""
    for match in _SPACED.finditer(text):
        yield match.start(), match.end(), fold(re.sub(r"[ \t]", "", match.group()))
