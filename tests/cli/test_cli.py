"""The CLI as a member uses it, against a real server process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.cli.main import app
from parley.client import read_public
from parley.crypto import SigningKey

pytestmark = pytest.mark.server


def run(*args, env=None, check=True):
    out = subprocess.run(
        [sys.executable, "-m", "parley", *args],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PARLEY_PASSPHRASE": "a long enough passphrase",
            "COLUMNS": "200",
            **(env or {}),
        },
    )
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def _commands(group, prefix=()):
    """Every command path of the CLI, walked from the app itself (a new command cannot
    escape this test)."""
    yield list(prefix)
    if hasattr(group, "commands"):  # a group (typer's own click)
        for name, cmd in group.commands.items():
            yield from _commands(cmd, (*prefix, name))


def test_help_for_every_command():
    import typer.main

    paths = list(_commands(typer.main.get_command(app)))
    assert ["check"] in paths and ["checks", "answer"] in paths and len(paths) > 40
    for cmd in paths:
        out = CliRunner().invoke(app, [*cmd, "--help"], env={"COLUMNS": "200"})
        assert out.exit_code == 0 and "Usage" in out.output, (cmd, out.output)
        if cmd:
            # Every command says what it does, not only its usage line.
            assert len(out.output.split("Usage", 1)[1].splitlines()) > 3, cmd


def test_member_workflow(tmp_path):
    keys = {}
    for stem, _side, _role, display, title in story.PEOPLE:
        path = tmp_path / f"{stem}.key"
        run("keygen", "--out", str(path), "--name", display, "--title", title)
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        keys[stem] = path
    copy = tmp_path / "duty-officer.browser.json"
    out = run(
        "key", "export-browser", str(keys["duty-officer"]), "--out", str(copy),
        env={"PARLEY_BROWSER_PASSPHRASE": "browser copy passphrase"},
    )  # fmt: skip
    assert json.loads(copy.read_text())["key_id"] in out.stdout.replace("\n", "")
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    assert run("key", "export-browser", str(keys["duty-officer"]), "--out", str(copy),
               env={"PARLEY_BROWSER_PASSPHRASE": "x"}, check=False).returncode != 0  # fmt: skip
    charter = story.charter({s: read_public(p)["public_key"] for s, p in keys.items()})
    (tmp_path / "charter.json").write_text(json.dumps(charter))
    port = free_port()
    proc = start_server(
        tmp_path / "data", port, ["--creator", read_public(keys["commander"])["key_id"]]
    )
    url = ["--url", f"http://127.0.0.1:{port}"]
    try:
        out = run(
            "channel",
            "create",
            story.CHANNEL,
            "--charter",
            str(tmp_path / "charter.json"),
            *url,
            "--key",
            str(keys["commander"]),
        )
        assert "created" in out.stdout
        # Not active yet: a typed error and exit code 3.
        bad = run(
            "send",
            story.CHANNEL,
            "--to",
            "azerbaijan",
            "--subject",
            "s",
            "--text",
            "t",
            *url,
            "--key",
            str(keys["artsakh-head"]),
            check=False,
        )
        assert bad.returncode == 3 and "channel.not_active" in bad.stderr
        run("channel", "accept", story.CHANNEL, *url, "--key", str(keys["artsakh-head"]))
        out = run("channel", "accept", story.CHANNEL, *url, "--key", str(keys["azerbaijan-head"]))
        assert "active" in out.stdout
        out = run("channel", "show", story.CHANNEL, *url, "--key", str(keys["artsakh-member"]))
        assert "Stepanakert" in out.stdout and "Secretary of the Security Council" in out.stdout
        for said in ("status:     active", "server key: k", "sides:", "mandate:",
                     "deadlines to acknowledge: flash 5 min, urgent 1 hour, routine 2 days",
                     "head   Secretary of the Security Council"):  # fmt: skip
            assert said in out.stdout, (said, out.stdout)
        raw = run("channel", "show", story.CHANNEL, "--json", *url,
                  "--key", str(keys["artsakh-member"]))  # fmt: skip
        assert json.loads(raw.stdout)["channel"] == story.CHANNEL
        # A head adds a member from the public key read out to them (no key file at hand).
        newcomer = SigningKey.generate()
        out = run("member", "add", story.CHANNEL, "--side", "artsakh", "--new-key",
                  newcomer.public.to_b64(), "--name", "Interpreter", *url,
                  "--key", str(keys["artsakh-head"]))  # fmt: skip
        assert f"added Interpreter ({newcomer.key_id}) as member to artsakh" in out.stdout
        out = run(
            "send",
            story.CHANNEL,
            "--to",
            "azerbaijan",
            "--subject",
            "Gas",
            "--text",
            "Gas supply is interrupted",
            "--priority",
            "urgent",
            "--topic",
            "gas-supply",
            *url,
            "--key",
            str(keys["artsakh-member"]),
        )
        assert "relayed" in out.stdout
        out = run("inbox", story.CHANNEL, *url, "--key", str(keys["azerbaijan-head"]))
        assert (
            "1 new message marked delivered" in out.stdout
            and "Gas supply is interrupted" in out.stdout
        )
        msg_id = next(
            line.split()[0]
            for line in out.stdout.splitlines()
            if len(line.split()) > 1 and line.split()[1] == "Gas"
        )
        out = run(
            "ack",
            story.CHANNEL,
            msg_id,
            "--note",
            "received",
            *url,
            "--key",
            str(keys["azerbaijan-head"]),
        )
        assert "acknowledged" in out.stdout
        out = run("inbox", story.CHANNEL, *url, "--key", str(keys["artsakh-member"]))
        assert "acknowledged" in out.stdout
        assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", out.stdout), out.stdout
        out = run("log", story.CHANNEL, *url, "--key", str(keys["artsakh-head"]))
        assert "verified 7 entries" in out.stdout
        for stem in ("artsakh-head", "azerbaijan-head"):
            out = run("witness", story.CHANNEL, *url, "--key", str(keys[stem]))
            assert "cosigned" in out.stdout
        assert "agreed" in out.stdout and "not yet" not in out.stdout
        bundle = tmp_path / "gas.bundle.json"
        out = run(
            "proof",
            story.CHANNEL,
            msg_id,
            "--out",
            str(bundle),
            *url,
            "--key",
            str(keys["artsakh-head"]),
        )
        assert "with its body" in out.stdout
        alone = run("verify-bundle", str(bundle), check=False)
        assert alone.returncode == 1 and "CONSISTENT BUT UNTRUSTED" in alone.stdout
        trust = tmp_path / "trust.json"
        run("trust", "export", story.CHANNEL, "--out", str(trust), *url,
            "--key", str(keys["azerbaijan-head"]))  # fmt: skip
        out = run("verify-bundle", str(bundle), "--trust", str(trust))
        assert "OK" in out.stdout and "cosigned by" in out.stdout
        altered = tmp_path / "altered.json"
        altered.write_text(
            bundle.read_text().replace("Gas supply is interrupted", "Gas supply is interrupteD")
        )
        bad = run("verify-bundle", str(altered), "--trust", str(trust), check=False)
        assert bad.returncode == 1 and "entry.body_mismatch" in bad.stdout
        out = run("verify", *url, "--key", str(keys["azerbaijan-member"]))
        assert "OK" in out.stdout and "artsakh, azerbaijan" in out.stdout
        wrong = run(
            "inbox",
            story.CHANNEL,
            *url,
            "--key",
            str(keys["artsakh-head"]),
            env={"PARLEY_PASSPHRASE": "nope"},
            check=False,
        )
        assert wrong.returncode == 3 and "keystore.bad_passphrase" in wrong.stderr
    finally:
        proc.terminate()
        proc.wait(10)
    assert run("verify", "--data-dir", str(tmp_path / "data")).returncode == 0


def test_serve_defaults_are_the_api_limits():
    """`parley serve` repeats the limits' defaults (the CLI does not import FastAPI to
    start); this keeps the two equal."""
    import inspect

    from parley.api.limits import Limits
    from parley.cli.server import serve

    params = inspect.signature(serve).parameters
    assert params["rate_key"].default == Limits.key_rate
    assert params["rate_address"].default == Limits.address_rate
    assert params["streams_per_key"].default == Limits.streams_per_key
    assert params["writes_per_key"].default == Limits.writes_per_key
