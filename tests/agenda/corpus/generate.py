# ruff: noqa: E501 - the templates are report prose, one report line per source line
"""Writes the evaluation corpus: synthetic social reports (no real person) with their dossiers
and annotations, in the format of ../shared/samples/pseudonymisation.

Run ``python tests/agenda/corpus/generate.py`` to rewrite the files (seeded, so reproducible).
On purpose this script shares no code with agenda.pseudonymise: checksums, matching and
annotation are written here from scratch, so the evaluation is not circular. The reports come
from hand-written templates of different layouts (headed forms, prose, e-mails, tables) and the
names from pools with particles, hyphens, apostrophes and names that are also words.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = date(2026, 10, 1)
PARTICLES = {
    "van", "vande", "vanden", "vander", "den", "der", "de", "del", "da", "dos", "das", "di",
    "du", "des", "le", "la", "el", "al", "ben", "bin", "d", "n", "von", "vom", "zu", "ter", "ten",
}

# ---------------------------------------------------------------- names (fictional combinations)
FR_F = ["Naïma", "Océane", "Marie-Claire", "Sophie", "Fatoumata", "Aurélie", "Ghislaine", "Rose",
        "Anne-Sophie", "Valérie", "Kadiatou", "Émilie", "Nadia", "Josiane", "Laetitia", "Chantal",
        "Mireille", "Hélène", "Zineb", "Bérénice", "Yolande", "Maud", "Léonie", "Assia"]
FR_M = ["Jean-Pierre", "Mamadou", "Thierry", "Kevin", "Youssef", "Grégory", "Didier", "Cédric",
        "Rachid", "Benoît", "Olivier", "Jordan", "Karim", "Loïc", "Dieudonné", "Fabrice",
        "Mehdi", "Arnaud", "Ludovic", "Hervé"]
FR_LAST = ["Lebrun", "Blanc", "Petit", "Noël", "Léger", "Lenoir", "Van den Broeck", "De Smet",
           "El Amrani", "Ben Salah", "N'Diaye", "D'Hondt", "Vander-Elst", "Dupont-Lambert",
           "Stassart", "Gillard", "Kabamba", "Mukendi", "Lambotte", "Delvaux", "Collignon",
           "Jacquemin", "Tshibanda", "Benali", "Yilmaz", "Kowalski", "Popescu", "Dos Santos",
           "Michaux", "Leclercq", "Hennuy", "Lejeune", "Bastin", "Ngoy", "Çakır", "Pirotte"]
NL_F = ["Lotte", "Liesbeth", "Ann", "Elke", "Griet", "Hanne", "Tine", "Sien", "Femke", "Inge",
        "Nathalie", "Khadija", "Marijke", "Veerle", "Ilse", "Leen", "Roos"]
NL_M = ["Wouter", "Jef", "Pieter-Jan", "Jozef", "Brecht", "Wannes", "Bram", "Kobe", "Stijn",
        "Dirk", "Mohamed", "Geert", "Koen", "Rik", "Tuur", "Jelle"]
NL_LAST = ["Peeters", "Janssens", "Maes", "Willems", "Goossens", "Wouters", "De Wolf", "Winter",
           "Vogel", "Van Damme", "Vermeulen", "Van de Velde", "De Backer", "Verstraete",
           "Lambrechts", "D'Haese", "Van Acker", "El Idrissi", "Bulut", "Demir", "Verbruggen",
           "Van Hoof", "De Clercq", "Smeets", "Coppens", "Vandenberghe"]
DE_F = ["Gudrun", "Heike", "Anneliese", "Lena", "Mia", "Ottilie", "Sabine", "Monika", "Jana",
        "Ute", "Brigitte", "Marlene", "Emine"]
DE_M = ["Klaus", "Jürgen", "Siegfried", "Lukas", "Finn", "Karl-Heinz", "Berthold", "Dieter",
        "Helmut", "Timo", "Ahmet", "Reinhold"]
DE_LAST = ["Schmitz", "Kreutz", "Lambertz", "Heinen", "Gennen", "Krings", "Mertes", "Vogel",
           "Winter", "Havenith", "Cormann", "Keßler", "Pankert", "Rauw", "Jost", "Brüll",
           "Müller-Rauw", "Von der Heyden", "Offermann", "Schröder"]
# Surnames every run must use at least once (for applicants, in this order), so the corpus always
# holds the hard cases: particles, apostrophes, hyphens, names that are also words.
MUST = {
    "fr": ["El Amrani", "Ben Salah", "N'Diaye", "D'Hondt", "Van den Broeck", "De Smet",
           "Vander-Elst", "Lebrun", "Blanc", "Petit", "Noël", "Léger", "Lenoir"],
    "nl": ["De Wolf", "Winter", "Vogel", "D'Haese", "Van de Velde", "El Idrissi"],
    "de": ["Winter", "Vogel", "Von der Heyden", "Müller-Rauw", "Keßler"],
}
MUST_FIRST = {"fr": ["Marie-Claire", "Rose"], "nl": ["Pieter-Jan"], "de": ["Karl-Heinz"]}
# First names a generic list of common names is unlikely to hold: rules must find them.
RARE_F = ["Ghislaine", "Bérénice", "Yolande", "Griet", "Ottilie", "Anneliese", "Gudrun", "Maud"]
RARE_M = ["Baudouin", "Aurélien", "Wannes", "Jozef", "Siegfried", "Berthold", "Tuur", "Dieudonné"]

STREETS = {
    "fr": [("rue des Alliés", "4000", "Liège"), ("chaussée de Louvain", "5000", "Namur"),
           ("avenue Jean Jaurès", "6000", "Charleroi"), ("place Saint-Lambert", "4000", "Liège"),
           ("rue Haute", "1400", "Nivelles"), ("boulevard Tirou", "6000", "Charleroi"),
           ("rue du Onze Novembre", "7000", "Mons"), ("allée des Tilleuls", "1300", "Wavre"),
           ("rue de Namur", "5300", "Andenne"), ("clos des Lilas", "7500", "Tournai")],
    "nl": [("Kerkstraat", "9000", "Gent"), ("Sint-Pietersnieuwstraat", "9000", "Gent"),
           ("Koning Albertlaan", "8000", "Brugge"), ("Antwerpsesteenweg", "2800", "Mechelen"),
           ("Stationsplein", "3000", "Leuven"), ("Molenweg", "3500", "Hasselt"),
           ("Beukendreef", "2600", "Berchem"), ("Veldstraat", "8500", "Kortrijk")],
    "de": [("Aachener Straße", "4700", "Eupen"), ("Bergstraße", "4700", "Eupen"),
           ("Hauptstraße", "4780", "Sankt Vith"), ("Kirchweg", "4730", "Raeren"),
           ("Klosterstraße", "4700", "Eupen"), ("Neustraße", "4750", "Bütgenbach")],
}
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}


# ---------------------------------------------------------------- numbers with their checksums
def niss_for(birth: date, rng: random.Random, bis: bool = False) -> str:
    serial = rng.randrange(1, 998)
    month = birth.month + (40 if bis else 0)
    base = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial:03d}"
    number = int(("2" if birth.year >= 2000 else "") + base)
    return base + f"{97 - number % 97:02d}"


def iban_for(rng: random.Random) -> str:
    account = f"{rng.randrange(0, 10**10):010d}"
    national = int(account) % 97 or 97
    bban = account + f"{national:02d}"
    check = 98 - int(bban + "111400") % 97
    return f"BE{check:02d}{bban}"


def mobile_for(rng: random.Random) -> str:
    return f"04{rng.choice('6789')}{rng.randrange(0, 10)}{rng.randrange(0, 10**6):06d}"


def group(digits: str, sizes: list[int], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(digits[i : i + size])
        i += size
    return sep.join(parts)


# ---------------------------------------------------------------- people and the case builder
@dataclass
class Person:
    firsts: list[str]
    last: str
    sex: str | None = None
    birth: date | None = None
    relation: str | None = None
    role: str | None = None
    niss: str | None = None

    @property
    def first(self) -> str:
        return self.firsts[0] if self.firsts else ""

    @property
    def up(self) -> str:
        return self.last.upper()

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}".strip()

    def age(self) -> int:
        assert self.birth is not None
        return REFERENCE.year - self.birth.year - (
            (REFERENCE.month, REFERENCE.day) < (self.birth.month, self.birth.day)
        )


@dataclass
class Case:
    name: str
    lang: str
    rng: random.Random
    applicant: Person
    household: list[Person] = field(default_factory=list)
    listed: list[Person] = field(default_factory=list)
    unknown: list[Person] = field(default_factory=list)
    keeps: list[tuple[str, str]] = field(default_factory=list)
    birth_forms: dict[int, list[str]] = field(default_factory=dict)
    street: str = ""
    number: str = ""
    box: str | None = None
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""
    used: set[str] = field(default_factory=set)
    phone_forms: list[str] = field(default_factory=list)
    others: list[dict] = field(default_factory=list)

    # -- pools -------------------------------------------------------------------------------
    def _pools(self) -> tuple[list[str], list[str], list[str]]:
        return {
            "fr": (FR_F, FR_M, FR_LAST),
            "nl": (NL_F, NL_M, NL_LAST),
            "de": (DE_F, DE_M, DE_LAST),
        }[self.lang]

    def _fresh(self, pool: list[str]) -> str:
        choices = [name for name in pool if name not in self.used]
        choice = self.rng.choice(choices)
        self.used.add(choice)
        return choice

    def person(self, sex: str, rare: bool = False, last: str | None = None) -> Person:
        females, males, lasts = self._pools()
        pool = (RARE_F if sex == "F" else RARE_M) if rare else (females if sex == "F" else males)
        return Person([self._fresh(pool)], last or self._fresh(lasts), sex)

    def third(self, role: str, sex: str | None = None, rare: bool = False) -> Person:
        """Someone the dossier does not list: the annotation marks them known: false."""
        person = self.person(sex or self.rng.choice("FM"), rare)
        person.role = role
        self.unknown.append(person)
        return person

    def child(self, age: int, sex: str | None = None) -> Person:
        person = self.person(sex or self.rng.choice("FM"), last=self.applicant.last)
        person.sex = None  # dossiers rarely give a child's sex
        person.relation = "child"
        person.birth = REFERENCE - timedelta(days=365 * age + self.rng.randrange(20, 300))
        self.household.append(person)
        return person

    def partner(self) -> Person:
        sex = "M" if self.applicant.sex == "F" else "F"
        person = self.person(sex)
        person.relation = "partner"
        person.birth = date(self.rng.randrange(1965, 2000), self.rng.randrange(1, 13), self.rng.randrange(1, 29))
        self.household.append(person)
        return person

    # -- written values ----------------------------------------------------------------------
    def other(self, text: str, cat: str, digits: bool = False) -> str:
        """A value of someone nobody listed (a landlord's phone): it must go too."""
        entry = {"text": text, "cat": cat, "known": False}
        if digits:
            entry["digits"] = True
        self.others.append(entry)
        return text

    def keep(self, text: str, cat: str) -> str:
        self.keeps.append((text, cat))
        return text

    def birth(self, person: Person, style: str) -> str:
        """The person's birth date in one written style; annotated as a form to remove."""
        day = person.birth
        assert day is not None
        months = MONTHS[self.lang]
        text = {
            "dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
            "slashes": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "short": f"{day.day}/{day.month}/{day.year}",
            "iso": day.isoformat(),
            "written": f"{day.day} {months[day.month - 1]} {day.year}",
            "written_de": f"{day.day}. {months[day.month - 1]} {day.year}",
            "dashes": f"{day.day:02d}-{day.month:02d}-{day.year}",
        }[style]
        self.birth_forms.setdefault(id(person), []).append(text)
        return text

    def niss(self, person: Person, style: str) -> str:
        digits = person.niss
        assert digits is not None
        return {
            "plain": digits,
            "dots": f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}",
            "spaces": f"{digits[:6]} {digits[6:9]} {digits[9:]}",
            "dashes": f"{digits[:6]}-{digits[6:9]}-{digits[9:]}",
            "pairs": f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:9]} {digits[9:]}",
        }[style]

    def iban_text(self, style: str, value: str | None = None) -> str:
        value = value or self.iban
        return value if style == "plain" else group(value, [4, 4, 4, 4], " ")

    def phone_text(self, style: str) -> str:
        digits = self.phone
        national = digits[1:]
        written = {
            "plain": digits,
            "spaces": group(digits, [4, 2, 2, 2], " "),
            "slash": f"{digits[:4]}/{digits[4:6]}.{digits[6:8]}.{digits[8:]}",
            "intl": "+32 " + group(national, [3, 2, 2, 2], " "),
            "intl0": "+32 (0)" + group(national, [3, 2, 2, 2], " "),
            "0032": "0032 " + group(national, [3, 2, 2, 2], " "),
        }[style]
        self.phone_forms.append(written)
        return written

    def address(self, style: str) -> str:
        box = {"fr": "bte", "nl": "bus", "de": "Bfk."}[self.lang]
        boxed = f" {box} {self.box}" if self.box else ""
        return {
            "after": f"{self.street} {self.number}{boxed}, {self.postcode} {self.city}",
            "slash": f"{self.street} {self.number}" + (f"/{self.box}" if self.box else "")
            + f", {self.postcode} {self.city}",
            "before": f"{self.number}, {self.street}, {self.postcode} {self.city}",
            "lines": f"{self.street} {self.number}{boxed}\n{self.postcode} {self.city}",
        }[style]

    def date(self, style: str = "written") -> str:
        """A procedure date: it must stay."""
        day = date(2026, self.rng.randrange(1, 10), self.rng.randrange(1, 29))
        months = MONTHS[self.lang]
        text = {
            "written": f"{day.day} {months[day.month - 1]} {day.year}",
            "written_de": f"{day.day}. {months[day.month - 1]} {day.year}",
            "slashes": f"{day.day:02d}/{day.month:02d}/{day.year}",
            "dots": f"{day.day:02d}.{day.month:02d}.{day.year}",
        }[style]
        return self.keep(text, "date")

    def amount(self) -> str:
        euros, cents = self.rng.randrange(40, 2200), self.rng.choice([0, 0, 50, 17, 75, 20])
        whole = f"{euros:,}".replace(",", ".")
        return self.keep(f"{whole},{cents:02d}", "amount")


# ---------------------------------------------------------------- French templates
def fr_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(2, 15)) for _ in range(c.rng.randrange(1, 4))]
    landlord = c.third("landlord")
    names = ", ".join(f"{k.first} ({k.age()} ans)" for k in kids)
    return f"""RAPPORT SOCIAL — Comité spécial du service social
CPAS de {c.keep(c.city, 'municipality')}

Nom et prénom : {a.up} {" ".join(a.firsts)}
Né(e) le : {c.birth(a, "slashes")}
NISS : {c.niss(a, "dots")}
Domicile : {c.address("after")}
GSM : {c.phone_text("slash")}
E-mail : {c.email}
IBAN : {c.iban_text("grouped")}

Composition de ménage
{"Madame" if a.sex == "F" else "Monsieur"} {a.last} vit seul{"e" if a.sex == "F" else ""} avec {names}.

Situation sociale
L'intéressé{"e" if a.sex == "F" else ""} s'est présenté{"e" if a.sex == "F" else ""} à la permanence le {c.date()}. Son contrat à durée déterminée chez {c.keep("Colruyt", "institution")} n'a pas été renouvelé ; un dossier est ouvert auprès de l'{c.keep("ONEM", "institution")}.
Le propriétaire du logement, {"Mme" if landlord.sex == "F" else "M."} {landlord.first} {landlord.last}, a adressé une mise en demeure pour un arriéré de {c.amount()} €.
{a.first} craint une expulsion avant l'hiver.

Proposition
Octroi du revenu d'intégration au taux famille à charge ({c.keep("article 14, § 1er, 3°", "legal")} de la loi du 26 mai 2002), à partir du {c.date()}.
"""


def fr_prose(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    lawyer = c.third("lawyer", rare=True)
    kid = c.child(c.rng.randrange(3, 12))
    she = "Elle" if a.sex == "F" else "Il"
    return f"""Objet : demande d'aide sociale – {a.first} {a.up}

{"Madame" if a.sex == "F" else "Monsieur"} {a.first} {a.last}, {"née" if a.sex == "F" else "né"} le {c.birth(a, "written")}, domicilié{"e" if a.sex == "F" else ""} {c.address("after")}, sollicite une aide financière. {she} est joignable au {c.phone_text("spaces")}.

{she} s'est séparé{"e" if a.sex == "F" else ""} de {ex.first} {ex.last} en {c.keep("mars 2025", "date")} ; depuis, {ex.last} ne verse plus la contribution alimentaire fixée par le {c.keep("tribunal de la famille", "institution")}. {a.first} a chargé {lawyer.first} {lawyer.last}, son avocat{"e" if lawyer.sex == "F" else ""}, d'introduire une procédure de recouvrement auprès du {c.keep("SECAL", "institution")}.

L'enfant {kid.first}, qui vit avec {"sa mère" if a.sex == "F" else "son père"}, fréquente l'école primaire ; les frais scolaires s'élèvent à {c.amount()} € par trimestre.

Après enquête, je propose une aide de {c.amount()} € ({c.keep("article 57, § 1er de la loi organique", "legal")}), versée sur le compte {c.iban_text("plain")}.
"""


def fr_email(c: Case) -> str:
    a = c.applicant
    doctor = c.third("doctor")
    colleague = c.third("colleague", rare=True)
    return f"""De : service social
À : directeur général
Objet : dossier {a.up} – aide médicale

Bonjour,

Je vous transmets la demande de {"Mme" if a.sex == "F" else "M."} {a.last} ({"née" if a.sex == "F" else "né"} le {c.birth(a, "dots")}, NISS {c.niss(a, "plain")}).
Son médecin traitant, le Dr {doctor.first} {doctor.last}, atteste d'une pathologie chronique nécessitant un traitement de {c.amount()} € par mois non couvert par la {c.keep("Mutualité chrétienne", "institution")}.
{"Madame" if a.sex == "F" else "Monsieur"} {a.first} {a.last} habite {c.address("slash")} et peut être contacté{"e" if a.sex == "F" else ""} au {c.phone_text("intl")} ou par courriel ({c.email}).

Ma collègue {colleague.first} {colleague.last} a déjà rencontré l'intéressé{"e" if a.sex == "F" else ""} le {c.date("slashes")} lors de la permanence.
Je propose la prise en charge sur la base de l'{c.keep("article 1er de la loi organique du 8 juillet 1976", "legal")}.

Bien à vous,
le service social du CPAS de {c.keep(c.city, "municipality")}
"""


def fr_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 16)) for _ in range(2)]
    rows = "\n".join(
        f"- {k.first} {k.up}, {'née' if c.rng.random() < .5 else 'né'} le {c.birth(k, 'slashes')}, enfant"
        for k in kids
    )
    employer = c.third("employer contact", sex="F")
    return f"""RAPPORT SOCIAL – REVENU D'INTÉGRATION

Demandeur : {a.first} {a.up}
Date de naissance : {c.birth(a, "written")}
Registre national : {c.niss(a, "spaces")}
Adresse : {c.address("before")}
Tél. : {c.phone_text("plain")}
Compte : {c.iban_text("grouped")}

Composition du ménage :
- {a.first} {a.up}, demandeur
- {partner.first} {partner.up}, {"compagne" if partner.sex == "F" else "compagnon"}, né(e) le {c.birth(partner, "dots")}
{rows}

Ressources :
{partner.first} travaille à temps partiel ; la responsable du personnel, Mme {employer.first} {employer.last}, confirme un salaire net de {c.amount()} €.
Allocations familiales ({c.keep("Famiwal", "institution")}) : {c.amount()} €.

Proposition : revenu d'intégration au taux cohabitant ({c.keep("article 14, § 1er, 1°", "legal")} de la loi du 26 mai 2002), à partir du {c.date("slashes")}.
"""


def fr_debt(c: Case) -> str:
    a = c.applicant
    mediator = c.third("debt mediator", sex="F")
    bailiff = c.third("bailiff", sex="M")
    listed = c.person(c.rng.choice("FM"))
    listed.role = "landlord"
    c.listed.append(listed)
    return f"""Note de synthèse – médiation de dettes

{a.up} {a.first}, {c.address("after")}.
Date de naissance : {c.birth(a, "iso")}. NISS : {c.niss(a, "pairs")}.

{"Madame" if a.sex == "F" else "Monsieur"} {a.last} a accumulé des dettes auprès de {c.keep("Proximus", "institution")} et d'{c.keep("Engie", "institution")} pour un total de {c.amount()} €.
L'huissier, Me {bailiff.first} {bailiff.last}, a signifié un commandement de payer le {c.date()}.
Le bailleur, {listed.first} {listed.last}, accepte un plan d'apurement.
La médiatrice de dettes {mediator.first} {mediator.last} propose un règlement collectif de dettes devant le {c.keep("tribunal du travail", "institution")}.

Contact : {c.phone_text("intl0")} – {c.email}.
Proposition : aide financière de {c.amount()} € (article 57, § 1er de la loi du 8 juillet 1976).
"""


def fr_urgent(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 10)) for _ in range(c.rng.randrange(1, 3))]
    neighbour = c.third("neighbour", rare=True)
    kid_text = " et ".join(k.first for k in kids)
    return f"""AIDE URGENTE – RATIFICATION

Le président a accordé le {c.date()} une aide urgente de {c.amount()} € à {"Madame" if a.sex == "F" else "Monsieur"} {a.up} ({c.address("slash")}), {"seule" if a.sex == "F" else "seul"} avec {kid_text}.
Un incendie a rendu le logement inhabitable ; la famille est hébergée provisoirement chez une voisine, {neighbour.first} {neighbour.last}.
{kids[0].first} est scolarisé{"e" if kids[0].sex == "F" else ""} à proximité.
Le {c.keep("Fonds social chauffage", "institution")} est sollicité. Compte de l'intéressé{"e" if a.sex == "F" else ""} : {c.iban_text("grouped")}.

Le comité est invité à ratifier cette décision ({c.keep("article 28 de la loi organique", "legal")}).
"""


def fr_student(c: Case) -> str:
    a = c.applicant
    director = c.third("school director")
    mother = c.third("mother", sex="F", rare=True)
    return f"""PROJET INDIVIDUALISÉ D'INTÉGRATION SOCIALE (PIIS) – ÉTUDIANT

{a.first} {a.last} ({c.birth(a, "slashes")}), étudiant{"e" if a.sex == "F" else ""} en première année de bachelier, demeure {c.address("after")}.
GSM : {c.phone_text("spaces")} – courriel : {c.email}
N° national : {c.niss(a, "dashes")}

{a.first} a quitté le domicile familial après un conflit grave avec sa mère, {mother.first} {mother.last}.
Le directeur de l'établissement, {director.first} {director.last}, confirme l'inscription régulière et l'assiduité.
La situation a été examinée le {c.date()} ; aucune contribution alimentaire ne peut être obtenue.

Proposition : revenu d'intégration au taux isolé de {c.keep("1.314,20", "amount")} € par mois, assorti d'un PIIS ({c.keep("article 11 de la loi du 26 mai 2002", "legal")}). Paiement sur {c.iban_text("plain")}.
"""


def fr_couple(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    psychiatrist = c.third("psychiatrist")
    admin = c.third("guardian")
    return f"""Rapport d'enquête sociale

Identité : {a.last} {a.first} – {c.birth(a, "dots")} – NISS {c.niss(a, "plain")}
Partenaire : {partner.last} {partner.first} – né(e) le {c.birth(partner, "written")}
Adresse : {c.address("lines")}

Le couple vit dans un appartement loué {c.amount()} € par mois. {partner.first} est suivi{"e" if partner.sex == "F" else ""} par un psychiatre, le Dr {psychiatrist.last}, et bénéficie d'une administration de biens confiée à Maître {admin.first} {admin.last}.
{"Madame" if a.sex == "F" else "Monsieur"} {a.last} perçoit des indemnités de l'{c.keep("INAMI", "institution")}.
Visite à domicile effectuée le {c.date()}.

Avis : octroi d'une aide au loyer ({c.keep("article 57, § 1er", "legal")}), paiement sur {c.iban_text("grouped")}.
"""


# ---------------------------------------------------------------- Dutch templates
def nl_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 15)) for _ in range(c.rng.randrange(1, 3))]
    landlord = c.third("landlord")
    kid_text = " en ".join(f"{k.first} ({k.age()} jaar)" for k in kids)
    return f"""SOCIAAL VERSLAG — Bijzonder Comité voor de Sociale Dienst
OCMW {c.keep(c.city, "municipality")}

Naam: {a.up}
Voornaam: {" ".join(a.firsts)}
Geboortedatum: {c.birth(a, "slashes")}
Rijksregisternummer: {c.niss(a, "spaces")}
Adres: {c.address("after")}
Gsm: {c.phone_text("spaces")}
E-mail: {c.email}
Rekeningnummer: {c.iban_text("grouped")}

Gezinssamenstelling
{"Mevrouw" if a.sex == "F" else "De heer"} {a.last} woont samen met de kinderen {kid_text}.

Sociale situatie
Betrokkene meldde zich op {c.date()} aan bij de dienst. De verhuurder, {landlord.first} {landlord.last}, eist een achterstal van {c.amount()} euro.
Er loopt een aanvraag bij de {c.keep("RVA", "institution")}.

Voorstel
Leefloon categorie 3 ({c.keep("artikel 14, § 1, 3°", "legal")} van de wet van 26 mei 2002) vanaf {c.date()}.
"""


def nl_prose(c: Case) -> str:
    a = c.applicant
    kid = c.child(c.rng.randrange(2, 12))
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    gp = c.third("doctor", rare=True)
    pronoun = "Zij" if a.sex == "F" else "Hij"
    return f"""Onderwerp: aanvraag financiële steun {a.first} {a.last}

{"Mevrouw" if a.sex == "F" else "De heer"} {a.first} {a.last} (°{c.birth(a, "dots")}) woont met {"haar" if a.sex == "F" else "zijn"} zoon {kid.first} op {c.address("slash")}. {pronoun} is bereikbaar op {c.phone_text("slash")}.

Sinds de scheiding van {"haar" if a.sex == "F" else "zijn"} ex-partner {ex.first} {ex.last} ontvangt het gezin geen onderhoudsgeld meer. {ex.last} woont volgens betrokkene in het buitenland.
De huisarts, dr. {gp.first} {gp.last}, bevestigt dat {kid.first} een chronische aandoening heeft.
De {c.keep("Christelijke Mutualiteit", "institution")} komt slechts gedeeltelijk tussen.

Voorstel: eenmalige steun van {c.amount()} euro op grond van {c.keep("artikel 57, § 1 van de organieke wet", "legal")}, te storten op {c.iban_text("plain")}.
"""


def nl_email(c: Case) -> str:
    a = c.applicant
    consultant = c.third("VDAB counsellor", sex="F")
    boss = c.third("employer contact", sex="M", rare=True)
    return f"""Van: sociale dienst
Aan: algemeen directeur
Onderwerp: dossier {a.up} – activering

Beste,

{"Mevrouw" if a.sex == "F" else "Meneer"} {a.last} (geboren op {c.birth(a, "written")}, INSZ {c.niss(a, "plain")}) volgt sinds {c.date()} een traject bij de {c.keep("VDAB", "institution")}.
Haar trajectbegeleider bij de VDAB, {consultant.first} {consultant.last}, meldt dat betrokkene alle afspraken nakomt.
Een werkgever in de bouwsector, de heer {boss.last}, is bereid een stage aan te bieden.

Adres: {c.address("after")} – tel. {c.phone_text("plain")} – {c.email}.
Ik stel voor het leefloon te behouden ({c.keep("artikel 11 van de wet van 26 mei 2002", "legal")}).

Met vriendelijke groeten,
OCMW {c.keep(c.city, "municipality")}
"""


def nl_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 17)) for _ in range(2)]
    rows = "\n".join(f"  {k.first} {k.last} – geboren {c.birth(k, 'dots')} – kind" for k in kids)
    owner = c.third("landlord", sex="F")
    return f"""GEZINSSAMENSTELLING EN INKOMSTEN

Aanvrager: {a.last}, {a.first}
Geboortedatum: {c.birth(a, "iso")}
INSZ: {c.niss(a, "dots")}
Adres: {c.address("after")}
Telefoon: {c.phone_text("intl")}

Gezin:
  {a.first} {a.last} – aanvrager
  {partner.first} {partner.last} – partner – geboren {c.birth(partner, "slashes")}
{rows}

Inkomsten: {c.amount()} euro (uitkering {c.keep("RIZIV", "institution")}); huur {c.amount()} euro aan de eigenares, mevrouw {owner.first} {owner.last}.
Groeipakket via {c.keep("Kids' Life", "institution")}.
Beslissing gevraagd vóór {c.date()}.
"""


def nl_debt(c: Case) -> str:
    a = c.applicant
    lawyer = c.third("lawyer")
    brother = c.third("brother", sex="M")
    return f"""Verslag schuldbemiddeling

{"Mevrouw" if a.sex == "F" else "De heer"} {a.up} {a.first}, wonende te {c.address("after")}, geboren {c.birth(a, "written")}.
Rijksregister: {c.niss(a, "dashes")}.

Er zijn schulden bij {c.keep("Telenet", "institution")} en {c.keep("Luminus", "institution")} voor in totaal {c.amount()} euro.
Advocaat {lawyer.first} {lawyer.last} treedt op als schuldbemiddelaar in de collectieve schuldenregeling.
{a.first} kan tijdelijk inwonen bij {"haar" if a.sex == "F" else "zijn"} broer {brother.first} {brother.last}.

Contact: {c.email}, {c.phone_text("0032")}. Rekening {c.iban_text("grouped")}.
Voorstel: tussenkomst van {c.amount()} euro ({c.keep("artikel 60, § 3", "legal")} van de organieke wet).
"""


def nl_student(c: Case) -> str:
    a = c.applicant
    father = c.third("father", sex="M", rare=True)
    teacher = c.third("teacher", sex="F")
    return f"""Leefloon student – {a.first} {a.last}

Geboortedatum: {c.birth(a, "dots")}
Rijksregisternummer: {c.niss(a, "plain")}
Adres: {c.address("slash")}
E-mail: {c.email}

{a.first} studeert verpleegkunde aan de hogeschool. De relatie met {"haar" if a.sex == "F" else "zijn"} vader, {father.first} {father.last}, is verbroken.
Volgens juf {teacher.last}, {"haar" if a.sex == "F" else "zijn"} vroegere leerkracht, was de thuissituatie al jaren onhoudbaar.
Het geïndividualiseerd project werd ondertekend op {c.date()}.

Voorstel: leefloon categorie 2, {c.keep("1.314,20", "amount")} euro per maand, op rekening {c.iban_text("plain")}.
"""


# ---------------------------------------------------------------- German templates
def de_form(c: Case) -> str:
    a = c.applicant
    kids = [c.child(c.rng.randrange(1, 14)) for _ in range(c.rng.randrange(1, 3))]
    landlord = c.third("landlord", sex="M")
    kid_text = ", ".join(f"{k.first} ({k.age()} Jahre)" for k in kids)
    return f"""SOZIALBERICHT – Sonderausschuss für den Sozialdienst
ÖSHZ {c.keep(c.city, "municipality")}

Name: {a.up}
Vorname: {" ".join(a.firsts)}
Geburtsdatum: {c.birth(a, "dots")}
Nationalregisternummer: {c.niss(a, "dots")}
Anschrift: {c.address("after")}
Telefon: {c.phone_text("slash")}
E-Mail: {c.email}
Bankverbindung: {c.iban_text("grouped")}

Haushaltszusammensetzung
{"Frau" if a.sex == "F" else "Herr"} {a.last} lebt allein mit den Kindern {kid_text}.

Soziale Lage
Der Vermieter, Herr {landlord.first} {landlord.last}, fordert Mietrückstände in Höhe von {c.amount()} Euro.
Ein Antrag beim {c.keep("Arbeitsamt", "institution")} wurde am {c.date("written_de")} gestellt.

Vorschlag
Eingliederungseinkommen Kategorie 3 ({c.keep("Artikel 14, § 1, 3°", "legal")} des Gesetzes vom 26. Mai 2002).
"""


def de_prose(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    lawyer = c.third("lawyer", rare=True)
    kid = c.child(c.rng.randrange(2, 12))
    return f"""Betreff: Antrag auf Sozialhilfe – {a.first} {a.last}

{"Frau" if a.sex == "F" else "Herr"} {a.first} {a.last}, geboren am {c.birth(a, "written_de")}, wohnhaft {c.address("after")}, beantragt eine finanzielle Hilfe.
{"Sie" if a.sex == "F" else "Er"} lebt seit der Trennung von {ex.first} {ex.last} allein mit {kid.first}.
Rechtsanwalt {lawyer.first} {lawyer.last} vertritt {"sie" if a.sex == "F" else "ihn"} im Unterhaltsverfahren vor dem {c.keep("Familiengericht", "institution")}.
Die {c.keep("Christliche Krankenkasse", "institution")} übernimmt einen Teil der Arztkosten.

Erreichbar unter {c.phone_text("spaces")}. Konto: {c.iban_text("plain")}.
Vorschlag: einmalige Hilfe von {c.amount()} Euro ({c.keep("Artikel 57, § 1 des Grundlagengesetzes", "legal")}).
"""


def de_email(c: Case) -> str:
    a = c.applicant
    contact = c.third("employer contact", sex="F")
    doctor = c.third("doctor", sex="M")
    return f"""Von: Sozialdienst
An: Generaldirektor
Betreff: Akte {a.up}

Guten Tag,

{"Frau" if a.sex == "F" else "Herr"} {a.last} (geb. {c.birth(a, "slashes")}, NISS {c.niss(a, "spaces")}) hat am {c.date("written_de")} ihre Arbeitsstelle verloren.
Die Ansprechpartnerin beim Arbeitgeber, Frau {contact.first} {contact.last}, bestätigt die Kündigung.
Der Hausarzt Dr. {doctor.first} {doctor.last} bescheinigt eine Arbeitsunfähigkeit bis zum {c.date("dots")}.

Anschrift: {c.address("slash")}, Telefon {c.phone_text("intl")}, E-Mail {c.email}.
Vorschlag: Überbrückungshilfe von {c.amount()} Euro, Zahlung über {c.keep("ÖSHZ", "institution")}.

Mit freundlichen Grüßen
"""


def de_table(c: Case) -> str:
    a = c.applicant
    partner = c.partner()
    kids = [c.child(c.rng.randrange(1, 16)) for _ in range(2)]
    rows = "\n".join(
        f"- {'Tochter' if c.rng.random() < .5 else 'Sohn'}: {k.first} (geb. {c.birth(k, 'dots')})"
        for k in kids
    )
    advisor = c.third("debt advisor", sex="F", rare=True)
    return f"""Haushalt und Einkommen

Antragsteller: {a.last}, {" ".join(a.firsts)}
Geburtsdatum: {c.birth(a, "written_de")}
Nationalregisternummer: {c.niss(a, "plain")}
Anschrift: {c.address("lines")}

Haushalt:
- Lebensgefährte/in: {partner.first} {partner.last}
{rows}

Einkommen: Arbeitslosengeld {c.amount()} Euro ({c.keep("LfA", "institution")}); Kindergeld {c.amount()} Euro.
Schuldnerberaterin {advisor.first} {advisor.last} begleitet die Familie seit dem {c.date("written_de")}.
Konto: {c.iban_text("grouped")}.
"""


def _initials(person: Person) -> str:
    return "-".join(part[0] + "." for part in person.first.split("-"))


def _strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def fr_followup(c: Case) -> str:
    a = c.applicant
    ex = c.third("ex-partner", sex="M" if a.sex == "F" else "F", rare=True)
    kid = c.child(c.rng.randrange(4, 14))
    landline = f"04/{c.rng.randrange(200, 400)}.{c.rng.randrange(10, 99)}.{c.rng.randrange(10, 99)}"
    return f"""Suivi du dossier {_initials(a)} {_strip_accents(a.last).upper()} – réunion d'équipe du {c.date("slashes")}

Rappel : {a.first} ({c.birth(a, "short")}) vit {c.address("after")}.
{ex.first} {ex.last} a quitté le domicile conjugal ; il habite désormais {c.other("rue de la Station", "address")} 14 à Ans et reste joignable au {c.other(landline, "phone", digits=True)}.
{ex.last.upper()} refuse de contribuer aux frais de {kid.first}.
La demande d'intervention a été introduite le {c.date("dots")} et complétée le {c.date("slashes")}.
Le loyer ({c.amount()} €) est versé sur le compte du propriétaire, {c.other("BE71 0961 2345 6769", "iban", digits=True)}.
Décision attendue de {c.keep("Actiris", "institution")} ; {c.keep("art. 60, § 3, de la loi organique", "legal")}.
"""


def fr_variants(c: Case) -> str:
    a = c.applicant
    employer = c.third("employer contact", rare=True)
    friend = c.third("friend", sex="F")
    bare = _strip_accents(a.last)
    return f"""Dossier n° {c.keep("2026/1187", "reference")} – synthèse pour le Comité

{"Mme" if a.sex == "F" else "M."} {_initials(a)} {a.last} (NISS {c.niss(a, "dots")}), {c.address("slash")}, tél. {c.phone_text("intl0")}.

Madame, Monsieur,
{bare} travaille depuis le {c.date()} comme aide-ménager{"e" if a.sex == "F" else ""} chez {c.keep("Partena", "institution")}. {employer.first} {employer.last}, qui encadre l'équipe, a signalé des absences répétées.
{"L'intéressée" if a.sex == "F" else "L'intéressé"} a été hébergé{"e" if a.sex == "F" else ""} quelques semaines par {friend.first} {friend.last}.
Les revenus du ménage s'élèvent à {c.amount()} € ; une aide de {c.amount()} € est proposée ({c.keep("article 57, § 1er", "legal")}).
"""


def nl_variants(c: Case) -> str:
    a = c.applicant
    gp = c.third("doctor")
    neighbour = c.third("neighbour", rare=True)
    return f"""Verslag huisbezoek – {a.last.upper()}

Op {c.date()} bezocht ik {"mevrouw" if a.sex == "F" else "de heer"} {a.last} ({c.birth(a, "slashes")}) in {"haar" if a.sex == "F" else "zijn"} woning, {c.address("after")}.
Rijksregisternummer {c.niss(a, "dots")}; telefoon {c.phone_text("intl")}.
{neighbour.first} {neighbour.last} helpt met boodschappen. Volgens dokter {gp.last} is een opname in het {c.keep("Woonzorgcentrum", "institution")} niet nodig.
De {c.keep("Socialistische Mutualiteit", "institution")} betaalt een zorgforfait van {c.amount()} euro.
Voorstel: tussenkomst in de huur ({c.keep("artikel 57, § 1", "legal")}).
"""


def nl_followup(c: Case) -> str:
    a = c.applicant
    partner = c.third("ex-partner", sex="M" if a.sex == "F" else "F")
    kid = c.child(c.rng.randrange(3, 12))
    return f"""Opvolgingsnota {c.date("slashes")}

Dossier {a.first} {a.last}, {c.address("after")}, INSZ {c.niss(a, "spaces")}.

{partner.first} {partner.last} betaalt sinds maanden geen alimentatie voor {kid.first}. {partner.first} werkt volgens {a.first} in het zwart.
Een afspraak bij de {c.keep("DAVO", "institution")} is gepland op {c.date()}.
Gsm: {c.phone_text("spaces")}. Rekening: {c.iban_text("plain")}.
Voorstel: voorschot op onderhoudsgeld van {c.amount()} euro.
"""


def de_followup(c: Case) -> str:
    a = c.applicant
    doctor = c.third("doctor", sex="F")
    neighbour = c.third("neighbour", sex="M", rare=True)
    landline = f"087 {c.rng.randrange(10, 99)} {c.rng.randrange(10, 99)} {c.rng.randrange(10, 99)}"
    return f"""Aktennotiz vom {c.date("dots")}

{"Frau" if a.sex == "F" else "Herr"} {a.up} ({c.birth(a, "iso")}), {c.address("after")}, Telefon {c.phone_text("plain")}.

Hausbesuch am {c.date("written_de")}. Die Wohnung ist feucht; Frau Dr. {doctor.last} bestätigt Atemwegsprobleme.
Der Nachbar {neighbour.first} {neighbour.last} (Tel. {c.other(landline, "phone", digits=True)}) hilft gelegentlich.
Die {c.keep("Dienststelle für Selbstbestimmtes Leben", "institution")} wurde informiert.
Vorschlag: Übernahme der Kaution von {c.amount()} Euro (Artikel 57 des Grundlagengesetzes).
"""


def de_student(c: Case) -> str:
    a = c.applicant
    mother = c.third("mother", sex="F")
    teacher = c.third("teacher", sex="M")
    return f"""Sozialbericht – Studierende{"r" if a.sex == "M" else ""}

{a.first} {a.last}, geboren {c.birth(a, "dashes")}, wohnhaft {c.address("slash")}.
E-Mail: {c.email} – Konto {c.iban_text("grouped")}.

{a.first} hat nach einem Streit mit der Mutter, {mother.first} {mother.last}, den elterlichen Haushalt verlassen.
Sein Klassenlehrer, Herr {teacher.first} {teacher.last}, bestätigt den regelmäßigen Schulbesuch.
Der Antrag wurde am {c.date("written_de")} gestellt.
Vorschlag: Eingliederungseinkommen Kategorie 2, {c.keep("1.314,20", "amount")} Euro monatlich.
"""


TEMPLATES: dict[str, list[Callable[[Case], str]]] = {
    "fr": [fr_form, fr_prose, fr_email, fr_table, fr_debt, fr_urgent, fr_student, fr_couple,
           fr_followup, fr_variants],
    "nl": [nl_form, nl_prose, nl_email, nl_table, nl_debt, nl_student, nl_variants, nl_followup],
    "de": [de_form, de_prose, de_email, de_table, de_followup, de_student],
}
COUNTS = {"fr": 30, "nl": 22, "de": 16}


# ---------------------------------------------------------------- annotation
def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def present(needle: str, haystack: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(plain(needle))}(?!\w)", plain(haystack)) is not None


def name_tokens(person: Person) -> list[str]:
    words = re.findall(r"[^\W\d_]+", " ".join([*person.firsts, person.last]))
    return [w for w in words if len(w) >= 3 and w.lower() not in PARTICLES]


def build(name: str, lang: str, template: Callable[[Case], str], rng: random.Random) -> None:
    sex = rng.choice("FM")
    case = Case(name, lang, rng, Person([], ""))
    applicant = case.person(sex, last=MUST[lang].pop(0) if MUST[lang] else None)
    if MUST_FIRST[lang]:
        applicant.firsts = [MUST_FIRST[lang].pop(0)]
        applicant.sex = sex = "M" if applicant.first in ("Pieter-Jan", "Karl-Heinz") else "F"
    if rng.random() < 0.3:
        applicant.firsts.append(case.person(sex).first)
    applicant.birth = date(rng.randrange(1955, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
    applicant.niss = niss_for(applicant.birth, rng, bis=rng.random() < 0.1)
    applicant.relation = "applicant"
    case.applicant = applicant
    street, postcode, city = rng.choice(STREETS[lang])
    case.street, case.postcode, case.city = street, postcode, city
    case.number = str(rng.randrange(1, 240))
    case.box = rng.choice([None, None, "2", "3", "B"])
    case.phone = mobile_for(rng)
    login = plain(f"{applicant.first}.{applicant.last}").replace(" ", "").replace("'", "")
    case.email = f"{re.sub(r'[^a-z.-]', '', login)}{rng.randrange(10, 99)}@{rng.choice(['gmail.com', 'skynet.be', 'outlook.be', 'telenet.be'])}"
    case.iban = iban_for(rng)
    text = template(case)
    write(case, text)


def write(case: Case, text: str) -> None:
    a = case.applicant
    people = [a, *case.household, *case.listed]
    redact: list[dict] = []
    for person in people:
        redact += [
            {"text": token, "cat": "name", "known": True}
            for token in name_tokens(person)
            if present(token, text)
        ]
    for person in case.unknown:
        redact += [
            {"text": token, "cat": "name", "known": False, "role": person.role}
            for token in name_tokens(person)
            if present(token, text)
        ]
    digits_present = re.sub(r"\D", "", text)
    redact += case.others
    for person in people:
        if person.niss and person.niss in re.sub(r"[ .\-/]", "", text):
            redact.append({"text": person.niss, "cat": "niss", "known": True, "digits": True})
    if case.iban[2:] in digits_present:
        redact.append({"text": case.iban, "cat": "iban", "known": True, "digits": True})
    redact += [
        {"text": form, "cat": "phone", "known": True, "digits": True}
        for form in dict.fromkeys(case.phone_forms)
    ]
    if case.email in text:
        redact.append({"text": case.email, "cat": "email", "known": True})
    if present(case.street, text):
        redact.append({"text": case.street, "cat": "address", "known": True})
    for person in people:
        forms = case.birth_forms.get(id(person))
        if forms:
            redact.append({"text": None, "cat": "birth_date", "known": True, "forms": forms})
    keep = []
    for value, cat in case.keeps:
        assert present(value, text), (case.name, value)
        if {"text": value, "cat": cat} not in keep:
            keep.append({"text": value, "cat": cat})
    for entry in redact:
        if entry["cat"] == "name":
            # A name that is also a word must not appear as that word (in lower case) or in a
            # value to keep: the README's matching ignores case, so the annotation would lie.
            word = entry["text"].lower()
            prose = text.replace(case.email, "")
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", prose), (case.name, word)
            for value, _ in case.keeps:
                assert not present(entry["text"], value), (case.name, entry["text"], value)
    dossier = {
        "reference": f"2026/{case.name[-4:]}",
        "language": case.lang,
        "applicant": _person_json(a),
        "address": {"street": case.street, "number": case.number, "box": case.box,
                    "postcode": case.postcode, "city": case.city},
        "household": [_person_json(p) for p in case.household],
        "contacts": {"phone": case.phone, "email": case.email, "iban": case.iban},
    }
    if case.listed:
        dossier["third_parties"] = [_person_json(p) for p in case.listed]
    (HERE / f"{case.name}.txt").write_text(text, "utf-8")
    (HERE / f"{case.name}.json").write_text(json.dumps(dossier, ensure_ascii=False, indent=1), "utf-8")
    annotations = {"redact": redact, "keep": keep}
    (HERE / f"{case.name}.ann.json").write_text(
        json.dumps(annotations, ensure_ascii=False, indent=1), "utf-8"
    )


def _person_json(person: Person) -> dict:
    data: dict = {"last_name": person.last, "first_names": person.firsts}
    if person.birth:
        data["birth_date"] = person.birth.isoformat()
    if person.niss:
        data["niss"] = person.niss
    if person.sex:
        data["sex"] = person.sex
    if person.relation and person.relation != "applicant":
        data["relation"] = person.relation
    if person.role:
        data["role"] = person.role
    return data


def main() -> None:
    rng = random.Random(20261001)
    for old in HERE.glob("c*.*json"):
        old.unlink()
    for old in HERE.glob("c*.txt"):
        old.unlink()
    number = 0
    for lang, count in COUNTS.items():
        templates = TEMPLATES[lang]
        for i in range(count):
            number += 1
            build(f"c{lang}{number:04d}", lang, templates[i % len(templates)], rng)


if __name__ == "__main__":
    main()
