"""Partition: a party's client is cut off while the channel goes on, and the server is
stopped and started meanwhile. On reconnection the client gets every message sent to it,
in order, once, each verified; the communication checks it missed are listed by
``parley health``. A real server process, its time read from a file the test moves."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient
from parley.client.keystore import save_key

pytestmark = pytest.mark.server
CH = story.CHANNEL


def _at(clock: Path, when: str) -> None:
    clock.write_text(f"2023-03-01T{when}+00:00")


def _answer(client: ParleyClient, number: int) -> None:
    """Answer checks as a client does on its own, once check ``number`` has been sent."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if number in client.talks.answer_checks(CH):
            return
        time.sleep(0.1)
    raise AssertionError(f"check {number} never came")


def test_a_cut_off_party_catches_up_in_order_once_and_its_silence_is_listed(
    tmp_path, people, charter
):
    clock = tmp_path / "clock"
    _at(clock, "05:00:00")
    data, port = tmp_path / "server", free_port()
    args = ["--creator", people["commander"].key_id, "--unsafe-clock-file", str(clock)]
    args += ["--timer-interval", "0.2"]
    proc = start_server(data, port, args)
    url = f"http://127.0.0.1:{port}"
    try:
        c = {s: ParleyClient(url, k, backoff=0.1) for s, k in people.items()}
        hourly = {
            **charter,
            "server_key": c["commander"].server_key().to_b64(),
            "check_interval": 3600,
        }
        c["commander"].create_channel(CH, hourly)
        c["artsakh-head"].accept_charter(CH)
        c["azerbaijan-head"].accept_charter(CH)
        ar, az = c["artsakh-member"], c["azerbaijan-member"]
        v = LogVerifier(CH, az.server_key())

        _at(clock, "06:00:30")  # check 1: both parties are connected and answer it
        _answer(ar, 1)
        _answer(az, 1)
        az.sync(CH, v)
        seen = v.size

        # Azerbaijan is cut off: no connection, no answers. The channel goes on.
        sent = [
            ar.send(CH, to="azerbaijan", subject=f"cut off {i}", text="t")[0].id for i in range(3)
        ]
        _at(clock, "07:00:30")
        _answer(ar, 2)
        proc.terminate()  # ... and the server is stopped and started again meanwhile
        proc.wait(10)
        proc = start_server(data, port, args)
        sent += [
            ar.send(CH, to="azerbaijan", subject=f"after restart {i}", text="t")[0].id
            for i in range(2)
        ]
        _at(clock, "08:00:30")
        _answer(ar, 3)
        _at(clock, "09:00:30")
        _answer(ar, 4)

        # Reconnection: follow from the last verified sequence number.
        missing = len(az.entries(CH, after=seen, limit=500))
        got = list(az.follow(CH, v, limit=missing))
        assert [e.header.type for e in got].count("message.sent") == 5
        assert [e.id for e in got if e.header.type == "message.sent"] == sent  # in order, once
        assert v.size == seen + missing
        az.verify_root(CH, v)
        # Half an hour on: check 3's deadline (an hour after it was written, which on a busy
        # machine is seconds after 08:00:30) has passed for sure; check 4's has not.
        _at(clock, "09:30:00")
        assert az.talks.answer_checks(CH) == [2, 3, 4]  # late answers do not undo silence

        health = az.talks.health(CH)["parties"]
        assert health["artsakh"]["missed"] == [] and health["artsakh"]["answered"] == 3
        assert [m["check"] for m in health["azerbaijan"]["missed"]] == [2, 3]
        assert health["azerbaijan"]["availability"] == pytest.approx(1 / 3, abs=1e-3)

        key = tmp_path / "az.key"
        save_key(key, people["azerbaijan-member"], "pw", "Azerbaijan member")
        out = subprocess.run(
            [sys.executable, "-m", "parley", "health", CH, "--url", url, "--key", str(key)],
            capture_output=True,
            text=True,
            env={**os.environ, "PARLEY_PASSPHRASE": "pw", "COLUMNS": "200"},
            check=True,
        )
        row = next(line for line in out.stdout.splitlines() if "azerbaijan" in line)
        assert "#2, #3" in row and "33.3%" in row
    finally:
        proc.terminate()
        proc.wait(10)
