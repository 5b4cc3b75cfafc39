"""The proposal of a social report, found the ways social workers write it (issue 15, item 6):
of ten reports written by other hands, five came out as "Décide : [proposition à compléter]"
because their proposal was worded otherwise than a line starting with Proposition, Voorstel or
Vorschlag, and others picked up the report's trailing lines ("E-mail: [e-mail]", "Signé :
l'assistante sociale.")."""

from __future__ import annotations

import pytest

from agenda.proposals import FoundBy, find_proposal

SIGNATURE_FR = "\n\nE-mail : [e-mail]\nTél. : [téléphone]\nSigné : l'assistante sociale.\n"


@pytest.mark.parametrize(("ending", "expected", "found_by"), [
    # headings, as before
    ("4. Proposition\nOctroi : RIS au taux isolé.\n", "Octroi : RIS au taux isolé.",
     FoundBy.heading),
    ("Voorstel: toekenning van een huurwaarborg.\n", "toekenning van een huurwaarborg.",
     FoundBy.heading),
    ("Beschlussvorschlag\nGewährung einer Energieprämie.\nBegründung folgt.",
     "Gewährung einer Energieprämie.\nBegründung folgt.", FoundBy.heading),
    # headings worded otherwise
    ("IV. PROPOSITION DU SERVICE SOCIAL :\nOctroi d'une aide de 450,00 € pour les arriérés."
     + SIGNATURE_FR, "Octroi d'une aide de 450,00 € pour les arriérés.", FoundBy.heading),
    ("Décision proposée\nPrise en charge des frais de crèche (120 € par mois)."
     "\n\nFait à Hautrival, le 2 décembre.\nL'assistant social", "Prise en charge des frais de "
     "crèche (120 € par mois).", FoundBy.heading),
    ("5) Avis et proposition :\nAccord pour une guidance budgétaire.\n\n6. Annexes\nBail.",
     "Accord pour une guidance budgétaire.", FoundBy.heading),
    ("Voorstel tot beslissing\nToekenning van leefloon categorie 2.\n\nMet vriendelijke groeten,"
     "\nDe maatschappelijk werker", "Toekenning van leefloon categorie 2.", FoundBy.heading),
    ("Vorgeschlagene Entscheidung:\nÜbernahme der Mietkaution.\nMit freundlichen Grüßen\n"
     "Der Sozialarbeiter", "Übernahme der Mietkaution.", FoundBy.heading),
    # a first-person sentence in the body
    ("Madame A. vit seule. Je propose d'octroyer une aide de 200 € pour le chauffage. Elle est "
     "d'accord." + SIGNATURE_FR, "Je propose d'octroyer une aide de 200 € pour le chauffage.",
     FoundBy.sentence),
    ("Au vu de ce qui précède, nous sollicitons l'octroi d'une carte médicale pour trois mois."
     + SIGNATURE_FR, "Au vu de ce qui précède, nous sollicitons l'octroi d'une carte médicale "
     "pour trois mois.", FoundBy.sentence),
    ("Mevrouw B. woont alleen.\nIk stel voor om een huurwaarborg van 900 EUR toe te kennen.\n"
     "Met vriendelijke groeten,\nDe maatschappelijk werker",
     "Ik stel voor om een huurwaarborg van 900 EUR toe te kennen.", FoundBy.sentence),
    ("Frau C. lebt allein. Wir schlagen vor, eine Energieprämie von 210 € zu gewähren.\n"
     "Mit freundlichen Grüßen", "Wir schlagen vor, eine Energieprämie von 210 € zu gewähren.",
     FoundBy.sentence),
    ("Il est proposé de prendre en charge la facture d'hôpital.", "Il est proposé de prendre "
     "en charge la facture d'hôpital.", FoundBy.sentence),
    # an amount line
    ("Situation stable.\nMontant proposé : 450,00 € (arriérés de loyer)\nFait à Hautrival",
     "Montant proposé : 450,00 € (arriérés de loyer)", FoundBy.amount),
    ("Toestand.\nBedrag van de tussenkomst: 300 EUR\nTel.: [telefoon]",
     "Bedrag van de tussenkomst: 300 EUR", FoundBy.amount),
])
def test_the_proposal_is_found_and_nothing_after_it(ending: str, expected: str,
                                                    found_by: FoundBy) -> None:
    report = "RAPPORT SOCIAL\n\nMadame A. est suivie depuis 2024.\n\n" + ending
    found = find_proposal(report)
    assert found is not None
    assert (found.text, found.found_by) == (expected, found_by)
    assert found.text.split()[0] in report[found.start:found.end]
    for closing in ("[e-mail]", "Signé", "groeten", "Grüßen", "Fait à", "Annexes", "[tel"):
        assert closing not in found.text


@pytest.mark.parametrize("text", [
    "Un rapport sans proposition. Madame A. est suivie par le CPAS.",
    "Le loyer est de 450 € par mois.",  # an amount that grants nothing
    "Proposition\n\nE-mail : [e-mail]\nSigné : l'assistante sociale.",  # an empty heading
])
def test_no_proposal_is_invented(text: str) -> None:
    assert find_proposal(text) is None
