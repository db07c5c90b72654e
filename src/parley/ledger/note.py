"""C2SP signed notes, tlog checkpoints and Ed25519 cosignatures.

- c2sp.org/signed-note@v1.0.0: text ending in a newline, a blank line, then signature
  lines ``— <name> <base64(4-byte key id || signature)>``. Key id =
  ``SHA-256(name || 0x0A || type || public key)[:4]``; Ed25519 is type 0x01 and signs
  the text (with its final newline).
- c2sp.org/tlog-checkpoint@v1.0.0: the text is ``<origin>\\n<size>\\n<base64 root>\\n``.
- c2sp.org/tlog-cosignature@v1.0.0: Ed25519 cosignature, type 0x04, signs
  ``cosignature/v1\\ntime <t>\\n`` + the checkpoint text; the signature bytes are
  ``u64 big-endian t || 64-byte signature``.

Verifiers fail closed: they raise ``VerificationError``.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import re
import struct
from dataclasses import dataclass

from parley.crypto.keys import SigningKey, VerifyKey
from parley.errors import VerificationError

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
DASH = "\u2014"


def note_key_id(name: str, sig_type: int, key: VerifyKey) -> bytes:
    return _note_key_id(name, sig_type, key.raw)


@functools.lru_cache(maxsize=256)
def _note_key_id(name: str, sig_type: int, raw: bytes) -> bytes:
    """(The same for every checkpoint a server signs: computed once.)"""
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + raw).digest()[:4]


MAX_SIZE = 2**63 - 1
"""The largest tree size anyone's checkpoint may name (Go's tlog and witnesses use int64)."""


def parse_size(text: str) -> int | None:
    """A tree size written as the specs write it — ASCII decimal digits, no leading zero,
    at most ``MAX_SIZE`` — or None. (``int()`` alone takes "²", "٣", " 7" and "1_0".)"""
    if not (0 < len(text) <= 19 and text.isascii() and text.isdigit()):
        return None
    if text != "0" and text.startswith("0"):
        return None
    value = int(text)
    return value if value <= MAX_SIZE else None


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
"""An ASCII control character other than newline."""


def _no_controls(text: str) -> None:
    """c2sp.org/signed-note: no ASCII control characters other than newline."""
    if _CONTROL.search(text):
        raise VerificationError("a note may not hold control characters", "note.malformed")


RESERVED_ORIGINS = ("parley", "parley-key", "cosignature")
"""First path segments an origin may not have: the server's key also signs challenges,
tokens, relay receipts and notices, each message starting "parley/<purpose>/v1\n", and
witnesses sign "cosignature/v1\n…". A checkpoint starts with its origin, so an origin
"parley/token" with a channel "v1" would make a checkpoint read as a token."""


def origin_problem(origin: str) -> str | None:
    """Why ``origin`` cannot be a log origin prefix (``parley serve --origin``), or None."""
    if not origin or any(c.isspace() for c in origin) or "+" in origin:
        return "an origin is a name without spaces or '+', like parley.example.org"
    if any(c < " " or c == "\x7f" for c in origin):
        return "an origin may not hold control characters"
    if (first := origin.split("/")[0]) in RESERVED_ORIGINS:
        return f"an origin may not start with {first}/ (the key's other signatures do)"
    return None


def _check_name(name: str) -> None:
    if not name or any(c.isspace() for c in name) or "+" in name:
        raise VerificationError(f"invalid key name {name!r}", "note.bad_name")


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """Parse a checkpoint's note text (without signatures).

        Raises:
            VerificationError: ``checkpoint.malformed``.
        """
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise VerificationError(
                "a checkpoint has an origin, a size and a root line", "checkpoint.malformed"
            )
        origin, size, root = lines[0], lines[1], lines[2]
        if not origin or parse_size(size) is None:
            raise VerificationError("bad origin or size line", "checkpoint.malformed")
        try:
            raw = base64.b64decode(root, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise VerificationError("root line is not base64", "checkpoint.malformed") from exc
        if len(raw) != 32:
            raise VerificationError("root is not 32 bytes", "checkpoint.malformed")
        return cls(origin, int(size), raw)  # parse_size checked it


@dataclass(frozen=True)
class Signature:
    name: str
    key_id: bytes
    sig: bytes

    def line(self) -> str:
        return f"{DASH} {self.name} {base64.b64encode(self.key_id + self.sig).decode()}\n"


def sign_note(text: str, name: str, key: SigningKey) -> str:
    """A signed note: ``text``, a blank line, one Ed25519 signature line."""
    _check_name(name)
    if not text.endswith("\n"):
        raise VerificationError("note text must end with a newline", "note.malformed")
    _no_controls(text)
    sig = Signature(name, note_key_id(name, ED25519, key.public), key.sign(text.encode()))
    return text + "\n" + sig.line()


def split_note(note: str) -> tuple[str, list[Signature]]:
    """Split a signed note into its text and signature lines.

    Raises:
        VerificationError: ``note.malformed``.
    """
    idx = note.rfind("\n\n")
    if idx < 0 or not note.endswith("\n"):
        raise VerificationError("no blank line before the signatures", "note.malformed")
    text, block = note[: idx + 1], note[idx + 2 :]
    _no_controls(note)
    sigs = []
    for line in block.split("\n")[:-1]:
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH:
            raise VerificationError(f"bad signature line {line!r}", "note.malformed")
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise VerificationError("signature is not base64", "note.malformed") from exc
        if len(raw) < 5:
            raise VerificationError("signature too short", "note.malformed")
        sigs.append(Signature(parts[1], raw[:4], raw[4:]))
    if not sigs:
        raise VerificationError("a signed note needs at least one signature", "note.malformed")
    return text, sigs


def verify_note(note: str, name: str, key: VerifyKey) -> str:
    """Check the note carries a valid Ed25519 signature by (name, key); return its text.

    Signatures by other keys are ignored, as the spec requires.

    Raises:
        VerificationError: ``note.no_signature`` when that key did not sign, or
            ``note.bad_signature`` when its signature does not verify.
    """
    text, sigs = split_note(note)
    kid = note_key_id(name, ED25519, key)
    mine = [s for s in sigs if s.name == name and s.key_id == kid]
    if not mine:
        raise VerificationError(f"the note is not signed by {name}", "note.no_signature")
    for s in mine:
        try:
            key.verify(text.encode(), s.sig)
        except VerificationError as exc:
            raise VerificationError(
                f"the signature by {name} does not verify", "note.bad_signature"
            ) from exc
    return text


def cosignature_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode()


def cosign(text: str, name: str, key: SigningKey, timestamp: int) -> Signature:
    """A tlog-cosignature/v1 Ed25519 cosignature over a checkpoint's text."""
    _check_name(name)
    sig = key.sign(cosignature_message(text, timestamp))
    return Signature(
        name, note_key_id(name, COSIGNATURE_V1, key.public), struct.pack(">Q", timestamp) + sig
    )


def verify_cosignature(text: str, sig: Signature, name: str, key: VerifyKey) -> int:
    """Check a cosignature by (name, key) over ``text``; return its timestamp.

    Raises:
        VerificationError: ``cosignature.bad``.
    """
    if (
        sig.name != name
        or sig.key_id != note_key_id(name, COSIGNATURE_V1, key)
        or len(sig.sig) != 72
    ):
        raise VerificationError(f"not a cosignature by {name}", "cosignature.bad")
    (timestamp,) = struct.unpack(">Q", sig.sig[:8])
    try:
        key.verify(cosignature_message(text, timestamp), sig.sig[8:])
    except VerificationError as exc:
        raise VerificationError(
            f"cosignature by {name} does not verify", "cosignature.bad"
        ) from exc
    return int(timestamp)


def parse_signature_line(line: str) -> Signature:
    """One ``— name base64`` line (with or without its newline).

    Raises:
        VerificationError: ``note.malformed``.
    """
    _, sigs = split_note("x\n\n" + line.rstrip("\n") + "\n")
    if len(sigs) != 1:
        raise VerificationError("expected exactly one signature line", "note.malformed")
    return sigs[0]


def witness_name(key_id: str) -> str:
    """The cosigner name of a channel member's witness: its key id under a fixed prefix."""
    return f"parley.witness/{key_id}"
