"""Server push over SSE against a real server process, across a server restart."""

from __future__ import annotations

import threading
import time

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient

pytestmark = pytest.mark.server
CH = story.CHANNEL


def test_follow_gets_every_entry_once_in_order_across_a_restart(tmp_path, people, charter):
    port = free_port()
    args = ["--creator", people["commander"].key_id]
    proc = start_server(tmp_path, port, args)
    url = f"http://127.0.0.1:{port}"
    c = {s: ParleyClient(url, k, backoff=0.1) for s, k in people.items()}
    c["commander"].create_channel(CH, charter)
    c["artsakh-head"].accept_charter(CH)
    c["azerbaijan-head"].accept_charter(CH)
    v = LogVerifier(CH, c["azerbaijan-member"].server_key())
    got: list[int] = []
    total = 3 + 3 + 3
    errors: list[BaseException] = []

    def follow() -> None:
        try:
            for _ in c["azerbaijan-member"].follow(CH, v, limit=total):
                got.append(v.size)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    t = threading.Thread(target=follow, daemon=True)
    t.start()
    try:
        for i in range(3):
            c["artsakh-head"].send(CH, to="azerbaijan", subject=f"before {i}", text="t")
        deadline = time.monotonic() + 20
        while len(got) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(got) == 6, (got, errors)
        proc.terminate()
        proc.wait(10)
        proc = start_server(tmp_path, port, args)
        for i in range(3):
            c["artsakh-head"].send(CH, to="azerbaijan", subject=f"after {i}", text="t")
        t.join(30)
        assert not errors, errors
        assert got == list(range(1, total + 1))
        c["azerbaijan-member"].verify_root(CH, v)
    finally:
        proc.terminate()
        proc.wait(10)
