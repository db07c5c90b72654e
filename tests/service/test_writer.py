"""The pipelined append path: submitters on threads and on an event loop at once, on one
channel and on many; a commit that fails in the middle of a stream of groups; one writer
for every channel, a group taking the queued entries of many channels in turn and
committing them in one transaction."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from parley.cli.story import CHANNEL as CH
from parley.errors import ParleyError
from parley.model.relay import RelayReceipt
from parley.service import writer
from parley.service.audit import audit
from parley.service.writer import Group, Pending, Writer
from parley.store import WriteTx


def _run_loop() -> tuple[asyncio.AbstractEventLoop, threading.Thread]:
    loop = asyncio.new_event_loop()
    th = threading.Thread(target=loop.run_forever, daemon=True)
    th.start()
    return loop, th


def _check_log(services: Any, receipts: list[tuple[RelayReceipt, bool]]) -> None:
    """Every receipt's entry is in the log, at its seq, exactly once; seqs are gapless;
    a replayed receipt is the original one."""
    rows = services.store.entries(CH)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    by_seq = {r.seq: r for r in rows}
    assert len({r.entry_id for r in rows}) == len(rows)
    fresh: dict[str, int] = {}
    first: dict[str, RelayReceipt] = {}
    for receipt, replayed in receipts:
        assert by_seq[receipt.seq].entry_id == receipt.entry_id
        fresh[receipt.entry_id] = fresh.get(receipt.entry_id, 0) + (not replayed)
        first.setdefault(receipt.entry_id, receipt)
        assert first[receipt.entry_id] == receipt
    # Whichever submission of an entry came first (not always the first in the list)
    # appended it; every other one is a replay.
    assert set(fresh.values()) <= {1}, "an entry appended twice, or only replayed"
    assert audit(services.store, services.server_key.public).ok


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(
        st.tuples(st.sampled_from(["thread", "async"]), st.sampled_from(["new", "again", "bad"])),
        min_size=1,
        max_size=40,
    )
)
def test_concurrent_submitters_get_receipts_only_for_logged_entries(
    services, member, active_channel, plan
):
    a, b = member("artsakh-head"), member("azerbaijan-head")
    made: list[Any] = []
    jobs: list[tuple[str, dict[str, Any], str, bool]] = []
    for i, (how, what) in enumerate(plan):
        if what == "again" and made:
            e, key = made[i % len(made)]
            jobs.append((how, e.to_json(), key, True))
            continue
        who = a if i % 2 else b
        e = who.message(CH, to="azerbaijan" if who is a else "artsakh", subject=f"s{i}", text="t")
        if what == "bad":  # another entry's signature: refused, never logged
            raw = {**e.to_json(), "signature": made[-1][0].to_json()["signature"]} if made else {}
            jobs.append((how, raw, who.key.key_id, False))
            continue
        made.append((e, who.key.key_id))
        jobs.append((how, e.to_json(), who.key.key_id, True))

    loop, th = _run_loop()
    outcomes: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        how, raw, key, _ = jobs[i]
        try:
            if how == "thread":
                outcomes[i] = services.appender.submit(raw, key)
            else:
                fut = asyncio.run_coroutine_threadsafe(
                    services.appender.submit_async(raw, key), loop
                )
                outcomes[i] = fut.result(60)
        except ParleyError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    loop.call_soon_threadsafe(loop.stop)
    th.join(10)
    loop.close()

    receipts = []
    for (_, _, _, valid), out in zip(jobs, outcomes, strict=True):
        if valid:
            assert isinstance(out, tuple), out
            receipts.append(out)
        else:
            assert isinstance(out, ParleyError)
    _check_log(services, receipts)
    logged = {r.entry_id for r in services.store.entries(CH)}
    assert {e.id for e, _ in made} <= logged


class _FailingStore:
    """A store whose next ``fail`` append transactions raise after the group was
    sequenced and staged (the frontiers already extended in memory), before anything is
    written."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.fail = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @contextmanager
    def write_all(self, channel_ids: Iterable[str]) -> Iterator[dict[str, WriteTx]]:
        with self._store.write_all(channel_ids) as txs:
            yield txs
            if self.fail:
                self.fail -= 1
                raise OSError("disk full")


def test_a_failed_commit_fails_only_its_group_and_the_next_commits(
    services, member, active_channel, monkeypatch
):
    a = member("artsakh-head")
    before = services.store.count_entries(CH)
    failing = _FailingStore(services.store)
    monkeypatch.setattr(services.appender, "store", failing)
    monkeypatch.setattr(writer, "MAX_GROUP", 3)
    msgs = [a.message(CH, to="azerbaijan", subject=f"m{i}", text="t") for i in range(6)]
    failing.fail = 1

    async def both() -> list[Any]:
        # Queued as one run while the writer is held: two groups of three.
        with services.appender.writer.lock:
            pending = [services.appender.prepare(m.to_json(), a.key.key_id) for m in msgs]
            task = asyncio.ensure_future(services.appender.submit_many_async(pending))
            await asyncio.sleep(0.05)
        return list(await task)

    settled = asyncio.run(both())
    assert all(isinstance(p.error, OSError) for p in settled[:3])
    assert [p.result[0].seq for p in settled[3:]] == [before + 1, before + 2, before + 3]
    assert services.store.count_entries(CH) == before + 3
    # The failed ones were never logged; sent again they land after the others.
    again = [services.appender.submit(m.to_json(), a.key.key_id) for m in msgs[:3]]
    assert [r.seq for r, replayed in again] == [before + 4, before + 5, before + 6]
    assert not any(replayed for _, replayed in again)
    _check_log(services, [p.result for p in settled[3:]] + again)


def test_a_failed_commit_on_the_sync_path_raises_and_the_writer_carries_on(
    services, member, active_channel, monkeypatch
):
    a = member("artsakh-head")
    failing = _FailingStore(services.store)
    monkeypatch.setattr(services.appender, "store", failing)
    failing.fail = 1
    first = a.message(CH, to="azerbaijan", subject="one", text="t")
    with pytest.raises(OSError):
        services.appender.submit(first.to_json(), a.key.key_id)
    receipt, replayed = services.appender.submit(first.to_json(), a.key.key_id)
    assert not replayed and receipt.seq == services.store.count_entries(CH)
    _check_log(services, [(receipt, replayed)])


CHANNELS = ["north", "south", "east", "west"]


def _open(services: Any, member: Any, charter: dict[str, Any], channels: list[str]) -> None:
    for ch in channels:
        if services.store.channel(ch) is None:
            member("commander").create_channel(ch, charter)
            member("artsakh-head").accept_charter(ch)
            member("azerbaijan-head").accept_charter(ch)


def _check_logs(services: Any, receipts: list[Any]) -> None:
    """Per channel: seqs gapless, every receipt's entry at its seq and appended once, a
    replay answered with the original receipt; the whole log audits."""
    rows = {ch: services.store.entries(ch) for ch in {r.channel for r, _ in receipts}}
    for ch_rows in rows.values():
        assert [r.seq for r in ch_rows] == list(range(1, len(ch_rows) + 1))
        assert len({r.entry_id for r in ch_rows}) == len(ch_rows)
    fresh: dict[str, int] = {}
    first: dict[str, Any] = {}
    for receipt, replayed in receipts:
        at = rows[receipt.channel][receipt.seq - 1]
        assert at.entry_id == receipt.entry_id
        fresh[receipt.entry_id] = fresh.get(receipt.entry_id, 0) + (not replayed)
        assert first.setdefault(receipt.entry_id, receipt) == receipt
    assert set(fresh.values()) <= {1}, "an entry appended twice, or only replayed"
    assert audit(services.store, services.server_key.public).ok


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(
        st.tuples(
            st.sampled_from(CHANNELS),
            st.sampled_from(["thread", "async"]),
            st.sampled_from(["new", "new", "again", "bad"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_submitters_on_many_channels_get_receipts_only_for_logged_entries(
    services, member, charter, plan
):
    _open(services, member, charter, CHANNELS)
    a, b = member("artsakh-head"), member("azerbaijan-head")
    made: list[Any] = []
    jobs: list[tuple[str, dict[str, Any], str, bool]] = []
    for i, (ch, how, what) in enumerate(plan):
        if what == "again" and made:
            e, key = made[i % len(made)]
            jobs.append((how, e.to_json(), key, True))
            continue
        who = a if i % 2 else b
        e = who.message(ch, to="azerbaijan" if who is a else "artsakh", subject=f"s{i}", text="t")
        if what == "bad":  # another entry's signature: refused, never logged
            raw = {**e.to_json(), "signature": made[-1][0].to_json()["signature"]} if made else {}
            jobs.append((how, raw, who.key.key_id, False))
            continue
        made.append((e, who.key.key_id))
        jobs.append((how, e.to_json(), who.key.key_id, True))

    loop, th = _run_loop()
    outcomes: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        how, raw, key, _ = jobs[i]
        try:
            if how == "thread":
                outcomes[i] = services.appender.submit(raw, key)
            else:
                fut = asyncio.run_coroutine_threadsafe(
                    services.appender.submit_async(raw, key), loop
                )
                outcomes[i] = fut.result(60)
        except ParleyError as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    loop.call_soon_threadsafe(loop.stop)
    th.join(10)
    loop.close()

    receipts = []
    for (_, _, _, valid), out in zip(jobs, outcomes, strict=True):
        if valid:
            assert isinstance(out, tuple), out
            receipts.append(out)
        else:
            assert isinstance(out, ParleyError)
    _check_logs(services, receipts)
    for e, _ in made:
        assert services.store.seq_of_entry(e.header.channel, e.id) is not None


def test_a_failed_commit_fails_its_group_on_every_channel_and_the_next_commits(
    services, member, charter, monkeypatch
):
    chans = CHANNELS[:3]
    _open(services, member, charter, chans)
    a = member("artsakh-head")
    before = {ch: services.store.count_entries(ch) for ch in chans}
    failing = _FailingStore(services.store)
    monkeypatch.setattr(services.appender, "store", failing)
    monkeypatch.setattr(writer, "MAX_GROUP", 4)
    heard: list[tuple[str, int]] = []
    services.appender.listeners.append(lambda ch, size: heard.append((ch, size)))
    msgs = {ch: [a.message(ch, to="azerbaijan", subject=f"{ch}{i}", text="t") for i in (1, 2)]
            for ch in chans}  # fmt: skip
    failing.fail = 1

    async def queue_all() -> dict[str, list[Pending]]:
        # Queued while the writer is held, two entries per channel: the first group takes
        # the channels in turn (north 1, south 1, east 1, north 2) and fails; the second
        # (south 2, east 2) commits.
        tasks = {}
        with services.appender.writer.lock:
            for ch in chans:
                pending = [services.appender.prepare(m.to_json(), a.key.key_id) for m in msgs[ch]]
                tasks[ch] = asyncio.ensure_future(services.appender.submit_many_async(pending))
                await asyncio.sleep(0.02)
        return {ch: list(await t) for ch, t in tasks.items()}

    settled = asyncio.run(queue_all())
    north, south, east = (settled[ch] for ch in chans)
    failed = [*north, south[0], east[0]]
    assert all(isinstance(p.error, OSError) and p.result is None for p in failed)
    assert south[1].result is not None and east[1].result is not None
    assert south[1].result[0].seq == before["south"] + 1
    assert east[1].result[0].seq == before["east"] + 1
    assert {ch: services.store.count_entries(ch) for ch in chans} == {
        "north": before["north"],
        "south": before["south"] + 1,
        "east": before["east"] + 1,
    }
    # Listeners hear of the group that committed, once per channel, and of nothing else
    # (they are called after its submitters have been answered: wait for the writer).
    # (The setup's own last group may still be announced after the listener was added:
    # only sizes past the setup's count are this test's.)
    ours = lambda: sorted(h for h in heard if h[1] > before[h[0]])  # noqa: E731
    for _ in range(500):
        if len(ours()) >= 2:
            break
        threading.Event().wait(0.01)
    assert ours() == [("east", before["east"] + 1), ("south", before["south"] + 1)]
    # The failed ones were never logged; sent again they land after the others.
    again = [services.appender.submit(p.entry.to_json(), a.key.key_id) for p in failed]
    assert [(r.channel, r.seq) for r, _ in again] == [
        ("north", before["north"] + 1),
        ("north", before["north"] + 2),
        ("south", before["south"] + 2),
        ("east", before["east"] + 2),
    ]
    assert not any(replayed for _, replayed in again)
    _check_logs(services, [south[1].result, east[1].result, *again])


@pytest.mark.parametrize("fault", ["own", "database"])
def test_a_channels_own_fault_fails_only_its_part_a_database_error_the_group(
    services, member, charter, monkeypatch, fault
):
    chans = CHANNELS[:2]
    _open(services, member, charter, chans)
    a = member("artsakh-head")
    before = {ch: services.store.count_entries(ch) for ch in chans}
    one = services.appender._one
    error = RuntimeError("a bug") if fault == "own" else OperationalError("SELECT", {}, OSError())

    def faulty(tx: Any, *args: Any) -> Any:
        if tx.channel_id == "north":
            raise error
        return one(tx, *args)

    monkeypatch.setattr(services.appender, "_one", faulty)
    msgs = [a.message(ch, to="azerbaijan", subject=ch, text="t") for ch in chans]

    async def queue_all() -> list[Pending]:
        with services.appender.writer.lock:  # both in one group
            tasks = [
                asyncio.ensure_future(
                    services.appender.submit_many_async(
                        [services.appender.prepare(m.to_json(), a.key.key_id)]
                    )
                )
                for m in msgs
            ]
            await asyncio.sleep(0.05)
        return [(await t)[0] for t in tasks]

    north, south = asyncio.run(queue_all())
    assert north.error is error and north.result is None
    if fault == "own":
        assert south.result is not None and south.result[0].seq == before["south"] + 1
    else:
        assert south.error is error and south.result is None
    logged = before["south"] + (fault == "own")
    assert services.store.count_entries("south") == logged
    assert services.store.count_entries("north") == before["north"]
    monkeypatch.setattr(services.appender, "_one", one)
    receipt, replayed = services.appender.submit(msgs[0].to_json(), a.key.key_id)
    assert (receipt.seq, replayed) == (before["north"] + 1, False)
    _check_logs(services, [(receipt, replayed)])


def test_one_commit_takes_every_channel_in_turn_and_a_backlog_does_not_starve_others():
    commits: list[Group] = []
    w = Writer(lambda group: commits.append(group) or {}, lambda ch, size: None)

    def items(n: int) -> list[Pending]:
        return [Pending(None, None, None, done=threading.Event()) for _ in range(n)]  # type: ignore[arg-type]

    big, small, tiny = items(writer.MAX_GROUP + 100), items(3), items(1)
    with w.lock:  # all of it queues before the first group is taken
        w.put("big", big)
        w.put("small", small)
        w.put("tiny", tiny)
        assert w.queued("big") == len(big)
    for p in big + small + tiny:
        assert p.done is not None and p.done.wait(10)
    first = commits[0]
    assert sum(len(g) for g in first.values()) == writer.MAX_GROUP
    assert first["small"] == small and first["tiny"] == tiny  # not behind the backlog
    assert first["big"] == big[: writer.MAX_GROUP - 4]
    assert [p for g in commits for p in g.get("big", [])] == big  # in queue order, once
    assert w.queued("big") == 0


def test_channels_are_locked_in_ascending_key_order(services):
    """On PostgreSQL two servers writing overlapping channels in one transaction each must
    take the advisory locks in the same order, or each could wait for the other."""
    if not services.store.is_postgres:
        pytest.skip("SQLite has one writer lock, taken by BEGIN IMMEDIATE")
    keys: list[int] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "pg_advisory_xact_lock" in statement:
            keys.append(params["k"])

    event.listen(services.store.engine, "before_cursor_execute", seen)
    try:
        names = [f"ch-{i}" for i in range(20)]
        with services.store.write_all(reversed(names)):
            pass
    finally:
        event.remove(services.store.engine, "before_cursor_execute", seen)
    assert len(keys) == len(set(keys)) >= 19
    assert keys == sorted(keys)


def test_the_size_a_process_claims_is_only_what_it_committed(
    services, member, active_channel, monkeypatch
):
    """The LISTEN thread tells this process's own appends from others' by it (a NOTIFY at
    or below it wakes no stream): a failed commit must not leave its size claimed."""
    a = member("artsakh-head")
    size = services.store.count_entries(CH)
    assert services.appender.claimed(CH) == size
    failing = _FailingStore(services.store)
    monkeypatch.setattr(services.appender, "store", failing)
    m = a.message(CH, to="azerbaijan", subject="s", text="t")
    failing.fail = 1
    with pytest.raises(OSError):
        services.appender.submit(m.to_json(), a.key.key_id)
    assert services.appender.claimed(CH) == size
    services.appender.submit(m.to_json(), a.key.key_id)
    assert services.appender.claimed(CH) == size + 1 == services.store.count_entries(CH)
