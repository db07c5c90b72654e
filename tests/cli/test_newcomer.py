"""A newcomer's path, through the CLI only and with only what the README and docs/channels.md
say: keys, a server, a charter written by `parley channel init`, the channel created and
accepted, a flash message nobody acknowledges — and the server's timer escalates it, as
it does in the demo. A second story, not the demo's: a water-sharing commission between
two districts, with a river basin authority as mediator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from parley.cli.demo import free_port, start_server

pytestmark = pytest.mark.server

CH = "river-commission"


def test_a_channel_set_up_from_the_docs_escalates_like_the_demo(tmp_path):
    env = {**os.environ, "PARLEY_PASSPHRASE": "correct horse battery", "COLUMNS": "200"}
    env.pop("PARLEY_URL", None)
    env.pop("PARLEY_KEY", None)

    def parley(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        out = subprocess.run(
            [sys.executable, "-m", "parley", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
        assert "Traceback" not in out.stdout + out.stderr, out.stderr
        if ok:
            assert out.returncode == 0, out.stdout + out.stderr
        return out

    people = {
        "chair": "Chair of the basin authority",
        "duty": "Basin authority duty officer",
        "upper": "Head of the Upper district delegation",
        "lower": "Head of the Lower district delegation",
        "lower-engineer": "Lower district engineer",
    }
    ids = {}
    for stem, name in people.items():
        out = parley("keygen", "--out", f"{stem}.key", "--name", name)
        ids[stem] = json.loads(out.stdout)["key_id"]
        assert "public_key" in out.stdout

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(
        tmp_path / "data", port, ["--creator", ids["chair"], "--timer-interval", "1"]
    )
    try:
        out = parley(
            "channel", "init", "--out", "charter.json", "--title", "River water commission",
            "--mediator", "basin:River basin authority",
            "--party", "upper:Upper district", "--party", "lower:Lower district",
            "--member", "basin:head:chair.key", "--member", "basin:member:duty.key",
            "--member", "upper:head:upper.key", "--member", "lower:head:lower.key",
            "--member", "lower:member:lower-engineer.key",
            "--topic", "releases:Water releases from the dam",
            "--topic", "gauges:Joint gauging stations",
            "--deadlines", "flash=3,urgent=600,routine=86400",
            "--url", url,
        )  # fmt: skip
        assert "wrote charter.json" in out.stdout and "Basin authority duty officer" in out.stdout
        charter = json.loads((tmp_path / "charter.json").read_text())
        assert charter["server_key"] and charter["check_interval"] == 3600
        assert charter["escalation_contacts"][0] == ids["duty"]

        out = parley("channel", "create", CH, "--charter", "charter.json", "--url", url,
                     "--key", "chair.key")  # fmt: skip
        assert f"channel {CH} created" in out.stdout
        parley("channel", "accept", CH, "--url", url, "--key", "upper.key")
        out = parley("channel", "accept", CH, "--url", url, "--key", "lower.key")
        assert "channel is active" in out.stdout

        # A mistake first: the server's explanation is printed, not just its code.
        bad = parley("send", CH, "--to", "nowhere", "--subject", "s", "--text", "t",
                     "--url", url, "--key", "upper.key", ok=False)  # fmt: skip
        assert bad.returncode == 3
        assert "there is no side 'nowhere' in this channel" in bad.stderr
        # ... and the CLI adds what the sides are.
        assert "; the sides are: basin (mediator), lower, upper (side.unknown)" in bad.stderr

        out = parley("send", CH, "--to", "lower", "--priority", "flash", "--topic", "releases",
                     "--subject", "Release tonight", "--text", "We open the gates at 22:00.",
                     "--url", url, "--key", "upper.key")  # fmt: skip
        assert "relayed: message" in out.stdout
        message = out.stdout.split("message ", 1)[1].split()[0]

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            log = parley("log", CH, "--type", "timer.unacknowledged", "--json",
                         "--url", url, "--key", "duty.key")  # fmt: skip
            if log.stdout.strip():
                break
            time.sleep(1)
        escalations = [json.loads(line) for line in log.stdout.splitlines()]
        assert len(escalations) == 1, "the timer never escalated the overdue flash message"
        e = escalations[0]
        assert e["author_name"] == "Parley server (automatic)"
        assert e["body"]["message"] == message and e["body"]["notify"][0] == ids["duty"]

        out = parley("inbox", CH, "--url", url, "--key", "lower.key")
        assert "OVERDUE" in out.stdout and "escalated" in out.stdout
        short = message[:8]  # as the table shows it
        out = parley("ack", CH, short, "--url", url, "--key", "lower.key")
        assert f"acknowledged message {message}" in out.stdout
        out = parley("log", CH, "--url", url, "--key", "lower-engineer.key")
        assert "Parley server (automatic)" in out.stdout and "verified" in out.stdout
        out = parley("proof", CH, "--seq", "4", "--out", "p.json", "--url", url,
                     "--key", "upper.key")  # fmt: skip
        assert "wrote p.json" in out.stdout
        # A commitment, listed while it is open (once a crash in the table's styles).
        parley("commitment", "add", CH, "gauges-1", "--owner", "lower", "--text",
               "Install the joint gauge", "--due", "2030-01-01T00:00:00+00:00",
               "--url", url, "--key", "chair.key")  # fmt: skip
        out = parley("commitment", "list", CH, "--url", url, "--key", "upper.key")
        assert "Install the joint gauge" in out.stdout and "open" in out.stdout
    finally:
        server.terminate()
        server.wait(10)
    out = parley("verify", "--data-dir", "data")
    assert out.stdout.startswith("OK")
