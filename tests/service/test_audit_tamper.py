"""The audit catches any single change to any stored row of the demo-like story."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from parley.cli import story
from parley.client import Witness
from parley.service import audit
from parley.store import tables as t

CH = story.CHANNEL


@pytest.fixture
def story_db(member, active_channel, services):
    a, z, med = member("artsakh-member"), member("azerbaijan-head"), member("duty-officer")
    e, _ = a.send(
        CH, to="azerbaijan", subject="Gas", text="Gas supply", priority="urgent", topic="gas-supply"
    )
    member("azerbaijan-member").mark_delivered(CH)
    z.acknowledge(CH, e.id, "Received")
    z.send(CH, to="artsakh", subject="Re", text="ok", reply_to=e.id)
    r, _ = z.send(CH, to="peacekeepers", subject="Results", text="reported")
    med.mark_delivered(CH)
    med.send(CH, to="artsakh", subject="Relayed", text="reported", relay_of=r.id)
    agenda = [{"id": "gas-supply", "topic": "gas-supply", "title": "Gas"}]
    med.talks.propose(CH, "m1", start="2023-03-01T11:00:00+04:00", venue="HQ", agenda=agenda)
    member("artsakh-head").talks.answer(CH, "m1", True)
    z.talks.answer(CH, "m1", True)
    z.talks.raise_item(CH, "m1", "integration", "Integration", "text", topic="integration")
    med.talks.draft_minutes(
        CH, "m1", [{"item": "gas-supply", "summary": "Gas", "outcome": "agreed"}]
    )
    z.talks.sign_minutes(CH, "m1", 1)
    member("commander").talks.add_commitment(
        CH, "c1", owner="azerbaijan", text="inform", due={"days": 2, "after_meeting": "m1"}
    )
    for stem in ("artsakh-head", "azerbaijan-head"):
        Witness(member(stem), CH).observe()
    assert audit(services.store, services.server_key.public).ok
    return services


TABLES = [n for n in t.metadata.tables if n != "auth_challenges"]


def all_rows(engine):
    with engine.connect() as conn:
        return {
            name: [dict(r._mapping) for r in conn.execute(sa.select(t.metadata.tables[name]))]
            for name in TABLES
        }


def pk_where(table, row):
    return sa.and_(*(table.c[c.name] == row[c.name] for c in table.primary_key.columns))


def mutate_value(v, rng):
    if isinstance(v, bytes):
        i = rng.randrange(len(v))
        return v[:i] + bytes([v[i] ^ (1 << rng.randrange(8))]) + v[i + 1 :]
    if isinstance(v, bool):
        return not v
    if isinstance(v, int):
        return v + rng.choice([-1, 1])
    if v is None:
        return "x"
    s = str(v)
    if not s:
        return "x"
    i = rng.randrange(len(s))
    c = s[i]
    repl = chr(ord(c) ^ 1) if c not in '"\\' else "a"
    return s[:i] + repl + s[i + 1 :]


def test_every_single_change_is_caught(story_db):
    """Flip a character or bit of a column, delete a row, swap two rows, or insert a copied
    row: 1,000 random single changes on SQLite (250 on PostgreSQL, to keep CI short); each
    must fail the audit, and undoing it must pass again (checked every 20 changes and at
    the end: a change left behind would fail every check after it)."""
    svc = story_db
    runs = 1000 if svc.store.engine.dialect.name == "sqlite" else 250
    engine = svc.store.engine
    rng = random.Random(1)
    original = all_rows(engine)
    kinds = ["flip", "flip", "flip", "delete", "swap", "insert"]
    applied = 0
    for i in range(runs):
        kind = rng.choice(kinds)
        name = rng.choice([n for n, rows in original.items() if rows])
        table = t.metadata.tables[name]
        rows = original[name]
        row = rng.choice(rows)
        if kind == "delete" and name == "cosignatures":
            # A cosignature is a party's statement that the server merely stores; its
            # absence cannot be told from a witness that never cosigned. Each party's
            # witness keeps its own record (docs/ledger.md). Every other change to it
            # (a flipped bit, a swap, an insert) is caught.
            continue
        if kind == "delete" and name == "checkpoints" and _spare(original, row):
            # Appends commit in groups with one checkpoint per group, so the audit cannot
            # tell a deleted intermediate checkpoint from a group boundary that never
            # was. Nothing rests on one nobody cosigned: the latest checkpoint commits to
            # the whole log, and a cosigned one is required by its cosignature (deleting
            # those is caught, below).
            continue
        try:
            what = _tamper(engine, kind, name, table, rows, row, rng)
        except (sa.exc.IntegrityError, sa.exc.DataError):
            continue  # the database itself refuses this change (a key constraint)
        applied += 1
        report = audit(svc.store, svc.server_key.public)
        assert not report.ok, f"change {i} not caught: {what}"
        # Restore exactly: every change touches one table (there are no foreign keys).
        with engine.begin() as conn:
            conn.execute(sa.delete(table))
            conn.execute(sa.insert(table), rows)
        if applied % 20 == 0:  # a restore that left a change behind shows here, and below
            assert audit(svc.store, svc.server_key.public).ok
    assert audit(svc.store, svc.server_key.public).ok
    assert applied >= runs * 3 // 4


def _spare(original, row) -> bool:
    """A checkpoint that is neither the latest nor cosigned by anyone."""
    sizes = [r["size"] for r in original["checkpoints"] if r["channel_id"] == row["channel_id"]]
    cosigned = {
        r["size"]
        for name in ("cosignatures", "witness_cosignatures")
        for r in original[name]
        if r["channel_id"] == row["channel_id"]
    }
    return row["size"] != max(sizes) and row["size"] not in cosigned


def _tamper(engine, kind, name, table, rows, row, rng) -> str:
    with engine.begin() as conn:
        if kind == "flip":
            col = rng.choice([c for c in row if c != "channel_id" or name != "channels"])
            new = mutate_value(row[col], rng)
            conn.execute(sa.update(table).where(pk_where(table, row)).values({col: new}))
            what = f"{name}.{col} {row[col]!r} -> {new!r}"
        elif kind == "delete":
            conn.execute(sa.delete(table).where(pk_where(table, row)))
            what = f"delete {name} row"
        elif kind == "swap" and len(rows) > 1:
            other = rng.choice([r for r in rows if r is not row])
            pk = [c.name for c in table.primary_key.columns]
            cols = [c for c in row if c not in pk]
            conn.execute(
                sa.delete(table).where(sa.or_(pk_where(table, row), pk_where(table, other)))
            )
            conn.execute(
                sa.insert(table),
                [
                    {**{c: row[c] for c in pk}, **{c: other[c] for c in cols}},
                    {**{c: other[c] for c in pk}, **{c: row[c] for c in cols}},
                ],
            )
            what = f"swap two {name} rows"
        else:
            copy = dict(row)
            for c in table.primary_key.columns:
                if c.name != "channel_id" or name == "channels":
                    copy[c.name] = (
                        copy[c.name] + 1000
                        if isinstance(copy[c.name], int)
                        else "x" + str(copy[c.name])[1:]
                    )
            if name == "entries":
                copy["entry_id"] = "00000000-0000-4000-8000-000000000000"
            conn.execute(sa.insert(table).values(copy))
            what = f"insert a {name} row"
    return what


def test_report_names_the_entry_and_the_problem(story_db):
    engine = story_db.store.engine
    with engine.begin() as conn:
        conn.execute(sa.update(t.messages).values(text="They agreed to integration"))
        conn.execute(
            sa.update(t.entries)
            .where(t.entries.c.seq == 5)
            .values(received_at="2024-01-01T00:00:00.000Z")
        )
    report = audit(story_db.store, story_db.server_key.public)
    text = "\n".join(str(p) for p in report.problems)
    assert "entry seq 5" in text and "relay" in text
