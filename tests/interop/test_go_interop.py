"""Parley's Merkle log, signed notes, checkpoints and cosignatures against Go's
golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog (through tlogcheck, built
by tests/interop/install.sh from Debian's packages).

Offline: both sides compute the same roots and proofs from the same leaves, sign the
same bytes, and accept each other's signatures. Live: what a real ``parley serve``
serves (checkpoints at every size, their cosignatures, inclusion and consistency proofs)
verifies in Go against leaf data the member's client rebuilt.
"""

from __future__ import annotations

import base64
import random
import struct
from typing import TYPE_CHECKING

import pytest

from parley.crypto import SigningKey
from parley.errors import VerificationError
from parley.ledger import (
    EMPTY_ROOT,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    root_hash,
)
from parley.ledger.note import (
    COSIGNATURE_V1,
    ED25519,
    Checkpoint,
    Signature,
    cosign,
    note_key_id,
    parse_signature_line,
    sign_note,
    split_note,
    verify_cosignature,
    verify_note,
)
from parley.ledger.tree import LevelHashes

if TYPE_CHECKING:  # fixtures' types, from tests/interop/conftest.py
    from conftest import GoCheck, LiveLog

N = 40
"""Leaves for the exhaustive comparison: every size 1..N, every index, every old size."""


def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _leaves(n: int) -> list[bytes]:
    rng = random.Random(6962)
    return [rng.randbytes(rng.choice([0, 1, 31, 32, 33, 200])) for _ in range(n)]


def _level_hashes(leaves: list[bytes]) -> LevelHashes:
    t = LevelHashes()
    for d in leaves:
        t.append_leaf(leaf_hash(d))
    return t


def _d(xs: list[str]) -> list[bytes]:
    return [base64.b64decode(x) for x in xs]


def test_roots_and_proofs_equal_tlogs_for_every_size_index_and_old_size(go: GoCheck) -> None:
    leaves = _leaves(N)
    pairs = [(n, i) for n in range(1, N + 1) for i in range(n)]
    olds = [(m, n) for n in range(1, N + 1) for m in range(1, n + 1)]
    res = go.one(
        {
            "op": "tree",
            "leaves": [b64(d) for d in leaves],
            "sizes": list(range(1, N + 1)),
            "inclusion": pairs,
            "consistency": olds,
        }
    )
    assert res["ok"], res
    stored = _level_hashes(leaves)
    for n in range(1, N + 1):
        want = base64.b64decode(res["roots"][str(n)])
        assert root_hash(leaves[:n]) == want == stored.root(n), n
    for (n, i), proof in zip(pairs, res["inclusion"], strict=True):
        assert inclusion_proof(leaves[:n], i) == _d(proof) == stored.inclusion(i, n), (n, i)
    for (m, n), proof in zip(olds, res["consistency"], strict=True):
        assert consistency_proof(leaves[:n], m) == _d(proof) == stored.consistency(m, n), (m, n)


def test_parley_proofs_pass_tlog_checks_and_tampered_ones_fail(go: GoCheck) -> None:
    leaves = _leaves(N)
    checks, expect = [], []
    for n in (1, 2, 3, 5, 8, 13, 21, 34, 40):
        root = root_hash(leaves[:n])
        for i in sorted({0, n // 2, n - 1}):
            proof = inclusion_proof(leaves[:n], i)
            base = {"op": "inclusion", "size": n, "root": b64(root), "index": i}
            checks.append({**base, "data": b64(leaves[i]), "proof": [b64(p) for p in proof]})
            expect.append(True)
            if proof:
                bad = [*proof[:-1], bytes(32)]
                checks.append({**base, "data": b64(leaves[i]), "proof": [b64(p) for p in bad]})
                expect.append(False)
            checks.append({**base, "data": b64(leaves[i] + b"x"), "proof": [b64(p) for p in proof]})
            expect.append(False)
        for m in sorted({1, n // 2 or 1, n - 1 or 1, n}):
            proof = consistency_proof(leaves[:n], m)
            base = {
                "op": "consistency",
                "old": m,
                "old_root": b64(root_hash(leaves[:m])),
                "new": n,
                "new_root": b64(root),
            }
            checks.append({**base, "proof": [b64(p) for p in proof]})
            expect.append(True)
            if proof:
                checks.append({**base, "proof": [b64(p) for p in proof[:-1]]})
                expect.append(False)
    got = [r["ok"] for r in go(checks)]
    assert got == expect


def test_tlog_gives_no_rfc6962_root_for_the_empty_tree(go: GoCheck) -> None:
    """Known difference, not Parley's: x/mod's tlog.TreeHash(0) is all zeros, RFC 6962's
    MTH of no leaves is SHA-256(""), which Parley uses (size-0 checkpoints carry it, as
    c2sp.org/tlog-witness requires). Go verifiers must special-case size 0."""
    res = go.one({"op": "tree", "leaves": [], "sizes": [0]})
    assert base64.b64decode(res["roots"]["0"]) == bytes(32) != EMPTY_ROOT


SEED = bytes(range(32))
ORIGIN = "example.com/parley/interop"
WITNESS = "witness.example/go"


def _cp_text(size: int = 7) -> str:
    return Checkpoint(ORIGIN, size, root_hash(_leaves(size))).text()


def test_key_ids_equal_note_new_ed25519_verifier_key(go: GoCheck) -> None:
    key = SigningKey(SEED)
    for name in (ORIGIN, "PeterNeumann", "münchen.example/log"):
        res = go.one({"op": "vkey", "name": name, "key": b64(key.public.raw)})
        name_, kid, raw = res["vkey"].split("+", 2)
        assert name_ == name
        assert bytes.fromhex(kid) == note_key_id(name, ED25519, key.public)
        assert base64.b64decode(raw) == bytes([ED25519]) + key.public.raw


def test_parley_signed_note_is_byte_identical_to_note_sign(go: GoCheck) -> None:
    """Ed25519 is deterministic: the same key and text give the same note in both."""
    key = SigningKey(SEED)
    text = _cp_text()
    res = go.one({"op": "sign", "text": text, "name": ORIGIN, "seed": b64(SEED)})
    assert res["ok"], res
    assert sign_note(text, ORIGIN, key) == res["note"]
    assert verify_note(res["note"], ORIGIN, key.public) == text


def test_parley_cosignature_is_byte_identical_to_go_cosignature_v1(go: GoCheck) -> None:
    key = SigningKey(SEED)
    text = _cp_text()
    res = go.one(
        {
            "op": "cosign",
            "text": text,
            "name": WITNESS,
            "seed": b64(SEED),
            "timestamp": 1_700_000_000,
        }
    )
    assert res["ok"], res
    assert cosign(text, WITNESS, key, 1_700_000_000).line() == res["line"]
    sig = parse_signature_line(res["line"])
    assert sig.key_id == note_key_id(WITNESS, COSIGNATURE_V1, key.public)
    assert verify_cosignature(text, sig, WITNESS, key.public) == 1_700_000_000


def test_go_opens_parley_checkpoint_with_cosignatures_and_ignores_unknown_keys(
    go: GoCheck,
) -> None:
    log, w1, w2, stranger = (SigningKey.generate() for _ in range(4))
    text = _cp_text(13)
    note = sign_note(text, ORIGIN, log)
    note += cosign(text, WITNESS, w1, 1_700_000_001).line()
    note += cosign(text, "witness.example/other", w2, 1_700_000_002).line()
    note += cosign(text, "witness.example/stranger", stranger, 5).line()
    res = go.one(
        {
            "op": "open_note",
            "note": note,
            "checkpoint": True,
            "logs": [{"name": ORIGIN, "key": b64(log.public.raw)}],
            "cosigners": [
                {"name": WITNESS, "key": b64(w1.public.raw)},
                {"name": "witness.example/other", "key": b64(w2.public.raw)},
            ],
        }
    )
    assert res["ok"], res
    assert (res["origin"], res["size"], res["root"]) == (ORIGIN, 13, b64(root_hash(_leaves(13))))
    assert res["text"] == text
    assert [(s["name"], s["type"], s.get("timestamp")) for s in res["sigs"]] == [
        (ORIGIN, "ed25519", None),
        (WITNESS, "cosignature/v1", 1_700_000_001),
        ("witness.example/other", "cosignature/v1", 1_700_000_002),
    ]
    assert res["unverified"] == ["witness.example/stranger"]


@pytest.mark.parametrize("which", ["log", "cosigner"])
def test_go_refuses_a_note_whose_known_signature_is_bad(go: GoCheck, which: str) -> None:
    log, w = SigningKey.generate(), SigningKey.generate()
    text = _cp_text()
    good = sign_note(text, ORIGIN, log) + cosign(text, WITNESS, w, 9).line()
    other = _cp_text(8)  # signatures over another checkpoint, on this one's text
    wrong = sign_note(other, ORIGIN, log) + cosign(other, WITNESS, w, 9).line()
    _, good_sigs = split_note(good)
    _, bad_sigs = split_note(wrong)
    sigs = [bad_sigs[0], good_sigs[1]] if which == "log" else [good_sigs[0], bad_sigs[1]]
    note = text + "\n" + "".join(s.line() for s in sigs)
    res = go.one(
        {
            "op": "open_note",
            "note": note,
            "logs": [{"name": ORIGIN, "key": b64(log.public.raw)}],
            "cosigners": [{"name": WITNESS, "key": b64(w.public.raw)}],
        }
    )
    assert not res["ok"] and "invalid signature" in res["error"]


def test_parley_accepts_what_go_signs_and_refuses_a_bit_flip(go: GoCheck) -> None:
    key = SigningKey(SEED)
    text = _cp_text(21)
    note = go.one({"op": "sign", "text": text, "name": ORIGIN, "seed": b64(SEED)})["note"]
    line = go.one(
        {"op": "cosign", "text": text, "name": WITNESS, "seed": b64(SEED), "timestamp": 77}
    )["line"]
    assert verify_note(note + line, ORIGIN, key.public) == text
    assert verify_cosignature(text, parse_signature_line(line), WITNESS, key.public) == 77
    sig = parse_signature_line(line)
    flipped = type(sig)(sig.name, sig.key_id, struct.pack(">Q", 78) + sig.sig[8:])
    with pytest.raises(Exception, match="does not verify"):
        verify_cosignature(text, flipped, WITNESS, key.public)


def test_go_and_parley_both_refuse_a_note_holding_a_control_character(go: GoCheck) -> None:
    """c2sp.org/signed-note allows no control character but newline: x/mod refuses such a
    note as malformed, and Parley neither signs nor opens one."""
    key = SigningKey.generate()
    name = ORIGIN + "\x01"
    text = f"{name}\n1\n{b64(bytes(32))}\n"
    with pytest.raises(VerificationError):
        sign_note(text, name, key)
    sig = Signature(name, note_key_id(name, ED25519, key.public), key.sign(text.encode()))
    note = text + "\n" + sig.line()
    with pytest.raises(VerificationError):
        verify_note(note, name, key.public)
    res = go.one(
        {"op": "open_note", "note": note, "logs": [{"name": name, "key": b64(key.public.raw)}]}
    )
    assert not res["ok"] and res["error"] == "malformed note", res


# --- a real server ----------------------------------------------------------------------


def _go_roots(go: GoCheck, live: LiveLog) -> dict[int, str]:
    n = len(live.leaves)
    res = go.one(
        {"op": "tree", "leaves": [b64(d) for d in live.leaves], "sizes": list(range(1, n + 1))}
    )
    return {int(k): v for k, v in res["roots"].items()}


@pytest.mark.server
def test_live_checkpoints_open_in_go_at_every_size(go: GoCheck, live_log: LiveLog) -> None:
    """Each checkpoint the server serves is a note x/mod opens with the log's key, whose
    root is tlog's root of the leaves the member's client verified; the witnesses'
    cosignatures (when they ran) verify as cosignature/v1."""
    roots = _go_roots(go, live_log)
    cosigners = [
        {"name": w.name, "key": b64(w.key)} for w in (live_log.witness, live_log.late) if w
    ]
    checks = [
        {
            "op": "open_note",
            "note": live_log.checkpoint(n),
            "checkpoint": True,
            "logs": [{"name": live_log.origin, "key": b64(live_log.server_key.public.raw)}],
            "cosigners": cosigners,
        }
        for n in range(1, len(live_log.leaves) + 1)
    ]
    for n, res in enumerate(go(checks), start=1):
        assert res["ok"], (n, res)
        assert (res["origin"], res["size"], res["root"]) == (live_log.origin, n, roots[n])
        names = {s["name"] for s in res["sigs"] if s["type"] == "cosignature/v1"}
        if live_log.witness is not None and n in {p["size"] for p in live_log.pushes}:
            assert live_log.witness.name in names, (n, res)


@pytest.mark.server
def test_live_inclusion_proofs_check_in_go(go: GoCheck, live_log: LiveLog) -> None:
    roots = _go_roots(go, live_log)
    checks = []
    for n in range(1, len(live_log.leaves) + 1):
        for i in range(n):
            idx, proof = live_log.client.inclusion_proof(live_log.channel, size=n, index=i)
            assert idx == i
            checks.append(
                {
                    "op": "inclusion",
                    "size": n,
                    "root": roots[n],
                    "index": i,
                    "data": b64(live_log.leaves[i]),
                    "proof": [b64(p) for p in proof],
                }
            )
    bad = [r for r in go(checks) if not r["ok"]]
    assert not bad, bad[:3]


@pytest.mark.server
def test_live_consistency_proofs_check_in_go(go: GoCheck, live_log: LiveLog) -> None:
    roots = _go_roots(go, live_log)
    n = len(live_log.leaves)
    pairs = [(m, k) for k in range(1, n + 1) for m in range(1, k + 1)]
    checks = [
        {
            "op": "consistency",
            "old": m,
            "old_root": roots[m],
            "new": k,
            "new_root": roots[k],
            "proof": [b64(p) for p in live_log.client.consistency_proof(live_log.channel, m, k)],
        }
        for m, k in pairs
    ]
    bad = [(pair, r) for pair, r in zip(pairs, go(checks), strict=True) if not r["ok"]]
    assert not bad, bad[:3]
