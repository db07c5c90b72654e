"""Pushing checkpoints to third-party witnesses over c2sp.org/tlog-witness.

For each configured witness the server sends ``add-checkpoint`` with the size that
witness last cosigned (a 409 answer names its real latest size, and the server retries
once from there), the RFC 9162 consistency proof, and its signed checkpoint; it verifies
the returned cosignature under the witness's configured key and stores it, so it is
served with the checkpoint and checked by the audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from parley.crypto.keys import VerifyKey
from parley.errors import ParleyError, VerificationError
from parley.ledger.note import (
    Signature,
    parse_signature_line,
    parse_size,
    split_note,
    verify_cosignature,
)
from parley.ledger.witness_protocol import add_checkpoint_body
from parley.service.tree import TreeCache
from parley.store import Store


@dataclass(frozen=True)
class ExternalWitness:
    name: str
    key: VerifyKey
    url: str

    @classmethod
    def parse(cls, spec: str) -> ExternalWitness:
        """``NAME=BASE64_ED25519_KEY@URL``.

        Raises:
            ParleyError: ``witness.bad_spec``.
        """
        try:
            name, rest = spec.split("=", 1)
            key, url = rest.split("@", 1)
            return cls(name, VerifyKey.from_b64(key), url.rstrip("/"))
        except (ValueError, ParleyError) as exc:
            raise ParleyError("witness.bad_spec", f"witness {spec!r} is not NAME=KEY@URL") from exc


class WitnessPusher:
    def __init__(
        self,
        store: Store,
        trees: TreeCache,
        witnesses: tuple[ExternalWitness, ...],
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.store = store
        self.trees = trees
        self.witnesses = witnesses
        self.transport = transport

    def push(self, channel: str) -> list[dict[str, Any]]:
        """Send the latest checkpoint of ``channel`` to every witness; report each outcome."""
        store = self.store
        latest = store.checkpoint(channel)
        if latest is None:
            raise ParleyError("checkpoint.not_found", f"channel {channel!r} has no checkpoint yet")
        size, note = latest
        text, _ = split_note(note)
        results = []
        for w in self.witnesses:
            try:
                old = store.last_witnessed(channel, w.name)
                status, body = self._send(channel, w, old, size, note)
                answered = body.strip()
                theirs = parse_size(answered)
                if status == 409 and theirs is not None and theirs <= size:
                    status, body = self._send(channel, w, theirs, size, note)
                if status != 200:
                    results.append(
                        {"witness": w.name, "ok": False, "status": status, "detail": body[:200]}
                    )
                    continue
                sig = _own_line(body, text, w)
                store.add_witness_cosignature(channel, size, w.name, w.key.to_b64(), sig.line())
                results.append({"witness": w.name, "ok": True, "status": 200, "size": size})
            except (httpx.HTTPError, ParleyError) as exc:
                results.append(
                    {"witness": w.name, "ok": False, "status": 0, "detail": str(exc)[:200]}
                )
        return results

    def _send(
        self, channel: str, w: ExternalWitness, old: int, size: int, note: str
    ) -> tuple[int, str]:
        proof = self.trees.channel(channel).consistency(old, size) if old else []
        with httpx.Client(transport=self.transport, timeout=10) as http:
            r = http.post(
                f"{w.url}/add-checkpoint", content=add_checkpoint_body(old, proof, note).encode()
            )
        return r.status_code, r.text


def _own_line(body: str, text: str, w: ExternalWitness) -> Signature:
    """The witness's own cosignature among the lines it answered with: c2sp.org/tlog-
    witness allows "one or more note signature lines", and those by other keys are
    ignored, as the spec says clients must.

    Raises:
        VerificationError: ``cosignature.bad`` when none is by the witness's key and valid.
    """
    for line in body.strip().split("\n"):
        try:
            sig = parse_signature_line(line)
            verify_cosignature(text, sig, w.name, w.key)
        except ParleyError:
            continue
        return sig
    raise VerificationError(
        f"witness {w.name} answered no valid cosignature by its key", "cosignature.bad"
    )
