"""Words the layers recognise: titles, roles, particles, labels, and the lists in ``data/``.

Everything is stored folded (lower case, no accents, see ``text.fold``) so lookups ignore the
writing. Lists of names and places live in data files; short closed word classes live here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from agenda.pseudonymise.text import WORD_RE, fold, name_parts

LANGUAGES = ("fr", "nl", "de")


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# The public bodies a municipality gives its name to: "CPAS de Soignies", "Gemeinde Amel".
MUNICIPAL_BODIES = _folded_words(
    "cpas ocmw öshz commune gemeente gemeinde ville stad stadt administration bestuur verwaltung"
)


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
parrain marraine copain copine colocataire parent co-parent ouder elternteil
stiefvader stiefmoeder pleegvader pleegmoeder halfbroer halfzus kleinzoon kleindochter huisgenoot
stiefvater stiefmutter pflegevater pflegemutter halbbruder halbschwester enkelin mitbewohner
mitbewohnerin verlobte verlobter
papa maman mama papy papi mamy mamie mami mémé pépé tata tonton nounou bomma bompa
client cliente bénéficiaire requérant requérante patient patiente klant cliënt cliënte
betrokkene aanvrager aanvraagster begunstigde leefloner verzoeker verzoekster patiënt patiënte
klient klientin patientin
mutti vati omi opi
richter richterin rechtspfleger rechtspflegerin
interprète traducteur traductrice tolk vertaler vertaalster dolmetscher dolmetscherin
übersetzer übersetzerin
"""
# Roles of several words, one a line: "l'huissier de justice PIÉRARD".
_ROLE_PHRASES = """
huissier de justice
huissière de justice
"""
ROLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(name_parts(role)) for role in [*_ROLES.split(), *_ROLE_PHRASES.strip().splitlines()]
)

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
        stelle arbeit kosten hilfe antrag ungen heiten keiten schaften tionen nisse zeit zeiten
        gelder beitrag beiträge vertrag bescheid rente steuer miete kasse frau zulage leistung
        schulden termin gespräch"""
    )
)

# Prefix letters written with an apostrophe: N'Diaye, D'Hondt, O'Neill.
APOSTROPHE_PREFIXES = frozenset({"n", "d", "o", "l"})

# Words saying the next name is a place, not a person ("Saint-Pierre", "Sint-Jan").
SAINT_WORDS = frozenset({"saint", "sainte", "sint", "sankt", "st", "ste"})
_SAINTS = "|".join(sorted(SAINT_WORDS))
# A saint's word right before a name, written out or abbreviated: "Sankt ", "St. ", "Sint-".
_SAINT_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_SAINTS})(?:\.?[ \t]{{1,2}}|\.|[ \t]?-[ \t]?)$")
# A saint's word that a capitalised name follows: "Sankt Vith", "St. Vith", "Ste-Marie", also
# after a French particle in capitals ("CANTON DE SAINT-GILLES").
_SAINT_OPENS = re.compile(
    rf"(?:(?:de|du|des)[ \t]|d')?(?:{_SAINTS})(?:\.?[ \t]{{1,2}}|\.|[ \t]?-[ \t]?)[^\W\d_]"
)


def named_after_saint(text: str, start: int) -> bool:
    """True when the capitalised words at ``start`` follow a saint's word or begin with one
    ("Sankt Augustin", "in St. Vith", "Sint-Jozef", "Clinique Ste-Elisabeth"): the name of a
    place, a church, a school or a hospital, which stays; nobody's name starts with "Saint"."""
    before, opening = text[max(0, start - 8) : start], text[start : start + 16]
    # every saint's word holds an "s"; the look at the letters first spares most runs a fold
    if ("s" in before or "S" in before) and _SAINT_BEFORE.search(fold(before)):
        return True
    return opening[:1] in "sSdD" and _SAINT_OPENS.match(fold(opening)) is not None


# Head words of institutions and streets. A person's name right after one ("Institut Jules
# Bordet", "AZ Jan Palfijn", "Athénée royal Léonie de Waha", "PC Dr. Guislain", "avenue
# Louise") or whose compound ends with one ("Maria-Goretti-Schule", "Jan Palfijn Ziekenhuis",
# "Koning Albertstraat") names the institution or the street, after the person it honours: it
# stays. General Belgian, French and German words. Shops and firms ("Bäckerei Backes") are not
# here: named after their owner, they point at a person.
_INSTITUTION_HEADS = _folded_words(
    """hôpital hôpitaux clinique cliniques polyclinique chu chr chup centre institut
    institution athénée école écoles lycée collège académie université home résidence crèche
    fondation pavillon internat
    ziekenhuis az uz pc kliniek instituut school basisschool middenschool college atheneum
    lyceum centrum woonzorgcentrum wzc rusthuis stichting academie universiteit hogeschool
    internaat campus kinderdagverblijf
    krankenhaus klinik klinikum hospital spital schule grundschule sekundarschule
    realschule hauptschule gesamtschule gymnasium institut altenheim seniorenheim pflegeheim
    kinderheim zentrum kindergarten stiftung akademie universität hochschule
    rue avenue av boulevard bd place chaussée quai square allée impasse chemin drève
    straat steenweg plein dreef kaai straße strasse platz allee gasse"""
)
# Words that may stand between the head and the name: "École communale", "Athénée royal",
# "Centre hospitalier", "Psychiatrisch Centrum", and titles: "PC Dr. Guislain".
_INSTITUTION_QUALIFIERS = _folded_words(
    """royal royale royaux communal communale communales provincial provinciale libre libres
    universitaire universitaires hospitalier hospitalière hospitaliers psychiatrique
    neuropsychiatrique général générale régional régionale interrégional interrégionale
    fondamental fondamentale primaire primaires secondaire maternelle technique
    professionnel professionnelle supérieur supérieure médical médicale médico-psychologique
    civil civile militaire public publique privé privée intercommunal intercommunale
    spécialisé spécialisée européen européenne international internationale catholique
    médico-pédagogique médico-social médico-sociale psycho-médico-social pédagogique
    gemeentelijke gemeentelijk stedelijke stedelijk vrije vrij koninklijk koninklijke
    technische technisch katholieke katholiek algemeen algemene universitair psychiatrisch
    psychiatrische
    städtisches städtische katholisches katholische bischöfliches bischöfliche königliches
    königliche allgemeines allgemeine psychiatrisches psychiatrische
    dr docteur dokter doktor prof professeur professor pater père abbé kanunnik mgr
    monseigneur"""
)


def _reversed_words(words: frozenset[str]) -> str:
    return "|".join(sorted(re.escape(word[::-1]) for word in words))


# A head, up to three qualifiers (each with its dot), then spaces, right before a name: matched
# on the text before the name read backwards, so the match starts where the name does. Spaces
# only: a heading "École" above "Julie fréquente…" or a form's label "École⇥" before a name is
# no school's name.
_INSTITUTION_BEFORE_REVERSED = re.compile(
    rf"[ ]+(?:\.?(?:{_reversed_words(_INSTITUTION_QUALIFIERS)})[ ]+){{0,3}}"
    rf"\.?(?:{_reversed_words(_INSTITUTION_HEADS)})(?![^\W\d_])"
)
# The word glued or next after a name: "-Sekundarschule", " Ziekenhuis".
_NEXT_WORD = re.compile(r"(-|[ \t]{1,2})([^\W\d_]+)")
# Heads that end a German or Dutch compound; short ones ("az", "pc", "home") only stand alone.
_COMPOUND_HEADS = tuple(head for head in _INSTITUTION_HEADS if len(head) >= 6)


def names_institution(text: str, start: int, end: int) -> bool:
    """True when the capitalised words ``text[start:end]`` are the name of an institution
    called after a person: a head word before them or among them ("Basisschool Pater
    Damiaan"), or a compound head ending them or glued after them."""
    written = fold(text[start:end])
    words = WORD_RE.findall(written)
    # a head glued by a hyphen as the last part of the run: "Karl-Marx-Platz"
    glued_head = len(words) > 1 and words[-1] in _INSTITUTION_HEADS \
        and written.endswith("-" + words[-1])
    if any(word in _INSTITUTION_HEADS for word in words[:-1]) or glued_head or (
        words and words[-1].endswith(_COMPOUND_HEADS)
    ):
        return True
    if start > 0 and text[start - 1] in "-'’":
        return False  # inside a compound ("Sint-Jan", "l'Hôpital"): the caller's business
    if _INSTITUTION_BEFORE_REVERSED.match(fold(text[max(0, start - 60) : start])[::-1]):
        return True
    after = _NEXT_WORD.match(text, end, end + 40)
    if after is None:
        return False
    # glued by a hyphen ("Pater-Damian-Sekundarschule") or a capitalised word ("Jan Palfijn
    # Ziekenhuis") that is a head or a compound ending with one
    head = fold(after.group(2))
    return (after.group(1) == "-" or after.group(2)[0].isupper()) and (
        head in _INSTITUTION_HEADS or head.endswith(_COMPOUND_HEADS)
    )


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
        "initials": "[initiales]",
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
        "initials": "[initialen]",
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
        "initials": "[Initialen]",
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
            "février févr fevr fév fev februari feb febr februar",
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


@cache
def abbreviations(dotted: bool = False, language: str | None = None) -> frozenset[str]:
    """Abbreviations that look like initials ("CV", "NV", "TB"), in capitals without dots;
    ``dotted``: those also written with dots ("N.V.", not "M.W."); ``language``: only those
    of every language and of that one ("KB", koninklijk besluit, is Dutch), else all."""
    found = set()
    for line in _lines("abbreviations.txt"):
        written, *languages = line.split()
        if (not dotted or "." in written) and (
            language is None or not languages or language in languages
        ):
            found.add(fold(written).upper().replace(".", ""))
    return frozenset(found)


def occupations() -> frozenset[str]:
    """Folded occupations that are also surnames (Boulanger, Bakker, Schneider)."""
    return _folded_lines("occupations.txt")


# Words right before which a capitalised occupation is the trade: "comme Boulanger", "als
# Bakker", "le Boucher", "früher Fischerin".
OCCUPATION_CUES = _folded_words(
    """comme que als ancien ancienne voormalig voormalige gewezen früher ehemals ehemaliger
    ehemalige gelernter gelernte le la l un une au du het een der die das den dem des ein eine
    einen einem beim zum vom"""
)
# Labels a few words before the trade ("Profession du père : Meunier", "le métier de
# Cordonnier", "Beroep vader: Timmerman") or right after it ("Boulanger de métier", "Bakker
# van beroep", "Koch von Beruf").
_TRADE_LABELS = _folded_words(
    "profession métier fonction emploi job formation beroep functie opleiding beruf tätigkeit"
)
_OF_TRADE = _folded_words("de d van von")
_TRADE_LINKS = _OF_TRADE | _folded_words("du des la le sa son het zijn haar der die")

# Words of a disease's name that stand with the eponym: "Morbus Crohn", "Chorea Huntington",
# "Huntington-Krankheit", "Alzheimer-Demenz".
DISEASE_WORDS = _folded_words(
    """morbus chorea maladie syndrome ziekte syndroom krankheit syndrom erkrankung demenz
    dementie démence disease"""
)
# Endings of the medical noun a German compound glues to an eponym: "Hashimoto-Thyreoiditis",
# "Lewy-Körper-Demenz", "Hodgkin-Lymphom", "Basedow-Struma".
_MEDICAL_ENDINGS = tuple(
    _folded_words(
        """itis ose osis syndrom syndrome krankheit erkrankung demenz lymphom sarkom karzinom
        anämie neuralgie lähmung struma körper"""
    )
)


def _disease_word(word: str) -> bool:
    return word in DISEASE_WORDS or word.endswith(_MEDICAL_ENDINGS)


# Disease words a name follows, straight or after "de", "van", "d'": "maladie de Lyme",
# "ziekte van Kahler", "Morbus Bechterew".
_DISEASE_HEADS = _folded_words("maladie syndrome ziekte syndroom morbus chorea")
_OF = _folded_words("de d du van")

# Holidays and school holidays: a lone capitalised one ("le congé de Toussaint", "tijdens de
# Krokusvakantie", "an Nikolaus") is a date, not a person. Belgian, French and German feasts.
HOLIDAYS = _folded_words(
    """toussaint noël pâques pentecôte ascension assomption carnaval armistice épiphanie
    chandeleur mi carême réveillon nouvel an
    kerstmis kerst pasen pinksteren hemelvaart allerheiligen allerzielen sinterklaas
    driekoningen nieuwjaar oudejaar wapenstilstand krokus
    weihnachten ostern pfingsten himmelfahrt fronleichnam nikolaus silvester neujahr
    fasching karneval rosenmontag aschermittwoch dreikönige
    ramadan aïd eid pessah pâque hanoucca kippour
    suikerfeest offerfeest pesach chanoeka
    zuckerfest opferfest passah chanukka"""
)
# Compounds that end like a holiday or leave ("Paasvakantie", "Herbstferien", "Kerstverlof").
_HOLIDAY_ENDINGS = ("vakantie", "verlof", "ferien", "feiertag", "feestdag", "urlaub", "vacances")


# A folder named by its colour: "Farde Violette :", "Map Roos:", "Mappe Rosa", "chemise
# Bleue". The colours (which are also first names: Violette, Roos, Rose) stay after these;
# not after "dossier", "Akte": "le dossier Rose" is Rose's.
_FOLDERS = _folded_words(
    """farde fardes chemise chemises classeur classeurs enveloppe boîte map mappen doos ordner
    mappe hefter umschlag"""
)
_COLOURS = _folded_words(
    """violette violet rose bleue bleu verte vert jaune rouge orange blanche blanc grise gris
    noire noir brune brun mauve turquoise
    roos paars lila blauw groen geel rood oranje wit zwart grijs bruin
    rosa violett blau grün gelb rot weiß weiss schwarz grau braun"""
)


def _names_a_folder(words: Sequence[str], previous: Sequence[str]) -> bool:
    """A colour after a folder's word ("Farde Violette", "Map Roos"): a folder, no person."""
    if not words or words[-1] not in _COLOURS or len(words) > 2:
        return False
    before = words[0] if len(words) == 2 else (previous[-1] if previous else "")
    return before in _FOLDERS


# Kinship qualified by an adjective that is also a first name: "cousin germain" (first cousin).
_KIN_BY_ADJECTIVE = _folded_words("cousin cousine cousins cousines")
_KIN_ADJECTIVES = _folded_words("germain germaine germains germaines")


def names_a_thing(
    words: Sequence[str], previous: Sequence[str], following: Sequence[str] = ()
) -> bool:
    """True when a run of capitalised words (``words`` folded, particles left out; the folded
    words just before it in ``previous``, up to three, and after it in ``following``) names a
    thing, not a person: a disease named after someone ("d'Alzheimer", "Chorea Huntington",
    "syndrome de Down"), a trade that is also a surname after "comme", "als", an article or a
    label ("comme Boulanger", "Beroep: Kok", "Boulanger de métier"), a holiday ("congé de
    Toussaint", "Krokusvakantie")."""
    if not words:
        return False
    if len(words) == 1 and words[0] in occupations() and _trade_context(previous, following):
        return True
    if _names_a_folder(words, previous):
        return True
    if previous and previous[-1] in _KIN_BY_ADJECTIVE and words[0] in _KIN_ADJECTIVES:
        return True  # "SON COUSIN GERMAIN, …": the degree of kinship, not a first name
    if previous and previous[-1] in role_words():
        # "son fils Noël", "sein Sohn Jakob" are people; "der Vater Morbus Crohn" an illness
        return any(word in DISEASE_WORDS for word in words) and names_a_thing(words, ())
    if all(word in eponyms() or _disease_word(word) for word in words) and any(
        word in eponyms() for word in words
    ):
        return True  # "Morbus Crohn", "Huntington-Krankheit", "Creutzfeldt-Jakob"
    named = [word for word in words if not _disease_word(word)]
    if len(named) < len(words) and named[-1:] and named[-1] in eponyms():
        return True  # "Gilles-de-la-Tourette-Syndrom": the eponym's first name goes with it
    heads = [index for index, word in enumerate(words[:-1]) if word in _DISEASE_HEADS]
    if heads:
        # in capitals the disease's head opens the run: "DIAGNOSTIC DE SYNDROME DE GILLES"
        return names_a_thing(words[heads[-1] + 1 :], words[: heads[-1] + 1], following)
    if _names_a_firm(words, previous, following):
        return True
    last = previous[-1] if previous else ""
    disease = previous[-2:-1] if last in _OF else previous[-1:]
    if disease and disease[0] in _DISEASE_HEADS:
        # "maladie de Lyme", "syndrome de Gilles de la Tourette", "Morbus Wilson"; but "la
        # maladie de Pierre" is Pierre's. In capitals a particle may end the run and the
        # eponym open the next one: "GILLES DE | LA TOURETTE".
        person = words[0] in first_names() or words[0] in common_words()
        rest = [word for word in following if word not in PARTICLES]
        eponym_next = bool(following) and following[0] in PARTICLES and any(
            word in eponyms() for word in rest[:1])
        return not person or words[-1] in eponyms() or eponym_next
    if _in_marian_title(previous[-3:], words, following[:1]):
        return True  # "Clinique Notre-Dame de Grâce", "Onze-Lieve-Vrouw van Lourdes"
    return all(word in HOLIDAYS or word.endswith(_HOLIDAY_ENDINGS) for word in words)


# Where a Marian title begins in the name of a church, a school or a hospital ("Notre-Dame de
# la Paix", "Onze-Lieve-Vrouw van Vrede", "Unserer Lieben Frau von Lourdes"): the words from
# there on are no person ("Dame", "Lieve", "Grâce", "Lourdes" are also names). The second
# word may start a compound ("Onze-Lieve-Vrouwziekenhuis").
_MARIAN_HEADS = (("notre", "dame"), ("lieve", "vrouw"), ("liebe", "frau"), ("lieben", "frau"))
_MARIAN_LINKS = _folded_words("de du des la l van von der")


def _links_only(words: Sequence[str]) -> bool:
    return all(word in _MARIAN_LINKS for word in words)


def _in_marian_title(
    previous: Sequence[str], words: Sequence[str], following: Sequence[str]
) -> bool:
    """Whether the run ``words`` is in or after a Marian head: the head's two words, the
    second of which is in the run or after it ("Notre | Dame de Grâce", "Onze | Lieve |
    Vrouw"), or right before it with a link between ("Notre-Dame de | Lourdes"); a head
    before the run without one ("Notre-Dame. Jean Dupont") does not count."""
    linked = bool(previous) and previous[-1] in _MARIAN_LINKS
    sequence = [*previous, *words, *following]
    run_start, run_end = len(previous), len(previous) + len(words)
    return any(
        first == head[0] and second.startswith(head[1])
        and (run_start <= index + 1 or (linked and _links_only(previous[index + 2 :])))
        and index < run_end
        for index, (first, second) in enumerate(pairwise(sequence))
        for head in _MARIAN_HEADS
    )


# Stems of the words of a trade beside a firm named like a person ("allocations familiales
# (Camille)", "krediet bij Record", "Stromanbieter Mega"): family allowances, credit and
# banks, debts and bills, energy and water, health insurance, shops.
_FIRM_TRADE_STEMS = _folded_words(
    """allocation familial kinderbijslag groeipakket kindergeld familienleistung caisse fonds
    kasse credit krediet kredit lening pret darlehen banque bank dette schuld saldo solde
    facture factuur rechnung energie electricite elektriciteit strom gaz gas eau water
    fournisseur leverancier anbieter lieferant mutuel ziekenfonds krankenkasse supermarche
    supermarkt magasin winkel geschaft"""
)


@cache
def _named_firms() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(name_parts(line)) for line in _lines("named_firms.txt"))


def _names_a_firm(
    words: Sequence[str], previous: Sequence[str], following: Sequence[str]
) -> bool:
    """A firm or fund named like a person ("Camille", "Record") beside a word of its trade."""
    if tuple(words) not in _named_firms():
        return False
    return any(stem in word for word in (*previous, *following) for stem in _FIRM_TRADE_STEMS)


def _trade_context(previous: Sequence[str], following: Sequence[str]) -> bool:
    if previous and previous[-1] in OCCUPATION_CUES:
        return True
    for index, word in enumerate(previous):
        # "Profession du père :", "métier de", "Beroep vader:"; not "un emploi chez Boucher"
        between = previous[index + 1 :]
        if word in _TRADE_LABELS and all(w in _TRADE_LINKS or w in role_words() for w in between):
            return True
    return len(following) >= 2 and following[0] in _OF_TRADE and following[1] in _TRADE_LABELS


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
    # "de" of "huissier de justice" is a particle, not a role's word
    return frozenset(part for key in ROLES for part in key) - PARTICLES


# The short forms a report may use for a dossier's first name ("Piet" for Pieter, "Momo" for
# Mohamed): data/nicknames.txt, general knowledge; a rule adds the Dutch suffix (Piet → Pietje)
# here, and names.py the truncations and other pet endings ("Gwen" for Gwendoline, "Pieterke").
@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Folded first name → its folded nicknames (several lines of one name add up)."""
    table: dict[str, frozenset[str]] = {}
    for line in _lines("nicknames.txt"):
        name, _, shorts = line.partition(":")
        found = frozenset(fold(short.strip()) for short in shorts.split(",") if short.strip())
        table[fold(name.strip())] = table.get(fold(name.strip()), frozenset()) | found
    return table


def _dutch_diminutive(name: str) -> str:
    if name.endswith("m"):
        return f"{name}pje"
    return f"{name}tje" if name[-1:] in "aeiouylnrw" else f"{name}je"


def diminutives(first_name: str) -> list[str]:
    """Folded short forms of a first name: the nicknames', and each with the Dutch suffix
    (the other pet endings, Flemish "Pieterke" or German "Hubi", are ``names.Truncations``')."""
    folded = fold(first_name)
    if not WORD_RE.fullmatch(folded):
        # "Marie-Louise": the table's short forms of the whole ("Malou"); those of one part
        # ("Marie") would name anyone called so
        return sorted(nicknames().get("-".join(re.split(r"[\s-]+", folded.strip())), ()))
    short = sorted(nicknames().get(folded, ()))
    return short + [_dutch_diminutive(name) for name in (folded, *short)]
