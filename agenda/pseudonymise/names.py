"""Layer (a): the people the dossiers name, in every written form.

A name is matched part by part on folded tokens, so case, accents, hyphens and particles do not
matter: "Mme STÉVENART Marie-Claire", "Marie Claire Stevenart", "VAN DEN BROECK", "Vandenbroeck"
and "N'Diaye" are all found, and a first name's short forms ("Piet", "Pietje" for Pieter, see
``lexicon.diminutives``) or truncations ("Gwen" for Gwendoline, "Stof" for Kristof, "Moni" for
Monika, "Huppi" for Hubertus, "Dada" for Gerarda, see ``Truncations``), any word with a
person's date of birth in brackets after it ("Bodya (07/07/18)"), a name letter-spaced
("W É R Y"), and initials with or without dots ("M.-L. S.", "JB"). Adjacent parts, initials,
particles and a civil title make one mention, which gets one pseudonym.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Generic, TypeVar

from agenda.pseudonymise.dossier import Dossier, Person
from agenda.pseudonymise.lexicon import (
    DETERMINERS,
    GERMAN_NOUN_ENDINGS,
    MONTHS,
    PARTICLES,
    PLACEHOLDERS,
    abbreviations,
    common_words,
    diminutives,
    first_names,
    municipalities,
    names_institution,
    not_name_words,
    role_words,
)
from agenda.pseudonymise.mentions import (
    birth_date_after,
    civil_title_before,
    initial_before,
    joined,
    person_cue,
    spaced_words,
)
from agenda.pseudonymise.spans import PersonRef, Span
from agenda.pseudonymise.text import Token, fold, name_parts, sentence_start
from agenda.pseudonymise.thirdparty import third_party_ref


def person_ref(person: Person, reference: str | None) -> PersonRef:
    birth = person.birth_date.isoformat() if person.birth_date else ""
    first = ",".join(fold(name) for name in person.first_names)
    return PersonRef(
        key=f"dossier:{fold(person.last_name)}|{first}|{birth}",
        display=person.full_name,
        relation=person.relation,
        sex=person.sex if person.sex in ("F", "M") else None,
        birth_date=person.birth_date,
        reference=reference,
        tokens=tuple(name_parts(f"{person.full_name} {person.full_name.replace('ß', 'ss')}")),
        surname=tuple(
            part
            for part in name_parts(f"{person.last_name} {person.last_name.replace('ß', 'ss')}")
            if part not in PARTICLES
        ),
        scope=reference,
    )


_FIRST, _SURNAME = 2, 1  # a first name tells who is meant more surely than a surname


@dataclass(frozen=True)
class _Form:
    parts: tuple[str, ...]
    kind: str  # "first", "short" (a first name's short form: capitalised only) or "surname"
    person: int  # index into KnownNames.people


@dataclass
class _Hit:
    start: int
    end: int
    first_token: int
    last_token: int
    people: dict[int, int]  # person index → score (a first name counts more than a surname)
    surnamed: frozenset[int] = frozenset()  # the people whose surname these tokens spell


@lru_cache(maxsize=4096)  # a meeting's names, and the nicknames of common first names, recur
def _forms(name: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """Written forms of one name: all parts, glued parts, and each significant part alone."""
    forms = _plain_forms(name_parts(name), kind)
    if "ß" in name:  # "Keßler" is "KESSLER" in capitals
        forms += _plain_forms(name_parts(name.replace("ß", "ss")), kind)
    return tuple(forms)


def _plain_forms(parts: list[str], kind: str) -> list[tuple[str, ...]]:
    significant = [p for p in parts if p not in PARTICLES and len(p) >= 2] or parts
    forms = [tuple(parts), *((p,) for p in significant)]
    if len(parts) > 1:
        forms.append(("".join(parts),))
    if kind == "surname" and len(parts) > 2:
        # "Vanden Broeck": the particles glued together, the surname apart.
        forms.append(("".join(parts[:-1]), parts[-1]))
    return forms


class KnownNames:
    """Every person of the dossiers of one meeting; a report's own dossier is preferred."""

    def __init__(self, dossiers: Sequence[Dossier]) -> None:
        self.people: list[tuple[PersonRef, int, Person]] = []
        # First part → written parts → the forms spelled so (one per person bearing it).
        self._forms: dict[str, dict[tuple[str, ...], list[_Form]]] = {}
        # Initials ("MS" for Marie Stévenart, "MLS" for Marie-Louise) → the people bearing them.
        self._initials: dict[str, list[int]] = {}
        self._truncations: Truncations[int] = Truncations()
        self._born: dict[date, list[int]] = {}  # a date of birth → the people born that day
        self._languages = [dossier.language for dossier in dossiers]
        for dossier_index, dossier in enumerate(dossiers):
            for person in dossier.persons:
                index = len(self.people)
                self.people.append((person_ref(person, dossier.reference), dossier_index, person))
                for first_name in person.first_names:
                    self._add(first_name, "first", index)
                    self._truncations.add(first_name, index)
                    for short in diminutives(first_name):
                        self._add(short, "short", index)
                if len(person.first_names) > 1:  # "Marie Louise", called "Malou"
                    for short in diminutives("-".join(person.first_names[:2])):
                        self._add(short, "short", index)
                self._add(person.last_name, "surname", index)
                for letters in person_initials(person):
                    self._initials.setdefault(letters, []).append(index)
                if person.birth_date:
                    self._born.setdefault(person.birth_date, []).append(index)

    def _add(self, name: str, kind: str, person: int) -> None:
        for parts in _forms(name, kind):
            by_parts = self._forms.setdefault(parts[0], {})
            by_parts.setdefault(parts, []).append(_Form(parts, kind, person))

    def find(self, text: str, tokens: Sequence[Token], dossier_index: int) -> list[Span]:
        hits = self._hits(text, tokens, dossier_index)
        mentions = [
            self._mention(text, tokens, group, dossier_index)
            for group in _group(text, tokens, hits)
        ]
        return mentions

    def find_initials(self, text: str, dossier_index: int) -> list[Span]:
        """A person written by their initials, with dots or without ("M.S.", "M.-L. S.", "JB"):
        the person of the report's own dossier when several bear them; when two of its own
        do, a placeholder (the initials go, nobody's letter is given to them). Without dots,
        only the report's own people: in a meeting of many dossiers most pairs of capitals
        are somebody's initials. An abbreviation of the report's language that looks like
        initials ("CV", "NV") counts only where the text says whose they are ("dossier NV",
        "RDV avec NB")."""
        spans = []
        language = self._languages[dossier_index] or "fr"
        for start, end, letters in initials_in(text):
            people = self._initials.get(letters)
            if not people or not initials_here(text, start, end, letters, language):
                continue
            own = [i for i in people if self.people[i][1] == dossier_index]
            if not own and "." not in text[start:end]:
                continue  # a meeting's many people bear most pairs of capitals: its own only
            chosen = own if own else people
            if len({self.people[i][0].key for i in chosen}) == 1:
                spans.append(Span(start, end, "name", "dossier", person=self.people[chosen[0]][0]))
            elif own:
                spans.append(Span(start, end, "name", "dossier",
                                  PLACEHOLDERS.get(language, PLACEHOLDERS["fr"])["initials"]))
        return spans

    def _hits(self, text: str, tokens: Sequence[Token], dossier_index: int) -> list[_Hit]:
        hits: list[_Hit] = []
        spaced = {start: (end, letters) for start, end, letters in spaced_words(text)}
        i = 0
        while i < len(tokens):
            size, forms = self._longest(text, tokens, i)
            if not forms and tokens[i].is_capitalised:  # the rules below need a capital
                size, forms = self._split(text, tokens, i, spaced)
                if not forms:
                    size, forms = 1, self._shortened(text, tokens, i, dossier_index)
                if not forms:
                    forms = self._born_so(text, tokens, i, dossier_index)
            if (
                not forms
                or _ordinary_word(tokens[i : i + size])
                or (not tokens[i].is_capitalised and all(f.kind == "short" for f in forms))
                or (size == 1 and self._in_someone_elses_institution(text, tokens, i))
            ):
                i += 1
                continue
            hits.append(self._hit(tokens, i, size, forms, dossier_index))
            i += size
        return hits

    def _in_someone_elses_institution(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        """ "Athénée Adolphe Max", "Hôpital Marie Curie": a dossier's "Max" or "Marie" as one
        word of another person's name that an institution bears. The dossier person's own full
        name after "Hôpital" still goes."""
        for left, right in ((i - 1, i), (i, i + 1)):
            if left < 0 or right >= len(tokens) or not joined(text, tokens[left], tokens[right]):
                continue
            other = tokens[right if left == i else left]
            if (
                other.is_capitalised
                and other.folded not in self._forms
                and names_institution(text, tokens[left].start, tokens[right].end)
            ):
                return True
        return False

    def _longest(self, text: str, tokens: Sequence[Token], i: int) -> tuple[int, list[_Form]]:
        """The longest forms spelled from tokens[i]; a German or Dutch genitive ("Sandras")
        counts as the name."""
        best: tuple[int, list[_Form]] = (0, [])
        for parts, forms in self._forms.get(tokens[i].folded, {}).items():
            size = len(parts)
            if size >= best[0] and _spelled(text, tokens, i, parts):
                best = (size, [*best[1], *forms] if size == best[0] else list(forms))
        token = tokens[i]
        if not best[1] and token.is_capitalised and token.folded.endswith("s"):
            best = (1, list(self._forms.get(token.folded[:-1], {}).get((token.folded[:-1],), ())))
        return best

    def _split(
        self, text: str, tokens: Sequence[Token], i: int, spaced: dict[int, tuple[int, str]]
    ) -> tuple[int, list[_Form]]:
        """A name written apart: letter-spaced ("W É R Y", ``spaced``: start → end, letters)
        or cut in two by a space, its tail in lower case ("No wak", not "Du mont": neither
        part a particle or a word); (tokens it takes, the names' forms)."""
        token = tokens[i]
        if token.start in spaced:
            end, written = spaced[token.start]
            size = bisect.bisect_left(tokens, end, lo=i, key=lambda t: t.start) - i
        elif cut_in_two(text, tokens, i):
            size, written = 2, token.folded + tokens[i + 1].folded
        else:
            return 0, []
        forms = self._forms.get(written, {}).get((written,), ())
        return size, [form for form in forms if form.kind != "short"]

    def _shortened(
        self, text: str, tokens: Sequence[Token], i: int, dossier_index: int
    ) -> list[_Form]:
        """A truncation of a dossier first name, capitalised ("Gwen", "Stof", "Moni"). Where
        the word could be something else the text must say it is a person (``person_cue``, or
        the person's surname after it): in German, which capitalises its nouns; at a
        sentence's start; for a particle ("Ben") or another common first name ("Paul" for
        Pauline). After an article ("in der Regel") it is a noun; after a civil title
        ("Herr Pauly", "Mme Wéry") or a first name ("Anne Wéry") a surname; before another
        name ("Van Damme", "Paul Martin") it starts somebody else's."""
        token = tokens[i]
        word = token.folded
        language = self._languages[dossier_index]
        people = self._truncations.owners(word, language) if may_be_short_form(token) else {}
        if not people or (
            (
                i > 0
                and tokens[i - 1].folded in DETERMINERS
                and text[tokens[i - 1].end : token.start] == " "
            )
            or civil_title_before(text, tokens, i) is not None
        ):
            return []
        surname_follows = self._surname_follows(text, tokens, i, people)
        if (_name_follows(text, tokens, i) and not surname_follows) or self._after_a_first_name(
            text, tokens, i
        ):
            return []
        doubtful = not any(people.values()) and (
            language not in ("fr", "nl")
            or sentence_start(text, token.start)
            or word in first_names()
            or word in PARTICLES
        )
        if doubtful and not (
            surname_follows
            or person_cue(text, tokens, i)
            or _cued_elsewhere(text, tokens, i)
            or acts_as_person(text, tokens, i)
        ):
            return []
        return [_Form((word,), "short", person) for person in sorted(people)]

    def _born_so(
        self, text: str, tokens: Sequence[Token], i: int, dossier_index: int
    ) -> list[_Form]:
        """A word no rule knows, given a dossier person's date of birth in brackets right
        after it ("Huppi (28.12.2007) besucht…", "Bodya (07/07/18) est scolarisé"): a pet
        name of that person, whatever its making; the report's own people first. Not a word
        nor a noun after an article ("der Antrag (…)"), nor the last of a run of names ("Marc
        Lenoir (12.03.1980)": somebody's full name)."""
        token = tokens[i]
        born = birth_date_after(text, token.end, self._born)
        if (
            born is None
            or len(token.folded) < 2
            or token.folded in _ordinary_words()
            or (i > 0 and tokens[i - 1].folded in DETERMINERS)
            or (i > 0 and tokens[i - 1].is_capitalised and joined(text, tokens[i - 1], token))
        ):
            return []
        people = self._born[born]
        own = [p for p in people if self.people[p][1] == dossier_index]
        return [_Form((token.folded,), "short", person) for person in own or people]

    def _after_a_first_name(self, text: str, tokens: Sequence[Token], i: int) -> bool:
        previous = tokens[i - 1] if i > 0 else None
        return (
            previous is not None
            and previous.is_capitalised
            and joined(text, previous, tokens[i])
            and (previous.folded in first_names() or previous.folded in self._forms)
        )

    def _surname_follows(
        self, text: str, tokens: Sequence[Token], i: int, people: Iterable[int]
    ) -> bool:
        following = i + 1
        return (
            following < len(tokens)
            and joined(text, tokens[i], tokens[following])
            and any(tokens[following].folded in self.people[p][0].surname for p in people)
        )

    def _hit(
        self, tokens: Sequence[Token], i: int, size: int, forms: list[_Form], dossier_index: int
    ) -> _Hit:
        own = [f for f in forms if self.people[f.person][1] == dossier_index]
        people: dict[int, int] = {}
        for form in own or forms:
            weight = _SURNAME if form.kind == "surname" else _FIRST
            people[form.person] = max(people.get(form.person, 0), weight)
        surnamed = frozenset(f.person for f in own or forms if f.kind == "surname")
        return _Hit(tokens[i].start, tokens[i + size - 1].end, i, i + size - 1, people, surnamed)

    def _mention(
        self, text: str, tokens: Sequence[Token], group: list[_Hit], dossier_index: int
    ) -> Span:
        first, last = group[0].first_token, group[-1].last_token
        title = civil_title_before(text, tokens, first)
        title_sex = title[1] if title else None
        scores: dict[int, int] = {}
        for hit in group:
            for person, score in hit.people.items():
                scores[person] = scores.get(person, 0) + score

        def clash(person: int) -> bool:
            """A civil title that cannot be this person's ("Herr" before a woman's or a child's
            surname) means somebody else."""
            ref = self.people[person][0]
            return title_sex is not None and (
                ref.relation == "child" or (ref.sex is not None and ref.sex != title_sex)
            )

        chosen = min(scores, key=lambda person: (-scores[person], clash(person), person))
        named_by_first = any(hit.people.get(chosen) == _FIRST for hit in group)
        # Another item's person only with their surname: "Lina" here is not the other
        # family's Lina Dupont, but someone the layers treat as unlisted (own letter).
        stranger = self.people[chosen][1] != dossier_index and not any(
            chosen in hit.surnamed for hit in group
        )
        if stranger or (clash(chosen) and not named_by_first):
            # "Herr Pauly" in the file of Mrs Pauly-Hick: a relative nobody listed.
            words = tokens[first : last + 1]
            start = title[0] if title else words[0].start
            ref = third_party_ref(text, words)
            return Span(start, words[-1].end, "name", "rule", person=ref, title_sex=title_sex)
        ref, _, person = self.people[chosen]
        first = _extend_left(text, tokens, first, person)
        last = _extend_right(text, tokens, last, person)
        start = tokens[first].start
        title = civil_title_before(text, tokens, first)
        if title is not None:
            start, title_sex = title
        end = tokens[last].end + (
            1
            if len(tokens[last].text) == 1 and text[tokens[last].end : tokens[last].end + 1] == "."
            else 0
        )
        return Span(start, end, "name", "dossier", person=ref, title_sex=title_sex)


_CAPITAL = "[A-ZÀ-ÖØ-Þ]"
_INITIALS = re.compile(
    rf"(?<![\w.&/'’-])(?:"
    # with dots: "M.S.", "M.-L. S.", "J. D.", "J.D" (the last dot forgotten)
    rf"(?:{_CAPITAL}\.[ \t]?-?[ \t]?){{1,3}}{_CAPITAL}\.?"
    # a compound first name's, then the surname's: "J-P D."
    rf"|{_CAPITAL}-{_CAPITAL}\.?[ \t]{_CAPITAL}\."
    # without dots: "JB", "MLS", "J-P", "ÉH" (a word in capitals of two to four letters)
    rf"|(?:{_CAPITAL}-?){{1,3}}{_CAPITAL}"
    rf")(?![\w&/'’]|[.-]\w)"
)
# Words after which capitals are the initials of the person a text is about: "dossier N.V.",
# "Betreff: Akte M. P.", "Onderwerp: betrokkene J.V.".
_INITIALS_CUES = frozenset(
    {"dossier", "dossiers", "ref", "objet", "concerne", "client", "cliente", "demandeur",
     "demanderesse", "onderwerp", "betreft", "betrokkene", "aanvrager", "aanvraagster", "klant",
     "akte", "fall", "betreff", "klient", "klientin", "antragsteller", "antragstellerin"}
)


def initials_in(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, capitals) of what may be initials (to check with ``initials_here``)."""
    for match in _INITIALS.finditer(text):
        yield match.start(), match.end(), re.sub(r"[^A-Z]", "", fold(match.group()).upper())


def initials_here(
    text: str, start: int, end: int, letters: str, language: str | None = None
) -> bool:
    """Whether the capitals at text[start:end] are initials: not an abbreviation that looks
    like them (of the report's ``language`` or every language) unless the text says they are
    somebody's (``_person_s_initials``), and, without dots, not in a line written in capitals
    (a heading) nor next to another word in capitals."""
    dotted = "." in text[start:end]
    if letters in abbreviations(dotted, language) and not _person_s_initials(
        text, start, end, letters, language
    ):
        return False
    return dotted or not _among_capitals(text, start, end)


# E-mail subjects' prefixes, which stand between "Betreff:" and what the mail is about.
_REPLY_PREFIXES = re.compile(r"(?:(?<![^\W\d_])(?:re|aw|tr|wg|fw|fwd)[ \t]*:[ \t]*)+$", re.I)


def _among_capitals(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not any(c.islower() for c in line):
        return True
    leading = _REPLY_PREFIXES.sub("", text[line_start:start])  # "RE: HP" is no heading
    before = re.search(r"([^\W\d_]+)[ \t]*$", leading)
    after = re.match(r"[ \t]*([^\W\d_]+)", text[end : len(text) if line_end < 0 else line_end])
    return any(m is not None and len(m.group(1)) > 1 and m.group(1).isupper()
               for m in (before, after))


# A note of contact, a word perhaps, then a preposition, right before capitals: they are the
# person met or heard ("Anruf von KB", "RDV avec NB", "tél. de N.B. :", "entretien
# téléphonique avec NB", "gesprek gehad met G.L.").
_CONTACT_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:anruf|telefonat|termin|gesprach|treffen|besuch|nachricht|kontakt|rdv"
    r"|rendez-vous|entretien|appel|tel|telephone|courriel|mail|e-mail|message|visite|reunion"
    r"|contact|afspraak|gesprek|telefoon|oproep|bezoek|bericht)\.?[ \t]+(?:[^\W\d_]+[ \t]+)?"
    r"(?:von|mit|bei|avec|de|du|chez|aupres de|met|van|bij)[ \t]+$"
)
# Abbreviations that open a remark ("NB :", "P.S."): after a word in lower case ("vu avec
# NB", "tel. van N.B.") they are somebody's initials.
_OPENING_A_REMARK = frozenset({"NB", "PS"})
_LOWER_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[a-zà-öø-ÿ]+[ \t]+$")
# Another person named next to the capitals: "KB und Leyla", "NB et Méli", "Jan en K.B.".
_PERSON_AND_AFTER = re.compile(r"[ \t]+(?:und|et|en|and)[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")
_PERSON_AND_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+[ \t]+(?:und|et|en|and)[ \t]+$")
# Dotted capitals a space apart, then a verb: "N. B. apporte" (an abbreviation is written
# tight: "N.B. :"; and it takes an article, "au M. B. du 3 mai").
_SPACED_DOTTED = re.compile(r"[A-ZÀ-ÖØ-Þ]\.(?:[ \t]+[A-ZÀ-ÖØ-Þ]\.)+")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-zà-öø-ÿ]{3,})")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _person_s_initials(
    text: str, start: int, end: int, letters: str, language: str | None
) -> bool:
    """Whether the text says capitals that make an abbreviation are somebody's initials: a
    word such as "dossier", "Akte", "Betreff" before them (past the e-mail prefixes: "Betreff:
    RE: HP"), a note of contact, a word in lower case before what opens a remark ("NB"),
    another person named with them (not in German, where "und" joins nouns as capitalised:
    "TV und Internet"), or, written with dots a space apart and no article before, a verb
    after them."""
    before = text[max(0, start - 40) : start]
    cue = re.search(r"([^\W\d_]+)\W{0,3}$", _REPLY_PREFIXES.sub("", before))
    if (
        (cue is not None and fold(cue.group(1)) in _INITIALS_CUES)
        or _CONTACT_BEFORE.search(fold(before))
        or (letters in _OPENING_A_REMARK and _LOWER_WORD_BEFORE.search(before))
    ):
        return True
    if language != "de" and (
        _PERSON_AND_AFTER.match(text, end) or _PERSON_AND_BEFORE.search(before)
    ):
        return True
    if _SPACED_DOTTED.fullmatch(text, start, end) is None:
        return False
    verb = _LOWER_WORD_AFTER.match(text, end)
    article = _WORD_BEFORE.search(before)
    return (
        verb is not None
        and verb.group(1) not in DETERMINERS
        and verb.group(1) not in PARTICLES
        and (article is None or fold(article.group(1)) not in DETERMINERS)
    )


def person_initials(person: Person) -> frozenset[str]:
    """The initials a person may sign with: one or more first-name initials, then the
    surname's ("MS", "MLS" for Marie-Louise Stévenart, "LS" for her second first name), the
    surname's first, the first past its particles or its last part ("EB", "EVDB" or "EV" for
    Elisabeth Van den Broeck, "NK" for Nicolas El Khattabi); a compound first name alone
    ("JB" for Jean-Baptiste)."""
    return _initials_of(person.first_names, person.last_name)


@lru_cache(maxsize=4096)
def _initials_of(first_names: tuple[str, ...], last_name: str) -> frozenset[str]:
    surname = name_parts(last_name)
    if not surname or not first_names:
        return frozenset()
    main = next((p for p in surname if p not in PARTICLES), surname[-1])
    lasts = {_capital(surname[0]), _capital(main), _capital(surname[-1])}
    lasts.add("".join(_capital(part) for part in surname))
    firsts = [_capital(part) for name in first_names for part in name_parts(name)]
    found = set()
    for last in lasts:
        found |= {"".join(firsts[: k + 1]) + last for k in range(len(firsts))}
        found |= {first + last for first in firsts}
        found |= {last + first for first in firsts}  # the surname first: "B. P." for Pierre B.
    for name in first_names:
        parts = name_parts(name)
        if len(parts) > 1:
            found.add("".join(_capital(part) for part in parts))
    return frozenset(f for f in found if len(f) >= 2)


def _capital(word: str) -> str:
    return fold(word)[:1].upper()


def cut_in_two(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] and the next may be one name cut by a space ("No wak"): a capital,
    one space, a tail in lower case, neither a particle nor a word ("Du mont" is no name)."""
    return (
        i + 1 < len(tokens)
        and tokens[i].is_capitalised
        and tokens[i + 1].is_lower
        and text[tokens[i].end : tokens[i + 1].start] == " "
        and len(tokens[i].folded) + len(tokens[i + 1].folded) >= _SHORTEST_SPLIT
        and tokens[i].folded not in _not_name_pieces()
        and tokens[i + 1].folded not in _not_name_pieces()
    )


def _cued_elsewhere(text: str, tokens: Sequence[Token], i: int) -> bool:
    """The same word, capitalised, is said to be a person elsewhere in the text ("Mel (7 ans)",
    "[10:13] Mel: …"): the text has told whom it names."""
    word = tokens[i].folded
    return any(
        k != i and token.folded == word and token.is_capitalised and person_cue(text, tokens, k)
        for k, token in enumerate(tokens)
    )


def _name_follows(text: str, tokens: Sequence[Token], i: int) -> bool:
    following = i + 1
    return (
        following < len(tokens)
        and tokens[following].is_capitalised
        and joined(text, tokens[i], tokens[following])
    )


def may_be_short_form(token: Token) -> bool:
    """A capitalised word ("Gwen", not "GWEN" nor "gwen") of three letters or more that is no
    ordinary word, label, institution, place, month, role or article."""
    return (
        len(token.folded) >= _SHORTEST
        and token.is_capitalised
        and not token.text.isupper()
        and token.folded not in _ordinary_words()
    )


# Prepositions of company: "avec Bernie", "bei Miha", "met Yoyo".
_IN_COMPANY = frozenset({"avec", "chez", "mit", "bei", "met", "bij"})
# Words that join a noun to what follows ("Stof en vuil", "Merci de", "Handy und"), where a
# verb would follow a person.
_JOINING_WORDS = frozenset(
    """de d du des et ou en a au aux dans sur sous pour par entre
    und oder in im an am auf aus zu zum zur von vom mit fur bei nach uber unter
    van voor op of uit bij door naar te tot over onder""".split()  # noqa: SIM905
)


def acts_as_person(text: str, tokens: Sequence[Token], i: int) -> bool:
    """A short form (``may_be_short_form``) used as a person: the subject of the verb right
    after it ("Miha zeigt die Rechnungen", "Bernie rembourse", "Yoyo doet niet open") or
    someone one is with ("bei Miha", "avec Bernie"). Not a common first name, which may be
    somebody else's ("Bernd" is no Bernadette), nor a word shaped like a German noun."""
    token = tokens[i]
    if token.folded in first_names() or token.folded in PARTICLES:
        return False
    if token.folded.endswith(GERMAN_NOUN_ENDINGS):
        return False
    if i > 0 and tokens[i - 1].folded in _IN_COMPANY and tokens[i - 1].is_lower:
        return text[tokens[i - 1].end : token.start] == " "
    if i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return (
        text[token.end : following.start] == " "
        and following.is_lower
        and following.folded not in DETERMINERS
        and following.folded not in _JOINING_WORDS
    )


@cache
def _ordinary_words() -> frozenset[str]:
    """Folded words a truncation of a first name must not be taken for: ordinary words,
    labels, institutions, places, months, roles, articles."""
    return (common_words() | not_name_words() | municipalities() | frozenset(MONTHS)
            | role_words() | DETERMINERS)


@cache
def _not_name_pieces() -> frozenset[str]:
    """Nor a part of a name cut in two: those, and the particles."""
    return _ordinary_words() | PARTICLES


T = TypeVar("T")
_SHORTEST = 3  # letters a short form keeps of the first name
_SHORTEST_SPLIT = 5  # letters of a name found cut in two ("No wak")
_VOWELS = frozenset("aeiouy")
# Endings a first name takes as a pet name once shortened: Dutch and Flemish (Pietje, Jefke),
# German (Hubi, Gretel, Christl, Hänschen), French (Nanou, Pierrot, Jeannette) and the -y and
# -ie every language has borrowed (Tommy, Cathy).
_PET_ENDINGS = (
    "tje", "pje", "je", "ke", "chen", "erl", "el", "l", "li", "ie", "i", "y", "ou", "ette", "ot",
)
_PET_I = frozenset({"i", "y"})
# A pet name's hardened consonant and the name's own one: the "pp" of "Huppi" is Hubertus' "b".
_HARDENED = {"p": "b", "t": "d", "k": "g"}


class Truncations(Generic[T]):
    """First names by their pieces, to tell whether a word is one's truncation: its start or
    its end, three letters at least and two left out ("Gwen" for Gwendoline, "Stof" for
    Kristof); with a pet ending, any of its syllables ("Moni" for Monika, "Resi" for
    Theresia, "Christel" for Christiane); or one of its syllables said twice, as children
    call each other ("Dada" for Gerarda, "Juju" for Julien, "Mimi" for Michel). A piece past
    the first letter starts with a consonant, as a syllable does. ``owner`` is what a hit
    names (a person, a dossier)."""

    def __init__(self) -> None:
        # three first letters of a piece → (first name, where the piece starts, owner)
        self._pieces: dict[str, list[tuple[str, int, T]]] = {}
        # a syllable of a consonant and a vowel → the owners of first names that have it
        self._syllables: dict[str, list[T]] = {}

    def add(self, first_name: str, owner: T) -> None:
        for name, position in _pieces(first_name):
            key = name[position : position + _SHORTEST]
            self._pieces.setdefault(key, []).append((name, position, owner))
        for syllable in _syllables(first_name):
            self._syllables.setdefault(syllable, []).append(owner)

    def owners(self, word: str, language: str | None = None) -> dict[T, bool]:
        """Whose first name ``word`` (folded) shortens: owner → whether nothing else is likely
        to be it: the whole name with a pet ending ("Pieterke"), or, in German, its first
        syllable with the pet "-i" ("Domi" for Dominik, "Huppi" for Hubertus), which German
        makes no noun of but a few loanwords ("Taxi"; the English "-y" makes many: "Handy").
        French words end so ("Merci" is no Mercedes, "Abri" no Abraham)."""
        found: dict[T, bool] = dict.fromkeys(self._said_twice(word), False)
        if word[:_SHORTEST] not in self._pieces and word[-1:] not in _PET_I:
            return found  # every stem starts as the word does, but a hardened one ("Huppi")
        for stem, ending in _stems(word):
            for name, position, owner in self._pieces.get(stem[:_SHORTEST], ()):
                if name.startswith(stem, position) and (
                    ending or _bare_piece(name, position, stem)
                ):
                    sure = ending != "" and (
                        stem == name or (language == "de" and position == 0 and ending == "i")
                    )
                    found[owner] = found.get(owner, False) or sure
        return found


    def _said_twice(self, word: str) -> list[T]:
        """The owners of the syllable ``word`` repeats ("dada"), if it is one said twice."""
        half = word[:2]
        if len(word) != 4 or word[2:] != half or half[0] in _VOWELS or half[1] not in _VOWELS:
            return []
        return self._syllables.get(half, [])


@lru_cache(maxsize=4096)
def _syllables(first_name: str) -> frozenset[str]:
    """The first name's syllables of a consonant and a vowel ("ge", "ra", "da" in Gerarda)."""
    return frozenset(
        name[position : position + 2]
        for name in name_parts(first_name)
        for position in range(len(name) - 1)
        if name[position] not in _VOWELS and name[position + 1] in _VOWELS
    )


@lru_cache(maxsize=4096)
def _pieces(first_name: str) -> tuple[tuple[str, int], ...]:
    """(folded part of the first name, where a piece of it starts): at its first letter and
    at each consonant."""
    return tuple(
        (name, position)
        for name in name_parts(first_name)
        for position in range(len(name) - _SHORTEST + 1)
        if position == 0 or name[position] not in _VOWELS
    )


def _stems(word: str) -> Iterator[tuple[str, str]]:
    """The word, and the word without each pet ending it has, also with its last consonant
    undoubled, as a pet ending doubles it ("Stoffel" for Kristof, "Jeannette", "Pierrot",
    "Lotti" for Charlotte); before "-i" or "-y" also voiced again, as German pet names harden
    it ("Huppi", "Hubbi" for Hubertus, "Gabbi" for Gabriele)."""
    yield word, ""
    for ending in _PET_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST:
            stem = word[: -len(ending)]
            yield stem, ending
            if stem[-1] == stem[-2] and stem[-1] not in _VOWELS and len(stem) > _SHORTEST:
                stem = stem[:-1]
                yield stem, ending
            if ending in _PET_I and stem[-1] in _HARDENED:
                yield stem[:-1] + _HARDENED[stem[-1]], ending


def _bare_piece(name: str, position: int, stem: str) -> bool:
    return len(name) - len(stem) >= 2 and (position == 0 or position + len(stem) == len(name))


def _spelled(text: str, tokens: Sequence[Token], i: int, parts: tuple[str, ...]) -> bool:
    if i + len(parts) > len(tokens):
        return False
    return all(
        tokens[i + k].folded == part and (k == 0 or joined(text, tokens[i + k - 1], tokens[i + k]))
        for k, part in enumerate(parts)
    )


def _ordinary_word(tokens: Sequence[Token]) -> bool:
    """A name that is also a word, written in lower case ("un petit studio"), is the word."""
    return all(t.is_lower for t in tokens) and (
        any(t.folded in common_words() for t in tokens) or all(len(t.text) <= 2 for t in tokens)
    )


def _group(text: str, tokens: Sequence[Token], hits: list[_Hit]) -> list[list[_Hit]]:
    """Adjacent hits sharing a person make one mention ("DIALLO Naïma", "Diallo, Naïma")."""
    groups: list[list[_Hit]] = []
    for hit in hits:
        previous = groups[-1][-1] if groups else None
        if previous is not None and previous.last_token + 1 == hit.first_token:
            gap = text[previous.end : hit.start]
            same_person = bool(set(previous.people) & set(hit.people))
            if joined(text, tokens[previous.last_token], tokens[hit.first_token]) or (
                same_person and gap.strip() == "," and "\n" not in gap
            ):
                groups[-1].append(hit)
                continue
        groups.append([hit])
    return groups


def _extend_left(text: str, tokens: Sequence[Token], first: int, person: Person) -> int:
    """Take in the person's own particles ("Van den") and an initial ("A. Ouedraogo")."""
    parts = name_parts(person.last_name)
    leading = 0
    while leading < len(parts) - 1 and parts[leading] in PARTICLES:
        leading += 1
    particles = {*parts[:leading], *("".join(parts[:k]) for k in range(2, leading + 1))}
    while first > 0 and joined(text, tokens[first - 1], tokens[first]):
        if tokens[first - 1].folded not in particles:
            break
        first -= 1
    while initial_before(text, tokens, first) and civil_title_before(text, tokens, first) is None:
        first -= 1  # "A. Ouedraogo", "M.-C. Vander-Elst"
    return first


def _extend_right(text: str, tokens: Sequence[Token], last: int, person: Person) -> int:
    """Take in a trailing initial of one of the person's first names ("Diallo N.")."""
    initials = {fold(name)[:1] for name in person.first_names}
    following = last + 1
    if (
        following < len(tokens)
        and len(tokens[following].text) == 1
        and tokens[following].text.isupper()
        and tokens[following].folded in initials
        and text[tokens[last].end : tokens[following].start] == " "
        and text[tokens[following].end : tokens[following].end + 1] == "."
    ):
        return following
    return last
