"""c2sp.org/tlog-witness: the ``add-checkpoint`` request and a reference witness.

Request body (text)::

    old <size>\\n
    <base64 consistency-proof hash>\\n      (zero to 63 lines; none when old size is 0)
    \\n
    <the log's signed checkpoint note>

Answers (as ``WitnessRefusal.status``): 404 unknown origin, 403 no trusted log
signature, 400 old size larger than the checkpoint's, 409 old size is not the witness's
latest (the body is its size, ``text/x.tlog.size``) or same size with another root, 422
the proof does not verify; 200 with one or more cosignature lines.

``Witness`` is a minimal, correct witness over that protocol, used by ``parley
witness-serve`` so that anyone can run one, and by the tests. It keeps only the latest
checkpoint per origin, and the caller must persist ``state`` before answering.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

from parley.crypto.keys import SigningKey, VerifyKey
from parley.errors import ParleyError, VerificationError
from parley.ledger.merkle import EMPTY_ROOT, verify_consistency
from parley.ledger.note import Checkpoint, cosign, parse_size, verify_note

MAX_PROOF_LINES = 63


class WitnessRefusal(ParleyError):
    """A tlog-witness refusal, with the HTTP status the protocol assigns."""

    def __init__(self, status: int, code: str, message: str, body: str = "") -> None:
        super().__init__(code, message)
        self.status = status
        self.body = body


def add_checkpoint_body(old_size: int, proof: list[bytes], note: str) -> str:
    lines = [f"old {old_size}"] + [base64.b64encode(p).decode() for p in proof]
    return "\n".join(lines) + "\n\n" + note


def parse_add_checkpoint(body: str) -> tuple[int, list[bytes], str]:
    """Split a request body into (old size, proof, note).

    Raises:
        WitnessRefusal: 400 ``witness.bad_request`` when it is not of the protocol's shape.
    """
    head, sep, note = body.partition("\n\n")
    lines = head.split("\n")
    old = parse_size(lines[0][4:]) if lines[0].startswith("old ") else None
    if not sep or old is None:
        raise WitnessRefusal(
            400, "witness.bad_request", "body must start with 'old <size>' and a blank line"
        )
    if len(lines) - 1 > MAX_PROOF_LINES:
        raise WitnessRefusal(400, "witness.bad_request", "too many proof lines")
    try:
        proof = [base64.b64decode(x, validate=True) for x in lines[1:]]
    except (binascii.Error, ValueError) as exc:
        raise WitnessRefusal(400, "witness.bad_request", "a proof line is not base64") from exc
    return old, proof, note


@dataclass
class Witness:
    """A witness that cosigns checkpoints of the logs it knows, if consistent."""

    name: str
    key: SigningKey
    logs: dict[str, VerifyKey]  # origin -> the log's note key (its name is the origin)
    state: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # origin -> (size, root)

    def add_checkpoint(self, body: str, now: int) -> str:
        """Handle one request; return the cosignature line(s) to answer with.

        Raises:
            WitnessRefusal: with the protocol's status and code.
        """
        old_size, proof, note = parse_add_checkpoint(body)
        origin = note.split("\n", 1)[0]
        log_key = self.logs.get(origin)
        if log_key is None:
            raise WitnessRefusal(404, "witness.unknown_log", f"unknown origin {origin!r}")
        try:
            text = verify_note(note, origin, log_key)
        except VerificationError as exc:
            if exc.code == "note.malformed":
                raise WitnessRefusal(400, "witness.bad_request", exc.message) from exc
            raise WitnessRefusal(
                403, "witness.untrusted", "no valid signature by the log's key"
            ) from exc
        try:
            cp = Checkpoint.parse(text)
        except VerificationError as exc:  # signed by the log, but not a checkpoint
            raise WitnessRefusal(400, "witness.bad_request", exc.message) from exc
        if cp.size == 0 and cp.root != EMPTY_ROOT:
            raise WitnessRefusal(
                400, "witness.bad_request", "a checkpoint of size 0 has the empty tree's root"
            )
        if old_size > cp.size:
            raise WitnessRefusal(
                400, "witness.bad_request", "old size is larger than the checkpoint's"
            )
        latest_size, latest_root = self.state.get(origin, (0, b""))
        if old_size != latest_size:
            raise WitnessRefusal(
                409, "witness.stale_old_size", "old size is not my latest", f"{latest_size}\n"
            )
        if cp.size == latest_size and latest_size > 0 and cp.root != latest_root:
            raise WitnessRefusal(409, "witness.fork", "same size, different root")
        if latest_size > 0:
            try:
                verify_consistency(latest_size, cp.size, latest_root, cp.root, proof)
            except VerificationError as exc:
                raise WitnessRefusal(
                    422, "witness.bad_proof", "the consistency proof does not verify"
                ) from exc
        elif proof:
            raise WitnessRefusal(422, "witness.bad_proof", "the proof from size 0 must be empty")
        self.state[origin] = (cp.size, cp.root)
        # The text as received, extension lines and all (c2sp.org/tlog-cosignature: they
        # "MUST be included in the cosigned message"), not a re-rendering of what was parsed.
        return cosign(text, self.name, self.key, now).line()
