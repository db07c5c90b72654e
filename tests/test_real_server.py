"""A real ``parley serve`` process over a socket, and ``parley demo`` / ``parley verify``
as a user runs them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ApiError, LogVerifier, ParleyClient

pytestmark = pytest.mark.server
PARLEY = [sys.executable, "-m", "parley"]


def test_real_server_over_a_socket(tmp_path, people, charter):
    port = free_port()
    proc = start_server(tmp_path, port, ["--creator", people["commander"].key_id])
    try:
        url = f"http://127.0.0.1:{port}"
        c = {k: ParleyClient(url, key) for k, key in people.items()}
        c["commander"].create_channel(story.CHANNEL, charter)
        c["artsakh-head"].accept_charter(story.CHANNEL)
        c["azerbaijan-head"].accept_charter(story.CHANNEL)
        e, receipt = c["artsakh-member"].send(
            story.CHANNEL, to="azerbaijan", subject="Gas", text="urgent", priority="urgent"
        )
        assert receipt.seq == 4
        assert c["azerbaijan-member"].mark_delivered(story.CHANNEL) == [e.id]
        c["azerbaijan-head"].acknowledge(story.CHANNEL, e.id)
        assert c["artsakh-head"].messages(story.CHANNEL)[0]["status"] == "acknowledged"
        with pytest.raises(ApiError) as exc:
            c["azerbaijan-head"].acknowledge(story.CHANNEL, e.id)
        assert exc.value.code == "receipt.duplicate"
        v = LogVerifier(story.CHANNEL, c["artsakh-head"].server_key())
        c["artsakh-head"].sync(story.CHANNEL, v)
        c["artsakh-head"].verify_root(story.CHANNEL, v)
        assert v.size == 6
    finally:
        proc.terminate()
        proc.wait(10)
    out = subprocess.run(
        [*PARLEY, "verify", "--data-dir", str(tmp_path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_third_party_witness_process(tmp_path, people, charter):
    """`parley witness-serve` and `parley serve --witness` as separate processes."""

    from parley.client import save_key
    from parley.crypto import SigningKey
    from parley.service import load_server_key

    wkey = SigningKey.generate()
    save_key(tmp_path / "w.key", wkey, "pw", "Witness")
    server_key = load_server_key(tmp_path / "data")
    wport, port = free_port(), free_port()
    env = {**os.environ, "PARLEY_PASSPHRASE": "pw"}
    witness = subprocess.Popen(
        [
            *PARLEY,
            "witness-serve",
            "--key",
            str(tmp_path / "w.key"),
            "--name",
            "witness.example/w",
            "--log",
            f"parley.local/{story.CHANNEL}={server_key.public.to_b64()}",
            "--state",
            str(tmp_path / "w.json"),
            "--port",
            str(wport),
        ],
        env=env,
        stderr=subprocess.PIPE,
    )
    proc = start_server(
        tmp_path / "data",
        port,
        [
            "--creator",
            people["commander"].key_id,
            "--witness",
            f"witness.example/w={wkey.public.to_b64()}@http://127.0.0.1:{wport}",
        ],
    )
    try:
        c = ParleyClient(f"http://127.0.0.1:{port}", people["commander"])
        c.create_channel(story.CHANNEL, charter)
        for _ in range(50):
            [res] = c.push_witnesses(story.CHANNEL)
            if res["ok"]:
                break
            import time

            time.sleep(0.1)  # the witness process may still be starting
        assert res["ok"] and res["size"] == 1
        assert "— witness.example/w " in c.checkpoint(story.CHANNEL)
    finally:
        proc.terminate()
        witness.terminate()
        proc.wait(10)
        witness.wait(10)
    assert (tmp_path / "w.json").exists()


def test_demo_then_verify_passes(demo_dir):
    out = subprocess.run(
        [*PARLEY, "verify", "--data-dir", str(demo_dir)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout
    assert "54 entries verified" in out.stdout  # 52, and the two parties' cosignatures recorded


@pytest.mark.parametrize(
    "sql,expect",
    [
        (
            "UPDATE messages SET text = text || '.' WHERE rowid = (SELECT max(rowid) FROM messages)",
            "column text",
        ),
        ("UPDATE entries SET body = replace(body, 'e', 'E') WHERE seq = 9", "entry seq 9"),
        (
            "DELETE FROM receipts WHERE rowid = (SELECT min(rowid) FROM receipts)",
            "projection.missing",
        ),
        ("DELETE FROM entries WHERE seq = 12", "log.gap"),
        ("UPDATE channels SET root_hash = '00' || substr(root_hash, 3)", "root_hash"),
    ],
)
def test_verify_names_what_broke(demo_dir, tmp_path, sql, expect):
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(demo_dir), str(copy)], check=True)
    with sqlite3.connect(copy / "parley.db") as db:
        assert db.execute(sql).rowcount == 1
    out = subprocess.run(
        [*PARLEY, "verify", "--data-dir", str(copy)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert expect in out.stdout, out.stdout
