"""The meeting, agenda, mandate, minutes and commitment commands against a real server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient, save_key
from parley.crypto import SigningKey
from parley.service import load_server_key

pytestmark = pytest.mark.server
CH = story.CHANNEL
M = "wg-2023-03-01"


def test_talks_commands(tmp_path):
    keys, paths = {}, {}
    for stem, *_ in story.PEOPLE:
        keys[stem] = SigningKey.generate()
        paths[stem] = tmp_path / f"{stem}.key"
        save_key(paths[stem], keys[stem], "a long enough passphrase", stem)
    server_key = load_server_key(tmp_path / "data")
    port = free_port()
    proc = start_server(
        tmp_path / "data", port, ["--creator", keys["commander"].key_id, "--timer-interval", "3600"]
    )
    url = f"http://127.0.0.1:{port}"

    def run(who, *args, ok=True):
        out = subprocess.run(
            [sys.executable, "-m", "parley", *args, "--url", url, "--key", str(paths[who])],
            capture_output=True,
            text=True,
            env={**os.environ, "PARLEY_PASSPHRASE": "a long enough passphrase", "COLUMNS": "200"},
        )
        if ok:
            assert out.returncode == 0, out.stdout + out.stderr
        return out

    try:
        charter = {
            **story.charter({s: k.public.to_b64() for s, k in keys.items()}),
            "server_key": server_key.public.to_b64(),
        }
        c = {s: ParleyClient(url, k) for s, k in keys.items()}
        c["commander"].create_channel(CH, charter)
        c["artsakh-head"].accept_charter(CH)
        c["azerbaijan-head"].accept_charter(CH)
        items = [f"--item={t['id']}:{t['id']}:{t['title']}" for t in story.MANDATE]
        run(
            "duty-officer",
            "meeting",
            "propose",
            CH,
            M,
            "--start",
            "2023-03-01T11:00:00+04:00",
            "--venue",
            "Mission HQ",
            *items,
        )
        bad = run(
            "artsakh-head",
            "meeting",
            "propose",
            CH,
            "m2",
            "--start",
            "2023-03-01T11:00:00",
            "--venue",
            "x",
            ok=False,
        )
        assert bad.returncode == 3 and "time.no_zone" in bad.stderr
        run("artsakh-head", "meeting", "accept", CH, M)
        out = run("azerbaijan-head", "meeting", "accept", CH, M)
        assert "agreed" in out.stdout
        run(
            "azerbaijan-head",
            "agenda",
            "raise",
            CH,
            M,
            "integration",
            "--title",
            "Integration",
            "--text",
            "Integration issues",
            "--topic",
            "integration",
        )
        bad = run("azerbaijan-head", "agenda", "accept", CH, M, "integration", ok=False)
        assert "agenda.off_mandate" in bad.stderr
        # The server's refusal, completed by the CLI with what the mandate holds.
        topics = ", ".join(sorted(t["id"] for t in story.MANDATE))
        assert f"the mandate's topics are: {topics}" in bad.stderr
        run(
            "artsakh-head",
            "agenda",
            "decline",
            CH,
            M,
            "integration",
            "--reason",
            "Outside the mandate",
        )
        run(
            "duty-officer", "meeting", "held", CH, M, "--started", "2023-03-01T11:05:00+04:00",
            "--attendee", "artsakh:Secretary", "--attendee", "azerbaijan:Member of parliament",
        )  # fmt: skip
        bad = run("artsakh-head", "meeting", "held", CH, M, "--started", "x", ok=False)
        assert bad.returncode == 3 and "meeting.not_mediator" in bad.stderr
        run("duty-officer", "agenda", "propose", CH, M, "water", "--topic", "gas-supply",
            "--title", "Water supply")  # fmt: skip
        run("artsakh-head", "agenda", "accept", CH, M, "water")
        out = run("artsakh-member", "meeting", "show", CH, M)
        assert "OUTSIDE THE MANDATE" in out.stdout and "Outside the mandate" in out.stdout
        # Not yet answered by every party: pending, not ✗; a declined item is ✗ declined.
        assert (
            "pending: Water supply" in out.stdout
            and "(accepted by artsakh, peacekeepers)" in out.stdout
        )
        assert "✗ declined: Integration" in out.stdout
        assert (
            "held 2023-03-01T11:05:00+04:00" in out.stdout and "Member of parliament" in out.stdout
        )
        out = run("artsakh-member", "meeting", "show", CH, "--next")
        assert "never proposed" in out.stdout
        run(
            "duty-officer",
            "meeting",
            "propose",
            CH,
            "wg-next",
            "--start",
            "2099-03-15T11:00:00+04:00",  # this server runs on the real clock
            "--venue",
            "Mission HQ",
        )
        out = run("artsakh-member", "meeting", "show", CH, "--next")
        assert "proposed not agreed" in out.stdout
        # Issue 17: once agreed, the next meeting was answered "never proposed".
        run("artsakh-head", "meeting", "accept", CH, "wg-next")
        run("azerbaijan-head", "meeting", "accept", CH, "wg-next")
        out = run("artsakh-member", "meeting", "show", CH, "--next")
        assert "next meeting: agreed" in out.stdout and "wg-next" in out.stdout, out.stdout
        (tmp_path / "m1.json").write_text(
            json.dumps([{"item": "gas-supply", "summary": "Gas", "outcome": "agreed"}])
        )
        (tmp_path / "m2.json").write_text(
            json.dumps(
                [{"item": "gas-supply", "summary": "Gas", "outcome": "agreed: uninterrupted"}]
            )
        )
        run("duty-officer", "minutes", "draft", CH, M, "--file", str(tmp_path / "m1.json"))
        run("duty-officer", "minutes", "draft", CH, M, "--file", str(tmp_path / "m2.json"))
        bad = run("artsakh-head", "minutes", "sign", CH, M, "--version", "7", ok=False)
        assert "minutes.unknown_version" in bad.stderr
        for head in ("artsakh-head", "azerbaijan-head", "commander"):
            out = run(head, "minutes", "sign", CH, M, "--version", "2")
        assert "agreed version: 2" in out.stdout
        out = run("artsakh-member", "minutes", "diff", CH, M, "--from", "1", "--to", "2")
        assert "+  outcome: agreed: uninterrupted" in out.stdout
        out = run("artsakh-member", "minutes", "show", CH, M)
        assert "AGREED" in out.stdout
        run(
            "commander",
            "commitment",
            "add",
            CH,
            "inform",
            "--owner",
            "azerbaijan",
            "--text",
            "Inform through the mission",
            "--days-after",
            "5",
            "--meeting",
            M,
        )
        run(
            "commander",
            "commitment",
            "add",
            CH,
            "old",
            "--owner",
            "artsakh",
            "--text",
            "Long overdue",
            "--due",
            "2023-03-02T00:00:00+04:00",
        )
        out = run("artsakh-head", "commitment", "list", CH, "--overdue")
        # Times to the second, saying UTC (not 16 characters of ISO text).
        assert re.search(r"artsakh owes old since 2023-03-01 20:00:00 UTC", out.stdout)
        assert (
            "artsakh owes old since" in out.stdout and "inform" in out.stdout
        )  # the server clock is today
        run("azerbaijan-head", "commitment", "report", CH, "inform", "--note", "done")
        bad = run("azerbaijan-head", "commitment", "confirm", CH, "inform", ok=False)
        assert "commitment.own" in bad.stderr
        run("artsakh-head", "commitment", "confirm", CH, "inform")
        run("azerbaijan-head", "commitment", "dispute", CH, "old", "--reason", "not done", ok=False)
        out = run("artsakh-head", "commitment", "list", CH)
        assert "confirmed" in out.stdout
        bad = run("artsakh-head", "commitment", "confirm", CH, "nosuch", ok=False)
        assert bad.returncode == 3 and "commitment.unknown" in bad.stderr
        assert "the commitments are: " in bad.stderr and "inform" in bad.stderr
        run(
            "duty-officer", "mandate", "extend", CH, "prisoners", "--title", "Exchange of detainees"
        )
        run("artsakh-head", "mandate", "sign", CH, "prisoners")
        out = run("azerbaijan-head", "mandate", "sign", CH, "prisoners")
        assert "now in the mandate" in out.stdout
        # Disclosure and communiqués.
        run(
            "duty-officer",
            "communique",
            "draft",
            CH,
            "c1",
            "--text",
            "en=The working groups met.",
            "--text",
            "ru=Рабочие группы встретились.",
            "--meeting",
            M,
        )
        bad = run("commander", "communique", "publish", CH, "c1", ok=False)
        assert bad.returncode == 3 and "communique.not_signed" in bad.stderr
        for head in ("artsakh-head", "azerbaijan-head"):
            run(head, "communique", "sign", CH, "c1", "--version", "1")
        out = run("commander", "communique", "sign", CH, "c1", "--version", "1")
        assert "PUBLISHED" in out.stdout
        assert "public/v1/channels" in run("commander", "communique", "publish", CH, "c1").stdout
        mins = c["commander"].talks.minutes(CH, M)["versions"][1]["entry_id"]
        out = run(
            "commander",
            "disclose",
            "propose",
            CH,
            "open-minutes",
            "--entry",
            mins,
            "--reason",
            "exhaustive information",
        )
        assert "never be closed" in out.stdout
        run("artsakh-head", "disclose", "sign", CH, "open-minutes")
        out = run("azerbaijan-head", "disclose", "sign", CH, "open-minutes")
        assert "in effect" in out.stdout
        run(
            "azerbaijan-head",
            "statement",
            CH,
            "--text",
            "The next meeting may take place in Ganja or Aghdam.",
            "--source",
            "press",
        )
        export = tmp_path / "public"
        trust = tmp_path / "trust.json"
        run("azerbaijan-head", "trust", "export", CH, "--out", str(trust), "--public")
        out = subprocess.run(
            [sys.executable, "-m", "parley", "public", "export", CH, str(export), "--url", url,
             "--trust", str(trust)],
            capture_output=True,
            text=True,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert (export / "trust.json").read_text() == trust.read_text()
        bundles = list((export / "entries").glob("*.json"))
        assert len(bundles) == 3  # the communiqué, the opened minutes, the unilateral statement
        for b in bundles:
            out = subprocess.run(
                [sys.executable, "-m", "parley", "verify-bundle", str(b), "--trust", str(trust)],
                capture_output=True,
                text=True,
            )
            assert out.returncode == 0, out.stdout
        assert any("Ganja" in b.read_text() for b in bundles)
    finally:
        proc.terminate()
        proc.wait(10)
    out = subprocess.run(
        [sys.executable, "-m", "parley", "verify", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout
