"""How a vote is written in the minutes, in the language of the centre (fr, nl, de; en for
reading). Pure: the counts and the outcome in, the sentence out.

Examples: "Adopté à l'unanimité.", "Adopté par 4 voix contre 2 et 1 abstention.",
"Rejeté au scrutin secret, par 3 voix contre 3, ...".
"""

from __future__ import annotations

from dataclasses import dataclass

from council.rules.majority import Outcome


@dataclass(frozen=True)
class Phrasing:
    adopted: str
    rejected: str
    unanimously: str
    ballot_prefix: str
    counts: str  # "{yes} … {no}"
    abstentions: tuple[str, str]  # singular, plural with {abstain}
    yes_word: tuple[str, str] | None  # for languages that inflect "vote(s)"
    only_abstentions: str
    casting_vote: str


PHRASINGS = {
    "fr": Phrasing(
        adopted="Adopté", rejected="Rejeté", unanimously="à l'unanimité",
        ballot_prefix="au scrutin secret", counts="par {yes} voix contre {no}",
        abstentions=(" et {abstain} abstention", " et {abstain} abstentions"), yes_word=None,
        only_abstentions="faute de voix exprimées ({abstain} abstentions)",
        casting_vote=", la voix du président étant prépondérante",
    ),
    "nl": Phrasing(
        adopted="Aangenomen", rejected="Verworpen", unanimously="met eenparigheid van stemmen",
        ballot_prefix="bij geheime stemming", counts="met {yes} {yes_word} voor en {no} tegen",
        abstentions=(" bij {abstain} onthouding", " bij {abstain} onthoudingen"),
        yes_word=("stem", "stemmen"),
        only_abstentions="zonder uitgebrachte stemmen ({abstain} onthoudingen)",
        casting_vote=", waarbij de stem van de voorzitter doorslaggevend is",
    ),
    "de": Phrasing(
        adopted="Angenommen", rejected="Abgelehnt", unanimously="einstimmig",
        ballot_prefix="in geheimer Abstimmung", counts="mit {yes} {yes_word} gegen {no}",
        abstentions=(" bei {abstain} Enthaltung", " bei {abstain} Enthaltungen"),
        yes_word=("Stimme", "Stimmen"),
        only_abstentions="ohne abgegebene Stimmen ({abstain} Enthaltungen)",
        casting_vote=", wobei die Stimme des Präsidenten den Ausschlag gibt",
    ),
    "en": Phrasing(
        adopted="Adopted", rejected="Rejected", unanimously="unanimously",
        ballot_prefix="by secret ballot", counts="by {yes} {yes_word} to {no}",
        abstentions=(" with {abstain} abstention", " with {abstain} abstentions"),
        yes_word=("vote", "votes"),
        only_abstentions="with no vote cast ({abstain} abstentions)",
        casting_vote=", the president's casting vote deciding",
    ),
}


def tally_phrase(outcome: Outcome, *, is_secret: bool, language: str) -> str:
    """The counts as the minutes write them, without the verdict."""
    words = PHRASINGS[language]
    if outcome.cast == 0:
        phrase = words.only_abstentions.format(abstain=outcome.abstain)
    elif outcome.abstain == 0 and (outcome.yes == 0 or outcome.no == 0):
        phrase = words.unanimously
    else:
        yes_word = words.yes_word[outcome.yes != 1] if words.yes_word else ""
        phrase = words.counts.format(yes=outcome.yes, no=outcome.no, yes_word=yes_word)
        if outcome.abstain:
            phrase += words.abstentions[outcome.abstain != 1].format(abstain=outcome.abstain)
    if is_secret:
        phrase = f"{words.ballot_prefix}, {phrase}"
    if outcome.decided_by_tie_rule and outcome.adopted:
        phrase += words.casting_vote
    return phrase


def outcome_sentence(outcome: Outcome, *, is_secret: bool, language: str) -> str:
    """The verdict and the counts: "Adopté par 4 voix contre 2 et 1 abstention." """
    words = PHRASINGS[language]
    verdict = words.adopted if outcome.adopted else words.rejected
    separator = ", " if outcome.cast == 0 else " "
    return f"{verdict}{separator}{tally_phrase(outcome, is_secret=is_secret, language=language)}."
