"""Readers and writers on one channel at once, on every back-end: readers take published
snapshots and never see a state being changed.

Before snapshots, the anonymous statement check walked the appender's live state while
appends changed it (``RuntimeError: dictionary changed size during iteration``). Here
writers append messages and receipts while readers run the public and member statement
checks, the push stream's entry view, the message view, and look at the latest snapshot
itself, for ``PARLEY_STRESS_SECONDS`` (20 by default; longer runs find rarer races): no reader may raise, and every
snapshot a reader holds must be whole — its size matches its entries, every receipt it
lists is in it — and stay the same while the reader holds it.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import pytest

from parley.claims import build_record
from parley.cli import story
from parley.model.messages import MESSAGES, RECEIPTS
from parley.model.state import ENTRY_SEQ, ChannelState

SECONDS = float(os.environ.get("PARLEY_STRESS_SECONDS", "20"))


def whole(state: ChannelState) -> None:
    seqs = sorted(state[ENTRY_SEQ].values())
    assert seqs == list(range(1, state.size + 1)), "the snapshot's entries are its size"
    receipts = state[RECEIPTS]
    for m in state[MESSAGES].values():
        assert m.seq <= state.size
        for rid in m.receipts:
            assert rid in receipts and receipts[rid].message == m.id


@pytest.fixture
def public_channel(member, charter):
    """The story's channel with its checkpoint public, so the public check has a record."""
    member("commander").create_channel(story.CHANNEL, {**charter, "public_checkpoint": True})
    member("artsakh-head").accept_charter(story.CHANNEL)
    member("azerbaijan-head").accept_charter(story.CHANNEL)
    return story.CHANNEL


def test_readers_never_see_a_state_change_under_them(services, member, public_channel):
    ch = public_channel
    a, b = member("artsakh-head"), member("azerbaijan-head")
    viewer = services.channels.viewer(ch, b.key_id)
    stop = threading.Event()
    errors: list[BaseException] = []
    counts: dict[str, int] = {}

    def loop(name: str, step: Any) -> None:
        n = 0
        try:
            while not stop.is_set():
                step()
                n += 1
        except BaseException as exc:  # the outcome under test
            errors.append(exc)
            stop.set()
        counts[name] = n

    def write_messages() -> None:
        e = a.message(ch, to="azerbaijan", subject="s", text="t")
        services.appender.submit(e.to_json(), a.key_id)

    def write_receipts() -> None:
        state = services.snapshots.latest(ch)
        assert state is not None
        mine = [m for m in state[MESSAGES].values() if m.to == "azerbaijan" and not m.receipts]
        if mine:
            e = b.build_unchecked(
                ch, "receipt.delivered", {"message": mine[0].id}, refs=(mine[0].id,)
            )
            services.appender.submit(e.to_json(), b.key_id)
        else:
            time.sleep(0.001)

    def check_public() -> None:
        services.claims.check_public(ch, ["The sides met in Baku on 1 March."])

    def check_member() -> None:
        services.claims.check(viewer, ["The next meeting will be in Ganja."])

    def hold_a_snapshot() -> None:
        state = services.snapshots.latest(ch)
        assert state is not None
        size, messages = state.size, dict(state[MESSAGES])
        build_record(state, public_only=False, as_of=services.clock.now())
        whole(state)
        assert state.size == size and dict(state[MESSAGES]) == messages  # it did not change

    after = [0]

    def follow() -> None:  # what the push stream does on each wake
        items = services.channels.entries_view(viewer, after[0], 200)
        for item in items:
            assert item["seq"] == after[0] + 1
            after[0] = item["seq"]

    def read_messages() -> None:
        services.channels.messages_view(viewer)

    steps = {
        "write messages": write_messages,
        "write receipts": write_receipts,
        "public check": check_public,
        "member check": check_member,
        "snapshot": hold_a_snapshot,
        "push": follow,
        "messages view": read_messages,
    }
    threads = [threading.Thread(target=loop, args=(n, s)) for n, s in steps.items()]
    for t in threads:
        t.start()
    stop.wait(SECONDS)
    stop.set()
    for t in threads:
        t.join(60)
    assert not errors, f"{len(errors)} reader or writer failed: {errors[0]!r}"
    assert all(counts[n] > 0 for n in steps), counts
    final = services.snapshots.current(ch)
    assert final is not None
    whole(final)
    assert final.size == services.store.channel(ch)["tree_size"]
    follow()
    assert after[0] == final.size  # the follower saw every entry, in order, once
