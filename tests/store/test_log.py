"""The append transaction's connection: the thread that keeps it (the appender's writer)
checks it out once for any number of groups and returns it when it is done; one that
fails is closed, and the next transaction opens a fresh one."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import event

from parley.service import writer


def _checkouts(engine: Any) -> list[int]:
    seen: list[int] = []
    event.listen(engine, "checkout", lambda *_: seen.append(threading.get_ident()))
    return seen


def test_a_kept_connection_serves_every_group_and_goes_back_to_the_pool(
    services: Any, member: Any, active_channel: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = services.store
    a = member("artsakh-head")
    msgs = [a.message(active_channel, to="azerbaijan", subject=f"m{i}", text="t") for i in range(5)]
    w = services.appender.writer
    deadline = time.monotonic() + 5
    while w._writing and time.monotonic() < deadline:  # the setup's writer thread ends
        time.sleep(0.05)
    assert not w._writing
    monkeypatch.setattr(writer, "IDLE_SECONDS", 0.2)
    ended = threading.Event()
    w._ended = lambda: (store.release_connection(), ended.set())
    seen = _checkouts(store.engine)
    # One submission at a time: five groups, each its own transaction.
    for m in msgs:
        services.appender.submit(m.to_json(), a.key.key_id)
    appender_thread = {i for i in seen if i != threading.get_ident()}
    assert len(appender_thread) == 1
    assert seen.count(appender_thread.pop()) == 1, "one checkout for five groups"
    assert ended.wait(5)
    assert store.engine.pool.checkedout() == 0


def test_a_failed_transaction_closes_the_kept_connection(services: Any) -> None:
    store = services.store
    store.keep_connection()
    try:
        with store.write_all(["x"]):
            pass
        kept = store._kept[threading.get_ident()]
        assert kept is not None
        with pytest.raises(RuntimeError), store.write_all(["x"]):
            raise RuntimeError("a fault in the group")
        assert kept.closed
        with store.write_all(["x"]):
            pass
        fresh = store._kept[threading.get_ident()]
        assert fresh is not None and fresh is not kept
    finally:
        store.release_connection()
    assert store.engine.pool.checkedout() == 0
