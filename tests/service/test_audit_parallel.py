"""The audit with its signatures checked in worker processes finds exactly what the audit
in one process finds: the same problems, worded the same, in the same order.

Workers only ever report checks that passed; every other check runs in order, with the
sequential code (``parley.service.audit_parallel``). These tests break a log of many
entries — a bad author signature, relay receipt or checkpoint signature at random
positions, random single changes to any row — and compare the report of
``workers=1`` (everything in this process, the audit as it always ran) with those of
2 and 3 workers fed batches of several sizes, some of which cut the log mid-way through
a failing entry's batch.
"""

from __future__ import annotations

import base64
import importlib
import random
from collections import Counter
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool

import pytest
import sqlalchemy as sa

from parley.cli import story
from parley.client import Witness
from parley.service import audit
from parley.service.audit_parallel import SignaturePool, stream
from parley.store import tables as t

CH = story.CHANNEL
PARALLEL = [(2, 1), (2, 7), (3, 64)]
"""(workers, entries per batch) of the audits compared with the one-process audit."""


@pytest.fixture
def long_log(member, active_channel, services):
    """~90 entries by four authors (messages, receipts), checkpoints, cosignatures."""
    a, z = member("artsakh-member"), member("azerbaijan-head")
    for i in range(60):
        e, _ = a.send(CH, to="azerbaijan", subject=f"s{i}", text=f"message {i}")
        if i % 3 == 0:
            z.acknowledge(CH, e.id, "Received")
        if i % 20 == 0:
            z.send(CH, to="artsakh", subject=f"re {i}", text="ok", reply_to=e.id)
    member("azerbaijan-member").mark_delivered(CH)
    for stem in ("artsakh-head", "azerbaijan-head"):
        Witness(member(stem), CH).observe()
    assert audit(services.store, services.server_key.public, workers=1).ok
    return services


def reports(svc):
    """The one-process report, and each parallel one."""
    key = svc.server_key.public
    one = audit(svc.store, key, workers=1).problems
    return one, [
        audit(svc.store, key, workers=w, parallel_from=0, batch=b).problems for w, b in PARALLEL
    ]


def flip_b64(text: str, rng: random.Random, skip: int = 0) -> str:
    raw = bytearray(base64.b64decode(text))
    i = rng.randrange(skip, len(raw))
    raw[i] ^= 1 << rng.randrange(8)
    return base64.b64encode(bytes(raw)).decode()


def bad_signature(engine, kind: str, position: int, rng: random.Random) -> str:
    """Break one signature (still well-formed base64 of the right length); return where
    the audit must say the log first fails."""
    with engine.begin() as conn:
        if kind in ("signature", "relay_signature"):
            old = conn.execute(
                sa.select(t.entries.c[kind]).where(
                    t.entries.c.channel_id == CH, t.entries.c.seq == position
                )
            ).scalar_one()
            conn.execute(
                sa.update(t.entries)
                .where(t.entries.c.channel_id == CH, t.entries.c.seq == position)
                .values({kind: flip_b64(old, rng)})
            )
            return f"entry seq {position} "
        note = conn.execute(
            sa.select(t.checkpoints.c.note).where(
                t.checkpoints.c.channel_id == CH, t.checkpoints.c.size == position
            )
        ).scalar_one()
        text, sigs = note.split("\n\n")
        first, *rest = sigs.split("\n")
        dash, name, sig = first.split(" ")
        broken = "\n".join([f"{dash} {name} {flip_b64(sig, rng, skip=4)}", *rest])
        conn.execute(
            sa.update(t.checkpoints)
            .where(t.checkpoints.c.channel_id == CH, t.checkpoints.c.size == position)
            .values(note=f"{text}\n\n{broken}")
        )
        return f"checkpoint at size {position}"


@pytest.mark.parametrize("kind", ["signature", "relay_signature", "checkpoint"])
def test_a_bad_signature_anywhere_is_found_the_same(long_log, kind):
    svc = long_log
    n = svc.store.count_entries(CH)
    sizes = [size for size, _ in svc.store.iter_checkpoints(CH)]
    rng = random.Random(kind)
    before = {n: rows for n, rows in _all_rows(svc.store.engine).items()}
    for _ in range(3):
        position = rng.choice(sizes) if kind == "checkpoint" else rng.randrange(1, n + 1)
        where = bad_signature(svc.store.engine, kind, position, rng)
        one, parallel = reports(svc)
        assert one, f"a bad {kind} at {position} was not found"
        assert where in str(one[0])
        assert "bad_signature" in one[0].code
        for (w, b), found in zip(PARALLEL, parallel, strict=True):
            assert found == one, f"{w} workers, batches of {b}"
        _restore(svc.store.engine, before)


def test_a_bad_signature_then_a_broken_rule_reports_only_the_first(long_log):
    """The workers pass the checks of later entries, and a later entry breaks a rule: the
    audit still stops at the first failing entry, with the sequential wording."""
    svc, engine = long_log, long_log.store.engine
    bad_signature(engine, "signature", 40, random.Random(3))
    with engine.begin() as conn:  # seq 41 no longer follows: a gap
        conn.execute(
            sa.update(t.entries)
            .where(t.entries.c.channel_id == CH, t.entries.c.seq == 50)
            .values(seq=500)
        )
    one, parallel = reports(svc)
    assert len(one) == 1 and "entry seq 40 " in str(one[0])
    assert all(found == one for found in parallel)


def test_the_workers_do_check_the_signatures(long_log):
    """The comparisons above are not between two sequential audits: the workers pass
    every author signature, relay receipt and checkpoint of an intact log, and none
    of an entry whose signature is broken, nor an author the stored members table
    does not name (whose signature is then checked in order, the report unchanged)."""
    svc, engine = long_log, long_log.store.engine
    key = svc.server_key.public
    n = svc.store.count_entries(CH)
    with SignaturePool(2) as pool:
        ahead = stream(svc.store, CH, key, pool, batch=5)
        rows = list(ahead.rows)
        assert [c.row.seq for c in rows] == list(range(1, n + 1))
        assert all(c.author_key is not None and c.relay_ok for c in rows)

        bad_signature(engine, "signature", 30, random.Random(1))
        bad_signature(engine, "relay_signature", 31, random.Random(2))
        seen = {c.row.seq: c for c in stream(svc.store, CH, key, pool, batch=5).rows}
        assert seen[30].author_key is None and seen[30].relay_ok
        assert seen[31].author_key is not None and not seen[31].relay_ok
        assert all(c.author_key is not None and c.relay_ok for s, c in seen.items() if s < 30)

        author = Counter(c.row.author for c in rows).most_common(1)[0][0]
        with engine.begin() as conn:
            conn.execute(sa.delete(t.members).where(t.members.c.key_id == author))
        seen = {c.row.seq: c for c in stream(svc.store, CH, key, pool, batch=5).rows}
        authored = [c for c in seen.values() if c.row.author == author]
        assert len(authored) >= 60 and all(c.author_key is None for c in authored)
    one, parallel = reports(svc)
    assert one and "entry seq 30 " in str(one[0])
    assert all(found == one for found in parallel)


def test_any_single_change_is_found_the_same(long_log):
    """Random single changes to any row of any table (a flipped character or bit, a
    deleted row, two rows' contents swapped): the parallel reports equal the
    one-process report, problem for problem."""
    svc, engine = long_log, long_log.store.engine
    rng = random.Random(7)
    original = _all_rows(engine)
    runs = 40 if engine.dialect.name == "sqlite" else 15
    found = 0
    for _ in range(runs):
        name = rng.choice([n for n, rows in original.items() if rows])
        table = t.metadata.tables[name]
        row = rng.choice(original[name])
        try:
            _change(engine, table, original[name], row, rng)
        except (sa.exc.IntegrityError, sa.exc.DataError):
            continue
        one, parallel = reports(svc)
        found += bool(one)
        for (w, b), got in zip(PARALLEL, parallel, strict=True):
            assert got == one, f"{name}: {w} workers, batches of {b}"
        _restore(engine, original)
    assert found >= runs // 2


TABLES = [n for n in t.metadata.tables if n != "auth_challenges"]


def _all_rows(engine):
    with engine.connect() as conn:
        return {
            name: [dict(r._mapping) for r in conn.execute(sa.select(t.metadata.tables[name]))]
            for name in TABLES
        }


def _restore(engine, original) -> None:
    with engine.begin() as conn:
        for n in original:
            conn.execute(sa.delete(t.metadata.tables[n]))
            if original[n]:
                conn.execute(sa.insert(t.metadata.tables[n]), original[n])


def _pk(table, row):
    return sa.and_(*(table.c[c.name] == row[c.name] for c in table.primary_key.columns))


def _change(engine, table, rows, row, rng) -> None:
    kind = rng.choice(["flip", "flip", "flip", "delete", "swap"])
    pk = [c.name for c in table.primary_key.columns]
    with engine.begin() as conn:
        if kind == "delete":
            conn.execute(sa.delete(table).where(_pk(table, row)))
        elif kind == "swap" and len(rows) > 1:
            other = rng.choice([r for r in rows if r is not row])
            cols = [c for c in row if c not in pk]
            conn.execute(sa.delete(table).where(sa.or_(_pk(table, row), _pk(table, other))))
            conn.execute(
                sa.insert(table),
                [
                    {**{c: row[c] for c in pk}, **{c: other[c] for c in cols}},
                    {**{c: other[c] for c in pk}, **{c: row[c] for c in cols}},
                ],
            )
        else:
            col = rng.choice([c for c in row if c != "channel_id"])
            conn.execute(
                sa.update(table).where(_pk(table, row)).values({col: _flip(row[col], rng)})
            )


def _flip(v, rng):
    if isinstance(v, bytes):
        i = rng.randrange(len(v))
        return v[:i] + bytes([v[i] ^ (1 << rng.randrange(8))]) + v[i + 1 :]
    if isinstance(v, bool):
        return not v
    if isinstance(v, int):
        return v + rng.choice([-1, 1])
    s = "x" if v is None else str(v)
    if not s:
        return "x"
    i = rng.randrange(len(s))
    return s[:i] + (chr(ord(s[i]) ^ 1) if s[i] not in '"\\' else "a") + s[i + 1 :]


class _DyingPool(SignaturePool):
    """Workers that answer the first two batches, then are gone (killed, out of memory)."""

    def executor(self):
        return _DyingExecutor()


class _DyingExecutor(Executor):
    def __init__(self) -> None:
        self.jobs = 0

    def submit(self, fn, /, *args, **kwargs):
        self.jobs += 1
        if self.jobs > 3:
            raise BrokenProcessPool("gone")
        job: Future = Future()
        if self.jobs <= 2:
            job.set_result(fn(*args, **kwargs))
        else:
            job.set_exception(BrokenProcessPool("gone"))
        return job


def test_workers_that_die_leave_the_rest_to_the_ordered_pass(long_log, monkeypatch, caplog):
    svc, engine = long_log, long_log.store.engine
    key = svc.server_key.public
    n = svc.store.count_entries(CH)
    rows = list(stream(svc.store, CH, key, _DyingPool(2), batch=10).rows)
    assert [c.row.seq for c in rows] == list(range(1, n + 1))
    assert all(c.author_key is not None and c.relay_ok for c in rows[:20])
    assert all(c.author_key is None and not c.relay_ok for c in rows[20:])
    assert "worker processes stopped" in caplog.text

    bad_signature(engine, "relay_signature", 70, random.Random(5))
    one = audit(svc.store, key, workers=1).problems
    module = importlib.import_module("parley.service.audit")  # the package exports audit()
    monkeypatch.setattr(module, "SignaturePool", _DyingPool)
    assert one and audit(svc.store, key, workers=2, parallel_from=0, batch=10).problems == one
