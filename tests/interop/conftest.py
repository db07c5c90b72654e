"""Independent implementations to check Parley's transparency log against, and a live
Parley log witnessed by one of them.

The programs are built by ``tests/interop/install.sh DIR`` and found in
``$PARLEY_INTEROP_BIN`` (that DIR), then on ``PATH``; a test that needs one that is
missing skips and says how to build it:

- ``tlogcheck`` (tests/interop/go/tlogcheck): golang.org/x/mod/sumdb/note and
  golang.org/x/mod/sumdb/tlog, the Go packages C2SP signed notes and checkpoints
  descend from, taking JSON checks on stdin.
- ``aics-witness`` and ``aics-tlog`` (PyPI): a C2SP tlog-witness and a checkpoint /
  proof verifier written by others, against the C2SP specs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient, save_key
from parley.crypto import SigningKey
from parley.ledger.note import Checkpoint, split_note
from parley.service import load_server_key

HOW = (
    "build it with `bash tests/interop/install.sh DIR` and set PARLEY_INTEROP_BIN=DIR "
    "(or put DIR on PATH)"
)
WITNESS_NAME = "witness.example/aics"
LATE_WITNESS_NAME = "witness.example/aics-late"
PASSPHRASE = "interop passphrase"


def find_program(name: str) -> str | None:
    """``$PARLEY_INTEROP_BIN/name`` if executable, else ``name`` on PATH."""
    d = os.environ.get("PARLEY_INTEROP_BIN")
    if d:
        p = Path(d) / name
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return shutil.which(name)


def need(name: str) -> str:
    path = find_program(name)
    if path is None:
        if os.environ.get("PARLEY_REQUIRE_INTEROP") == "1":  # .ci/run installs them
            pytest.fail(f"PARLEY_REQUIRE_INTEROP=1 but {name} was not found: {HOW}")
        pytest.skip(f"{name} not found: {HOW}")
    return path


def vkey(name: str, sig_type: int, raw: bytes) -> str:
    """A signed-note verifier key, ``name+hex(key id)+base64(type || key)``."""
    kid = hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + raw).digest()[:4]
    return f"{name}+{kid.hex()}+{base64.b64encode(bytes([sig_type]) + raw).decode()}"


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


class GoCheck:
    """Runs checks through tlogcheck (see its main.go for the operations)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = subprocess.run(
            [self.path],
            input=json.dumps({"checks": checks}),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        results = json.loads(out.stdout)["results"]
        assert len(results) == len(checks)
        return list(results)

    def one(self, check: dict[str, Any]) -> dict[str, Any]:
        return self([check])[0]


@pytest.fixture(scope="session")
def go() -> GoCheck:
    return GoCheck(need("tlogcheck"))


def run_aics_tlog(*args: str) -> tuple[int, dict[str, Any]]:
    """``aics-tlog ARGS``: its exit code and JSON report."""
    out = subprocess.run([need("aics-tlog"), *args], capture_output=True, text=True, timeout=120)
    try:
        return out.returncode, dict(json.loads(out.stdout))
    except json.JSONDecodeError:
        return out.returncode, {"stdout": out.stdout, "stderr": out.stderr}


@pytest.fixture(scope="session")
def aics_witness() -> str:
    """The aics-witness program (the test skips, before starting anything, without it)."""
    return need("aics-witness")


@pytest.fixture(scope="session")
def aics_tlog() -> Any:
    need("aics-tlog")
    return run_aics_tlog


AICS_PROOFS = """
import base64, json, sys
from aics_tlog import verify_consistency, verify_inclusion, leaf_hash
d = lambda s: base64.b64decode(s)
out = []
for c in json.load(sys.stdin):
    if c["op"] == "inclusion":
        out.append(verify_inclusion(leaf_hash(d(c["data"])), c["index"], c["size"],
                                    [d(p) for p in c["proof"]], d(c["root"])))
    else:
        out.append(verify_consistency(c["old"], c["new"], d(c["old_root"]), d(c["new_root"]),
                                      [d(p) for p in c["proof"]]))
print(json.dumps(out))
"""


@pytest.fixture(scope="session")
def aics_proofs() -> Any:
    """``check(list of inclusion/consistency checks, as for tlogcheck) -> [bool]``, by
    aics_tlog's RFC 9162 verifiers, in the Python of aics-tlog's own venv."""
    python = Path(need("aics-tlog")).resolve().parent / "python"

    def check(checks: list[dict[str, Any]]) -> list[bool]:
        out = subprocess.run(
            [str(python), "-c", AICS_PROOFS],
            input=json.dumps(checks),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        return list(json.loads(out.stdout))

    return check


@dataclass
class Witness:
    """A running aics-witness."""

    name: str
    vkey: str
    key: bytes
    """The raw Ed25519 public key (the vkey holds type 0x04 before it)."""
    url: str
    config: Path
    log: Path
    proc: subprocess.Popen[bytes]

    def spec(self) -> str:
        """``parley serve --witness`` NAME=KEY@URL."""
        return f"{self.name}={b64(self.key)}@{self.url}"

    def trust(self, origin: str, log_key: SigningKey, initial: tuple[int, bytes] | None) -> None:
        """Add the log to the running witness's configuration (optionally pinned at a
        known checkpoint, so that it expects that size as the old size) and reload it."""
        cfg = json.loads(self.config.read_text())
        log: dict[str, Any] = {"origin": origin, "vkeys": [vkey(origin, 0x01, log_key.public.raw)]}
        if initial is not None:
            log["initial"] = {"size": initial[0], "root": b64(initial[1])}
        cfg["logs"].append(log)
        self.config.write_text(json.dumps(cfg))
        self.proc.send_signal(signal.SIGHUP)
        for _ in range(600):  # 30 s: a loaded machine is slow, not wrong
            if "reloaded" in self.log.read_text():
                return
            time.sleep(0.05)
        raise AssertionError(f"{self.name} did not reload: {self.log.read_text()}")

    def status(self) -> dict[str, Any]:
        out = subprocess.run(
            [need("aics-witness"), "status", "--config", str(self.config), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stdout + out.stderr
        return dict(json.loads(out.stdout))


def start_aics_witness(tmp: Path, name: str) -> Witness | None:
    """A fresh aics-witness named ``name``, trusting no log yet; None if not installed."""
    exe = find_program("aics-witness")
    if exe is None:
        return None
    port = free_port()
    home = tmp / name.replace("/", "_")
    home.mkdir()
    cfg = home / "witness.json"
    out = subprocess.run(
        [exe, "init", "--config", str(cfg), "--name", name],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    wvkey = out.stdout.strip().splitlines()[-1]
    wname, _, key = wvkey.split("+", 2)
    raw = base64.b64decode(key)
    assert wname == name and raw[0] == 0x04, wvkey  # a cosignature/v1 key
    log = home / "serve.log"
    proc = subprocess.Popen(
        [exe, "serve", "--config", str(cfg), "--listen", f"127.0.0.1:{port}"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    # Serving means its SIGHUP handler is in place: a reload signal sent before that
    # would end the process (seen under load: "did not reload" with an empty log).
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, f"{name} exited: {log.read_text()}"
            assert time.monotonic() < deadline, f"{name} did not start: {log.read_text()}"
            time.sleep(0.05)
    return Witness(name, wvkey, raw[1:], f"http://127.0.0.1:{port}", cfg, log, proc)


@dataclass
class LiveLog:
    """A real ``parley serve`` whose channel grew through the SDK, pushed to its
    witnesses at several sizes."""

    url: str
    channel: str
    origin: str
    server_key: SigningKey
    client: ParleyClient
    leaves: list[bytes]
    """Leaf data of entries 1..n, as a member's client verified and rebuilt them."""
    pushes: list[dict[str, Any]]
    """Each push: its size and what the server reported for each witness."""
    witness: Witness | None
    """aics-witness, trusting the log from the start; None when not installed."""
    late: Witness | None
    """A second aics-witness, told about the log only after size 8, pinned there."""
    key_file: Path
    """A member's key file (passphrase PASSPHRASE), for ``parley verify --url``."""

    def checkpoint(self, size: int | None = None) -> str:
        """The signed checkpoint (with cosignature lines) the server serves."""
        return self.client.checkpoint(self.channel, size)

    def log_vkey(self, key: SigningKey | None = None) -> str:
        """The log's signed-note verifier key (Ed25519, type 0x01, named by the origin)."""
        return vkey(self.origin, 0x01, (key or self.server_key).public.raw)


PUSH_AT = (1, 3, 7, 8, 13)
"""Sizes at which the live log asks the server to push to its witnesses (and at the
end, 16): the first witness then checks RFC 6962 consistency proofs 1→3, 3→7, 7→8,
8→13 and 13→16; the late one is pinned at 8, answers the server's "old 0" with 409
"8", and checks 8→13, then 13→16."""
PIN_AT = 8


def _push(c: ParleyClient, channel: str, wait_for: int) -> list[dict[str, Any]]:
    res: list[dict[str, Any]] = []
    for _ in range(100):
        res = c.push_witnesses(channel)
        if sum(1 for r in res if r["status"] != 0) >= wait_for:
            return res
        time.sleep(0.1)  # a witness may still be starting
    return res


@pytest.fixture(scope="session")
def live_log(
    tmp_path_factory: pytest.TempPathFactory,
    people: dict[str, SigningKey],
    charter: dict[str, Any],
) -> Iterator[LiveLog]:
    """A channel of 16 entries on a real server with two aics-witnesses (when
    installed; without, the same log and no witness)."""
    tmp = tmp_path_factory.mktemp("interop")
    data = tmp / "data"
    server_key = load_server_key(data)
    ch = story.CHANNEL
    origin = f"parley.local/{ch}"
    witnesses: list[Witness] = []
    proc = None
    try:
        witness = start_aics_witness(tmp, WITNESS_NAME)
        witnesses += [witness] if witness is not None else []
        late = start_aics_witness(tmp, LATE_WITNESS_NAME)
        witnesses += [late] if late is not None else []
        if witness is not None:
            witness.trust(origin, server_key, None)
        args = ["--creator", people["commander"].key_id]
        for w in witnesses:
            args += ["--witness", w.spec()]
        port = free_port()
        proc = start_server(data, port, args)
        url = f"http://127.0.0.1:{port}"
        clients = {k: ParleyClient(url, key) for k, key in people.items()}
        key_file = tmp / "artsakh-head.key"
        save_key(key_file, people["artsakh-head"], PASSPHRASE, "Artsakh head")
        c = clients["commander"]
        steps = [
            lambda: c.create_channel(ch, charter),
            lambda: clients["artsakh-head"].accept_charter(ch),
            lambda: clients["azerbaijan-head"].accept_charter(ch),
        ]
        for i in range(13):
            sender, to = [("artsakh-member", "azerbaijan"), ("azerbaijan-member", "artsakh")][i % 2]
            steps.append(
                lambda s=sender, t=to, i=i: clients[s].send(
                    ch, to=t, subject=f"Gas {i}", text=f"Supply check number {i}."
                )
            )
        pushes = []
        for size, step in enumerate(steps, start=1):
            step()
            if size in PUSH_AT or size == len(steps):
                pushes.append({"size": size, "results": _push(c, ch, len(witnesses))})
            if size == PIN_AT and late is not None:
                cp = Checkpoint.parse(split_note(c.checkpoint(ch, PIN_AT))[0])
                late.trust(origin, server_key, (PIN_AT, cp.root))
        fresh = LogVerifier(ch, c.server_key())
        leaves = [fresh.add(item).leaf_data() for item in c.entries(ch, 0, 500)]
        assert len(leaves) == len(steps) == 16
        yield LiveLog(url, ch, origin, server_key, c, leaves, pushes, witness, late, key_file)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
        for w in witnesses:
            w.proc.terminate()
            w.proc.wait(10)
