"""`parley send` works offline: queued in the outbox, delivered once when the server is back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import Outbox, ParleyClient, save_key

pytestmark = pytest.mark.server
CH = story.CHANNEL


def test_offline_send_is_queued_then_sent_once(tmp_path, people, charter):
    key = tmp_path / "artsakh-head.key"
    save_key(key, people["artsakh-head"], "a long enough passphrase", "head")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PARLEY_PASSPHRASE": "a long enough passphrase", "COLUMNS": "200"}

    def parley(*args):
        return subprocess.run(
            [sys.executable, "-m", "parley", *args, "--url", url, "--key", str(key)],
            capture_output=True,
            text=True,
            env=env,
        )

    proc = start_server(tmp_path / "data", port, ["--creator", people["commander"].key_id])
    c = {s: ParleyClient(url, k) for s, k in people.items()}
    c["commander"].create_channel(CH, charter)
    c["artsakh-head"].accept_charter(CH)
    c["azerbaijan-head"].accept_charter(CH)
    proc.terminate()
    proc.wait(10)
    out = parley(
        "send",
        CH,
        "--to",
        "azerbaijan",
        "--subject",
        "Offline",
        "--text",
        "written during an outage",
    )
    assert out.returncode == 0 and "queued" in out.stdout, out.stdout + out.stderr
    [item] = Outbox(tmp_path / "artsakh-head.outbox.db").items()
    assert item.state == "pending"
    proc = start_server(tmp_path / "data", port, ["--creator", people["commander"].key_id])
    try:
        out = parley("outbox", "flush")
        assert "1 sent" in out.stdout and "0 still pending" in out.stdout, out.stdout + out.stderr
        out = parley("outbox", "flush")
        assert "0 sent" in out.stdout
        msgs = c["azerbaijan-head"].messages(CH)
        assert [m["subject"] for m in msgs] == ["Offline"]
        # A refused entry is kept as failed and not retried.
        out = parley("send", CH, "--to", "nowhere", "--subject", "x", "--text", "y")
        assert out.returncode == 3 and "side.unknown" in out.stderr
        assert [i.state for i in Outbox(tmp_path / "artsakh-head.outbox.db").items()] == [
            "sent",
            "failed",
        ]
    finally:
        proc.terminate()
        proc.wait(10)
