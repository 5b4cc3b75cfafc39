"""What a procès-verbal says, in the centre's language (fr, nl, de; en for reading). Pure: the
recorded facts of a meeting in (header, attendance with arrivals and departures, items with
their deliberation texts as edited, poll results, withdrawals), the structured minutes out.

Nothing here is retyped by a person except the deliberation texts, the introduction and the
closing, which come from the minutes' latest revision. Titles and texts are the pseudonymised
ones of the agenda; no identity of an applicant ever reaches this module. The result is plain
text: templates escape it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from babel import dates as babel_dates

from agenda.sitting.wording import outcome_sentence
from council.clock import CENTRE_TIMEZONE
from council.rules.attendance import AttendanceRecord, Presence, presence_at
from council.rules.majority import Choice, Outcome

BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_GB"}
LANGUAGES = tuple(BABEL_LOCALES)


@dataclass(frozen=True)
class Words:
    """Every fixed phrase of the minutes in one language."""

    title_closed: str
    title_public: str
    held_on: str  # {date} {time}
    place: str  # {place}
    present: str
    excused: str
    absent: str
    director_general: str
    president_suffix: str
    closed_session: str
    public_session: str
    confidential: str
    arrives: str  # {name}
    leaves: str  # {name}
    withdraws: str  # {name} {reason}
    voted: dict[Choice, str]  # heading of each list of voters
    postponed: str
    withdrawn_item: str
    deemed_approved: str
    no_vote: str
    nobody: str
    civility: dict[str, str]  # Sex value ("F", "M") → title before a name in a sentence
    time_pattern: str
    colon: str = ": "  # French typography puts a space before the colon


WORDS = {
    "fr": Words(
        title_closed="Procès-verbal de la séance à huis clos",
        title_public="Procès-verbal de la séance publique",
        held_on="Séance du {date} à {time}", place="Lieu : {place}",
        present="Présents", excused="Excusés", absent="Absents",
        director_general="Directeur général", president_suffix="président",
        closed_session="Séance à huis clos", public_session="Séance publique",
        confidential="Confidentiel",
        arrives="{name} entre en séance.", leaves="{name} quitte la séance.",
        withdraws="{name} quitte la séance pour ce point ({reason}) et ne prend pas part au "
                  "vote.",
        voted={Choice.yes: "Ont voté pour", Choice.no: "Ont voté contre",
               Choice.abstain: "Se sont abstenus"},
        postponed="Le point est reporté.",
        withdrawn_item="Le point est retiré de l'ordre du jour.",
        deemed_approved="Aucune observation n'ayant été formulée, le procès-verbal de la séance "
                        "précédente est approuvé.",
        no_vote="Aucun vote n'a été enregistré sur ce point.",
        nobody="néant", civility={"F": "Mme", "M": "M."}, time_pattern="HH 'h' mm",
        colon=" : ",
    ),
    "nl": Words(
        title_closed="Notulen van de besloten zitting",
        title_public="Notulen van de openbare zitting",
        held_on="Zitting van {date} om {time}", place="Plaats: {place}",
        present="Aanwezig", excused="Verontschuldigd", absent="Afwezig",
        director_general="Algemeen directeur", president_suffix="voorzitter",
        closed_session="Besloten zitting", public_session="Openbare zitting",
        confidential="Vertrouwelijk",
        arrives="{name} komt de zitting binnen.", leaves="{name} verlaat de zitting.",
        withdraws="{name} verlaat de zitting voor dit punt ({reason}) en neemt niet deel aan "
                  "de stemming.",
        voted={Choice.yes: "Stemden voor", Choice.no: "Stemden tegen",
               Choice.abstain: "Onthielden zich"},
        postponed="Het punt wordt verdaagd.",
        withdrawn_item="Het punt wordt van de agenda gehaald.",
        deemed_approved="Aangezien er geen opmerkingen werden gemaakt, worden de notulen van de "
                        "vorige zitting goedgekeurd.",
        no_vote="Er werd over dit punt geen stemming geregistreerd.",
        nobody="geen", civility={"F": "Mevrouw", "M": "De heer"}, time_pattern="HH:mm 'uur'",
    ),
    "de": Words(
        title_closed="Protokoll der nichtöffentlichen Sitzung",
        title_public="Protokoll der öffentlichen Sitzung",
        held_on="Sitzung vom {date} um {time}", place="Ort: {place}",
        present="Anwesend", excused="Entschuldigt", absent="Abwesend",
        director_general="Generaldirektor", president_suffix="Präsident",
        closed_session="Nichtöffentliche Sitzung", public_session="Öffentliche Sitzung",
        confidential="Vertraulich",
        arrives="{name} betritt die Sitzung.", leaves="{name} verlässt die Sitzung.",
        withdraws="{name} verlässt die Sitzung für diesen Punkt ({reason}) und nimmt nicht an "
                  "der Abstimmung teil.",
        voted={Choice.yes: "Dafür stimmten", Choice.no: "Dagegen stimmten",
               Choice.abstain: "Der Stimme enthielten sich"},
        postponed="Der Punkt wird vertagt.",
        withdrawn_item="Der Punkt wird von der Tagesordnung genommen.",
        deemed_approved="Da keine Bemerkungen vorgebracht werden, gilt das Protokoll der "
                        "vorigen Sitzung als genehmigt.",
        no_vote="Zu diesem Punkt wurde keine Abstimmung erfasst.",
        nobody="keine", civility={"F": "Frau", "M": "Herr"}, time_pattern="HH:mm 'Uhr'",
    ),
    "en": Words(
        title_closed="Minutes of the closed session",
        title_public="Minutes of the public session",
        held_on="Meeting of {date} at {time}", place="Place: {place}",
        present="Present", excused="Excused", absent="Absent",
        director_general="Director general", president_suffix="president",
        closed_session="Closed session", public_session="Public session",
        confidential="Confidential",
        arrives="{name} enters the meeting.", leaves="{name} leaves the meeting.",
        withdraws="{name} leaves the meeting for this item ({reason}) and takes no part in the "
                  "vote.",
        voted={Choice.yes: "Voted for", Choice.no: "Voted against",
               Choice.abstain: "Abstained"},
        postponed="The item is postponed.",
        withdrawn_item="The item is withdrawn from the agenda.",
        deemed_approved="No observation having been made, the minutes of the previous meeting "
                        "are approved.",
        no_vote="No vote was recorded on this item.",
        nobody="none", civility={"F": "Ms", "M": "Mr"}, time_pattern="HH:mm",
    ),
}


# --- Facts in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A member sitting on the organ on the day of the meeting."""

    id: int
    name: str
    sex: str | None = None  # "F", "M" or "X"
    is_president: bool = False


@dataclass(frozen=True)
class Vote:
    """A closed poll: its stored tally, and for an open vote who voted how."""

    outcome: Outcome
    is_secret: bool
    #: (member id, choice) for an open vote; never anything for a secret ballot
    ballots: tuple[tuple[int, Choice], ...] = ()


@dataclass(frozen=True)
class ItemFacts:
    id: int
    number: int
    title: str  # pseudonymised
    kind: str  # ItemKind value
    status: str  # ItemStatus value
    #: the deliberation (Vu / Considérant / Décide) as edited in the minutes
    text: str
    vote: Vote | None = None
    #: (member id, reason) of the members who withdrew from the item
    withdrawals: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class MeetingFacts:
    organ: str
    starts_at: datetime  # aware
    place: str
    is_closed_part: bool
    members: tuple[Person, ...]
    director_general: str | None
    #: attendance in the order recorded; a record from an item on is an arrival or a departure
    records: tuple[AttendanceRecord, ...]
    #: the items of this part, in agenda order
    items: tuple[ItemFacts, ...]
    introduction: str = ""
    closing: str = ""


# --- Minutes out ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSection:
    id: int
    number: int
    title: str
    #: arrivals, departures and withdrawals before the deliberation
    events: tuple[str, ...]
    paragraphs: tuple[str, ...]
    #: the verdict and tally, or what happened instead of a vote
    outcome: str | None
    #: "Ont voté pour : A, B." lines (open votes, when names are given)
    voters: tuple[str, ...]


@dataclass(frozen=True)
class MinutesDocument:
    language: str
    title: str
    organ: str
    session_label: str
    confidential: str
    held_on: str
    date: str
    place: str
    attendance: tuple[tuple[str, str], ...]  # (heading, "A, B, C")
    introduction: tuple[str, ...]
    items: tuple[ItemSection, ...]
    closing: tuple[str, ...]
    colon: str = ": "

    @property
    def running_header(self) -> str:
        parts = (self.organ, self.date, self.session_label, self.confidential)
        return " — ".join(part for part in parts if part)


def paragraphs(text: str) -> tuple[str, ...]:
    """The non-empty lines of a text, stripped: one paragraph each."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _words(language: str) -> Words:
    if language not in WORDS:
        raise ValueError(f"no minutes language {language!r}")
    return WORDS[language]


def _addressed(person: Person, words: Words) -> str:
    civility = words.civility.get(person.sex or "")
    return f"{civility} {person.name}" if civility else person.name


def _listed(person: Person, words: Words) -> str:
    return f"{person.name} ({words.president_suffix})" if person.is_president else person.name


def _names(people: Sequence[Person], words: Words) -> str:
    return ", ".join(_listed(p, words) for p in people) or words.nobody


def _presence(facts: MeetingFacts, number: int) -> dict[int, Presence | None]:
    known = {p.id for p in facts.members}
    # a record about someone no longer sitting says nothing about this organ's minutes
    records = [r for r in facts.records if r.member_id in known]
    return presence_at(records, number, known)


def _movements(facts: MeetingFacts, before: dict[int, Presence | None],
               now: dict[int, Presence | None], words: Words) -> list[str]:
    lines = []
    for person in facts.members:
        was_in = before[person.id] is Presence.present
        is_in = now[person.id] is Presence.present
        if is_in and not was_in:
            lines.append(words.arrives.format(name=_addressed(person, words)))
        elif was_in and not is_in:
            lines.append(words.leaves.format(name=_addressed(person, words)))
    return lines


def _outcome(item: ItemFacts, words: Words, language: str) -> str | None:
    if item.vote is not None:
        return outcome_sentence(item.vote.outcome, is_secret=item.vote.is_secret,
                                language=language)
    if item.status == "postponed":
        return words.postponed
    if item.status == "withdrawn":
        return words.withdrawn_item
    if item.kind == "minutes_approval":
        return words.deemed_approved
    return words.no_vote


def _voters(item: ItemFacts, people: dict[int, Person], words: Words) -> tuple[str, ...]:
    if item.vote is None or item.vote.is_secret:
        return ()
    lines = []
    for choice in Choice:
        voters = [people[m] for m, c in item.vote.ballots if c is choice and m in people]
        if voters:
            lines.append(f"{words.voted[choice]}{words.colon}{_names(voters, words)}.")
    return tuple(lines)


def build(facts: MeetingFacts, *, language: str, name_voters: bool = True) -> MinutesDocument:
    """The minutes of one part of a meeting. ``name_voters``: list who voted how for open
    votes (DOMAIN: "may"); a secret ballot only ever gives counts."""
    words = _words(language)
    locale = BABEL_LOCALES[language]
    local_start = facts.starts_at.astimezone(CENTRE_TIMEZONE)
    day = babel_dates.format_date(local_start.date(), "full", locale=locale)
    hour = babel_dates.format_time(local_start.time(), words.time_pattern, locale=locale)
    people = {p.id: p for p in facts.members}

    first = facts.items[0].number if facts.items else 1
    opening = _presence(facts, first)
    attendance = tuple(
        (heading, _names([p for p in facts.members if opening[p.id] in statuses], words))
        for heading, statuses in ((words.present, (Presence.present,)),
                                  (words.excused, (Presence.excused,)),
                                  (words.absent, (Presence.absent, None))))
    if facts.director_general:
        attendance += ((words.director_general, facts.director_general),)

    sections = []
    previous = opening
    for item in facts.items:
        now = _presence(facts, item.number)
        events = _movements(facts, previous, now, words)
        events += [words.withdraws.format(name=_addressed(people[m], words), reason=reason)
                   for m, reason in item.withdrawals if m in people]
        sections.append(ItemSection(
            id=item.id, number=item.number, title=item.title, events=tuple(events),
            paragraphs=paragraphs(item.text), outcome=_outcome(item, words, language),
            voters=_voters(item, people, words) if name_voters else ()))
        previous = now

    return MinutesDocument(
        language=language,
        title=words.title_closed if facts.is_closed_part else words.title_public,
        organ=facts.organ,
        session_label=words.closed_session if facts.is_closed_part else words.public_session,
        confidential=words.confidential if facts.is_closed_part else "",
        held_on=words.held_on.format(date=day, time=hour),
        date=babel_dates.format_date(local_start.date(), "long", locale=locale),
        place=words.place.format(place=facts.place),
        attendance=attendance,
        introduction=paragraphs(facts.introduction),
        items=tuple(sections),
        closing=paragraphs(facts.closing),
        colon=words.colon,
    )
