"""Words the layers recognise: titles, roles, particles, labels, and the lists in ``data/``.

Everything is stored folded (lower case, no accents, see ``text.fold``) so lookups ignore the
writing. Lists of names and places live in data files; short closed word classes live here.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from agenda.pseudonymise.text import WORD_RE, fold, name_parts

LANGUAGES = ("fr", "nl", "de")


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# Civil titles absorbed into the pseudonym ("Mme DIALLO" → "Madame A."), with the sex they show.
# A trailing "." in the key means the abbreviation needs its dot ("M." but not "M").
CIVIL_TITLES: dict[tuple[str, ...], str] = {
    ("madame",): "F",
    ("mme",): "F",
    ("mademoiselle",): "F",
    ("mlle",): "F",
    ("monsieur",): "M",
    ("m.",): "M",
    ("mr.",): "M",
    ("mevrouw",): "F",
    ("mevr.",): "F",
    ("mevr",): "F",
    ("mw.",): "F",
    ("juffrouw",): "F",
    ("de", "heer"): "M",
    ("meneer",): "M",
    ("mijnheer",): "M",
    ("dhr.",): "M",
    ("dhr",): "M",
    ("frau",): "F",
    ("herr",): "M",
    ("herrn",): "M",
    ("hr.",): "M",
    ("fr.",): "F",
}

CIVIL_TITLE_WORDS = frozenset(part.rstrip(".") for key in CIVIL_TITLES for part in key)

# Professional titles kept before the pseudonym ("le Dr D.", "Me E.").
ROLE_TITLES = _folded_words(
    """dr docteur dokter doktor me maître meester mr pr prof professeur professor rechtsanwalt
    rechtsanwältin ra notaire notaris notar huissier deurwaarder gerichtsvollzieher"""
)

# Role nouns: a capitalised name right after one of these (or after it and a comma) is a person.
_ROLES = """
proprietaire bailleur bailleresse logeur logeuse concierge
ex-compagnon ex-compagne ex-mari ex-epouse ex-epoux ex-conjoint ex-conjointe ex-partenaire ex
compagnon compagne conjoint conjointe epoux epouse mari femme partenaire cohabitant cohabitante
pere mere frere soeur fils fille oncle tante cousin cousine neveu niece grand-mere grand-pere
beau-pere belle-mere beau-frere belle-soeur voisin voisine ami amie amis
medecin generaliste pediatre psychiatre psychologue kinesitherapeute infirmier infirmiere
avocat avocate conseil administrateur administratrice mediateur mediatrice curateur curatrice
tuteur tutrice educateur educatrice institutrice instituteur enseignant enseignante titulaire
directeur directrice employeur employeuse patron patronne gerant gerante responsable chef
collegue assistant assistante referent referente conseiller conseillere interlocuteur interlocutrice
contact juge greffier greffiere agent agente delegue deleguee
verhuurder verhuurster huisbaas eigenaar eigenares ex-partner ex-man ex-vrouw ex-echtgenoot
ex-echtgenote ex-vriend ex-vriendin partner echtgenoot echtgenote vriend vriendin man vrouw
vader moeder broer zus zoon dochter oom tante neef nicht grootmoeder grootvader oma opa
schoonvader schoonmoeder buurman buurvrouw huisarts arts kinderarts psychiater psycholoog
kinesist verpleegkundige advocaat advocate bewindvoerder schuldbemiddelaar voogd begeleider
begeleidster leerkracht juf directeur directrice werkgever werkgeefster contactpersoon
zaakvoerder leidinggevende collega consulent consulente bemiddelaar trajectbegeleider rechter
vermieter vermieterin hausbesitzer hausbesitzerin eigentumer eigentumerin hausmeister
ex-partner ex-partnerin ex-mann ex-frau ex-ehemann ex-ehefrau lebensgefahrte lebensgefahrtin
ehemann ehefrau partnerin freund freundin vater mutter bruder schwester sohn tochter onkel
tante cousine neffe nichte grossmutter grossvater oma opa schwiegervater schwiegermutter
nachbar nachbarin hausarzt hausarztin arzt arztin kinderarzt kinderarztin psychiater
psychiaterin psychologe psychologin anwalt anwaltin betreuer betreuerin schuldnerberater
schuldnerberaterin vormund lehrer lehrerin erzieher erzieherin arbeitgeber arbeitgeberin
ansprechpartner ansprechpartnerin chef chefin vorgesetzter vorgesetzte kollege kollegin
berater beraterin
logopede pharmacien pharmacienne dentiste inspecteur inspectrice policier policiere
vrederechter jeugdrechter familierechter gerechtsdeurwaarder klastitularis titularis wijkagent
logopedist apotheker apothekeres tandarts vroedvrouw gezinshelper zorgcoordinator
friedensrichter friedensrichterin jugendrichter familienrichter
gerichtsvollzieherin klassenlehrer klassenlehrerin polizist
polizistin apothekerin zahnarzt zahnarztin hebamme
parrain marraine copain copine colocataire
stiefvader stiefmoeder pleegvader pleegmoeder halfbroer halfzus kleinzoon kleindochter huisgenoot
stiefvater stiefmutter pflegevater pflegemutter halbbruder halbschwester enkelin mitbewohner
mitbewohnerin verlobte verlobter
"""
ROLES: frozenset[tuple[str, ...]] = frozenset(tuple(name_parts(word)) for word in _ROLES.split())

# Nouns after which a child's pseudonym needs no "l'enfant" ("ses enfants C. (4 ans)").
CHILD_NOUNS = _folded_words(
    """enfant enfants fils fille filles fillette garçon bébé aîné aînée cadet cadette kind kinderen
    zoon zonen dochter dochters baby Kind Kinder Sohn Söhne Tochter Töchter"""
)

# Nouns after which a bare letter reads best ("la famille A.", "het gezin A.").
FAMILY_NOUNS = _folded_words("famille ménage gezin familie Familie")

# Surname particles; lower case they join a run of capitalised words ("Van den Broeck").
PARTICLES = _folded_words(
    """van vande vanden vander den der de del della di da du des le la el al ben bin ibn bou von
    vom zu zum zur ter ten te t d n o y dos das do mac mc"""
)

# Words that introduce a noun phrase: capitalised words after them name a thing, not a person.
DETERMINERS = _folded_words(
    """le la les l un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes notre
    nos votre vos het een die dat deze dit zijn haar hun mijn onze uw der das den dem des ein
    eine einer einem einen eines sein seine seinem seinen ihr ihre ihrem ihren unser unsere im
    am vom zum zur beim"""
)

# Endings of German common nouns: "Sandras Gesundheitszustand" is a name and a noun, not a name.
GERMAN_NOUN_ENDINGS = tuple(
    _folded_words(
        """ung heit keit schaft zustand tion tat nis ismus ment tum chen lein gesetz geld amt
        stelle arbeit kosten hilfe antrag"""
    )
)

# Prefix letters written with an apostrophe: N'Diaye, D'Hondt, O'Neill.
APOSTROPHE_PREFIXES = frozenset({"n", "d", "o", "l"})

# Words saying the next name is a place, not a person ("Saint-Pierre", "Sint-Jan").
SAINT_WORDS = frozenset({"saint", "sainte", "sint", "sankt", "st", "ste"})

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "fr": {
        "address": "[adresse]",
        "niss": "[NISS]",
        "iban": "[IBAN]",
        "phone": "[téléphone]",
        "email": "[courriel]",
        "enterprise": "[n° d'entreprise]",
        "plate": "[plaque]",
        "roll": "[n° de rôle]",
        "reference": "[référence du dossier]",
    },
    "nl": {
        "address": "[adres]",
        "niss": "[INSZ]",
        "iban": "[IBAN]",
        "phone": "[telefoon]",
        "email": "[e-mail]",
        "enterprise": "[ondernemingsnummer]",
        "plate": "[nummerplaat]",
        "roll": "[rolnummer]",
        "reference": "[dossiernummer]",
    },
    "de": {
        "address": "[Adresse]",
        "niss": "[INSZ]",
        "iban": "[IBAN]",
        "phone": "[Telefon]",
        "email": "[E-Mail]",
        "enterprise": "[Unternehmensnummer]",
        "plate": "[Kennzeichen]",
        "roll": "[Aktenzeichen]",
        "reference": "[Aktennummer]",
    },
}

# How a pseudonym reads: titles by sex, the child phrase and its age.
TITLE_WORDS: dict[str, dict[str, str]] = {
    "fr": {"F": "Madame", "M": "Monsieur"},
    "nl": {"F": "mevrouw", "M": "de heer"},
    "de": {"F": "Frau", "M": "Herr"},
}
CHILD_WORDS = {"fr": "l'enfant", "nl": "het kind", "de": "das Kind"}
# German declines the article: "mit dem Kind", but "für das Kind".
GERMAN_DATIVE = frozenset({"mit", "bei", "von", "zu", "nach", "seit", "aus", "gegenuber"})


def age_phrase(language: str, years: int) -> str:
    if language == "nl":
        return "minder dan 1 jaar" if years < 1 else f"{years} jaar"
    if language == "de":
        return "unter 1 Jahr" if years < 1 else f"{years} Jahr" + ("e" if years > 1 else "")
    return "moins d'un an" if years < 1 else f"{years} an" + ("s" if years > 1 else "")


MONTHS: dict[str, int] = {
    fold(name): number
    for number, names in enumerate(
        [
            "janvier janv januari jan januar jänner",
            "février févr fevr februari feb febr februar",
            "mars maart mrt märz marz mär",
            "avril avr april apr",
            "mai mei",
            "juin juni jun",
            "juillet juil juli jul",
            "août aout augustus aug august",
            "septembre sept september sep",
            "octobre oct oktober okt",
            "novembre nov november",
            "décembre déc dec december dezember dez",
        ],
        start=1,
    )
    for name in names.split()
}

# Closing formulas: the line under one is the writer's name.
CLOSING = re.compile(
    r"(cordialement|salutations|bien a (vous|toi)|groeten|groet|gru(ss|ß)(en|e)?|mfg)[\s,.!]*$"
)

# Words that make a nearby date a birth date ("née le", "geboren op", "Geburtsdatum:").
BIRTH_CUE = re.compile(
    r"(?<!\w)(?:née?s?|né\(e\)|né\.e|naissance|naiss\.?|geboren|geboortedatum|geb\.|"
    r"geburtsdatum|geburtstag|date of birth)(?!\w)",
    re.IGNORECASE,
)


def _lines(name: str) -> list[str]:
    text = resources.files("agenda.pseudonymise").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _folded_lines(name: str) -> frozenset[str]:
    return frozenset(fold(line) for line in _lines(name))


def first_names() -> frozenset[str]:
    return _folded_lines("first_names.txt")


def surnames() -> frozenset[str]:
    """Folded common surnames of Belgium (a signal for a capitalised word alone)."""
    return _folded_lines("surnames.txt")


def common_words() -> frozenset[str]:
    return _folded_lines("common_words.txt")


def municipalities() -> frozenset[str]:
    return _folded_lines("municipalities.txt")


def eponyms() -> frozenset[str]:
    """Folded names of diseases and syndromes named after people (Alzheimer, Crohn)."""
    return _folded_lines("eponyms.txt")


def occupations() -> frozenset[str]:
    """Folded occupations that are also surnames (Boulanger, Bakker, Schneider)."""
    return _folded_lines("occupations.txt")


# Words after which a capitalised occupation is the trade: "comme Boulanger", "als Bakker".
OCCUPATION_CUES = frozenset(
    {"comme", "que", "als", "profession", "metier", "beroep", "beruf", "fonction", "functie"}
)


@cache
def not_name_words() -> frozenset[str]:
    """Folded words that end a run of capitalised words: labels, institutions, months…"""
    words = {fold(line) for line in _lines("stopwords.txt")}
    for line in _lines("institutions.txt"):
        words.update(name_parts(line))
    words.update(CIVIL_TITLE_WORDS, ROLE_TITLES)
    return frozenset(words - PARTICLES)


@cache
def role_words() -> frozenset[str]:
    """Folded words of role nouns, which start or end a name but are never part of it."""
    return frozenset(part for key in ROLES for part in key)


# The short forms a report may use for a dossier's first name ("Piet" for Pieter), per
# language; a rule adds the Dutch diminutive suffix (Piet → Pietje, Els → Elsje, Ria → Riatje).
# Short forms that are also ordinary words or month abbreviations ("Jan", "Mai") stay out: a
# lower-case or dated "jan" would otherwise become the person.
_DIMINUTIVES = {
    "nl": """pieter:piet petrus:piet,peer cornelis:kees,cor hendrik:henk,rik willem:wim,willy
    wilhelmus:wim jacobus:koos,jaap gerardus:gerard,gert theodorus:theo adrianus:adri,arie
    franciscus:frans,cis antonius:toon,ton josephus:jef,jos johannes:joop,hannes
    maria:mia,marieke,ria elisabeth:els,lies,liesbeth johanna:anneke,hanna
    margaretha:greet,griet,margriet catharina:katrien,trien anna:anneke,anneleen
    geertruida:truus,trui wilhelmina:mien anne-marie:annemie marie-louise:marlies
    jan-willem:janwillem jozef:jef,jos,sef albert:bert robert:rob,bob hubertus:bert
    wilfried:fried ludovicus:lode,louis lodewijk:lode gustaaf:staf,guust
    constant:stan eduard:ward,eddy martinus:tinus frederik:freek""",
    "fr": """nicolas:nico alexandre:alex alexandra:alex frederic:fred christophe:chris
    christine:chris catherine:cathy isabelle:isa elisabeth:babette,lisette veronique:vero
    stephanie:steph dominique:dom mohamed:momo mohammed:momo emmanuel:manu emmanuelle:manue
    philippe:phil benjamin:benji thomas:tom,tommy maximilien:max maxime:max nathalie:nath
    caroline:caro sebastien:seb anthony:tony joseph:jojo jean:jeannot pierre:pierrot
    patricia:patou valerie:val charlotte:lolotte francoise:fanfan
    marie-louise:malou,marilou,marie-lou
    marie-therese:maite marie-jose:marijo anne-marie:annemie jean-baptiste:baptiste
    jean-francois:jeff marie-christine:christine""",
    "de": """wilhelm:willi friedrich:fritz heinrich:heinz,heini katharina:kathe,kathi
    margarete:grete,gretel johannes:hannes josef:sepp,seppi michael:michi andreas:andi
    susanne:susi stefanie:steffi christian:chris alexander:alex elisabeth:liesl,elli
    barbara:babsi franziska:franzi gabriele:gabi maximilian:max gerhard:gerd
    bernhard:bernd rudolf:rudi ulrich:uli wolfgang:wolfi ludwig:lutz johann:hans
    gertrud:trude helmut:helmi""",
}
DIMINUTIVES: dict[str, frozenset[str]] = {}
for _table in _DIMINUTIVES.values():
    for _entry in _table.split():
        _name, _short = _entry.split(":")
        DIMINUTIVES[_name] = DIMINUTIVES.get(_name, frozenset()) | frozenset(_short.split(","))


def _dutch_diminutive(name: str) -> str:
    if name.endswith("m"):
        return f"{name}pje"
    return f"{name}tje" if name[-1:] in "aeiouylnrw" else f"{name}je"


def diminutives(first_name: str) -> list[str]:
    """Folded short forms of a first name: the table's, and each with the Dutch suffix."""
    folded = fold(first_name)
    if not WORD_RE.fullmatch(folded):
        # "Marie-Louise": the table's short forms of the whole ("Malou"); those of one part
        # ("Marie") would name anyone called so
        return sorted(DIMINUTIVES.get("-".join(re.split(r"[\s-]+", folded.strip())), ()))
    short = sorted(DIMINUTIVES.get(folded, ()))
    return short + [_dutch_diminutive(name) for name in (folded, *short)]
