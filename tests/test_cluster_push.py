"""Two ``parley serve`` processes on one PostgreSQL database: an entry appended through
one reaches a client following the channel on the other, woken by LISTEN/NOTIFY (the
safety-net poll is set to ten minutes, so nothing else could deliver it in time)."""

from __future__ import annotations

import os
import threading
import uuid

import pytest
import sqlalchemy as sa

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient

pytestmark = pytest.mark.server
CH = story.CHANNEL


@pytest.fixture
def fresh_pg():
    url = os.environ.get("PARLEY_TEST_PG_URL")
    if not url:
        if os.environ.get("PARLEY_REQUIRE_PG") == "1":
            pytest.fail("PARLEY_REQUIRE_PG=1 but PARLEY_TEST_PG_URL is not set")
        pytest.skip("needs PostgreSQL: set PARLEY_TEST_PG_URL")
    admin = sa.create_engine(
        url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    name = f"parley_cluster_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield f"{url.rsplit('/', 1)[0]}/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_push_reaches_a_client_on_another_process(tmp_path, people, charter, fresh_pg):
    args = ["--creator", people["commander"].key_id, "--db", fresh_pg, "--push-poll", "600"]
    ports = [free_port(), free_port()]
    procs = [start_server(tmp_path, p, args) for p in ports]
    a_url, b_url = (f"http://127.0.0.1:{p}" for p in ports)
    try:
        on_a = {s: ParleyClient(a_url, k) for s, k in people.items()}
        on_a["commander"].create_channel(CH, charter)
        on_a["artsakh-head"].accept_charter(CH)
        on_a["azerbaijan-head"].accept_charter(CH)
        reader = ParleyClient(b_url, people["azerbaijan-member"])
        v = LogVerifier(CH, reader.server_key())
        reader.sync(CH, v)  # up to date through process B
        got: list[str] = []
        done = threading.Event()

        def follow() -> None:
            for entry in reader.follow(CH, v, limit=3):
                got.append(entry.id)
            done.set()

        threading.Thread(target=follow, daemon=True).start()
        a = on_a["artsakh-head"]
        sent = [a.send(CH, to="azerbaijan", subject="via A 0", text="t")[0].id]
        deadline = threading.Event()
        for _ in range(200):  # the first may come by the stream's opening read ...
            if got:
                break
            deadline.wait(0.1)
        # ... but now the stream is waiting: only a NOTIFY from A can wake it in time.
        sent += [a.send(CH, to="azerbaijan", subject=f"via A {i}", text="t")[0].id for i in (1, 2)]
        assert done.wait(20), f"process B pushed {len(got)} of 3 entries appended on A"
        assert got == sent
        reader.verify_root(CH, v)
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
