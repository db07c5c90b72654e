"""Rules of c2sp.org/signed-note and c2sp.org/tlog-checkpoint on which independent
implementations (golang.org/x/mod/sumdb/note, aics-tlog) and Parley were compared;
needs no other program, so it always runs.

The cases on non-ASCII sizes and control characters are divergences the interop tests
found (Parley accepted, signed or cosigned what the spec and the other implementations
refuse), kept so that they stay fixed.
"""

from __future__ import annotations

import base64

import pytest

from parley.crypto import SigningKey, VerifyKey
from parley.errors import VerificationError
from parley.ledger.note import Checkpoint, Signature, sign_note, split_note, verify_note
from parley.ledger.witness_protocol import Witness, WitnessRefusal, add_checkpoint_body

# golang.org/x/mod/sumdb/note note_test.go, TestOpen: the signed text and Peter
# Neumann's key and signature over it.
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
PETER_SIG = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqd"
    "ngotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwn"
    "WLox33WWd1RvMc+QQ=\n"
)


def _peter() -> VerifyKey:
    raw = base64.b64decode(PETER_VKEY.split("+", 2)[2])
    assert raw[0] == 0x01
    return VerifyKey(raw[1:])


def test_go_open_vectors_verify_with_an_unknown_second_signer() -> None:
    key = _peter()
    note = GO_TEXT + "\n" + PETER_SIG + ENOCH_SIG
    assert verify_note(note, "PeterNeumann", key) == GO_TEXT
    assert verify_note(GO_TEXT + "\n" + ENOCH_SIG + PETER_SIG, "PeterNeumann", key) == GO_TEXT


@pytest.mark.parametrize(
    "msg",
    [
        GO_TEXT,
        GO_TEXT + "\n",
        GO_TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + GO_TEXT + "\n" + PETER_SIG,
        GO_TEXT + "\n" + "— Bad Name " + PETER_SIG.split(" ", 2)[2],
        GO_TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        GO_TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:],
    ],
    ids=["no-sigs", "blank-no-sigs", "no-final-newline", "control-char", "space-in-name",
         "trailing-line", "bad-signature"],
)  # fmt: skip
def test_go_bad_messages_are_refused(msg: str) -> None:
    """x/mod's TestOpen: each is "malformed note" or "invalid signature" in Go."""
    with pytest.raises(VerificationError):
        verify_note(msg, "PeterNeumann", _peter())


ROOT = base64.b64encode(bytes(range(32))).decode()
ORIGIN = "example.com/log"


@pytest.mark.parametrize("size", ["01", "+1", "-1", " 1", "1 ", "0x1", ""])
def test_checkpoint_size_not_ascii_decimal_is_malformed(size: str) -> None:
    with pytest.raises(VerificationError):
        Checkpoint.parse(f"{ORIGIN}\n{size}\n{ROOT}\n")


def test_checkpoint_size_in_arabic_indic_digits_is_malformed() -> None:
    with pytest.raises(VerificationError):
        Checkpoint.parse(f"{ORIGIN}\n١\n{ROOT}\n")


def test_checkpoint_size_in_superscript_digits_is_malformed() -> None:
    with pytest.raises(VerificationError):
        Checkpoint.parse(f"{ORIGIN}\n²\n{ROOT}\n")


def _witness() -> tuple[Witness, SigningKey]:
    log = SigningKey(bytes(range(32)))
    return Witness("witness.example/w", SigningKey.generate(), {ORIGIN: log.public}), log


def test_witness_refuses_a_checkpoint_with_a_non_ascii_size() -> None:
    w, log = _witness()
    note = sign_note(f"{ORIGIN}\n١\n{ROOT}\n", ORIGIN, log)
    with pytest.raises(WitnessRefusal):
        w.add_checkpoint(add_checkpoint_body(0, [], note), 1_700_000_000)


def test_witness_answers_a_refusal_for_an_unreadable_size() -> None:
    w, log = _witness()
    note = sign_note(f"{ORIGIN}\n²\n{ROOT}\n", ORIGIN, log)
    with pytest.raises(WitnessRefusal):
        w.add_checkpoint(add_checkpoint_body(0, [], note), 1_700_000_000)


def test_sign_note_refuses_control_characters() -> None:
    with pytest.raises(VerificationError):
        sign_note(f"{ORIGIN}\x01\n1\n{ROOT}\n", f"{ORIGIN}\x01", SigningKey.generate())


def test_verify_note_refuses_control_characters() -> None:
    key = SigningKey.generate()
    good = sign_note("ab\n", "example.com/k", key)
    _text, [sig] = split_note(good)
    forged = Signature(sig.name, sig.key_id, key.sign(b"a\x01b\n"))
    note = "a\x01b\n\n" + forged.line()
    with pytest.raises(VerificationError):
        split_note(note)
    with pytest.raises(VerificationError):
        verify_note(note, "example.com/k", key.public)
