"""How a vote is written in the minutes, in the language of the centre (fr, nl, de; en for
reading). Pure (no Flask): the counts and the outcome in, the sentence out, its words from the
gettext catalogs (``council.i18n.catalog``).

Examples: "Adopté à l'unanimité.", "Adopté par 4 voix contre 2 et 1 abstention.",
"Rejeté au scrutin secret, par 3 voix contre 3, ...".
"""

from __future__ import annotations

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
