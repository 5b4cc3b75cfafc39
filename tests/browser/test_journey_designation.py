"""Journey: a designation by secret ballot (LO art. 27 §6) at the demo council's sitting. The
president opens the sitting and the ballot from the chair screen; three councillors tick
candidates on their own live screen (one casts a blank ballot); the president closes. The
ballot elects the two women, which with the president (a woman) leaves the men unrepresented:
the result is void and a new ballot is put on the meeting, whose count designates a woman and a
man. No screen ever says who ticked whom. Every state is reached through the interface; the
database is only read."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from council.demo import COUNCILLORS, DESIGNATION_CANDIDATES, DESIGNATION_SEATS
from council.models import (
    AgendaItem,
    ItemKind,
    Meeting,
    MeetingStatus,
    OrganKind,
    Poll,
    SecretBallot,
    SecretParticipation,
)

NAMES = {person.username: f"{person.first_name} {person.last_name}" for person in COUNCILLORS}
POLLING_SECONDS = 2
# the demo's candidates: Julie Poncelet and Amandine Gillet (women), Youssef Amrani (a man)
PONCELET, GILLET, AMRANI = (NAMES[username] for username in DESIGNATION_CANDIDATES)
VOTERS = ("councillor1", "councillor2", "councillor5")


def _council_designation(session: Session) -> tuple[str, int]:
    """Read only: the address of today's council meeting and its designation item."""
    meeting = next(m for m in session.scalars(select(Meeting))
                   if m.organ.kind is OrganKind.council and m.status is MeetingStatus.convened)
    item = next(i for i in meeting.items if i.kind is ItemKind.designation)
    return f"/meetings/{meeting.id}", item.id


def _urn(item_id: int) -> Callable[[Session], tuple[int, int]]:
    """Read only: who took part in the ballot, and the sealed ballots still stored."""

    def count(session: Session) -> tuple[int, int]:
        poll_id = session.scalar(select(Poll.id).where(Poll.item_id == item_id))
        return tuple(session.scalar(select(func.count()).select_from(model)
                                    .where(model.poll_id == poll_id))
                     for model in (SecretParticipation, SecretBallot))

    return count


def _new_ballot_of(item_id: int) -> Callable[[Session], int | None]:
    def find(session: Session) -> int | None:
        return session.scalar(select(AgendaItem.id).where(AgendaItem.revote_of_id == item_id))

    return find


def _tick_and_cast(page: Page, pages, ticked: tuple[str, ...]) -> None:
    """On the member's own live screen: the candidates ``ticked`` (none: a blank ballot)."""
    ballot = page.locator("form.designation-ballot")
    expect(ballot).to_be_visible()
    pages.check(page)
    for name in ticked:
        ballot.get_by_label(name, exact=True).check()
    if ticked:
        ballot.locator("#vote-designation").click()
    else:
        ballot.locator("#vote-blank").click()
    recorded = page.locator("#vote-recorded")
    expect(recorded).to_contain_text("Votre vote est enregistré")
    expect(recorded).to_contain_text("pas même à vous")
    pages.check(page)


def _secret_on_every_screen(chair: Page, members: dict[str, Page], pages, meeting_url: str,
                            result: str) -> None:
    """The chair screen and each member's live screen show the ``result``, and nobody's ticks."""
    pages.check(chair)
    _shows_no_one_s_ticks(chair, VOTERS)
    for page in members.values():
        page.goto(f"{meeting_url}/live")
        expect(page.locator(".result")).to_contain_text(result)
        _shows_no_one_s_ticks(page, VOTERS)


def _shows_no_one_s_ticks(page: Page, voters: tuple[str, ...]) -> None:
    """No row of a member on the page names a candidate other than the member: the screens say
    who voted, never for whom."""
    for username in voters:
        rows = page.locator("tr", has_text=NAMES[username])
        for index in range(rows.count()):
            text = rows.nth(index).inner_text()
            others = [name for name in (PONCELET, GILLET, AMRANI) if name != NAMES[username]]
            assert not any(name in text for name in others), text
    assert page.locator("input[name=candidate]:checked").count() == 0


def _ballot_round(live_server, chair: Page, members: dict[str, Page], pages, meeting_url: str,
                  item_id: int, ballots: dict[str, tuple[str, ...]]) -> None:
    """The president opens the ballot on ``item_id``; each member casts ``ballots``; the
    president closes it."""
    chair.goto(f"{meeting_url}/chair?item={item_id}")
    candidates = chair.locator(".designation .candidates li")
    expect(candidates).to_have_count(3)
    for name in (PONCELET, GILLET, AMRANI):
        expect(chair.locator(".designation .candidates")).to_contain_text(name)
    expect(chair.locator("#designation-title")).to_contain_text(f"{DESIGNATION_SEATS} mandat")
    # the president chairs; the DG or the secretariat enter candidates, never the chair
    expect(chair.locator("#add-member-candidate")).to_have_count(0)
    pages.open_vote(chair)
    expect(chair.locator(".chair-floor .badge.secret")).to_be_visible()

    first, *others = ballots
    member = members[first]
    member.goto(f"{meeting_url}/live")
    ballot = member.locator("form.designation-ballot")
    expect(ballot).to_be_visible()
    # a tick survives the screen following the meeting while the others vote
    if ballots[first]:
        ballot.get_by_label(ballots[first][0], exact=True).check()
    for username in others:
        members[username].goto(f"{meeting_url}/live")
        _tick_and_cast(members[username], pages, ballots[username])
    expect(member.locator(".live-count")).to_contain_text(f"{len(others)} ")
    member.wait_for_timeout(POLLING_SECONDS * 1000 + 500)
    if ballots[first]:
        expect(ballot.get_by_label(ballots[first][0], exact=True)).to_be_checked()
        ballot.get_by_label(ballots[first][1], exact=True).check()
        ballot.locator("#vote-designation").click()
        expect(member.locator("#vote-recorded")).to_be_visible()
    else:
        _tick_and_cast(member, pages, ())
    assert live_server.run(_urn(item_id)) == (len(ballots), len(ballots))

    chair.goto(f"{meeting_url}/chair?item={item_id}")
    expect(chair.locator(".chair-floor .live-count")).to_contain_text(f"{len(ballots)} ")
    _shows_no_one_s_ticks(chair, tuple(ballots))
    pages.close_vote(chair)
    # counted: the participations stay, the ballots are gone
    assert live_server.run(_urn(item_id)) == (len(ballots), 0)


def _votes(page: Page) -> dict[str, str]:
    rows = page.locator(".chair-floor table.designation-count tbody tr")
    return {rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").first.inner_text()
            for i in range(rows.count())}


def _elected(page: Page) -> set[str]:
    rows = page.locator(".chair-floor table.designation-count tbody tr", has=page.locator(
        ".badge"))
    return {rows.nth(i).locator("th").inner_text() for i in range(rows.count())}


def test_designation_by_secret_ballot_void_for_mixity_then_held_again(
        live_server, new_context, pages) -> None:
    meeting_url, item_id = live_server.run(_council_designation)

    chair = new_context().new_page()
    pages.log_in(chair, "president")
    pages.open_sitting(chair, meeting_url)
    members = {"councillor1": new_context("phone").new_page(),
               "councillor2": new_context("tablet").new_page(),
               "councillor5": new_context().new_page()}
    for username, page in members.items():
        pages.log_in(page, username)

    # first ballot: two votes for the two women, one blank ballot
    _ballot_round(live_server, chair, members, pages, meeting_url, item_id, {
        "councillor1": (PONCELET, GILLET), "councillor2": (GILLET, PONCELET),
        "councillor5": ()})
    result = chair.locator(".chair-floor .result")
    expect(result).to_contain_text("2 bulletins valables (1 bulletin blanc")
    expect(result).to_contain_text("les deux sexes ne sont pas représentés")
    assert _votes(chair) == {PONCELET: "2", GILLET: "2", AMRANI: "0"}
    assert _elected(chair) == {PONCELET, GILLET}
    # the president is a woman: two women elected leave the men unrepresented (LO art. 27 §6)
    expect(result.locator(".badge.warning")).to_have_count(2)
    expect(result).to_contain_text("un nouveau scrutin est inscrit à l'ordre du jour")
    expect(result).not_to_contain_text("Sont désignés")
    _secret_on_every_screen(chair, members, pages, meeting_url, "Voix par candidat")

    new_ballot = live_server.run(_new_ballot_of(item_id))
    assert new_ballot is not None
    result.locator("a", has_text="Aller au nouveau scrutin").click()
    chair.wait_for_url(f"**/chair?item={new_ballot}")
    expect(chair.locator(".chair-floor h2")).to_contain_text("(nouveau scrutin)")
    pages.check(chair)

    # the new ballot, same seats and candidates: a woman and a man elected, the result stands
    _ballot_round(live_server, chair, members, pages, meeting_url, new_ballot, {
        "councillor1": (PONCELET, AMRANI), "councillor2": (AMRANI, GILLET),
        "councillor5": (AMRANI, PONCELET)})
    result = chair.locator(".chair-floor .result")
    assert _votes(chair) == {PONCELET: "2", GILLET: "1", AMRANI: "3"}
    assert _elected(chair) == {AMRANI, PONCELET}
    expect(result.locator(".badge.ok")).to_have_count(2)
    expect(result).to_contain_text(f"Sont désignés : {PONCELET}, {AMRANI}.")
    expect(result).not_to_contain_text("nouveau scrutin")
    _secret_on_every_screen(chair, members, pages, meeting_url, "Sont désignés")
