"""A real ``parley serve --witness`` against aics-witness, a c2sp.org/tlog-witness written
by others (PyPI; built by tests/interop/install.sh), and aics-tlog, its checkpoint and
proof verifier.

The live log (conftest.py) pushes its checkpoints at sizes 1, 3, 7, 8, 13 and 16 to two
aics-witnesses: one that trusts the log from the start, and a late one that knows the
log only from size 8, pinned at Parley's checkpoint there, so that the server's first
``old 0`` gets a 409 naming 8 and the server must retry with a proof from 8.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from parley.crypto import SigningKey, VerifyKey
from parley.ledger.note import Checkpoint, sign_note, split_note, verify_cosignature

if TYPE_CHECKING:  # fixtures' types, from tests/interop/conftest.py
    from conftest import LiveLog, Witness

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def live(aics_witness: str, live_log: LiveLog) -> LiveLog:
    """The live log, with its two aics-witnesses (skips first when not installed)."""
    assert live_log.witness is not None and live_log.late is not None
    return live_log


def _result(push: dict[str, Any], w: Witness) -> dict[str, Any]:
    [r] = [r for r in push["results"] if r["witness"] == w.name]
    return r


def test_the_witness_cosigned_every_push(live: LiveLog) -> None:
    assert live.witness is not None
    got = [(p["size"], _result(p, live.witness)) for p in live.pushes]
    assert [s for s, _ in got] == [1, 3, 7, 8, 13, 16]
    for size, r in got:
        assert r == {"witness": live.witness.name, "ok": True, "status": 200, "size": size}
    # Each step after the first was checked with the RFC 6962 proof the server sent.
    log = live.witness.log.read_text()
    for old, new in [(0, 1), (1, 3), (3, 7), (7, 8), (8, 13), (13, 16)]:
        assert f"cosigned {live.origin}: size {old} -> {new} " in log, log


def test_the_late_witness_answers_404_then_409_and_the_server_resyncs(live: LiveLog) -> None:
    """404 for an origin it does not know; then, pinned at 8, a 409 naming 8 to the
    server's "old 0", after which the server's retry from 8 (with the RFC 6962 proof
    8→13) is cosigned. The 409 is not visible in the result: the server retried."""
    assert live.late is not None
    got = {p["size"]: _result(p, live.late) for p in live.pushes}
    for size in (1, 3, 7, 8):
        assert (got[size]["ok"], got[size]["status"]) == (False, 404), got[size]
        assert "unknown log origin" in got[size]["detail"], got[size]
    for size in (13, 16):
        assert got[size] == {"witness": live.late.name, "ok": True, "status": 200, "size": size}
    log = live.late.log.read_text()
    assert "refused (409): old size 0 does not match the latest cosigned size 8" in log, log
    assert f"cosigned {live.origin}: size 8 -> 13 " in log, log
    assert f"cosigned {live.origin}: size 13 -> 16 " in log, log


def test_the_cosignatures_verify_in_parley_and_are_fresh(live: LiveLog) -> None:
    now = time.time()
    for push in live.pushes:
        note = live.checkpoint(push["size"])
        text, sigs = split_note(note)
        assert Checkpoint.parse(text).size == push["size"]
        for w in (live.witness, live.late):
            assert w is not None
            mine = [s for s in sigs if s.name == w.name]
            if not _result(push, w)["ok"]:
                assert not mine
                continue
            [sig] = mine
            t = verify_cosignature(text, sig, w.name, VerifyKey(w.key))
            assert now - 3600 < t <= now + 5


def test_the_servers_checkpoint_info_names_the_witnesses(live: LiveLog) -> None:
    info = live.client.checkpoint_info(live.channel, 16)
    named = {w["name"]: w["public_key"] for w in info["witnesses"]}
    for w in (live.witness, live.late):
        assert w is not None
        assert named[w.name] == base64.b64encode(w.key).decode()


def test_parley_verify_url_reports_both_witnesses(live: LiveLog) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "parley",
            "verify",
            "--url",
            live.url,
            "--key",
            str(live.key_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PARLEY_PASSPHRASE": "interop passphrase", "COLUMNS": "250"},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "16 entries verified" in out.stdout, out.stdout
    for w in (live.witness, live.late):
        assert w is not None
        assert f"{w.name} (key named by the server, not yet trusted)" in out.stdout, out.stdout


def test_the_witnesses_hold_parleys_latest_checkpoint(live: LiveLog) -> None:
    text, _ = split_note(live.checkpoint(16))
    cp = Checkpoint.parse(text)
    for w in (live.witness, live.late):
        assert w is not None
        [log] = [entry for entry in w.status()["logs"] if entry.get("origin") == live.origin]
        assert log["size"] == 16, log
        assert log["root"] in (base64.b64encode(cp.root).decode(), cp.root.hex()), log


def test_aics_tlog_verifies_the_cosigned_checkpoint(
    live: LiveLog, aics_tlog: Any, tmp_path: Path
) -> None:
    note = tmp_path / "checkpoint.txt"
    note.write_text(live.checkpoint())
    assert live.witness is not None and live.late is not None
    rc, report = aics_tlog(
        "verify-checkpoint",
        "--note",
        str(note),
        "--origin",
        live.origin,
        "--log-key",
        live.log_vkey(),
        "--witness-key",
        live.witness.vkey,
        "--witness-key",
        live.late.vkey,
        "--quorum",
        "2",
        "--max-age",
        "3600",
    )
    assert rc == 0 and report.get("ok") is True, report
    assert report.get("size") == 16, report


def test_aics_tlog_refuses_the_checkpoint_under_another_log_key(
    live: LiveLog, aics_tlog: Any, tmp_path: Path
) -> None:
    note = tmp_path / "checkpoint.txt"
    note.write_text(live.checkpoint())
    rc, report = aics_tlog(
        "verify-checkpoint",
        "--note",
        str(note),
        "--log-key",
        live.log_vkey(SigningKey.generate()),
    )
    assert rc != 0 and report.get("ok") is not True, report


def test_aics_tlog_checks_every_proof_the_server_serves(live: LiveLog, aics_proofs: Any) -> None:
    from parley.ledger import root_hash

    n = len(live.leaves)
    roots = {k: base64.b64encode(root_hash(live.leaves[:k])).decode() for k in range(1, n + 1)}
    checks: list[dict[str, Any]] = []
    for k in range(1, n + 1):
        for i in range(k):
            _, proof = live.client.inclusion_proof(live.channel, size=k, index=i)
            checks.append(
                {
                    "op": "inclusion",
                    "size": k,
                    "index": i,
                    "root": roots[k],
                    "data": base64.b64encode(live.leaves[i]).decode(),
                    "proof": [base64.b64encode(p).decode() for p in proof],
                }
            )
        for m in range(1, k + 1):
            proof = live.client.consistency_proof(live.channel, m, k)
            checks.append(
                {
                    "op": "consistency",
                    "old": m,
                    "new": k,
                    "old_root": roots[m],
                    "new_root": roots[k],
                    "proof": [base64.b64encode(p).decode() for p in proof],
                }
            )
    got = aics_proofs(checks)
    assert all(got), [c for c, ok in zip(checks, got, strict=True) if not ok][:3]
    # and they are not vacuous: a wrong root fails
    bad = {**checks[-1], "new_root": roots[1]}
    assert aics_proofs([bad]) == [False]


def test_aics_witness_and_parleys_both_refuse_a_size_in_other_digits(live: LiveLog) -> None:
    """A checkpoint signed by the live log's own key whose size line is '١٦' (16 in
    Arabic-Indic digits): aics-witness answers 400, and so does Parley's Witness (it once
    cosigned it as 16, as int() reads it; see test_spec_conformance)."""
    import httpx

    from parley.ledger.witness_protocol import Witness as ParleyWitness
    from parley.ledger.witness_protocol import WitnessRefusal, add_checkpoint_body

    assert live.witness is not None
    text, _ = split_note(live.checkpoint(16))
    root = text.split("\n")[2]
    odd = sign_note(f"{live.origin}\n١٦\n{root}\n", live.origin, live.server_key)
    body = add_checkpoint_body(16, [], odd)
    r = httpx.post(f"{live.witness.url}/add-checkpoint", content=body.encode(), timeout=30)
    assert r.status_code == 400, (r.status_code, r.text)
    assert live.witness.status()["logs"][0]["size"] == 16  # unchanged

    parley = ParleyWitness(
        "witness.example/parley", SigningKey.generate(), {live.origin: live.server_key.public}
    )
    parley.state[live.origin] = (16, Checkpoint.parse(text).root)
    with pytest.raises(WitnessRefusal) as refused:
        parley.add_checkpoint(body, int(time.time()))
    assert refused.value.status == 400, refused.value
