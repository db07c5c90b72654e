"""`parley serve` as a newcomer starts it: who may create channels, and what it says
when nobody may."""

from __future__ import annotations

import json

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient, read_public, save_key

pytestmark = pytest.mark.server


def test_creator_by_key_file_and_the_warning_without_one(tmp_path, people, charter):
    key = tmp_path / "mediator.key"
    save_key(key, people["commander"], "a long enough passphrase", "Commander")
    printed = tmp_path / "mediator.pub.json"  # what `parley keygen` prints, kept in a file
    printed.write_text(json.dumps(read_public(key)))
    port = free_port()
    proc = start_server(tmp_path / "data", port, ["--creator", str(printed)])
    try:
        c = ParleyClient(f"http://127.0.0.1:{port}", people["commander"])
        c.create_channel(story.CHANNEL, charter)  # the key file named the creator
    finally:
        proc.terminate()
        proc.wait(10)
    assert "nobody can create channels" not in (tmp_path / "data" / "server.log").read_text()
    proc = start_server(tmp_path / "other", free_port(), [])
    proc.terminate()
    proc.wait(10)
    log = (tmp_path / "other" / "server.log").read_text()
    assert "warning: no --creator: nobody can create channels" in log


def test_the_server_starts_with_its_startup_heap_out_of_the_collectors_view(tmp_path, monkeypatch):
    """What starting up allocated (~150,000 objects) is frozen before the server takes
    requests: a full collection that scanned it all stalled every request 55–80 ms (the
    flood benchmark's p99). Checked in process, at the moment uvicorn would start."""
    import gc

    import uvicorn
    from typer.testing import CliRunner

    from parley.cli.main import app

    seen: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: seen.append(gc.get_freeze_count()))
    monkeypatch.setattr("parley.service.timers.TimerThread.start", lambda self: None)
    try:
        args = ["serve", "--data-dir", str(tmp_path / "d"), "--port", str(free_port())]
        result = CliRunner().invoke(app, args)
    finally:
        gc.unfreeze()
    assert result.exit_code == 0, result.output
    assert seen and seen[0] > 10_000, seen
