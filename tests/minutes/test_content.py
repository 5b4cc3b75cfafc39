"""The procès-verbal's content from recorded facts (minutes.content), as tables."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from agenda.sitting.wording import CandidateVotes, DesignationCount
from council.rules.attendance import AttendanceRecord, Presence
from council.rules.majority import Choice, decide
from minutes.content import (
    Correction,
    ItemFacts,
    MeetingFacts,
    Person,
    Urgency,
    Vote,
    build,
    paragraphs,
)

PRESIDENT = Person(1, "Isabelle Marchal", "F", is_president=True)
KARIM = Person(2, "Karim Bensaïd", "M")
SOPHIE = Person(3, "Sophie Lambert", "F")
THOMAS = Person(4, "Thomas Verhaegen", "M")
NADIA = Person(5, "Nadia Colin", "F")
MEMBERS = (PRESIDENT, KARIM, SOPHIE, THOMAS, NADIA)

OPEN_VOTE = Vote(outcome=decide(3, 1, 0, is_secret=False), is_secret=False,
                 ballots=((1, Choice.yes), (2, Choice.yes), (3, Choice.yes), (4, Choice.no)))
SECRET_VOTE = Vote(outcome=decide(2, 1, 1, is_secret=True), is_secret=True)


def _facts(**changes: object) -> MeetingFacts:
    values: dict[str, object] = {
        "organ": "Comité spécial du service social",
        "starts_at": datetime(2026, 11, 26, 17, 0, tzinfo=UTC),  # 18:00 in Brussels
        "place": "Salle du conseil",
        "is_closed_part": True,
        "members": MEMBERS,
        "director_general": "Anne Dumont",
        "records": (
            AttendanceRecord(1, Presence.present), AttendanceRecord(2, Presence.present),
            AttendanceRecord(3, Presence.present), AttendanceRecord(4, Presence.absent),
            AttendanceRecord(5, Presence.excused),
            AttendanceRecord(4, Presence.present, 3),  # arrives at item 3
            AttendanceRecord(2, Presence.absent, 4),  # leaves before item 4
        ),
        "items": (
            ItemFacts(10, 1, "Approbation du procès-verbal", "minutes_approval", "decided", "",
                      approval="without_observation"),
            ItemFacts(11, 2, "Aide financière — Madame A.", "individual_aid", "decided",
                      "Vu la loi organique du 8 juillet 1976 ;\n\nDécide : d'accorder l'aide.",
                      vote=OPEN_VOTE, withdrawals=(3,)),
            ItemFacts(12, 3, "Désignation — candidat B.", "personnel", "decided", "Décide.",
                      vote=SECRET_VOTE),
            ItemFacts(13, 4, "Aide urgente — Monsieur C.", "individual_aid", "postponed", ""),
        ),
    }
    values.update(changes)
    return MeetingFacts(**values)  # type: ignore[arg-type]


def test_header_attendance_and_the_dg_in_french() -> None:
    pv = build(_facts(), language="fr")
    assert pv.title == "Procès-verbal de la séance à huis clos"
    assert pv.held_on == "Séance du jeudi 26 novembre 2026 à 18 h 00"
    assert pv.attendance == (
        ("Présents", "Isabelle Marchal (président), Karim Bensaïd, Sophie Lambert"),
        ("Excusés", "Nadia Colin"),
        ("Absents", "Thomas Verhaegen"),
        ("Directeur général", "Anne Dumont"),
    )
    assert pv.running_header == ("Comité spécial du service social — 26 novembre 2026 — "
                                 "Séance à huis clos — Confidentiel")


@pytest.mark.parametrize(("number", "events"), [
    (1, ()),
    (2, ("Mme Sophie Lambert quitte la séance pour ce point et ne prend pas part au vote.",)),
    (3, ("M. Thomas Verhaegen entre en séance.",)),
    (4, ("M. Karim Bensaïd quitte la séance.",)),
])
def test_arrivals_departures_and_withdrawals_before_each_item(number: int,
                                                              events: tuple[str, ...]) -> None:
    pv = build(_facts(), language="fr")
    assert next(s for s in pv.items if s.number == number).events == events


@pytest.mark.parametrize(("approval", "observations", "outcome"), [
    ("without_observation", "", "Aucune observation n'ayant été formulée, le procès-verbal de "
                                "la séance précédente est approuvé."),
    ("with_observations", "Au point 2, lire 18 h 30.",
     "Le procès-verbal de la séance précédente est approuvé moyennant les observations "
     "suivantes : Au point 2, lire 18 h 30."),
    (None, "", "Aucune décision sur l'approbation du procès-verbal de la séance précédente n'a "
               "été enregistrée."),
])
def test_the_approval_of_the_previous_minutes_says_what_happened(
        approval: str | None, observations: str, outcome: str) -> None:
    """Issue 15: "approved without observation" only when that is what the organ decided."""
    facts = _facts()
    first = dataclasses.replace(facts.items[0], approval=approval, observations=observations)
    facts = dataclasses.replace(facts, items=(first, *facts.items[1:]))
    assert build(facts, language="fr").items[0].outcome == outcome


def test_a_decision_revision_is_printed_after_the_decision() -> None:
    facts = _facts()
    corrected = dataclasses.replace(facts.items[1], corrections=(Correction(
        made_at=datetime(2026, 12, 1, 10, tzinfo=UTC), reason="Erreur matérielle.",
        text="Décide : d'accorder 2.560 €."),))
    facts = dataclasses.replace(facts, items=(facts.items[0], corrected, *facts.items[2:]))
    section = build(facts, language="fr").items[1]
    [(sentence, lines)] = section.corrections
    assert sentence == ("Décision rectifiée le 1 décembre 2026 par le directeur général. "
                        "Motif : Erreur matérielle. La décision se lit désormais comme suit :")
    assert lines == ("Décide : d'accorder 2.560 €.",)


@pytest.mark.parametrize(("language", "number", "outcome", "voters"), [
    ("fr", 1, "Aucune observation n'ayant été formulée, le procès-verbal de la séance "
              "précédente est approuvé.", ()),
    ("fr", 2, "Adopté par 3 voix contre 1.",
     ("Ont voté pour : Isabelle Marchal (président), Karim Bensaïd, Sophie Lambert.",
      "Ont voté contre : Thomas Verhaegen.")),
    ("fr", 3, "Adopté au scrutin secret, par 2 voix contre 1 et 1 abstention.", ()),
    ("fr", 4, "Le point est reporté.", ()),
    ("nl", 2, "Aangenomen met 3 stemmen voor en 1 tegen.",
     ("Stemden voor: Isabelle Marchal (voorzitter), Karim Bensaïd, Sophie Lambert.",
      "Stemden tegen: Thomas Verhaegen.")),
    ("de", 3, "Angenommen in geheimer Abstimmung, mit 2 Stimmen gegen 1 bei 1 Enthaltung.", ()),
    ("de", 4, "Der Punkt wird vertagt.", ()),
])
def test_vote_sentences_and_voters(language: str, number: int, outcome: str,
                                   voters: tuple[str, ...]) -> None:
    section = next(s for s in build(_facts(), language=language).items if s.number == number)
    assert section.outcome == outcome
    assert section.voters == voters


def test_voters_are_not_named_when_the_setting_says_so() -> None:
    pv = build(_facts(), language="fr", name_voters=False)
    assert all(section.voters == () for section in pv.items)
    assert pv.items[1].outcome == "Adopté par 3 voix contre 1."


def test_a_secret_ballot_never_names_voters_even_if_ballots_were_given() -> None:
    leaky = Vote(outcome=SECRET_VOTE.outcome, is_secret=True, ballots=((1, Choice.yes),))
    item = ItemFacts(12, 3, "Désignation", "personnel", "decided", "", vote=leaky)
    pv = build(_facts(items=(item,)), language="fr")
    assert pv.items[0].voters == ()


@pytest.mark.parametrize(("language", "title", "withdrawal"), [
    ("nl", "Notulen van de besloten zitting",
     "Mevrouw Sophie Lambert verlaat de zitting voor dit punt en neemt niet deel aan de "
     "stemming."),
    ("de", "Protokoll der nichtöffentlichen Sitzung",
     "Frau Sophie Lambert verlässt die Sitzung für diesen Punkt und nimmt nicht an der "
     "Abstimmung teil."),
])
def test_other_languages(language: str, title: str, withdrawal: str) -> None:
    pv = build(_facts(), language=language)
    assert pv.title == title
    assert pv.items[1].events == (withdrawal,)


def test_deliberation_paragraphs_and_the_public_part() -> None:
    pv = build(_facts(is_closed_part=False, introduction="  Ouverture.\n", closing=""),
               language="fr")
    assert pv.items[1].paragraphs == ("Vu la loi organique du 8 juillet 1976 ;",
                                      "Décide : d'accorder l'aide.")
    assert pv.title == "Procès-verbal de la séance publique"
    assert pv.introduction == ("Ouverture.",) and pv.closing == ()
    assert "Confidentiel" not in pv.running_header


@pytest.mark.parametrize(("language", "sentence"), [
    ("fr", "La séance est levée à 19 h 42."),
    ("nl", "De zitting wordt gesloten om 19:42 uur."),
    ("de", "Die Sitzung wird um 19:42 Uhr geschlossen."),
    ("en", "The meeting is closed at 19:42."),
])
def test_the_closing_time_is_the_sittings_then_what_the_secretariat_wrote(
        language: str, sentence: str) -> None:
    closed_at = datetime(2026, 11, 26, 18, 42, tzinfo=UTC)  # 19:42 in Brussels
    pv = build(_facts(closed_at=closed_at, closing="Prochaine séance le 10 décembre."),
               language=language)
    assert pv.closing == (sentence, "Prochaine séance le 10 décembre.")


def test_an_item_without_a_recorded_vote_says_so_and_nobody_is_listed_as_none() -> None:
    item = ItemFacts(20, 1, "Point", "general", "ready", "Texte")
    pv = build(_facts(items=(item,), records=()), language="fr")
    assert pv.items[0].outcome == "Aucun vote n'a été enregistré sur ce point."
    assert pv.attendance[0] == ("Présents", "néant")
    assert pv.attendance[2][1].startswith("Isabelle Marchal")  # nothing recorded: absent


def test_records_of_members_no_longer_sitting_are_ignored() -> None:
    stray = AttendanceRecord(99, Presence.present)
    pv = build(_facts(records=(*_facts().records, stray)), language="fr")
    assert "99" not in pv.attendance[0][1]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        build(_facts(), language="it")


@pytest.mark.parametrize(("text", "expected"), [
    ("", ()), ("a\n\n  b  \r\n", ("a", "b")), ("<script>x</script>", ("<script>x</script>",)),
])
def test_paragraphs(text: str, expected: tuple[str, ...]) -> None:
    assert paragraphs(text) == expected


URGENT = ItemFacts(20, 2, "Aide urgente — Madame D.", "individual_aid", "decided", "Décide.",
                   vote=OPEN_VOTE, urgency=Urgency(present=3, votes_for=2, required=2,
                                                   declared=True))
NOT_URGENT = ItemFacts(21, 3, "Aide — Monsieur E.", "individual_aid", "ready", "",
                       urgency=Urgency(present=3, votes_for=1, required=2, declared=False))
THIRD_TIME = ItemFacts(22, 4, "Aide — Madame F.", "individual_aid", "decided", "Décide.",
                       vote=OPEN_VOTE, quorum_waived=True)
BLANK_AND_NULL = ItemFacts(23, 5, "Désignation — candidat G.", "personnel", "decided",
                           "Décide.", vote=Vote(outcome=decide(3, 1, 0, is_secret=True,
                                                               blank=2, null=1),
                                                is_secret=True))


@pytest.mark.parametrize(
    ("item", "events", "outcome"),
    [
        (URGENT, ("L'urgence est déclarée par 2 voix sur les 3 membres présents (2 requises).",),
         "Adopté par 3 voix contre 1."),
        (NOT_URGENT, ("L'urgence n'est pas déclarée : 1 voix sur les 3 membres présents, "
                      "2 requises ; le point n'est pas examiné.",), None),
        (THIRD_TIME, ("Troisième convocation : le point, inscrit pour la troisième fois à "
                      "l'ordre du jour, est délibéré quel que soit le nombre de membres "
                      "présents.",), "Adopté par 3 voix contre 1."),
        (BLANK_AND_NULL, (), "Adopté au scrutin secret, par 3 voix contre 1 (2 bulletins "
                             "blancs et 1 bulletin nul, qui ne sont pas des suffrages "
                             "exprimés)."),
    ],
    ids=["urgency-declared-cdld-l1122-24", "urgency-not-declared-item-not-taken",
         "third-convocation-quorum-waived-for-this-item", "blank-and-null-ballots-apart"],
)
def test_the_minutes_record_the_urgency_the_third_convocation_and_blank_ballots(
        item: ItemFacts, events: tuple[str, ...], outcome: str | None) -> None:
    """DOMAIN.md "Meetings": the urgency vote is recorded in the minutes; "Quorum": the third
    convocation deliberates on the items put a third time; "Secret ballot": blank and null
    ballots are not votes cast."""
    section = build(_facts(items=(item,), records=(AttendanceRecord(1, Presence.present),)),
                    language="fr").items[0]
    assert section.events == events
    assert section.outcome == outcome


# --- Designations (LO art. 27 §6) -----------------------------------------------------------

DESIGNATED = DesignationCount(
    candidates=(CandidateVotes("Karim Bensaïd", 3, True), CandidateVotes("Sophie Lambert", 1,
                                                                         False)),
    valid=4, blank=1, null=0, is_void=False)
VOID = DesignationCount(
    candidates=(CandidateVotes("Sophie Lambert", 3, True), CandidateVotes("Karim Bensaïd", 1,
                                                                          False)),
    valid=4, blank=0, null=0, is_void=True)


@pytest.mark.parametrize(("language", "count", "outcome"), [
    ("fr", DESIGNATED, "Au scrutin secret en un seul tour, 4 bulletins valables (1 bulletin "
                       "blanc, qui ne sont pas des suffrages exprimés) : Karim Bensaïd, 3 voix ; "
                       "Sophie Lambert, 1 voix. Est désigné(e) : Karim Bensaïd."),
    ("nl", DESIGNATED, "Bij geheime stemming in één ronde, 4 geldige stembiljetten (1 blanco "
                       "stembiljet, die niet als uitgebrachte stemmen gelden): Karim Bensaïd, 3 "
                       "stemmen; Sophie Lambert, 1 stem. Wordt aangewezen: Karim Bensaïd."),
    ("fr", VOID, "Au scrutin secret en un seul tour, 4 bulletins valables : Sophie Lambert, 3 "
                 "voix ; Karim Bensaïd, 1 voix. Le résultat est nul : les deux sexes ne sont pas "
                 "représentés parmi le président et les candidats élus par le scrutin (Sophie "
                 "Lambert) (LO art. 27, § 6) ; il est procédé à un nouveau scrutin en un seul "
                 "tour pour tous les mandats, à l'exception de celui du président."),
    ("de", VOID, "In geheimer Abstimmung in einem einzigen Wahlgang, 4 gültige Stimmzettel: "
                 "Sophie Lambert, 3 Stimmen; Karim Bensaïd, 1 Stimme. Das Ergebnis ist nichtig: "
                 "Beide Geschlechter sind unter dem Präsidenten und den durch die Abstimmung "
                 "gewählten Kandidaten (Sophie Lambert) nicht vertreten (ÖSHZ-Gesetz Art. 27 "
                 "§ 6); es findet ein neuer Wahlgang in einem einzigen Durchgang für alle "
                 "Mandate außer dem des Präsidenten statt."),
    ("en", DESIGNATED, "By secret ballot in one round, 4 valid ballots (1 blank ballot, not "
                       "counted as votes cast): Karim Bensaïd, 3 votes; Sophie Lambert, 1 vote. "
                       "Designated: Karim Bensaïd."),
])
def test_a_designation_says_who_is_designated_with_the_votes_or_why_it_is_void(
        language: str, count: DesignationCount, outcome: str) -> None:
    item = ItemFacts(14, 5, "Désignation d'un membre du bureau permanent", "designation",
                     "decided", "Décide.", vote=SECRET_VOTE, designation=count)
    pv = build(_facts(items=(item,)), language=language)
    assert pv.items[0].outcome == outcome
    assert pv.items[0].voters == ()
