"""C2SP signed notes, checkpoints and cosignatures."""

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.crypto import SigningKey
from parley.errors import VerificationError
from parley.ledger.note import (
    Checkpoint,
    cosign,
    note_key_id,
    parse_signature_line,
    sign_note,
    split_note,
    verify_cosignature,
    verify_note,
)

# golang.org/x/mod/sumdb/note note_test.go: the reference implementation's example.
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
GO_NOTE = (
    GO_TEXT
    + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)


def go_key() -> SigningKey:
    raw = base64.b64decode(GO_SKEY.split("+", 4)[4])  # the key material may contain "+"
    assert raw[0] == 1  # Ed25519
    return SigningKey(raw[1:])


def test_signed_note_matches_the_go_reference_byte_for_byte():
    key = go_key()
    assert note_key_id("PeterNeumann", 1, key.public).hex() == "c74f20a3"
    assert sign_note(GO_TEXT, "PeterNeumann", key) == GO_NOTE
    assert verify_note(GO_NOTE, "PeterNeumann", key.public) == GO_TEXT
    with pytest.raises(VerificationError):
        verify_note(GO_NOTE.replace("cryptography", "cryptographY"), "PeterNeumann", key.public)


def test_unknown_signers_are_ignored_but_one_known_is_required():
    key, other = go_key(), SigningKey.generate()
    both = (
        sign_note(GO_TEXT, "PeterNeumann", key)
        + sign_note(GO_TEXT, "someone.else", other).split("\n\n")[1]
    )
    assert verify_note(both, "PeterNeumann", key.public) == GO_TEXT
    with pytest.raises(VerificationError) as exc:
        verify_note(sign_note(GO_TEXT, "someone.else", other), "PeterNeumann", key.public)
    assert exc.value.code == "note.no_signature"


def test_checkpoint_format():
    cp = Checkpoint("parley.local/wg", 4, bytes(range(32)))
    assert cp.text() == "parley.local/wg\n4\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"
    assert Checkpoint.parse(cp.text()) == cp
    for bad in [
        "parley.local/wg\n04\nAAEC\n",
        "x\n1\n",
        "x\n-1\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n",
        "\n1\nAA==\n",
    ]:
        with pytest.raises(VerificationError):
            Checkpoint.parse(bad)


@settings(max_examples=60)
@given(st.integers(0, 2**40), st.binary(min_size=32, max_size=32), st.integers(0, 2**40), st.data())
def test_any_flipped_bit_of_a_cosigned_checkpoint_fails(size, root, ts, data):
    log, wit = SigningKey.generate(), SigningKey.generate()
    cp = Checkpoint("parley.local/wg", size, root)
    note = sign_note(cp.text(), cp.origin, log)
    text = verify_note(note, cp.origin, log.public)
    line = cosign(text, "parley.witness/x", wit, ts).line()
    assert (
        verify_cosignature(text, parse_signature_line(line), "parley.witness/x", wit.public) == ts
    )
    target = data.draw(st.sampled_from(["note", "line"]))
    blob = bytearray((note if target == "note" else line).encode())
    i = data.draw(st.integers(0, len(blob) - 1))
    blob[i] ^= 1 << data.draw(st.integers(0, 7))
    with pytest.raises((VerificationError, UnicodeDecodeError)):
        mutated = blob.decode()
        if target == "note":
            t = verify_note(mutated, cp.origin, log.public)
            Checkpoint.parse(t)
            assert t == text  # a mutation that still verifies must not change the text
            raise VerificationError("same text", "test.same")
        verify_cosignature(text, parse_signature_line(mutated), "parley.witness/x", wit.public)


def test_split_note_rejects_garbage():
    for bad in ["no blank line\n", "text\n\n", "text\n\nnot a signature\n", "text\n\n— name !!!\n"]:
        with pytest.raises(VerificationError):
            split_note(bad)
