"""Offline proof bundles: everything a third party needs to check one entry, in one file.

A bundle holds the entry (header, signature, and body and salt if the holder may show
them), the author's public key, the server's relay receipt, an RFC 9162 inclusion proof,
the checkpoint it leads to (signed by the server, cosigned by the parties' witnesses),
and the public keys involved. ``verify_bundle`` checks, with no server and no database:

    body → digest in the header → author's signature → Merkle leaf → relay receipt →
    inclusion proof → checkpoint root → server signature → witness cosignatures

and says which of those it checked. It fails closed (``VerificationError``). What it
cannot know is whether the keys in the bundle are the right ones: compare their ids
with the ones the parties publish.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from parley.crypto.keys import VerifyKey
from parley.errors import InvalidInput, VerificationError
from parley.ledger import leaf_hash, verify_inclusion
from parley.ledger.note import Checkpoint, split_note, verify_cosignature, verify_note, witness_name
from parley.model.entry import Entry
from parley.model.relay import RelayReceipt

FORMAT = "parley-proof-bundle/v1"


def assemble(
    *,
    channel: str,
    item: dict[str, Any],
    author: dict[str, str],
    index: int,
    size: int,
    proof: list[bytes],
    note: str,
    server_key: VerifyKey,
    origin: str,
    witnesses: list[dict[str, str]],
) -> dict[str, Any]:
    """The bundle for one logged entry (``item``: ``{"seq", "entry", "relay"}``) proven
    in the tree of ``size`` leaves whose checkpoint is ``note``."""
    return {
        "format": FORMAT,
        "channel": channel,
        "entry": item["entry"],
        "author": author,
        "relay": item["relay"],
        "inclusion": {
            "index": index,
            "size": size,
            "proof": [base64.b64encode(p).decode() for p in proof],
        },
        "checkpoint": note,
        "server": {
            "key_id": server_key.key_id,
            "public_key": server_key.to_b64(),
            "origin": origin,
        },
        "witnesses": witnesses,
    }


@dataclass
class BundleReport:
    entry_id: str
    entry_type: str
    checks: list[str] = field(default_factory=list)
    cosigned_by: list[str] = field(default_factory=list)
    body_shown: bool = False


def verify_bundle(bundle: Any) -> BundleReport:
    """Check a proof bundle completely, offline.

    Raises:
        VerificationError: the first check that fails, with a code saying which.
    """
    try:
        return _verify(bundle)
    except InvalidInput as exc:
        raise VerificationError(f"bundle is malformed: {exc.message}", "bundle.malformed") from exc


def _verify(bundle: Any) -> BundleReport:
    try:
        if bundle.get("format") != FORMAT:
            raise VerificationError("not a Parley proof bundle", "bundle.format")
        entry = Entry.from_json(bundle["entry"])
        author = VerifyKey.from_b64(bundle["author"]["public_key"])
        server = VerifyKey.from_b64(bundle["server"]["public_key"])
        origin = str(bundle["server"]["origin"])
        inc = bundle["inclusion"]
        index, size = int(inc["index"]), int(inc["size"])
        proof = [base64.b64decode(p, validate=True) for p in inc["proof"]]
        relay = RelayReceipt.from_json(bundle["relay"])
        note = str(bundle["checkpoint"])
        channel = str(bundle["channel"])
    except (KeyError, TypeError, ValueError, AttributeError, InvalidInput) as exc:
        raise VerificationError(f"bundle is malformed: {exc}", "bundle.malformed") from exc
    report = BundleReport(entry.id, entry.header.type)
    if entry.header.channel != channel or not origin.endswith("/" + channel):
        raise VerificationError("entry, origin and channel disagree", "bundle.channel_mismatch")
    if entry.body is not None:
        entry.verify_body()
        report.body_shown = True
        report.checks.append("body and salt match the digest in the signed header")
    entry.verify_signature(author)
    report.checks.append(f"header signed by {bundle['author']['name']} ({author.key_id})")
    leaf = leaf_hash(entry.leaf_data())
    if (relay.leaf_hash, relay.seq, relay.entry_id, relay.channel) != (
        leaf,
        index + 1,
        entry.id,
        channel,
    ):
        raise VerificationError(
            "the relay receipt is for another entry or position", "bundle.relay_mismatch"
        )
    relay.verify(server)
    report.checks.append(f"server relay receipt: entry {relay.seq} at {relay.received_at}")
    text = verify_note(note, origin, server)
    checkpoint = Checkpoint.parse(text)
    report.checks.append(f"checkpoint signed by the server: size {checkpoint.size}")
    if checkpoint.size != size or checkpoint.origin != origin:
        raise VerificationError(
            "the proof is for another tree than the checkpoint", "bundle.size_mismatch"
        )
    verify_inclusion(leaf, index, size, proof, checkpoint.root)
    report.checks.append(f"leaf {index} is in the tree of size {size} (RFC 9162 inclusion proof)")
    _, sigs = split_note(note)
    witnesses = bundle.get("witnesses", [])
    if not isinstance(witnesses, list):
        raise VerificationError("witnesses must be a list", "bundle.malformed")
    for w in witnesses:
        key = VerifyKey.from_b64(str(w["public_key"]))
        name = witness_name(key.key_id)
        mine = [s for s in sigs if s.name == name]
        if not mine:
            raise VerificationError(
                f"{w['name']} is listed as a witness but did not cosign", "bundle.cosignature"
            )
        verify_cosignature(text, mine[0], name, key)
        report.cosigned_by.append(f"{w['name']} ({w['side']})")
    if report.cosigned_by:
        report.checks.append("checkpoint cosigned by " + ", ".join(report.cosigned_by))
    return report
