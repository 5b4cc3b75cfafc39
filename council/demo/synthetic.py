"""Synthetic social reports for the demo and the benchmarks: invented people, plausible facts.

Deterministic for a given seed, so that the demo looks the same on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

FIRST_NAMES_F = (
    "Naïma",
    "Sophie",
    "Marie-Claire",
    "Fatou",
    "Ana",
    "Julie",
    "Leïla",
    "Nathalie",
    "Aurélie",
    "Khadija",
    "Elena",
    "Sandrine",
    "Chloé",
    "Amina",
    "Valérie",
)
FIRST_NAMES_M = (
    "Karim",
    "Jean-Marc",
    "Mamadou",
    "Luca",
    "Thierry",
    "Youssef",
    "Kevin",
    "Patrick",
    "Ibrahim",
    "Olivier",
    "Mehdi",
    "Sébastien",
    "Rachid",
    "Grégory",
)
CHILD_NAMES = (
    "Sami",
    "Lina",
    "Noah",
    "Inès",
    "Adam",
    "Emma",
    "Ilyas",
    "Jade",
    "Rayan",
    "Léa",
    "Yanis",
    "Zoé",
)
SURNAMES = (
    "Diallo",
    "Lambrechts",
    "Van den Broeck",
    "El Amrani",
    "Dubois",
    "Ben Salah",
    "N'Diaye",
    "Lemaire",
    "Kowalski",
    "De Smet",
    "Mertens",
    "Rossi",
    "Haddad",
    "Lejeune",
    "Tshimanga",
    "Dupont",
    "Peeters",
    "Yilmaz",
    "Vandamme",
    "Gillard",
)
LANDLORDS = (
    ("Roland", "Tilquin"),
    ("Michel", "Verstraeten"),
    ("Georges", "Delhaye"),
    ("Christiane", "Houben"),
    ("André", "Collignon"),
)
STREETS = (
    "rue des Glycines",
    "avenue Blonden",
    "chaussée de Bruxelles",
    "rue du Moulin",
    "place Saint-Lambert",
    "rue de la Station",
    "allée des Tilleuls",
)
SCENARIOS = (
    ("Revenu d'intégration", "revenu d'intégration au taux famille à charge (catégorie 3)"),
    ("Aide sociale — garantie locative", "garantie locative sous forme de lettre de garantie"),
    ("Aide sociale — frais médicaux", "prise en charge des frais médicaux attestés"),
    ("Aide sociale — énergie", "intervention dans la facture d'énergie (fonds gaz-électricité)"),
    ("Revenu d'intégration — étudiant", "revenu d'intégration au taux cohabitant avec PIIS"),
)


@dataclass(frozen=True)
class SyntheticReport:
    title: str
    text: str
    dossier: dict[str, Any]
    proposal: str


def _niss(birth: date, serial: int) -> str:
    """A national register number with a valid mod-97 check (born after 1999: prefix 2)."""
    base = f"{birth:%y%m%d}{serial:03d}"
    prefix = "2" if birth.year >= 2000 else ""
    check = 97 - int(prefix + base) % 97
    return f"{base}{check:02d}"


def _iban(rng: random.Random) -> str:
    bank, account = rng.randrange(100, 999), rng.randrange(1_000_000, 9_999_999)
    bban = f"{bank:03d}{account:07d}"
    bban += f"{int(bban) % 97 or 97:02d}"
    check = 98 - int(bban + "111400") % 97  # "BE" -> 11 14, then "00"
    return f"BE{check:02d}{bban}"


def generate_reports(count: int, *, seed: int = 2026, today: date) -> list[SyntheticReport]:
    rng = random.Random(seed)  # noqa: S311 (demo data, not security)
    reports = []
    for index in range(count):
        is_woman = index % 3 != 1
        first = rng.choice(FIRST_NAMES_F if is_woman else FIRST_NAMES_M)
        last = SURNAMES[index % len(SURNAMES)] if index < len(SURNAMES) else rng.choice(SURNAMES)
        birth = date(rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 28))
        children = [
            (rng.choice(CHILD_NAMES), today - timedelta(days=rng.randrange(365, 17 * 365)))
            for _ in range(rng.randrange(0, 3))
        ]
        landlord = rng.choice(LANDLORDS)
        street, number = rng.choice(STREETS), str(rng.randrange(1, 220))
        title, proposal = SCENARIOS[index % len(SCENARIOS)]
        reference = f"{today.year}/{index + 1:04d}"
        amount = f"{rng.randrange(300, 1500)},00"
        phone = (
            f"+32 4{rng.randrange(70, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}"
        )
        email = f"{first.split('-')[0].lower()}.{last.split()[-1].lower()}{index}@example.be"
        niss = _niss(birth, 100 + index % 800)
        iban = _iban(rng)
        civil = "Madame" if is_woman else "Monsieur"
        household = " ".join(
            f"{name} ({(today - born).days // 365} ans)," for name, born in children
        ).rstrip(",")
        lives = (
            f"vit avec ses enfants {household}."
            if children
            else "vit seul" + ("e." if is_woman else ".")
        )
        text = (
            f"RAPPORT SOCIAL — Comité spécial du service social\n\n"
            f"Dossier n° {reference}\n"
            f"Nom : {last.upper()}\nPrénom : {first}\n"
            f"Date de naissance : {birth:%d.%m.%Y}\n"
            f"N° registre national : {niss[:2]}.{niss[2:4]}.{niss[4:6]}-{niss[6:9]}.{niss[9:]}\n"
            f"Adresse : {street} {number}, 7000 Hautrival\n"
            f"Téléphone : {phone}\nCourriel : {email}\nCompte : {iban}\n\n"
            f"1. Situation familiale\n{civil} {last} {lives}\n\n"
            f"2. Situation sociale\n{civil} {first} {last} s'est présenté"
            f"{'e' if is_woman else ''} à la permanence le {today:%d/%m/%Y}. "
            f"Son propriétaire, {landlord[0]} {landlord[1]}, réclame des arriérés de loyer. "
            f"L'intéressé{'e' if is_woman else ''} est suivi{'e' if is_woman else ''} "
            f"par l'ONEM et sa mutualité.\n\n"
            f"3. Situation financière\nMontant demandé : {amount} € par mois.\n\n"
            f"4. Proposition\nOctroi : {proposal}, à partir du {today:%d/%m/%Y}.\n"
        )
        dossier = {
            "reference": reference,
            "language": "fr",
            "applicant": {
                "last_name": last,
                "first_names": [first],
                "birth_date": birth.isoformat(),
                "niss": niss,
                "sex": "F" if is_woman else "M",
            },
            "address": {
                "street": street,
                "number": number,
                "postcode": "7000",
                "city": "Hautrival",
            },
            "household": [
                {
                    "last_name": last,
                    "first_names": [name],
                    "relation": "child",
                    "birth_date": born.isoformat(),
                }
                for name, born in children
            ],
            "contacts": {"phone": phone, "email": email, "iban": iban},
        }
        reports.append(
            SyntheticReport(
                title=f"{title} — dossier {reference}",
                text=text,
                dossier=dossier,
                proposal=f"Octroi : {proposal}.",
            )
        )
    return reports
