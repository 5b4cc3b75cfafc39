"""The vote sentence of the minutes in each language."""

from __future__ import annotations

import pytest

from agenda.sitting.wording import outcome_sentence
from council.rules.majority import Choice, decide


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "secret", "president", "language", "expected"),
    [
        (7, 0, 0, False, None, "fr", "Adopté à l'unanimité."),
        (0, 5, 0, False, None, "fr", "Rejeté à l'unanimité."),
        (4, 2, 1, False, None, "fr", "Adopté par 4 voix contre 2 et 1 abstention."),
        (4, 2, 2, False, None, "fr", "Adopté par 4 voix contre 2 et 2 abstentions."),
        (5, 0, 2, False, None, "fr", "Adopté par 5 voix contre 0 et 2 abstentions."),
        (3, 4, 0, True, None, "fr", "Rejeté au scrutin secret, par 3 voix contre 4."),
        (5, 0, 0, True, None, "fr", "Adopté au scrutin secret, à l'unanimité."),
        (4, 4, 0, False, Choice.yes, "fr",
         "Adopté par 4 voix contre 4, la voix du président étant prépondérante."),
        (4, 4, 0, True, Choice.yes, "fr", "Rejeté au scrutin secret, par 4 voix contre 4."),
        (0, 0, 5, False, None, "fr", "Rejeté, faute de voix exprimées (5 abstentions)."),
        (0, 0, 3, True, None, "de", "Abgelehnt, in geheimer Abstimmung, ohne abgegebene Stimmen "
                                    "(3 Enthaltungen)."),
        (4, 2, 1, False, None, "nl", "Aangenomen met 4 stemmen voor en 2 tegen bij 1 onthouding."),
        (1, 0, 2, False, None, "nl", "Aangenomen met 1 stem voor en 0 tegen bij 2 onthoudingen."),
        (6, 0, 0, True, None, "nl",
         "Aangenomen bij geheime stemming, met eenparigheid van stemmen."),
        (4, 2, 1, False, None, "de", "Angenommen mit 4 Stimmen gegen 2 bei 1 Enthaltung."),
        (2, 3, 0, True, None, "de", "Abgelehnt in geheimer Abstimmung, mit 2 Stimmen gegen 3."),
        (6, 0, 0, False, None, "de", "Angenommen einstimmig."),
        (4, 2, 1, False, None, "en", "Adopted by 4 votes to 2 with 1 abstention."),
    ],
)
def test_outcome_sentence(yes: int, no: int, abstain: int, secret: bool,
                          president: Choice | None, language: str, expected: str) -> None:
    outcome = decide(yes, no, abstain, is_secret=secret, president_choice=president)
    assert outcome_sentence(outcome, is_secret=secret, language=language) == expected
