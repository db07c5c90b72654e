"""The pipelined append path: submitters on threads and on an event loop at once, a
commit that fails in the middle of a stream of groups."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cli.story import CHANNEL as CH
from parley.errors import ParleyError
from parley.model.relay import RelayReceipt
from parley.service import writer
from parley.service.audit import audit
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
    """A store whose next ``fail`` appends raise, after the group was sequenced (the
    frontier already extended in memory), before anything is written."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.fail = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @contextmanager
    def write(self, channel_id: str) -> Iterator[WriteTx]:
        with self._store.write(channel_id) as tx:
            if self.fail:
                self.fail -= 1

                def append(*_: Any, **__: Any) -> None:
                    raise OSError("disk full")

                tx.append = append  # type: ignore[method-assign]
            yield tx


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
        with services.appender._lock(CH):
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
