"""Layer (c): people nobody listed (landlords, ex-partners, doctors, lawyers, employers' contacts).

Candidates are runs of capitalised words that are not labels, institutions, places or months. A
run is a person when a civil title, a professional title or a role noun stands before it, a role
noun follows it ("Roland Tilquin, son propriétaire"), it holds a common first name or a
common surname, it is two capitalised words no article introduces, it signs the text under a
closing formula, it follows a trade's shop ("boulangerie Renard") or "staying with" ("wohnen
bei Jutta"), it is letter-spaced for emphasis ("Mme H U B I N"), or, in French, the statistical
model tagged it PER. Dutch and German have no model: rules only.

Besides runs: initials after a role or a preposition that introduces a person ("une voisine,
N.G.,", "bij M.J. van het CAW"), nicknames quoted next to a naming verb ("que tout le monde
appelle « Flo »", "door iedereen ‘Bartje’ genoemd", "von allen „Sepp“ genannt"), and a word of
the lexicons after a title ("Me Delhaize": the title says it is a person), and the sender of
a quoted e-mail ("De : Ghislaine Delhaize", "Von: …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from agenda.pseudonymise.lexicon import (
    APOSTROPHE_PREFIXES,
    CIVIL_TITLE_WORDS,
    CLOSING,
    DETERMINERS,
    FAMILY_NOUNS,
    GERMAN_NOUN_ENDINGS,
    HOLIDAYS,
    MUNICIPAL_BODIES,
    PARTICLES,
    ROLE_TITLES,
    ROLES,
    SAINT_WORDS,
    abbreviations,
    common_words,
    first_names,
    municipalities,
    named_after_saint,
    names_a_thing,
    names_institution,
    nicknames,
    not_name_words,
    occupations,
    role_words,
    surnames,
)
from agenda.pseudonymise.mentions import (
    chat_senders,
    civil_title_before,
    genitive_of_role,
    joined,
    role_after,
    role_before,
    role_title_before,
)
from agenda.pseudonymise.spans import PersonRef, Span
from agenda.pseudonymise.text import Token, fold, sentence_start

_MAX_RUN = 5
_SAINT_COMPOUND = re.compile(rf"(?:^|-)(?:{'|'.join(sorted(SAINT_WORDS))})-\w")
_ARTICLES = frozenset({"der", "den", "des", "dem", "die", "das", "la", "le", "les"})
_CAPITAL = "A-ZÀ-ÖØ-ÞŒŠŽ"
# A word written letter by letter for emphasis: "H U B I N", "S C H R Ö D E R".
# (Each pattern opens with its letter and looks behind it after: a pattern that opens with a
# look-behind is tried at every position of the text, three times slower.)
_LETTER_SPACED = re.compile(rf"[{_CAPITAL}](?<![\w.][{_CAPITAL}])(?: [{_CAPITAL}]){{2,}}(?!\w)")
# The sender of a forwarded or quoted e-mail: "De : …", "Von: …", "Van: …", "From: …", up to
# the address in angle brackets or the end of the line.
_SENDER_LINE = re.compile(
    r"(?im)^[> \t]*(?:de|von|van|from|exp[ée]diteur|absender|afzender)[ \t]*:[ \t]*"
    r"(?P<name>[^\n<\[@]+?)[ \t]*(?=<|\[|$)"
)
# A shop bearing its owner's name: "la boulangerie Renard", "bakkerij Van Acker".
_SHOPS = frozenset(
    """boulangerie boucherie charcuterie patisserie epicerie librairie friterie brasserie
    menuiserie carrosserie quincaillerie poissonnerie fromagerie droguerie bakkerij beenhouwerij
    slagerij schrijnwerkerij brouwerij drukkerij frituur kapsalon bouwbedrijf schoonmaakbedrijf
    backerei metzgerei schreinerei tischlerei konditorei gartnerei brauerei druckerei
    bauunternehmen firma""".split()  # noqa: SIM905 (a word list reads best as words)
)
# The last word of a civil or professional title, or a shop: what may stand before a name.
_TITLE_ENDS = CIVIL_TITLE_WORDS | ROLE_TITLES | _SHOPS
# Living, staying or being followed with someone: "wohnen vorläufig bei Jutta", "verblijven bij
# Lies", "une médiation est en cours chez Fanfan", "la garde a été confiée à Isaura".
_WITH = frozenset({"chez", "bei", "bij"})
# "à" only after "entrusted to": "vit à Lille" is a place
_ENTRUSTED = frozenset({"confie", "confiee", "confies", "confiees", "place", "placee", "places"})
_STAYING = frozenset(
    """habite habitent vit vivent loge logent logee loges hebergee heberge heberges
    hebergees confie confiee confies confiees sejourne sejournent place placee places cours
    suivi suivie woont wonen woonde verblijft verblijven verbleef logeert logeren ondergebracht
    opgevangen loopt lopende geplaatst wohnt wohnen wohnte lebt leben lebte untergebracht
    ubernachtet lauft laufend""".split()  # noqa: SIM905
)
_STAYING_REACH = 4
# Words after which a capitalised word is someone's name: a nickname given ("surnommé Titi",
# "bijgenaamd Bolle", "genannt Schorsch"), a family ("la famille X", "het gezin X", "Familie X"),
# a maiden or married name ("née X", "geb. X", "épouse X", "weduwe X").
_NAME_FOLLOWS = (
    frozenset(
        """surnomme surnommee surnommes alias genaamd bijgenaamd genannt gerufen
        nee geb geborene epouse veuve weduwe wwe verw verwitwete""".split()  # noqa: SIM905
    )
    | FAMILY_NOUNS
)
# A form's field for a name: "Nom :", "Naam:", "Vorname:", "Nom de famille :".
_NAME_FIELD = re.compile(
    r"(?:(?<!\w)(?:nom|pr[ée]nom|nom de famille|naam|voornaam|achternaam|familienaam|name"
    r"|vorname|nachname|familienname)s?)[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
# The parties of a court case: "En cause : …", "contre : …", "In Sachen: …", "tegen: …".
_PARTY_LABEL = re.compile(
    r"(?:en cause|contre|in sachen|gegen|in zake|tegen)[ \t]*:[ \t]*$", re.IGNORECASE
)
# The other party of a payment: its label ("Bénéficiaire :", "Donneur d'ordre :", "au nom de",
# "Begunstigde:", "ten name van", "Empfänger:", "Auftraggeber:", "Kontoinhaber:"), or a bank
# statement's row, a date then the payee before or after the account number.
_PAYEE_LABEL = re.compile(
    r"(?:(?:b[ée]n[ée]ficiaire|donneur d[’']ordre|titulaire(?: du compte)?|begunstigde"
    r"|opdrachtgever|rekeninghouder|empf[äa]nger|auftraggeber|kontoinhaber(?:in)?)[ \t]*:"
    r"|au nom d[e’']|ten name van|lautend auf)[ \t]*$",
    re.IGNORECASE,
)
# A bank statement's kind of booking before the other party: "Virement Jean Dupont BE…".
_BOOKINGS = frozenset(
    """virement versement paiement domiciliation overschrijving storting betaling domiciliering
    uberweisung dauerauftrag lastschrift gutschrift zahlung""".split()  # noqa: SIM905
)
_ACCOUNT = r"[A-Z]{2}\d{2}(?:[ \t]?[\dA-Z]{4}){2,7}"
_ROW_DATE = r"^[ \t]*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]+"
_ACCOUNT_NUMBER = re.compile(rf"{_ACCOUNT}(?!\w)")
_ROW_BEFORE_ACCOUNT = re.compile(rf"[ \t]+{_ACCOUNT}(?!\w)")
_ROW_AFTER_ACCOUNT = re.compile(rf"{_ROW_DATE}(?:\S+[ \t]+)?{_ACCOUNT}[ \t]+(?:[-–—/|][ \t]*)?$",
                                re.MULTILINE)
_ROW_OPENS = re.compile(rf"{_ROW_DATE}(?:[^\W\d_]+[ \t]+)?$", re.MULTILINE)
# Someone at an organisation: "Thijs van het CAW", "Mien van het sociaal economiebedrijf".
# Dutch only: a German noun is as often followed by "vom" ("des Gesetzes vom 26. Mai").
_OF_ORGANISATION = re.compile(r"[ \t]+van (?:het|de)[ \t]")
# A role noun written with its feminine ending in brackets: "Friedensrichter(in) Resi".
_GENDERED_ROLE = re.compile(r"(\w+)\((?:in|e|r|n|innen|ne|se)\)[ \t]*[,:]?[ \t]*$")
_ROLE_NOUNS = frozenset(key[0] for key in ROLES if len(key) == 1) | ROLE_TITLES
# Professional titles written with a dot are abbreviations of at most this many letters.
_ABBREVIATION = 4
# A company's legal form after a name: an organisation ("Médiante asbl", "Krings GmbH").
_LEGAL_FORM = re.compile(
    r"[ \t]+(?:asbl|a\.s\.b\.l\.|vzw|v\.z\.w\.|sprl|srl|bv|bvba|nv|sa|scrl|cv|gmbh|ag|vog)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Run:
    """tokens[first:last + 1] form one capitalised name."""

    first: int
    last: int


def is_name_word(token: Token) -> bool:
    return (
        token.is_capitalised
        and len(token.text) >= 2
        and token.folded not in not_name_words()
        and token.folded not in role_words()
        and not genitive_of_role(token.folded)
    )


def _is_link(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A particle ("van", "De", "El") or an apostrophe prefix ("N'") inside a name."""
    token = tokens[index]
    if index + 1 >= len(tokens) or not joined(text, token, tokens[index + 1]):
        return False
    if token.folded in APOSTROPHE_PREFIXES and token.text.isupper():
        return text[token.end : token.end + 1] in "'’"
    if token.folded in _ARTICLES and token.is_lower:
        # "van der Elst", "de la Tour", but "Teil der Arztkosten" is two nouns
        return index > 0 and tokens[index - 1].folded in PARTICLES
    if token.text == "vom":
        return False  # "Herr Sommer vom Energieversorger": a contraction, not "von"
    if token.text == "von" and index > 0 and tokens[index - 1].is_capitalised:
        # "Ursula von der Leyen": a first name before the particle; "Anruf von Trude",
        # "Frau Müller von der Caritas": a noun or a surname, then the preposition
        return tokens[index - 1].folded in first_names()
    return token.folded in PARTICLES


def _opens_name(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A name starts with a capital: "De Smet", "Van Damme", "N'Diaye"; a lower-case "de",
    "der" or "von" before a capital is an article or a preposition ("der Trennung")."""
    token = tokens[index]
    if is_name_word(token):
        return True
    return token.is_capitalised and _is_link(text, tokens, index)


def name_runs(text: str, tokens: Sequence[Token]) -> list[Run]:
    """Maximal runs of capitalised name words, with the particles between and before them."""
    runs: list[Run] = []
    i = 0
    while i < len(tokens):
        if not _opens_name(text, tokens, i):
            i += 1
            continue
        j = i
        last_word = i if is_name_word(tokens[i]) else None
        while (
            j + 1 < len(tokens)
            and (joined(text, tokens[j], tokens[j + 1]) or _cut_by_line(text, tokens, i, j))
            and j - i < _MAX_RUN
        ):
            following = tokens[j + 1]
            if is_name_word(following):
                last_word = j + 1
            elif not _is_link(text, tokens, j + 1):
                break
            j += 1
        if last_word is None:
            i += 1
            continue
        runs.append(Run(i, last_word))
        i = last_word + 1
    return runs


def _surname_of_lexicon(text: str, tokens: Sequence[Token], last: int) -> bool:
    """A first name, then a capitalised word of the lexicons ending the line or the clause:
    the surname, which a shop or a firm also bears ("> Jonathan Delhaize", "Marie Colruyt,")."""
    if last + 1 >= len(tokens) or tokens[last].folded not in first_names():
        return False
    surname = tokens[last + 1]
    return (
        surname.is_capitalised
        and len(surname.text) >= 3
        and surname.folded in not_name_words()
        and surname.folded not in role_words()
        and text[tokens[last].end : surname.start] == " "
        and re.match(r"[ \t]*(?:[,;.)\n]|$)", text[surname.end : surname.end + 3]) is not None
    )


def _reference_label(text: str, words: Sequence[Token]) -> bool:
    """ "(AR 26/3027/A)", "RG 2024/123": a short word in capitals before a number labels it."""
    last = words[-1]
    return (
        len(words) == 1
        and last.text.isupper()
        and (len(last.text) <= 3 or last.text in _NOT_INITIALS)
        and re.match(r"[ \t.:]*(?:n[°o]\.?[ \t]*)?\d", text[last.end : last.end + 8]) is not None
    )


def _cut_by_line(text: str, tokens: Sequence[Token], first: int, index: int) -> bool:
    """A first name and the surname on the next line, as text pasted from a PDF breaks them
    ("bei Margarete⏎Gerkens in Sankt Vith"): the first name opens the run and ends its line."""
    left, right = tokens[index], tokens[index + 1]
    return (
        index == first
        and text[left.end : right.start] == "\n"
        and left.folded in first_names()
        and left.folded not in common_words()
        and not _in_heading(text, left)
        and not sentence_start(text, left.start)
        and _POSTCODE_BEFORE.search(text, max(0, left.start - 8), left.start) is None
        and is_name_word(right)
    )


def _in_heading(text: str, token: Token) -> bool:
    """A word in capitals on a line in capitals: a heading ("FRIEDENSGERICHT DES KANTONS
    AMEL"), which ends at its line."""
    line_start = text.rfind("\n", 0, token.start) + 1
    return token.text.isupper() and not any(c.islower() for c in text[line_start : token.start])


# "4770 Amel": a word after a postcode is the municipality of an address, not a first name.
_POSTCODE_BEFORE = re.compile(r"\b\d{4,5}[ \t]+$")


# Pet endings people put on a first name: French "-ette", "-ot", "-ou" (Jeannette, Pierrot,
# Jeannot), Italian and Spanish "-etta", "-etto", "-ina", "-ino", "-ita", "-ito" (Saretta,
# Giannino, Juanita), all on the name or on the name without its last vowel; Flemish "-eke",
# "-ke", "-tje", "-je", German "-i" and the "-y", "-ie" of every language on the whole name or
# a nickname (Janneke, Hansi, Josy, Tommy).
_ROMANCE_PET_ENDINGS = ("ette", "etta", "etto", "ina", "ino", "ita", "ito", "ot", "ou")
_OTHER_PET_ENDINGS = ("tje", "je", "eke", "ke", "ie", "i", "y")
_SHORTEST_PET_STEM = 3


@cache
def _pet_names() -> frozenset[str]:
    """The nicknames general knowledge gives first names ("Nath", "Jos", "Sepp")."""
    return frozenset(short for shorts in nicknames().values() for short in shorts)


@lru_cache(maxsize=8192)  # a report's capitalised words recur across a meeting
def is_first_name(folded: str) -> bool:
    """A common first name, one of its nicknames, or either with a pet ending (a consonant
    doubled before it: "Jeannette", "Pierrot")."""
    if folded in first_names() or folded in _pet_names():
        return True
    for endings, vowels in ((_ROMANCE_PET_ENDINGS, "aeo"), (_OTHER_PET_ENDINGS, "")):
        for ending in endings:
            stem = folded[: -len(ending)]
            if not folded.endswith(ending) or len(stem) < _SHORTEST_PET_STEM:
                continue
            stems = {stem}
            if stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
                stems.add(stem[:-1])
            if any(
                name in first_names() or name in _pet_names()
                for base in stems
                for name in (base, *(base + vowel for vowel in vowels))
            ):
                return True
    return False


def _first_name_signal(text: str, tokens: Sequence[Token], run: Run) -> bool:
    """A common first name in the run, or a word alone that is a pet name of one: a pet name
    stands alone ("Josy"), and one in a longer run may be a noun's ("Anruf von Susi")."""
    words = tokens[run.first : run.last + 1]
    if not any(t.folded in first_names() for t in words) and not (
        len(words) == 1 and is_first_name(words[0].folded)
    ):
        return False
    if run.first > 0 and tokens[run.first - 1].folded in SAINT_WORDS:
        return False  # "Saint-Pierre", "Sint-Jan": a place
    if len(words) > 1:
        return True
    # a lone word in capitals is a heading or a column ("LIEN", "NOTE") more often
    before = text[max(0, words[0].start - 8) : words[0].start].rstrip()
    return (
        words[0].folded not in common_words()
        and not words[0].text.isupper()
        and not (before and before[-1].isdigit())
    )


def _proper_noun_pair(text: str, tokens: Sequence[Token], run: Run, language: str) -> bool:
    """Two capitalised words that no article introduces ("von Siegfried Heinen", "Tine El
    Idrissi betaalt…"): a first name and a surname far more often than anything else. German
    capitalises nouns and adjectives at the start of a sentence, so there only mid-sentence."""
    words = [t for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    if len(words) < 2 or any(w.text.isupper() for w in words):
        return False  # "SPF Emploi", "CPAS Mons": acronyms name institutions
    if language == "de" and words[-1].folded.endswith(GERMAN_NOUN_ENDINGS):
        return False  # "ist Sandras Gesundheitszustand": a name, then a noun
    if sentence_start(text, tokens[run.first].start):
        return language != "de"
    previous = tokens[run.first - 1] if run.first else None
    return previous is None or previous.folded not in DETERMINERS


def _surname_in_capitals_first(text: str, tokens: Sequence[Token], run: Run, language: str) -> bool:
    """"WUYTS Sien", "MARCHAL Océane": the administrative order, the surname in capitals then a
    first name, in a sentence written in lower case, whatever the first name. An acronym
    ("CPAS Mons", "SPF Finances") or a capital word that is a label stays out; a first name
    that is also a word ("MBUYI Patience", "PEETERS Roos") needs a known surname before it, and
    is a noun in German ("MÜLLER Transporte")."""
    words = [t for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    if len(words) != 2:
        return False
    surname, first = words
    line_start = text.rfind("\n", 0, surname.start) + 1
    return (
        surname.text.isupper()
        and len(surname.text) >= 3
        and surname.text not in abbreviations()
        and surname.folded not in not_name_words()
        and surname.folded not in common_words()
        and first.text[:1].isupper()
        and first.text[1:].islower()
        and len(first.text) >= 3
        and (
            first.folded not in common_words()
            or (language != "de" and surname.folded in surnames())
        )
        and first.folded not in not_name_words()
        and any(c.islower() for c in text[line_start : surname.start])
    )


def _signature(text: str, tokens: Sequence[Token], run: Run) -> bool:
    """A name alone on its line under "Cordialement," or "Met vriendelijke groeten,"."""
    start, end = tokens[run.first].start, tokens[run.last].end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip(" \t.,"):
        return False
    above = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    return CLOSING.search(fold(above)) is not None


def _ner_signal(
    text: str, tokens: Sequence[Token], run: Run, entities: Sequence[tuple[int, int]]
) -> bool:
    words = tokens[run.first : run.last + 1]
    start, end = words[0].start, words[-1].end
    if not any(s < end and start < e for s, e in entities):
        return False
    if text[end:].lstrip(" \t").startswith(":"):
        return False  # a label ("Rappel :"), not a person
    # A lone word in capitals tagged PER is more often a heading than a surname.
    return not (len(words) == 1 and words[0].text.isupper())


def find_third_parties(
    text: str,
    tokens: Sequence[Token],
    entities: Sequence[tuple[int, int]],
    municipality: str | None,
    language: str,
) -> list[Span]:
    """Name spans for unlisted people; ``entities`` are the model's PER spans (French only)."""
    tokens = _join_letter_spaced(text, tokens)
    spans = []
    for found in name_runs(text, tokens):
        # "Bäckerei Weynand", "Familie Kohnen": the shop's or family's word opens the run
        # and a holiday opens a sentence in capitals ("SEIT PFINGSTEN WOHNT BARBARA")
        opener = (
            tokens[found.first].folded in _SHOPS
            or tokens[found.first].folded in FAMILY_NOUNS
            or tokens[found.first].folded in HOLIDAYS
            or tokens[found.first].folded in _BOOKINGS
        ) and found.last > found.first
        if opener or _noun_opens(tokens, found, language):
            run = Run(found.first + 1, found.last)
        else:
            run = found
        if run.last > run.first and _ACCOUNT_NUMBER.match(text, tokens[run.last].start):
            run = Run(run.first, run.last - 1)  # "MUNTEANU BE18 1099…": the account's country
        words = tokens[run.first : run.last + 1]
        title = _civil_title(text, tokens, run.first)
        titled = (
            title is not None
            or _role_title(text, tokens, run.first)
            or _gendered_role_before(text, words[0].start)
        )
        role = role_before(text, tokens, run.first)
        ruled = (
            titled
            or role
            or role_after(text, tokens, run.last)
            or _first_name_signal(text, tokens, run)
            or _surname_signal(text, tokens, run, language)
            or _proper_noun_pair(text, tokens, run, language)
            or _surname_in_capitals_first(text, tokens, run, language)
            or _signature(text, tokens, run)
            or _context_signal(text, tokens, run, language)
        )
        if not ruled and not _ner_signal(text, tokens, run, entities):
            continue  # most capitalised words: no need to ask whether they are places
        # Only the runs that look like a person are checked against what stays: most do not.
        if title is None and names_institution(text, words[0].start, words[-1].end):
            continue  # "Institut Jules Bordet", "PC Dr. Guislain", "Maria-Goretti-Schule"
        if not titled and (
            (not role and is_place(text, words, municipality))  # not "zijn broer Brecht"
            or (role and _seat(text, words, municipality))
            or is_not_person(tokens, run)
            or _reference_label(text, words)
            or _LEGAL_FORM.match(text, words[-1].end) is not None
        ):
            continue
        if ruled and _surname_of_lexicon(text, tokens, run.last):
            words = tokens[run.first : run.last + 2]
        start = title[0] if title else words[0].start
        spans.append(
            Span(
                start,
                words[-1].end,
                "name",
                "rule" if ruled else "ner",
                person=third_party_ref(text, words),
                title_sex=title[1] if title else None,
            )
        )
    return (
        spans
        + _titled_lexicon_words(text, tokens, spans)
        + _senders(text, tokens)
        + _chat_message_senders(text, tokens, language)
        + find_initials(text, tokens)
        + find_nicknames(text, tokens)
    )


def _seat(text: str, words: Sequence[Token], municipality: str | None) -> bool:
    """ "DE VREDERECHTER VAN LOKEREN", "DER FRIEDENSRICHTER VON EUPEN": in capitals, a
    particle and a place after a role are the role's seat. ("de vrederechter Van Lokeren",
    the particle alone capitalised, is a surname.)"""
    return (
        len(words) > 1
        and words[0].folded in PARTICLES
        and words[0].text.isupper()
        and is_place(text, words[1:], municipality)
    )


def _noun_opens(tokens: Sequence[Token], run: Run, language: str) -> bool:
    """German: after an article or a possessive the run's first word is a noun, then a name
    holding a first name ("mit ihrem Lebensgefährten Marco", "der Nachbarin Anna Schmitz");
    without one the rest is nouns too ("die Datei Ihres Zertifikats")."""
    return (
        language == "de"
        and run.last > run.first
        and run.first > 0
        and tokens[run.first - 1].folded in DETERMINERS
        and tokens[run.first].folded not in first_names()
        and any(t.folded in first_names() for t in tokens[run.first + 1 : run.last + 1])
    )


def _civil_title(text: str, tokens: Sequence[Token], index: int) -> tuple[int, str] | None:
    """``civil_title_before``, asked only where a title's last word stands before: most
    capitalised words of a report have none, and the full look-up tries every title."""
    if index == 0 or tokens[index - 1].folded not in CIVIL_TITLE_WORDS:
        return None
    return civil_title_before(text, tokens, index)


def _role_title(text: str, tokens: Sequence[Token], index: int) -> bool:
    """``role_title_before``, but a full word and a full stop end a sentence: "… kam der
    Gerichtsvollzieher. Der Richter …" (an abbreviation keeps its dot: "Dr. Kessler")."""
    if not role_title_before(text, tokens, index):
        return False
    title = tokens[index - 1]
    return not (len(title.text) > _ABBREVIATION and text[title.end : title.end + 1] == ".")


def _join_letter_spaced(text: str, tokens: Sequence[Token]) -> Sequence[Token]:
    """The letters of a letter-spaced word ("H U B I N") as one token, written in capitals, so
    that it joins the run of the first name or title before it."""
    spaced = _LETTER_SPACED.finditer(text)
    match = next(spaced, None)
    if match is None:
        return tokens
    joined_tokens: list[Token] = []
    for token in tokens:
        while match is not None and match.end() <= token.start:
            match = next(spaced, None)
        if match is None or token.start < match.start():
            joined_tokens.append(token)
        elif token.start == match.start():
            letters = match.group().replace(" ", "")
            joined_tokens.append(Token(match.start(), match.end(), letters, fold(letters)))
    return joined_tokens


def _spaced(text: str, words: Sequence[Token]) -> bool:
    """A run holding a letter-spaced word: nobody spaces out a common noun inside a sentence
    (a heading alone on its line, or a word of the lexicons, is no name)."""
    for word in words:
        if word.end - word.start > len(word.text) and word.folded not in not_name_words():
            line_start = text.rfind("\n", 0, word.start) + 1
            line_end = text.find("\n", word.end)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if line.strip(" \t.:") != text[word.start : word.end]:
                return True
    return False


def _gendered_role_before(text: str, start: int) -> bool:
    """ "Friedensrichter(in) Resi", "avocat(e) Dupont": a role noun with its feminine ending."""
    if ")" not in text[max(0, start - 4) : start]:
        return False
    found = _GENDERED_ROLE.search(text, max(0, start - 40), start)
    return found is not None and fold(found.group(1)) in _ROLE_NOUNS


def _surname_signal(text: str, tokens: Sequence[Token], run: Run, language: str) -> bool:
    """A common surname written mid-sentence ("met Vermeulen", "bei Mertes"), not after an
    article ("la Fontaine", "au Renard" name things). German capitalises its nouns: there a
    surname must not also look like a noun."""
    words = [t for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    if not words or not all(w.folded in surnames() for w in words):
        return False
    if any(w.folded in common_words() or w.folded in occupations() for w in words):
        return False
    if sentence_start(text, tokens[run.first].start):
        return False
    if run.first and tokens[run.first - 1].folded in DETERMINERS:
        return False
    return language != "de" or not words[-1].folded.endswith(GERMAN_NOUN_ENDINGS)


def _context_signal(text: str, tokens: Sequence[Token], run: Run, language: str) -> bool:
    """What stands around the run says it is a person: letter-spaced emphasis, a household
    table's surname cell, a party of a court case, a form's name field, someone of an
    organisation, a shop's owner, a family, a nickname or a maiden name given, staying with or
    entrusted to someone."""
    words = tokens[run.first : run.last + 1]
    if (
        _spaced(text, words)
        or _table_cell_before_first_name(text, tokens, run)
        or _payee(text, words[0].start, words[-1].end)
    ):
        return True
    if text[max(0, words[0].start - 3) : words[0].start].rstrip(" \t")[-1:] == ":":
        window = max(0, words[0].start - 24), words[0].start
        if _PARTY_LABEL.search(text, *window) or _NAME_FIELD.search(text, *window):
            return True
    if _OF_ORGANISATION.match(text, words[-1].end) and len(words) == 1:
        after = text[words[-1].end : words[-1].end + 40].split()
        return len(after) > 2 and not sentence_start(text, words[0].start)
    previous = tokens[run.first - 1] if run.first else None
    if previous is None or "\n\n" in text[previous.end : words[0].start]:
        return False
    if (previous.folded in _SHOPS or previous.folded in _NAME_FOLLOWS) and text[
        previous.end : words[0].start
    ] in (" ", ". "):
        # German: "die Familie Probleme" is a family and a noun, "bei Familie Meyer" a name;
        # after the article, a known surname or a name of several words says a name
        article = run.first >= 2 and tokens[run.first - 2].folded in DETERMINERS
        return (
            language != "de"
            or previous.folded not in FAMILY_NOUNS
            or not article
            or len(words) > 1
            or words[0].folded in surnames()
        )
    if language == "de" and words[-1].folded.endswith("n"):
        return False  # "wohnt bei Freunden, Bekannten, Verwandten": a plural noun after "bei"
    reach = tokens[max(0, run.first - 1 - _STAYING_REACH) : run.first - 1]
    if previous.folded in _WITH and previous.is_lower:
        return any(t.folded in _STAYING for t in reach)
    if previous.folded == "a" and previous.is_lower:
        return any(t.folded in _ENTRUSTED for t in reach)
    return False


def _payee(text: str, start: int, end: int) -> bool:
    """ "Bénéficiaire : Jean Dupont", "30.03.2026  MIHAELA MUNTEANU BE18 1099 6954 6765",
    "02/11/2025  BE80 7445 0887 0477  Laurent Lecocq": the other party of a payment."""
    line_start = text.rfind("\n", 0, start) + 1
    if _PAYEE_LABEL.search(text, max(line_start, start - 30), start):
        return True
    if _ROW_AFTER_ACCOUNT.search(text, line_start, start):
        return True
    # a word may stand between the date and the payee ("Virement", "Überweisung")
    return (
        _ROW_OPENS.search(text, line_start, start) is not None
        and _ROW_BEFORE_ACCOUNT.match(text, end) is not None
    )


def _table_cell_before_first_name(text: str, tokens: Sequence[Token], run: Run) -> bool:
    """ "| VANDERBEKEN | Lowie | broer |": a cell of a table whose next cell is a first name
    holds the surname."""
    start, end = tokens[run.first].start, tokens[run.last].end
    if run.last + 1 >= len(tokens) or text[end : tokens[run.last + 1].start].strip(" ") not in (
        "|",
        "\t",
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return (
        text[line_start:start].rstrip(" ")[-1:] in ("|", "\t", "")
        and tokens[run.last + 1].folded in first_names()
    )


def _titled_lexicon_words(text: str, tokens: Sequence[Token], found: Sequence[Span]) -> list[Span]:
    """A capitalised word of the lexicons right after a civil or professional title ("Me
    Delhaize", "M. Colruyt") or a shop ("la boulangerie Delhaize"): they say it is a person.
    Not inside an institution's name ("PC Dr. Guislain"), where a capitalised word of the
    lexicons stands before the title."""
    spans = []
    for index, token in enumerate(tokens):
        if (
            index == 0
            or tokens[index - 1].folded not in _TITLE_ENDS
            or not token.is_capitalised
            or len(token.text) < 2
            or token.folded not in not_name_words()
            or token.folded in role_words()
            or token.folded in ROLE_TITLES
            or token.folded in CIVIL_TITLE_WORDS
            or any(s.start <= token.start < s.end for s in found)
            # a word of the lexicons opening a line opens its sentence ("Monsieur⏎Vous…")
            or "\n" in text[tokens[index - 1].end : token.start]
        ):
            continue
        title = _civil_title(text, tokens, index)
        titled = (
            title is not None
            or _role_title(text, tokens, index)
            or (tokens[index - 1].folded in _SHOPS and joined(text, tokens[index - 1], token))
        )
        if not titled:
            continue
        head = index - (2 if title is None else 1 + len(text[title[0] : token.start].split()))
        if head >= 0 and tokens[head].is_capitalised and tokens[head].folded in not_name_words():
            continue
        spans.append(
            Span(
                title[0] if title else token.start,
                token.end,
                "name",
                "rule",
                person=third_party_ref(text, [token]),
                title_sex=title[1] if title else None,
            )
        )
    return spans


def _senders(text: str, tokens: Sequence[Token]) -> list[Span]:
    """The name after the sender's label of a quoted e-mail, whatever its words: "De :
    Ghislaine Delhaize" (a surname that is also a shop's), not "Von: Sozialdienst" (a label of
    the lexicons opens it)."""
    if ":" not in text:
        return []
    spans = []
    for match in _SENDER_LINE.finditer(text):
        start, end = match.span("name")
        words = _tokens_within(tokens, start, end)
        names = [t for t in words if t.folded not in PARTICLES]
        if (
            not names
            or len(names) > _MAX_RUN
            # "Von: Sozialdienst": one word is a person only if it is a first name or a pet
            # name of one ("Von: Hansi")
            or (len(names) == 1 and not is_first_name(names[0].folded))
            or not all(t.is_capitalised for t in names)
            or names[0].folded in not_name_words()
            or text[start:end].strip(" \t.'’-") != text[words[0].start : words[-1].end]
        ):
            continue
        spans.append(Span(words[0].start, words[-1].end, "name", "rule",
                          person=third_party_ref(text, words)))
    return spans


# Who a chat transcript's message comes from when it is no person's name: the writer himself
# ("Moi", "Ik", "Ich"), the reader ("Vous", "U", "Sie"), a number nobody saved ("Inconnu",
# "Numéro masqué"), a service or a place ("Accueil", "Onthaal", "Sekretariat", "Kita"); and
# the entries of a case log written alike ("12/03/2026 10:00 - Appel: …", "Hausbesuch: …").
_NOT_CHAT_SENDERS = frozenset(
    fold(word)
    for word in """moi me je nous vous toi tu ik mij wij jij u ich mir mich wir sie du you
    inconnu inconnue onbekend unbekannt unknown anonyme anoniem anonym numéro nummer
    accueil secrétariat guichet standard bureau direction équipe syndic crèche garderie
    onthaal secretariaat loket directie team baas kinderopvang opvang dienst
    empfang sekretariat büro zentrale leitung sozialdienst kita kindergarten
    helpdesk support info
    appel rappel réunion courrier mail email sms message passage audience paiement versement
    note notes visite rdv rendez-vous entretien permanence téléphone tél contact demande
    réponse relance envoi réception document
    bezoek huisbezoek afspraak gesprek vergadering brief betaling nota zitting conclusie
    herinnering telefoon oproep bericht antwoord aanvraag
    hausbesuch anruf rückruf besuch notiz sprechstunde nachricht antwort anfrage kontakt
    termin""".split()  # noqa: SIM905
)
# An acronym this short sending a message is a service ("AS", "TS" for the social worker).
_SHORTEST_CAPITALS_SENDER = 4


def _chat_message_senders(text: str, tokens: Sequence[Token], language: str) -> list[Span]:
    """The sender of each message of a chat transcript ("[08/07/2026, 10:13] Josy: …", "Andrii
    Vermieter (10:13): …"): its capitalised words up to a role noun or a word in lower case
    ("Aurélie proprio"), whatever the name after a time; after a word ("Nota (10:00): …" is a
    note), a first name or a role after it. Not a pronoun ("Moi:"), a service, a label or an
    institution of the lexicons ("CPAS:", "Accueil:"), a role alone ("Assistante sociale:"),
    a short acronym, nor in German a noun ("Hausverwaltung:")."""
    spans = []
    for start, end, dated in chat_senders(text):
        within = _tokens_within(tokens, start, end)
        names: list[Token] = []
        for token in within:
            if not token.is_capitalised or token.folded in role_words():
                break
            names.append(token)
        if not names or fold(text[start:end]) in _NOT_CHAT_SENDERS or any(
            t.folded in _NOT_CHAT_SENDERS
            or t.folded in not_name_words()
            or t.folded in common_words()
            or t.folded in municipalities()
            or (t.text.isupper() and len(t.text) < _SHORTEST_CAPITALS_SENDER)
            or (
                language == "de"
                and t.folded.endswith(GERMAN_NOUN_ENDINGS)
                and t.folded not in first_names()
            )
            for t in names
        ):
            continue
        if not dated and not (
            any(is_first_name(t.folded) for t in names) or len(within) > len(names)
        ):
            continue
        spans.append(Span(names[0].start, names[-1].end, "name", "rule",
                          person=third_party_ref(text, names)))
    return spans


# Initials: "N.G.", "M.-C. R.", "Ö.K.", "E. V."
_INITIALS = re.compile(
    rf"[{_CAPITAL}](?<![\w.][{_CAPITAL}])\.(?:[ \t]?-?[{_CAPITAL}]\.){{0,2}}"
    rf"[ \t]?[{_CAPITAL}]\.(?!\w)"
)
# Undotted initials ("AC", "KN") only between commas or brackets after a role noun.
_BARE_INITIALS = re.compile(rf"[{_CAPITAL}](?<![\w.][{_CAPITAL}])[{_CAPITAL}]{{1,2}}(?=[ \t]*[,)])")
# Abbreviations written like initials: arrêté royal, Moniteur belge, company forms…
_NOT_INITIALS = frozenset(
    """AR KB MB BS PS NB SA NV BV CV RG EU UE VZW ASBL SPRL SRL BVBA GMBH AG AM PM OK IE EG
    ZB UA OA DH CAD DWZ BE NL DE FR LU USA UK PC AZ UZ""".split()  # noqa: SIM905
)
# Words that introduce a person: "chez Y.K.", "bij M.J.", "von M.J.", "en la personne de M.C.".
_INTRODUCES_PERSON = re.compile(
    r"(?<!\w)(?:chez|avec|par|en la personne d[e'’]|bij|met|door|voor|bei|mit|von|durch)[ \t]*$",
    re.IGNORECASE,
)
# Who wrote a note or a report: a dated note's author before its colon ("13.05.2026 — K.L. :
# RDV…", "2026-03-04 - J.F.R.: appel"), or the initials after an author's label ("Rédigé par :
# D.E.", "Verfasst von: A.L.", "Opgesteld door: N.B."). There an abbreviation's letters are
# initials too ("C.V.", "N.B.").
_NOTE_AUTHOR_BEFORE = re.compile(
    r"(?:^[ \t]*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]*[-–—|,][ \t]*"
    r"|(?:r[ée]dig[ée]e?(?:\(e\))?|[ée]crit|sign[ée]|verfasst|erstellt|geschrieben|"
    r"unterzeichnet|opgesteld|geschreven|ondertekend)[ \t]+(?:par|von|door)[ \t]*:?[ \t]*"
    r"|(?:auteur|verfasser(?:in)?|autor(?:in)?|redacteur|opsteller|paraphe|visa)[ \t]*:[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_NOTE_AUTHOR_AFTER = re.compile(r"[ \t]*(?::|\||$)", re.MULTILINE)
# A contact or a visit with someone: "appel de K.L.", "telefoon van A.D.", "HB bei M.S."
_CONTACT_WITH = re.compile(
    r"(?<!\w)(?:appel|mail|courriel|visite|entretien|telefoon|oproep|bezoek|huisbezoek|gesprek"
    r"|anruf|besuch|hausbesuch|hb)[ \t]+(?:de|d[’']|van|vom|bij|bei|von)[ \t]*$",
    re.IGNORECASE,
)


def _note_author(text: str, start: int, end: int) -> bool:
    """The initials between ``start`` and ``end`` sign a dated note or a report."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        _NOTE_AUTHOR_BEFORE.search(text, line_start, start) is not None
        and _NOTE_AUTHOR_AFTER.match(text, end) is not None
    )


def find_initials(text: str, tokens: Sequence[Token]) -> list[Span]:
    """Initials of someone nobody listed, where a role, a title or a preposition introducing a
    person stands before them, or where they sign a note."""
    spans = []
    for pattern, bare in ((_INITIALS, False), (_BARE_INITIALS, True)):
        for match in pattern.finditer(text):
            letters = re.sub(r"[^\w]", "", match.group())
            index = bisect.bisect_left(tokens, match.start(), key=lambda t: t.start)
            if not bare and _note_author(text, match.start(), match.end()):
                spans.append(Span(match.start(), match.end(), "name", "rule",
                                  person=_initials_ref(letters)))
                continue
            if letters.upper() in _NOT_INITIALS or index == 0:
                continue
            if bare:
                gap = text[tokens[index - 1].end : match.start()].strip()
                introduced = gap in (",", "(") and role_before(text, tokens, index)
            else:
                introduced = (
                    _civil_title(text, tokens, index) is not None
                    or _role_title(text, tokens, index)
                    or _INTRODUCES_PERSON.search(text, max(0, match.start() - 25), match.start())
                    is not None
                    or _CONTACT_WITH.search(text, max(0, match.start() - 25), match.start())
                    is not None
                    or role_before(text, tokens, index)
                )
            if introduced:
                spans.append(Span(match.start(), match.end(), "name", "rule",
                                  person=_initials_ref(letters)))
    return spans


def _tokens_within(tokens: Sequence[Token], start: int, end: int) -> Sequence[Token]:
    first = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    return tokens[first:last]


def _initials_ref(letters: str) -> PersonRef:
    return PersonRef(
        key=f"third:|initials {fold(letters)}",
        display=letters,
        relation="third_party",
    )


# A nickname in quotes next to a verb of naming: "que tout le monde appelle « Flo »", "Thijs
# noemt haar “Kat”", "door iedereen ‘Bartje’ genoemd", "von allen „Sepp“ genannt".
_QUOTED = re.compile(
    rf"[«“„‘\"'‹‚][ \t\u00a0]?([{_CAPITAL}][\w'’-]*(?:[ -][{_CAPITAL}][\w'’-]*)?)"
    rf"[ \t\u00a0]?[»”“’\"'›‘]"
)
_NAMING = re.compile(
    r"(?<!\w)(?:appel\w*|surnom\w*|nomm\w*|dit|dite|alias|noem\w*|genoemd|bijnaam|heet|heten"
    r"|nenn\w*|nannte\w*|genannt|spitzname\w*|rufname|gerufen|called)(?!\w)",
    re.IGNORECASE,
)
_NAMING_REACH = 30


def find_nicknames(text: str, tokens: Sequence[Token]) -> list[Span]:
    """A capitalised word in quotes with a verb of naming right before or after it."""
    if not any(q in text for q in "«“„‘\"'‹‚"):
        return []
    spans = []
    for match in _QUOTED.finditer(text):
        before = re.split(r"[.;!?\n]", text[max(0, match.start() - _NAMING_REACH) : match.start()])
        after = re.split(r"[.;!?\n]", text[match.end() : match.end() + _NAMING_REACH])
        if not (_NAMING.search(before[-1]) or _NAMING.search(after[0])):
            continue
        words = _tokens_within(tokens, match.start(1), match.end(1))
        if not words or all(w.folded in not_name_words() for w in words):
            continue
        spans.append(Span(match.start(1), match.end(1), "name", "rule",
                          person=third_party_ref(text, words)))
    return spans


def is_not_person(tokens: Sequence[Token], run: Run) -> bool:
    """A disease named after a person ("d'Alzheimer", "ziekte van Parkinson"), an occupation
    that is also a surname after "comme", "als", "Beruf" ("comme Boulanger"), a holiday."""
    words = [t.folded for t in tokens[run.first : run.last + 1] if t.folded not in PARTICLES]
    previous = [t.folded for t in tokens[max(0, run.first - 3) : run.first]]
    return names_a_thing(words, previous, [t.folded for t in tokens[run.last + 1 : run.last + 3]])


def is_place(text: str, words: Sequence[Token], municipality: str | None = None) -> bool:
    """True for a place, which stays: "Namur", "Louvain-la-Neuve", "Marche" written inside
    "Marche-en-Famenne", the centre's own municipality, and a compound named after a saint
    ("Haine-Saint-Pierre", "Sint-Genesius-Rode", "clinique Saint-Luc")."""
    start, end = words[0].start, words[-1].end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] in "-'’"):
        end += 1
    own = fold(municipality or "")

    def place(written: str) -> bool:
        return written in municipalities() or written == own

    written = (fold(text[words[0].start : words[-1].end]), fold(text[start:end]))
    if (_SAINT_COMPOUND.search(written[1]) or named_after_saint(text, words[0].start)
            or (len(words) > 1 and words[0].folded in SAINT_WORDS)):
        return True  # "Haine-Saint-Pierre", "Sankt Augustin", "St. Vith"
    # "Van Damme", "Van Geel": a particle before a place makes a surname, unless a municipal
    # body names its municipality ("CPAS DE SOIGNIES", "OCMW van Geel")
    return any(place(w) for w in written) or (
        (words[0].folded not in PARTICLES or _after_municipal_body(text, words[0].start))
        and all(place(w.folded) or w.folded in PARTICLES for w in words)
    )


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")


def _after_municipal_body(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    return before is not None and fold(before.group(1)) in MUNICIPAL_BODIES


def third_party_ref(text: str, words: Sequence[Token], scope: str | None = None) -> PersonRef:
    """A person nobody listed, found in the item of dossier ``scope`` (None: anywhere in the
    meeting, as a name a reviewer gave). The key holds the scope: the same written name in two
    items is one person only if the registry finds them to be (see ``Registry.canonical``)."""
    significant = tuple(t.folded for t in words if t.folded not in PARTICLES and len(t.folded) > 1)
    display = text[words[0].start : words[-1].end]
    return PersonRef(
        key=f"third:{scope or ''}|" + " ".join(significant or (words[-1].folded,)),
        display=display,
        relation="third_party",
        tokens=significant,
        surname=significant[-1:],
        scope=scope,
    )


def in_scope(ref: PersonRef, scope: str) -> PersonRef:
    """A third party found by a layer, placed in the item of dossier ``scope``."""
    return replace(ref, scope=scope, key=f"third:{scope}|" + ref.key.split("|", 1)[1])
