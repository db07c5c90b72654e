"""Group commit: concurrent submissions to a channel share one transaction and one
checkpoint, and each caller still gets exactly its own answer."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from parley.cli.story import CHANNEL as CH
from parley.errors import Conflict, NotFound
from parley.model.clock import parse_time
from parley.model.entry import make_entry
from parley.service.audit import audit


def _submit_all(services, jobs: list[tuple[dict[str, Any], str]]) -> list[Any]:
    """Submit every (entry json, key id) from its own thread while the writer's lock is
    held, so that all of them queue — in the order given: each thread starts once
    the one before it has queued; then let them go. Returns each outcome."""
    out: list[Any] = [None] * len(jobs)
    writer = services.appender.writer

    def run(i: int) -> None:
        try:
            out[i] = services.appender.submit(*jobs[i])
        except Exception as exc:  # the outcome under test
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    with writer.lock:
        for i, t in enumerate(threads):
            t.start()
            for _ in range(500):
                if writer.queued(CH) >= i + 1:
                    break
                threading.Event().wait(0.002)
            else:
                pytest.fail("submissions did not queue")
    for t in threads:
        t.join(30)
    return out


def test_a_group_commits_once_and_answers_each_caller(services, member, active_channel):
    a, b = member("artsakh-head"), member("azerbaijan-head")
    before = services.store.channel(active_channel)["tree_size"]
    checkpoints_before = len(list(services.store.iter_checkpoints(active_channel)))
    msgs = [
        a.message(active_channel, to="azerbaijan", subject=f"m{i}", text="x" * 64)
        for i in range(16)
    ]
    jobs = [(m.to_json(), a.key.key_id) for m in msgs]
    jobs.append((msgs[3].to_json(), a.key.key_id))  # the same entry again: a replay
    bad = b.message(active_channel, to="nowhere", subject="?", text="?")
    jobs.append((bad.to_json(), b.key.key_id))  # rejected by the rules
    late = b.message(active_channel, to="artsakh", subject="r", text="r")
    jobs.append((late.to_json(), b.key.key_id))
    results = _submit_all(services, jobs)

    receipts = results[:16]
    assert all(isinstance(r, tuple) and r[1] is False for r in receipts)
    seqs = sorted(r[0].seq for r in receipts)
    assert seqs == list(range(before + 1, before + 17))
    replay = results[16]
    assert replay[1] is True and replay[0] == receipts[3][0]
    assert isinstance(results[17], NotFound)
    assert results[18][1] is False  # the valid one after a rejected one still lands
    after = services.store.channel(active_channel)["tree_size"]
    assert after == before + 17
    checkpoints = list(services.store.iter_checkpoints(active_channel))
    assert len(checkpoints) == checkpoints_before + 1  # one checkpoint for the group
    assert checkpoints[-1][0] == after
    assert audit(services.store, services.server_key.public).ok


def test_an_id_reused_within_a_group_is_a_conflict(services, member, active_channel):
    a = member("artsakh-head")
    first = a.message(active_channel, to="azerbaijan", subject="one", text="one")
    other = a.message(active_channel, to="azerbaijan", subject="two", text="two")
    # Re-sign ``other`` under ``first``'s id: a well-signed entry whose id is taken.
    clash = make_entry(
        a.key,
        channel=first.header.channel,
        type=other.header.type,
        body=dict(other.body or {}),
        time=parse_time(other.header.time),
        entry_id=first.id,
        refs=(),
        disclosure=other.header.disclosure,
        salt=other.salt,
    )
    results = _submit_all(
        services, [(first.to_json(), a.key.key_id), (clash.to_json(), a.key.key_id)]
    )
    assert results[0][1] is False
    assert isinstance(results[1], Conflict) and results[1].code == "entry.id_reused"
    assert services.store.count_entries(active_channel) == results[0][0].seq
    assert audit(services.store, services.server_key.public).ok
