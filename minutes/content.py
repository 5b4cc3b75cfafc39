"""What a procès-verbal says, in the centre's language (fr, nl, de; en for reading). Pure (no
Flask): the recorded facts of a meeting in (header, attendance with arrivals and departures,
items with their deliberation texts as edited, poll results, withdrawals), the structured
minutes out. Every fixed phrase is a gettext message, read from the language's catalog
(``council.i18n.catalog``).

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
from babel.support import Translations

from agenda.sitting.wording import (
    DesignationCount,
    designation_sentence,
    outcome_sentence,
    urgency_sentence,
)
from council.clock import CENTRE_TIMEZONE
from council.i18n import BABEL_LOCALES, catalog
from council.rules.attendance import AttendanceRecord, Presence, presence_at
from council.rules.majority import Choice, Outcome

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
class Urgency:
    """The urgency vote on an item not on the convened agenda (``agenda.sitting.urgency``)."""

    present: int
    votes_for: int
    required: int
    declared: bool


@dataclass(frozen=True)
class Correction:
    """A decision revision (issue 15): the decision corrected after it was taken, by the DG."""

    made_at: datetime  # aware
    reason: str
    text: str


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
    #: the members who withdrew from the item (their ids): the minutes record that they did,
    #: never why (the reason, kept for the DG, often points at the applicant)
    withdrawals: tuple[int, ...] = ()
    #: the urgency vote, for an item added after the convocation
    urgency: Urgency | None = None
    #: a third convocation deliberating on an item put on the agenda for the third time,
    #: whatever the number present
    quorum_waived: bool = False
    #: the corrections of the decision, oldest first (the text decided stays in ``text``)
    corrections: tuple[Correction, ...] = ()
    #: for the approval of the previous minutes: how the organ approved them
    #: ("without_observation", "with_observations", "by_vote"; None: not recorded)
    approval: str | None = None
    #: the observations the organ made on the previous minutes
    observations: str = ""
    #: a designation's count (LO art. 27 §6): the votes per candidate and who is designated,
    #: or that the result is void
    designation: DesignationCount | None = None


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
    #: when the chair closed the sitting (aware); None while it is not closed
    closed_at: datetime | None = None


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
    #: the decision revisions: for each, the sentence that says when and why, then its text
    corrections: tuple[tuple[str, tuple[str, ...]], ...] = ()


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


def _addressed(person: Person, words: Translations) -> str:
    """A member as a sentence names them: "Mme Sophie Lambert", "De heer Karim Bensaïd"."""
    if person.sex == "F":
        return words.gettext("Ms %(name)s") % {"name": person.name}
    if person.sex == "M":
        return words.gettext("Mr %(name)s") % {"name": person.name}
    return person.name


def _listed(person: Person, words: Translations) -> str:
    if person.is_president:
        return words.gettext("%(name)s (president)") % {"name": person.name}
    return person.name


def _names(people: Sequence[Person], words: Translations) -> str:
    return ", ".join(_listed(p, words) for p in people) or words.gettext("nobody")


def _presence(facts: MeetingFacts, number: int) -> dict[int, Presence | None]:
    known = {p.id for p in facts.members}
    # a record about someone no longer sitting says nothing about this organ's minutes
    records = [r for r in facts.records if r.member_id in known]
    return presence_at(records, number, known)


def _movements(facts: MeetingFacts, before: dict[int, Presence | None],
               now: dict[int, Presence | None], words: Translations) -> list[str]:
    lines = []
    for person in facts.members:
        was_in = before[person.id] is Presence.present
        is_in = now[person.id] is Presence.present
        if is_in and not was_in:
            lines.append(words.gettext("%(name)s enters the meeting.")
                         % {"name": _addressed(person, words)})
        elif was_in and not is_in:
            lines.append(words.gettext("%(name)s leaves the meeting.")
                         % {"name": _addressed(person, words)})
    return lines


def _outcome(item: ItemFacts, words: Translations, language: str) -> str | None:
    if item.designation is not None:
        return designation_sentence(item.designation, language=language)
    if item.vote is not None:
        return outcome_sentence(item.vote.outcome, is_secret=item.vote.is_secret,
                                language=language)
    if item.urgency is not None and not item.urgency.declared:
        return None  # the urgency vote's sentence says that the item is not taken
    if item.status == "postponed":
        return words.gettext("The item is postponed.")
    if item.status == "withdrawn":
        return words.gettext("The item is withdrawn from the agenda.")
    if item.kind == "minutes_approval":
        if item.approval == "without_observation":
            return words.gettext("No observation having been made, the minutes of the previous "
                                 "meeting are approved.")
        if item.approval == "with_observations":
            return words.gettext("The minutes of the previous meeting are approved with the "
                                 "following observations: %(observations)s") % {
                "observations": item.observations}
        return words.gettext("No decision on the approval of the previous minutes was "
                             "recorded.")
    return words.gettext("No vote was recorded on this item.")


def _rules_applied(item: ItemFacts, words: Translations, language: str) -> list[str]:
    """The urgency vote on an item not on the convened agenda, and the third convocation's
    waiver of the quorum, as the minutes record them."""
    lines = []
    if item.urgency is not None:
        lines.append(urgency_sentence(item.urgency.present, item.urgency.votes_for,
                                      item.urgency.required, item.urgency.declared,
                                      language=language))
    if item.quorum_waived and item.vote is not None:
        lines.append(words.gettext(
            "Third convocation: the item, put on the agenda for the third time, is deliberated "
            "whatever the number of members present."))
    return lines


def _corrections(item: ItemFacts, words: Translations,
                 locale: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each decision revision: "Décision rectifiée le … par le directeur général. Motif : …"
    and the decision as it now reads."""
    return tuple(
        (words.gettext("Decision corrected on %(date)s by the director general. Reason: "
                       "%(reason)s The decision now reads:") % {
            "date": babel_dates.format_date(correction.made_at.astimezone(CENTRE_TIMEZONE)
                                            .date(), "long", locale=locale),
            "reason": correction.reason},
         paragraphs(correction.text))
        for correction in item.corrections)


def _voted(choice: Choice, names: str, words: Translations) -> str:
    """The line listing who voted ``choice``: "Ont voté pour : A, B." """
    if choice is Choice.yes:
        return words.gettext("Voted for: %(names)s.") % {"names": names}
    if choice is Choice.no:
        return words.gettext("Voted against: %(names)s.") % {"names": names}
    return words.gettext("Abstained: %(names)s.") % {"names": names}


def _voters(item: ItemFacts, people: dict[int, Person], words: Translations) -> tuple[str, ...]:
    if item.vote is None or item.vote.is_secret:
        return ()
    lines = []
    for choice in Choice:
        voters = [people[m] for m, c in item.vote.ballots if c is choice and m in people]
        if voters:
            lines.append(_voted(choice, _names(voters, words), words))
    return tuple(lines)


def build(facts: MeetingFacts, *, language: str, name_voters: bool = True) -> MinutesDocument:
    """The minutes of one part of a meeting. ``name_voters``: list who voted how for open
    votes (DOMAIN: "may"); a secret ballot only ever gives counts."""
    words = catalog(language)
    locale = BABEL_LOCALES[language]
    local_start = facts.starts_at.astimezone(CENTRE_TIMEZONE)
    day = babel_dates.format_date(local_start.date(), "full", locale=locale)

    def hour(moment: datetime) -> str:
        """The hour as the language writes it in a sentence ("18 h 00", "18:00 uur"): a CLDR
        pattern from the catalog."""
        return babel_dates.format_time(moment.astimezone(CENTRE_TIMEZONE).time(),
                                       words.gettext("HH:mm"), locale=locale)

    people = {p.id: p for p in facts.members}

    first = facts.items[0].number if facts.items else 1
    opening = _presence(facts, first)
    attendance = tuple(
        (heading, _names([p for p in facts.members if opening[p.id] in statuses], words))
        for heading, statuses in ((words.gettext("Present"), (Presence.present,)),
                                  (words.gettext("Excused"), (Presence.excused,)),
                                  (words.gettext("Absent"), (Presence.absent, None))))
    if facts.director_general:
        attendance += ((words.gettext("Director general"), facts.director_general),)

    sections = []
    previous = opening
    for item in facts.items:
        now = _presence(facts, item.number)
        events = _movements(facts, previous, now, words)
        events += [words.gettext("%(name)s leaves the meeting for this item and takes no part "
                                 "in the vote.") % {"name": _addressed(people[m], words)}
                   for m in item.withdrawals if m in people]
        events += _rules_applied(item, words, language)
        sections.append(ItemSection(
            id=item.id, number=item.number, title=item.title, events=tuple(events),
            paragraphs=paragraphs(item.text), outcome=_outcome(item, words, language),
            voters=_voters(item, people, words) if name_voters else (),
            corrections=_corrections(item, words, locale)))
        previous = now

    closed = facts.is_closed_part
    return MinutesDocument(
        language=language,
        title=(words.gettext("Minutes of the closed session") if closed
               else words.gettext("Minutes of the public session")),
        organ=facts.organ,
        session_label=(words.gettext("Closed session") if closed
                       else words.gettext("Public session")),
        confidential=words.gettext("Confidential") if closed else "",
        held_on=words.gettext("Meeting of %(date)s at %(time)s") % {"date": day,
                                                                   "time": hour(local_start)},
        date=babel_dates.format_date(local_start.date(), "long", locale=locale),
        place=words.gettext("Place: %(place)s") % {"place": facts.place},
        attendance=attendance,
        introduction=paragraphs(facts.introduction),
        items=tuple(sections),
        # the time the sitting was closed in the application, then what the secretariat wrote
        closing=(((words.gettext("The meeting is closed at %(time)s.")
                   % {"time": hour(facts.closed_at)},) if facts.closed_at else ())
                 + paragraphs(facts.closing)),
        # between a heading and its names: French typography puts a space before the colon
        colon=words.gettext(": "),
    )
