"""Secret ballots unlinkable in every copy of the data (issue 13, item 1).

Eleven members vote by secret ballot on a database of their own; the attacker then reads what
a DBA, a backup or a copy of the journal holds and pairs participations with choices the ways
that worked before: on SQLite by transaction in the WAL and by the physical order of cells in a
``.backup`` copy; on PostgreSQL by ``xmin`` and by ``ctid`` order. Each pairing still finds one
stored value per voter (the two rows are written in one transaction, so that an acknowledged
ballot survives a crash), but the value is a randomised encryption under a key of the poll that
is not in the database: eleven different values of one length for three choices, no choice in
clear anywhere. With the application's key as well, the copies taken during the vote do link
(the residual risk of docs/security.md, asserted here so that the document stays true). After
closing only the counts remain: no sealed choice in the database file, in the WAL (truncated),
or in PostgreSQL's heap (vacuumed: no dead row left).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from scratch_database import scratch_app
from sqlalchemy import select, text

from council import crypto
from council.db import db, state
from council.demo.rehearsal import RehearsalFloor, build_floor
from council.models import Poll
from council.rules.majority import Choice

MEMBERS = 11
#: blank and null too: a sealed blank or null ballot must not be told by its length either
CHOICES = ["yes"] * 4 + ["no"] * 3 + ["abstain"] * 2 + ["blank", "null"]
CHOICE_VALUES = {c.value for c in Choice}
#: SQLAlchemy stores a uuid on SQLite as 32 hexadecimal digits
UUID_DIGITS = 32


# --- The vote ------------------------------------------------------------------------------


def _vote(app: Flask) -> tuple[RehearsalFloor, int, dict[int, str]]:
    """A secret poll of eleven present members, each having voted: (floor, item, choices)."""
    with app.app_context():
        floor = build_floor(db.session, members=MEMBERS, items=1, secret_every=1,
                            prefix="secret")
        db.session.remove()
    item_id = floor.secret_item_ids[0]
    choices = dict(zip(floor.tokens, CHOICES, strict=True))
    client = app.test_client()
    for member_id, token in floor.tokens.items():
        response = client.post(f"/api/v1/items/{item_id}/ballot",
                               json={"choice": choices[member_id]},
                               headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 201
    return floor, item_id, choices


def _close(app: Flask, floor: RehearsalFloor, item_id: int) -> None:
    response = app.test_client().post(f"/api/v1/items/{item_id}/poll/close",
                                      headers={"Authorization": f"Bearer {floor.chair_token}"})
    assert response.status_code == 200
    counts = Counter(CHOICES)
    assert tuple(response.json[c] for c in ("yes", "no", "abstain", "blank", "null")) == (
        counts["yes"], counts["no"], counts["abstain"], counts["blank"], counts["null"])
    assert "by_group" not in response.json and "votes" not in response.json


def _assert_unreadable(pairs: list[tuple[int, object]]) -> None:
    """Each voter paired with one value that says nothing without the key: bytes, not a
    choice; one length (no choice told by its size); all different (equal choices sealed
    apart, so not even who voted alike)."""
    assert len(pairs) == MEMBERS and len({member for member, _ in pairs}) == MEMBERS
    values = [value for _, value in pairs]
    assert all(isinstance(value, bytes) for value in values)
    assert len({len(value) for value in values}) == 1  # type: ignore[arg-type]
    assert len(set(values)) == MEMBERS


def _linked_with_key(app: Flask, item_id: int, pairs: list[tuple[int, bytes]],
                     choices: dict[int, str]) -> int:
    """How many pairs the application's key turns into the voter's true choice."""
    with app.app_context():
        poll = db.session.scalar(select(Poll).where(Poll.item_id == item_id))
        assert poll is not None
        opened = [crypto.unseal(value, salt=poll.ballot_salt,
                                purpose=f"secret ballot of poll {poll.id}").decode().strip()
                  for _, value in pairs]
        db.session.remove()
    return sum(choice == choices[member] for (member, _), choice in zip(pairs, opened,
                                                                         strict=True))


# --- SQLite's files, read as an attacker would -----------------------------------------------


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    value = 0
    for n in range(9):
        byte = data[offset + n]
        if n == 8:
            return (value << 8) | byte, offset + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, offset + n + 1
    raise AssertionError("unreachable")


INTEGER_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _record(payload: bytes) -> tuple[object, ...] | None:
    """The values of a record (SQLite's record format), None when it is not one."""
    try:
        header_size, offset = _varint(payload, 0)
        kinds = []
        while offset < header_size:
            kind, offset = _varint(payload, offset)
            kinds.append(kind)
        values: list[object] = []
        body = header_size
        for kind in kinds:
            if kind in INTEGER_SIZES:
                size = INTEGER_SIZES[kind]
                values.append(int.from_bytes(payload[body:body + size], "big", signed=True))
            elif kind >= 12:
                size = (kind - 12) // 2
                raw = payload[body:body + size]
                values.append(raw if kind % 2 == 0 else raw.decode(errors="replace"))
            elif kind == 7:
                size = 8
                values.append(payload[body:body + size])
            else:  # NULL, or the constants 0 and 1
                size = 0
                values.append(None if kind == 0 else kind - 8)
            body += size
    except IndexError:
        return None
    return tuple(values) if body <= len(payload) else None


def _cells(number: int, page: bytes) -> list[tuple[int, tuple[object, ...]]]:
    """(offset in the page, record) of each cell of a leaf page: tables and indexes, which
    hold the WITHOUT ROWID tables."""
    base = 100 if number == 1 else 0
    kind = page[base] if len(page) > base else 0
    if kind not in (0x0A, 0x0D):
        return []
    cells = []
    for n in range(int.from_bytes(page[base + 3:base + 5], "big")):
        offset = int.from_bytes(page[base + 8 + 2 * n:base + 10 + 2 * n], "big")
        size, position = _varint(page, offset)
        if kind == 0x0D:
            _rowid, position = _varint(page, position)
        record = _record(page[position:position + size])
        if record is not None:
            cells.append((offset, record))
    return cells


def _database_pages(data: bytes) -> Iterator[tuple[int, bytes]]:
    size = int.from_bytes(data[16:18], "big")
    for n in range(len(data) // size):
        yield n + 1, data[n * size:(n + 1) * size]


def _wal_transactions(wal: bytes) -> list[list[tuple[int, bytes]]]:
    """The frames of the WAL (page number, page), grouped by committed transaction."""
    if not wal:
        return []
    size = int.from_bytes(wal[8:12], "big")
    transactions: list[list[tuple[int, bytes]]] = [[]]
    start = 32
    while start + 24 + size <= len(wal):
        transactions[-1].append((int.from_bytes(wal[start:start + 4], "big"),
                                 wal[start + 24:start + 24 + size]))
        if int.from_bytes(wal[start + 4:start + 8], "big"):  # a commit frame
            transactions.append([])
        start += 24 + size
    return transactions[:-1]


def _is_secret_row(record: tuple[object, ...]) -> bool:
    """(uuid, poll, member) or (uuid, poll, choice): the rows of the two secret tables."""
    return (len(record) == 3 and isinstance(record[0], str)
            and len(record[0]) == UUID_DIGITS and isinstance(record[1], int))


def _by_transaction(wal: bytes) -> list[tuple[int, object]]:
    """Voter and value written by the same transaction (the rows new in it)."""
    seen: set[tuple[object, ...]] = set()
    pairs = []
    for transaction in _wal_transactions(wal):
        rows = {r for number, page in transaction for _, r in _cells(number, page)
                if _is_secret_row(r)}
        new = rows - seen
        seen |= rows
        voters = [r[2] for r in new if isinstance(r[2], int)]
        values = [r[2] for r in new if not isinstance(r[2], int)]
        if len(voters) == len(values) == 1:
            pairs.append((int(voters[0]), values[0]))  # type: ignore[call-overload]
    return pairs


def _by_cell_order(data: bytes) -> list[tuple[int, object]]:
    """Voters and values each in the order their cells were written into the pages (cell
    content grows from the end of a page down), zipped as far as both go."""
    cells = sorted(((number, -offset, r) for number, page in _database_pages(data)
                    for offset, r in _cells(number, page) if _is_secret_row(r)),
                   key=lambda cell: cell[:2])
    voters = [r[2] for _, _, r in cells if isinstance(r[2], int)]
    values = [r[2] for _, _, r in cells if not isinstance(r[2], int)]
    return [(int(v), value) for v, value in zip(voters, values, strict=False)]  # type: ignore


def _clear_choices(*pages: Iterator[tuple[int, bytes]]) -> list[tuple[object, ...]]:
    """Every record holding a choice in clear as one of its values."""
    return [r for source in pages for number, page in source for _, r in _cells(number, page)
            if CHOICE_VALUES & {v for v in r if isinstance(v, str)}]


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[Flask]:
    with scratch_app("sqlite", tmp_path, "ballots") as app:
        yield app


def test_sqlite_file_wal_and_backup_link_no_voter_to_a_choice(sqlite_app: Flask,
                                                              tmp_path: Path) -> None:
    database = tmp_path / "ballots.db"
    wal_file = tmp_path / "ballots.db-wal"
    floor, item_id, choices = _vote(sqlite_app)

    # During the vote: the WAL, the database file and a .backup copy, as a DBA could take them
    copy = tmp_path / "copy.db"
    with sqlite3.connect(database) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    wal, data, backup = wal_file.read_bytes(), database.read_bytes(), copy.read_bytes()
    wal_pages = [frame for transaction in _wal_transactions(wal) for frame in transaction]
    assert _clear_choices(iter(wal_pages), _database_pages(data), _database_pages(backup)) == []

    by_transaction = _by_transaction(wal)
    by_cell_order = _by_cell_order(backup)
    for pairs in (by_transaction, by_cell_order):
        _assert_unreadable(pairs)
    sealed = {value for _, value in by_transaction}
    assert sealed == {value for _, value in by_cell_order}
    # the threat model's residual: the key AND a copy taken while the vote is open link them
    assert _linked_with_key(sqlite_app, item_id, by_transaction, choices) == MEMBERS  # type: ignore[arg-type]

    # After closing: the counts, and no sealed choice in the file or the (truncated) WAL
    _close(sqlite_app, floor, item_id)
    wal = wal_file.read_bytes() if wal_file.exists() else b""
    data = database.read_bytes()
    assert wal == b""
    assert not any(value in data for value in sealed)  # type: ignore[operator]
    assert _by_transaction(wal) == [] and _by_cell_order(data) == []


@pytest.mark.skipif(not os.environ.get("COUNCIL_TEST_DATABASE_URL"),
                    reason="PostgreSQL: set COUNCIL_TEST_DATABASE_URL")
def test_postgresql_xmin_ctid_and_dead_rows_link_no_voter_to_a_choice(tmp_path: Path) -> None:
    with scratch_app("postgresql", tmp_path, "ballots") as app:
        floor, item_id, choices = _vote(app)
        engine = state(app).engine
        with engine.connect() as connection:
            by_xmin = [(member, bytes(value)) for member, value in connection.execute(text(
                "SELECT p.member_id, b.sealed_choice FROM secret_participation p "
                "JOIN secret_ballot b ON b.xmin = p.xmin"))]
            voters = connection.scalars(text(
                "SELECT member_id FROM secret_participation ORDER BY ctid")).all()
            values = [bytes(v) for v in connection.scalars(text(
                "SELECT sealed_choice FROM secret_ballot ORDER BY ctid"))]
        by_ctid = list(zip(voters, values, strict=True))
        for pairs in (by_xmin, by_ctid):
            _assert_unreadable(pairs)  # type: ignore[arg-type]
        assert _linked_with_key(app, item_id, by_xmin, choices) == MEMBERS

        _close(app, floor, item_id)
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM secret_ballot")) == 0
            # vacuumed: the heap keeps no page, so no dead row with its xmin and sealed choice
            assert connection.scalar(text("SELECT pg_relation_size('secret_ballot')")) == 0
            assert connection.execute(text(
                "SELECT 1 FROM secret_participation p "
                "JOIN secret_ballot b ON b.xmin = p.xmin")).all() == []
