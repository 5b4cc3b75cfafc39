"""How a vote is written in the minutes, in the language of the centre (fr, nl, de; en for
reading). Pure (no Flask): the counts and the outcome in, the sentence out, its words from the
gettext catalogs (``council.i18n.catalog``).

Examples: "Adopté à l'unanimité.", "Adopté par 4 voix contre 2 et 1 abstention.",
"Rejeté au scrutin secret, par 3 voix contre 3, ...".
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import Translations

from council.i18n import catalog
from council.rules.majority import Outcome


def tally_phrase(outcome: Outcome, *, is_secret: bool, language: str) -> str:
    """The counts as the minutes write them, without the verdict."""
    words = catalog(language)
    if outcome.cast == 0:
        phrase = words.ngettext(
            "with no vote cast (%(num)d abstention)", "with no vote cast (%(num)d abstentions)",
            outcome.abstain,
        ) % {"num": outcome.abstain}
    elif outcome.abstain == 0 and (outcome.yes == 0 or outcome.no == 0):
        phrase = words.gettext("unanimously")
    else:
        phrase = words.ngettext(
            "by %(num)d vote to %(no)d", "by %(num)d votes to %(no)d", outcome.yes
        ) % {"num": outcome.yes, "no": outcome.no}
        if outcome.abstain:
            abstentions = words.ngettext(
                "with %(num)d abstention", "with %(num)d abstentions", outcome.abstain
            ) % {"num": outcome.abstain}
            phrase = f"{phrase} {abstentions}"
    if outcome.blank or outcome.null:
        phrase = f"{phrase} {_blank_and_null(outcome, words)}"
    if is_secret:
        phrase = words.gettext("by secret ballot, %(tally)s") % {"tally": phrase}
    if outcome.decided_by_tie_rule and outcome.adopted:
        phrase = words.gettext("%(tally)s, the president's casting vote deciding") % {
            "tally": phrase
        }
    return phrase


def _blank_and_null(outcome: Outcome, words: Translations) -> str:
    """"(2 bulletins blancs et 1 bulletin nul, qui ne sont pas des suffrages exprimés)": a
    secret ballot's blank and null ballots, counted apart from the votes cast."""
    parts = []
    if outcome.blank:
        parts.append(words.ngettext("%(num)d blank ballot", "%(num)d blank ballots",
                                    outcome.blank) % {"num": outcome.blank})
    if outcome.null:
        parts.append(words.ngettext("%(num)d null ballot", "%(num)d null ballots",
                                    outcome.null) % {"num": outcome.null})
    listed = (words.gettext("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}
              if len(parts) == 2 else parts[0])
    return words.gettext("(%(ballots)s, not counted as votes cast)") % {"ballots": listed}


def outcome_sentence(outcome: Outcome, *, is_secret: bool, language: str) -> str:
    """The verdict and the counts: "Adopté par 4 voix contre 2 et 1 abstention." """
    words = catalog(language)
    verdict = words.gettext("Adopted") if outcome.adopted else words.gettext("Rejected")
    # without a vote cast, the verdict stands apart: "Rejeté, faute de voix exprimées (…)."
    sentence = (words.gettext("%(verdict)s, %(tally)s.") if outcome.cast == 0
                else words.gettext("%(verdict)s %(tally)s."))
    return sentence % {
        "verdict": verdict, "tally": tally_phrase(outcome, is_secret=is_secret, language=language)
    }


def urgency_sentence(present: int, votes_for: int, required: int, declared: bool, *,
                     language: str) -> str:
    """The urgency vote as the minutes write it: "L'urgence est déclarée par 7 voix sur les 9
    membres présents (6 requises)." or, short of the majority, that the item is not taken."""
    words = catalog(language)
    figures = {"num": votes_for, "present": present, "required": required}
    if declared:
        return words.ngettext(
            "The urgency is declared by %(num)d vote of the %(present)d members present "
            "(%(required)d required).",
            "The urgency is declared by %(num)d votes of the %(present)d members present "
            "(%(required)d required).", votes_for) % figures
    return words.ngettext(
        "The urgency is not declared: %(num)d vote of the %(present)d members present, "
        "%(required)d required; the item is not taken.",
        "The urgency is not declared: %(num)d votes of the %(present)d members present, "
        "%(required)d required; the item is not taken.", votes_for) % figures


@dataclass(frozen=True)
class CandidateVotes:
    """A candidate of a designation and the votes received, once the ballot is counted."""

    name: str
    votes: int
    is_elected: bool


@dataclass(frozen=True)
class DesignationCount:
    """A designation's ballot as counted (LO art. 27 §6), for the result and the minutes."""

    #: the candidates in ballot order
    candidates: tuple[CandidateVotes, ...]
    #: ballots ticking at least one candidate
    valid: int
    blank: int
    null: int
    #: the result is void: a new ballot is held
    is_void: bool
    #: a tie for the last seat(s) was decided by age (the oldest elected)
    is_decided_by_age: bool = False

    @property
    def elected(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.candidates if c.is_elected)

    @property
    def is_unresolved_tie(self) -> bool:
        """Void without anybody elected: candidates with equal votes and the same birth date
        competed for the last seat(s), which age cannot decide."""
        return self.is_void and not self.elected


def designation_sentence(count: DesignationCount, *, language: str) -> str:
    """A designation as the minutes write it: "Au scrutin secret, 9 bulletins valables : A,
    5 voix ; B, 3 voix. Sont désignés : A, B." or that the result is void, and why."""
    words = catalog(language)
    ballots = words.ngettext("%(num)d valid ballot", "%(num)d valid ballots",
                             count.valid) % {"num": count.valid}
    if count.blank or count.null:
        ballots = f"{ballots} {_blank_and_null(_as_outcome(count), words)}"
    votes = words.gettext("; ").join(
        words.ngettext("%(name)s, %(num)d vote", "%(name)s, %(num)d votes", c.votes)
        % {"name": c.name, "num": c.votes} for c in count.candidates)
    parts = [words.gettext("By secret ballot in one round, %(ballots)s: %(votes)s.")
             % {"ballots": ballots, "votes": votes}]
    names = words.gettext(", ").join(count.elected)
    if count.is_unresolved_tie:
        parts.append(words.gettext(
            "The result is void: candidates with equal votes and the same date of birth compete "
            "for the last seat; a new ballot in one round is held."))
    elif count.is_void:
        parts.append(words.gettext(
            "The result is void: both sexes are not represented among the president and the "
            "candidates the ballot elected (%(names)s) (LO art. 27 §6); a new ballot in one "
            "round is held for all seats but the president's.") % {"names": names})
    else:
        if count.is_decided_by_age:
            parts.append(words.gettext("On equal votes, the oldest candidate is elected."))
        parts.append(words.ngettext("Designated: %(names)s.", "Designated: %(names)s.",
                                    len(count.elected)) % {"names": names})
    return " ".join(parts)


def _as_outcome(count: DesignationCount) -> Outcome:
    """The blank and null ballots of a designation, in the shape ``_blank_and_null`` reads."""
    return Outcome(adopted=not count.is_void, yes=count.valid, no=0, abstain=0, cast=count.valid,
                   majority_needed=0, decided_by_tie_rule=count.is_decided_by_age,
                   blank=count.blank, null=count.null)
