"""Pools of synthetic people, places and identifiers for the harder evaluation set.

Written by the evalset engineer from scratch (no name list of the pseudonymiser or of the first
corpus is reused): Belgian names of every origin, with the nicknames and diminutives people
actually answer to, streets with their usual abbreviations, and identifiers with valid checksums
(python-stdnum) so that a pattern cannot dismiss them as invalid.
"""

from __future__ import annotations

import random
from datetime import date

from stdnum import iban as std_iban
from stdnum.be import nn as std_nn

# first name -> the short forms the family, the school or the person themselves use
FIRST_FR_F = {
    "Nathalie": ["Nath"],
    "Stéphanie": ["Steph", "Stéph"],
    "Catherine": ["Cathy"],
    "Élisabeth": ["Babeth", "Zabeth"],
    "Françoise": ["Fanfan"],
    "Joséphine": ["Josy", "Fifine"],
    "Marie-Christine": ["Marie-Chris"],
    "Dominique": ["Domi"],
    "Valérie": ["Val"],
    "Véronique": ["Véro"],
    "Gwendoline": ["Gwen"],
    "Jacqueline": ["Jacquie"],
    "Fatoumata": ["Fanta"],
    "Khadija": ["Dija"],
    "Aurore": [],
    "Séverine": ["Sév"],
    "Ludivine": ["Ludi"],
    "Mélissa": ["Méli"],
    "Anne-Sophie": [],
    "Bénédicte": ["Béné"],
    "Ghislaine": [],
    "Delphine": ["Delph"],
    "Isaura": [],
    "Nadège": [],
}
FIRST_FR_M = {
    "Frédéric": ["Fred"],
    "Christophe": ["Chris", "Christo"],
    "Sébastien": ["Seb", "Séb"],
    "Alexandre": ["Alex"],
    "Anthony": ["Tony"],
    "Mohamed": ["Momo"],
    "Guillaume": ["Guigui"],
    "Jean-Philippe": ["JP"],
    "Maximilien": ["Max"],
    "Benoît": ["Ben"],
    "Grégory": ["Greg"],
    "Jonathan": ["Jo", "Jona"],
    "Raphaël": ["Raph"],
    "Emmanuel": ["Manu"],
    "Jean-Baptiste": ["JB"],
    "Nicolas": ["Nico"],
    "Ghislain": [],
    "Quentin": [],
    "Kevin": [],
    "Youssef": ["Youss"],
    "Mamadou": ["Madou"],
    "Dorian": [],
    "Arnaud": [],
    "Florent": ["Flo"],
}
LAST_FR = [
    "Dethier",
    "Lambotte",
    "Gilson",
    "Pirlot",
    "Leclercq",
    "Houbion",
    "Delvaux",
    "Mathieu",
    "Bastin",
    "Collignon",
    "Renard",
    "Lejeune",
    "Hubin",
    "Delhaize",
    "Moureau",
    "Cornet",
    "Marchal",
    "Gérard",
    "Dumont",
    "Thiry",
    "Warnier",
    "Bouchat",
    "Gobert",
    "Jacquemin",
    "El Khattabi",
    "Ben Haddou",
    "Kabongo",
    "Mukendi",
    "Nzeza",
    "Ouedraogo",
    "Yilmaz",
    "Kaya",
    "Kowalczyk",
    "Popescu",
    "Da Silva",
    "Ferreira",
    "Di Marco",
    "Lo Bue",
    "Van Hove",
    "de Lannoy",
    "Goffin",
    "Piffet",
    "Delcourt",
    "Fontaine",
    "Gillard",
    "Wéry",
    "Duchâteau",
    "Piérard",
    "Rasquin",
]
FIRST_NL_F = {
    "Elisabeth": ["Els", "Lies", "Liesbeth"],
    "Margareta": ["Griet", "Greet"],
    "Katrien": ["Trien"],
    "Maria": ["Mieke", "Marieke"],
    "Anna": ["Anneke", "Ans"],
    "Johanna": ["Hanne", "Jo"],
    "Wilhelmina": ["Mien", "Willemien"],
    "Annelies": ["Lies"],
    "Veerle": [],
    "Sofie": ["Fien"],
    "Hilde": [],
    "Gerda": [],
    "Ilse": [],
    "Nele": [],
    "Josefien": ["Fien"],
    "Kathleen": ["Kat"],
    "Nancy": [],
    "Tineke": [],
    "Leen": [],
    "Gabriëlle": ["Gaby"],
    "Fatma": [],
    "Hatice": [],
}
FIRST_NL_M = {
    "Pieter": ["Piet", "Pieterke"],
    "Cornelis": ["Kees", "Cor"],
    "Hendrik": ["Henk", "Rik"],
    "Jozef": ["Jef", "Jos", "Sef"],
    "Willem": ["Wim", "Pim"],
    "Alfons": ["Fons"],
    "Jacobus": ["Koos", "Jaak"],
    "Gerardus": ["Gert", "Geert"],
    "Johannes": ["Hannes", "Jan"],
    "Theodoor": ["Door", "Theo"],
    "Lodewijk": ["Louis", "Wiek"],
    "Marcel": ["Cel"],
    "Frans": ["Sooi", "Fransje"],
    "Kristof": ["Stof"],
    "Bart": ["Bartje"],
    "Koen": [],
    "Wouter": ["Wout"],
    "Stijn": [],
    "Dries": [],
    "Jeroen": [],
    "Mehmet": ["Memo"],
    "Ruben": [],
    "Thijs": [],
}
LAST_NL = [
    "Van den Broeck",
    "Verbeke",
    "Vermeulen",
    "De Clercq",
    "Goossens",
    "Claeys",
    "Wouters",
    "Mertens",
    "Desmet",
    "Verhaegen",
    "Van Damme",
    "Coppens",
    "Lemmens",
    "Verstraete",
    "D'Hondt",
    "Vanhoutte",
    "Baeten",
    "Geerts",
    "Bogaerts",
    "Peeters",
    "Van Acker",
    "Vandenberghe",
    "De Vos",
    "Willems",
    "Cools",
    "Smolders",
    "Van Looy",
    "Boonen",
    "Hermans",
    "Verlinden",
    "Griffioen",
    "Maes",
    "Öztürk",
    "Demir",
    "Aydın",
    "El Ouali",
    "Nowak",
    "Van Gucht",
]
FIRST_DE_F = {
    "Katharina": ["Kathi", "Käthe"],
    "Margarete": ["Grete", "Gretel"],
    "Stefanie": ["Steffi"],
    "Susanne": ["Susi"],
    "Franziska": ["Franzi"],
    "Gabriele": ["Gabi"],
    "Barbara": ["Babsi"],
    "Elisabeth": ["Lisbeth", "Sissi"],
    "Christiane": ["Christel"],
    "Johanna": ["Hanni"],
    "Monika": ["Moni"],
    "Theresia": ["Resi"],
    "Anneliese": ["Liesel"],
    "Jutta": [],
    "Sabine": ["Bine"],
    "Heike": [],
    "Doris": [],
    "Marlene": ["Leni"],
}
FIRST_DE_M = {
    "Johannes": ["Hans", "Hannes"],
    "Josef": ["Sepp", "Jupp"],
    "Friedrich": ["Fritz"],
    "Wolfgang": ["Wolfi"],
    "Andreas": ["Andi"],
    "Matthias": ["Matze", "Hias"],
    "Heinrich": ["Heinz", "Hein"],
    "Michael": ["Michi"],
    "Sebastian": ["Basti"],
    "Thomas": ["Tommi"],
    "Alexander": ["Sascha", "Alex"],
    "Bernhard": ["Bernd"],
    "Hubert": ["Hubi"],
    "Norbert": [],
    "Rudolf": ["Rudi"],
    "Jürgen": [],
    "Dieter": [],
}
LAST_DE = [
    "Mreyen",
    "Thönnes",
    "Margraff",
    "Backes",
    "Pauels",
    "Weynand",
    "Cormann",
    "Kohnen",
    "Theissen",
    "Küpper",
    "Lambertz",
    "Kreusch",
    "Hilgers",
    "Heinen",
    "Kessler",
    "Schröder",
    "Rauw",
    "Jost",
    "Lentz",
    "Kirch",
    "Fickers",
    "Hennes",
    "Zeimers",
    "Gennen",
    "Veiders",
    "Dederichs",
    "Hoffmann",
    "Steffens",
    "Krings",
    "Schleck",
    "Niessen",
    "Mertes",
    "Wiesemes",
    "Gerkens",
    "Pankert",
]
FIRSTS = {
    "fr": (FIRST_FR_F, FIRST_FR_M),
    "nl": (FIRST_NL_F, FIRST_NL_M),
    "de": (FIRST_DE_F, FIRST_DE_M),
}
LASTS = {"fr": LAST_FR, "nl": LAST_NL, "de": LAST_DE}
PARTICLES = {"van", "den", "der", "de", "d'", "la", "le", "del", "di", "da", "lo", "el", "ben"}

# street (full form, abbreviated forms), postcode, municipality
STREETS = {
    "fr": [
        ("rue du Pont", ["r. du Pont"]),
        ("rue de la Station", ["r. de la Station"]),
        ("avenue des Tilleuls", ["av. des Tilleuls", "Av. des Tilleuls"]),
        ("boulevard Kleyer", ["bd Kleyer", "Bd Kleyer"]),
        ("chaussée de Charleroi", ["chée de Charleroi", "Ch. de Charleroi"]),
        ("rue des Glacis", ["r. des Glacis"]),
        ("place du Marché", ["pl. du Marché"]),
        ("rue Haute", ["r. Haute"]),
        ("avenue de la Closière", ["av. de la Closière"]),
        ("rue du Moulin", ["r. du Moulin", "Moulin"]),
        ("quai de Rome", ["qu. de Rome"]),
        ("rue des Houilleurs", ["r. des Houilleurs"]),
        ("chemin des Aulnes", ["ch. des Aulnes"]),
    ],
    "nl": [
        ("Kerkstraat", ["Kerkstr."]),
        ("Stationsstraat", ["Stationsstr."]),
        ("Brugsesteenweg", ["Brugsestwg.", "Brugsestwg"]),
        ("Molenlaan", ["Molenln."]),
        ("Kortrijksesteenweg", ["Kortrijksestwg."]),
        ("Dorpsplein", ["Dorpspl."]),
        ("Lindenlaan", ["Lindenln."]),
        ("Hoogstraat", ["Hoogstr."]),
        ("Sint-Pietersnieuwstraat", ["St-Pietersnieuwstr."]),
        ("Veldstraat", ["Veldstr."]),
        ("Groenestraat", ["Groenestr."]),
        ("Boomgaardstraat", ["Boomgaardstr."]),
    ],
    "de": [
        ("Bergstraße", ["Bergstr."]),
        ("Hauptstraße", ["Hauptstr."]),
        ("Aachener Straße", ["Aachener Str."]),
        ("Klosterstraße", ["Klosterstr."]),
        ("Malmedyer Straße", ["Malmedyer Str."]),
        ("Schulstraße", ["Schulstr."]),
        ("Bahnhofstraße", ["Bahnhofstr."]),
        ("Herbesthaler Straße", ["Herbesthaler Str."]),
        ("Kirchstraße", ["Kirchstr."]),
        ("Gospertstraße", ["Gospertstr."]),
    ],
}
TOWNS = {
    "fr": [
        ("6000", "Charleroi"),
        ("4020", "Liège"),
        ("7000", "Mons"),
        ("5000", "Namur"),
        ("7100", "La Louvière"),
        ("4800", "Verviers"),
        ("6700", "Arlon"),
        ("1400", "Nivelles"),
        ("7500", "Tournai"),
        ("4100", "Seraing"),
    ],
    "nl": [
        ("9000", "Gent"),
        ("2000", "Antwerpen"),
        ("3500", "Hasselt"),
        ("8500", "Kortrijk"),
        ("2800", "Mechelen"),
        ("8400", "Oostende"),
        ("3000", "Leuven"),
        ("9300", "Aalst"),
        ("8800", "Roeselare"),
        ("3600", "Genk"),
    ],
    "de": [
        ("4700", "Eupen"),
        ("4730", "Raeren"),
        ("4720", "Kelmis"),
        ("4750", "Bütgenbach"),
        ("4760", "Büllingen"),
        ("4770", "Amel"),
        ("4790", "Burg-Reuland"),
        ("4710", "Lontzen"),
    ],
}
BOX_WORD = {"fr": ["bte", "boîte", "b."], "nl": ["bus", "b."], "de": ["Bfk.", "Briefkasten"]}


def niss_for(rng: random.Random, born: date, sex: str) -> str:
    """A NISS with a valid mod-97 check (the 2000+ rule included), checked by python-stdnum."""
    while True:
        serial = rng.randrange(1, 998)
        if (serial % 2 == 1) != (sex == "M"):
            continue
        body = f"{born:%y%m%d}{serial:03d}"
        base = int(("2" if born.year >= 2000 else "") + body)
        number = body + f"{97 - base % 97:02d}"
        if std_nn.is_valid(number):
            return number


def iban_for(rng: random.Random, country: str = "BE") -> str:
    """A Belgian (or, for the German-speaking east, sometimes German) IBAN with valid checks."""
    while True:
        if country == "DE":
            bban = "".join(str(rng.randrange(10)) for _ in range(18))
        else:
            bank = f"{rng.randrange(0, 1000):03d}{rng.randrange(0, 10**7):07d}"
            bban = bank + f"{int(bank) % 97 or 97:02d}"
        digits = "".join(str(int(c, 36)) for c in bban + country + "00")
        number = f"{country}{98 - int(digits) % 97:02d}{bban}"
        if std_iban.is_valid(number):  # for BE, also a bank code that exists
            return number


def mobile_for(rng: random.Random, country: str = "BE") -> str:
    """Digits of a mobile number in national form (leading 0)."""
    if country == "NL":
        return "06" + "".join(str(rng.randrange(10)) for _ in range(8))
    if country == "DE":
        return rng.choice(["0151", "0160", "0170", "0176"]) + "".join(
            str(rng.randrange(10)) for _ in range(7)
        )
    if country == "FR":
        return rng.choice(["06", "07"]) + "".join(str(rng.randrange(10)) for _ in range(8))
    return rng.choice(["0470", "0472", "0475", "0476", "0484", "0486", "0494", "0498"]) + "".join(
        str(rng.randrange(10)) for _ in range(6)
    )


def plate_for(rng: random.Random) -> str:
    """A Belgian licence plate of the current form: 1-ABC-234."""
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    return f"{rng.randrange(1, 3)}-{letters}-{rng.randrange(100, 1000)}"


def roll_for(rng: random.Random) -> str:
    """A court roll number (justice of the peace, family court, labour court): 25A1234,
    25/1234/A, 2025/1234/A."""
    year = rng.choice([24, 25, 26])
    serial = rng.randrange(100, 9999)
    return rng.choice(
        [
            f"{year}A{serial}",
            f"{year}/{serial}/A",
            f"20{year}/{serial}/A",
            f"{year}/{serial}/B",
            f"{year}B{serial}",
        ]
    )
