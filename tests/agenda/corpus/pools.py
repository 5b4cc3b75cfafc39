"""Name pools, streets and months of the evaluation corpus, and Belgian numbers with valid
checksums (NISS, IBAN, mobile), written here from scratch rather than taken from
agenda.pseudonymise (see generate.py)."""

from __future__ import annotations

import random
from datetime import date

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

