"""The proposal a social report ends with, found the ways social workers write it, in French,
Dutch and German; it prefills the "Décide :" of the draft decision. Pure (no Flask, no
database): plain text in, the sentence taken and where it was found out.

Three forms, tried in this order:
- a **heading** naming the proposal ("4. Proposition", "PROPOSITION DU SERVICE SOCIAL :",
  "Voorstel tot beslissing", "Beschlussvorschlag", "Décision proposée", …), the text after it
  (on the same line after a colon, then the following lines);
- a **first-person sentence** of the body ("Je propose d'octroyer…", "Nous sollicitons…",
  "Il est proposé…", "Ik stel voor…", "Wij stellen voor…", "Ich schlage vor…", "Es wird
  vorgeschlagen…");
- an **amount line** that grants something ("Montant proposé : 450,00 €", "Octroi : 210 €",
  "Toekenning van 300 EUR", "Gewährung: 150 €").
What follows is never copied: signatures, greetings and contact lines ("E-mail : [e-mail]",
"Signé : l'assistante sociale", "Met vriendelijke groeten", "Tel.: …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class FoundBy(StrEnum):
    """How the proposal was recognised, for the DG who checks it."""

    heading = "heading"
    sentence = "sentence"
    amount = "amount"


@dataclass(frozen=True)
class Proposal:
    """The words taken from the report, and where: ``start``/``end`` in the report's text."""

    text: str
    found_by: FoundBy
    start: int
    end: int


_NUMBERING = r"(?:(?:\d+|[IVX]+|[a-z])[.)]\s*|[-–•*]\s*)?"
_PROPOSAL_WORDS = (
    r"(?:propositions?|proposal|d[ée]cision\s+propos[ée]e|avis\s+et\s+proposition"
    r"|conclusions?\s+et\s+propositions?|voorstel(?:len)?|voorgestelde\s+beslissing"
    r"|advies\s+en\s+voorstel|beschlussvorschlag|vorschlag|vorgeschlagene\s+entscheidung"
    r"|stellungnahme\s+und\s+vorschlag)"
)
#: a line that announces the proposal: short, maybe numbered, maybe "…du service social :"
_HEADING = re.compile(
    rf"^[ \t]*{_NUMBERING}{_PROPOSAL_WORDS}\b[^\n:]{{0,50}}(?::[ \t]*(?P<inline>[^\n]*))?$",
    re.IGNORECASE | re.MULTILINE,
)
#: another heading after the proposal ends it ("5. Annexes", "Conclusion :", "ANNEXES")
_NEXT_HEADING = re.compile(r"^(?:(?:\d+|[IVX]+)[.)]\s+[^\n]{1,40}|[^\n.]{2,40}:|[A-ZÀ-Ý' ]{4,40})$")
_LINE = re.compile(r"[^\n]*")
_FIRST_PERSON = re.compile(
    r"\b(?:je|nous)\s+(?:propos\w*|sollicit\w*)\b|\bil\s+est\s+propos[ée]\b"
    r"|\b(?:ik|wij|we)\s+(?:stel|stellen)\b[^.\n]*\bvoor\b|\bwordt\s+voorgesteld\b"
    r"|\b(?:ich|wir)\s+(?:schlage|schlagen)\b[^.\n]*\bvor\b|\bschlage\s+ich\b[^.\n]*\bvor\b"
    r"|\bwird\s+vorgeschlagen\b|\bbeantrage\s+ich\b|\bich\s+beantrage\b",
    re.IGNORECASE,
)
_GRANT_WORDS = (
    r"(?:octroi|octroyer|accord|aide|montant|intervention|prise\s+en\s+charge|toekenning"
    r"|toekennen|steun|bedrag|tussenkomst|gewährung|gewähren|hilfe|betrag|beihilfe|übernahme)"
)
_AMOUNT = re.compile(rf"^[^\n]*\b{_GRANT_WORDS}\b[^\n]*(?:€|\bEUR\b|\beuros?\b)[^\n]*$",
                     re.IGNORECASE | re.MULTILINE)
#: lines that close a report and never belong to a decision
_CLOSING = re.compile(
    r"^[ \t]*(?:e-?mail|courriel|t[ée]l(?:[ée]phone)?\b|tel\.?|gsm|fax|sign[ée]e?\b|signature"
    r"|handtekening|unterschrift|getekend|gez\.|l['’]assistante?\s+sociale?|le\s+travailleur"
    r"|la\s+travailleuse|de\s+maatschappelijk|maatschappelijk\s+werk|der\s+sozialarbeiter"
    r"|die\s+sozialarbeiterin|fait\s+à|date\s*:|datum\s*:|cordialement|bien\s+à\s+vous"
    r"|met\s+vriendelijke|mit\s+freundlichen|hochachtungsvoll|\[[^\]\n]*\]\s*$)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|\n")


def find_proposal(text: str) -> Proposal | None:
    """The report's proposal, or None when it has none that can be recognised."""
    return _after_heading(text) or _first_person_sentence(text) or _amount_line(text)


def _after_heading(text: str) -> Proposal | None:
    headings = list(_HEADING.finditer(text))
    if not headings:
        return None
    heading = headings[-1]
    inline = (heading.group("inline") or "").strip()
    lines = [inline] if inline else []
    end = heading.end()
    for line in _LINE.finditer(text, heading.end() + 1):
        stripped = line.group().strip()
        if not stripped:
            continue
        if _CLOSING.match(stripped) or (lines and _NEXT_HEADING.match(stripped)):
            break
        lines.append(stripped)
        end = line.end()
    if not lines or _CLOSING.match(lines[0]):
        return None
    return Proposal("\n".join(lines), FoundBy.heading, heading.start(), end)


def _first_person_sentence(text: str) -> Proposal | None:
    matches = list(_FIRST_PERSON.finditer(text))
    if not matches:
        return None
    match = matches[-1]
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start() + 1)
              if m.end() <= match.start()]
    start = starts[-1] if starts else 0
    following = _SENTENCE_END.search(text, match.end())
    end = following.start() if following else len(text)
    sentence = " ".join(text[start:end].split())
    return Proposal(sentence, FoundBy.sentence, start, end) if sentence else None


def _amount_line(text: str) -> Proposal | None:
    lines = [m for m in _AMOUNT.finditer(text) if not _CLOSING.match(m.group().strip())]
    if not lines:
        return None
    line = lines[-1]
    return Proposal(" ".join(line.group().split()), FoundBy.amount, line.start(), line.end())
