"""Offline proof bundles: everything a third party needs to check one entry, in one file.

A bundle holds the entry (header, signature, and body and salt if the holder may show
them), the author's public key, the server's relay receipt, an RFC 9162 inclusion proof,
the checkpoint it leads to (signed by the server, cosigned by the parties' witnesses),
and the public keys involved. ``verify_bundle`` checks, with no server and no database:

    body → digest in the header → author's signature → Merkle leaf → relay receipt →
    inclusion proof → checkpoint root → server signature → witness cosignatures

and says which of those it checked. It fails closed (``VerificationError``).

What the bundle cannot say by itself is whether its keys are the right ones: a bundle
made of keys made up for the occasion is perfectly consistent. So it is checked against
a **trust root** the verifier already holds (``parley.proofs.trust``): the server key,
origin and member keys must be the trust root's, names and sides come from the trust
root and never from the bundle, and cosignatures count only from keys it names. Without
one, the report says the bundle is consistent but **untrusted**, never "OK".
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
from parley.proofs.trust import TrustRoot

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
    trusted: bool = False
    """Checked against a trust root: keys, names and cosigners are the trust root's."""
    author: str = ""


AUTOMATIC = "Parley server (automatic)"


def verify_bundle(bundle: Any, trust: TrustRoot | None = None) -> BundleReport:
    """Check a proof bundle completely, offline, against ``trust`` if given.

    Raises:
        VerificationError: the first check that fails, with a code saying which
            (``trust.*`` when the bundle does not fit the trust root).
    """
    try:
        return _verify(bundle, trust)
    except InvalidInput as exc:
        raise VerificationError(f"bundle is malformed: {exc.message}", "bundle.malformed") from exc


def _key(d: Any, what: str) -> VerifyKey:
    key = VerifyKey.from_b64(str(d["public_key"]))
    if "key_id" in d and d["key_id"] != key.key_id:
        raise VerificationError(
            f"the {what}'s key id {d['key_id']} is not the id of its public key",
            "bundle.key_id_mismatch",
        )
    return key


def _verify(bundle: Any, trust: TrustRoot | None) -> BundleReport:
    try:
        if bundle.get("format") != FORMAT:
            raise VerificationError("not a Parley proof bundle", "bundle.format")
        entry = Entry.from_json(bundle["entry"])
        author = _key(bundle["author"], "author")
        server = _key(bundle["server"], "server")
        origin = str(bundle["server"]["origin"])
        inc = bundle["inclusion"]
        index, size = int(inc["index"]), int(inc["size"])
        proof = [base64.b64decode(p, validate=True) for p in inc["proof"]]
        relay = RelayReceipt.from_json(bundle["relay"])
        note = str(bundle["checkpoint"])
        channel = str(bundle["channel"])
    except (KeyError, TypeError, ValueError, AttributeError, InvalidInput) as exc:
        raise VerificationError(f"bundle is malformed: {exc}", "bundle.malformed") from exc
    report = BundleReport(entry.id, entry.header.type, trusted=trust is not None)
    if entry.header.channel != channel or not origin.endswith("/" + channel):
        raise VerificationError("entry, origin and channel disagree", "bundle.channel_mismatch")
    if trust is not None:
        _fits(trust, channel, origin, server)
    if entry.body is not None:
        entry.verify_body()
        report.body_shown = True
        report.checks.append("body and salt match the digest in the signed header")
    entry.verify_signature(author)
    report.author = _who(author, server, trust, bundle["author"])
    report.checks.append(f"header signed by {report.author}")
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
    report.checks.append(
        f"checkpoint signed by the server ({server.key_id}): size {checkpoint.size}"
    )
    if checkpoint.size != size or checkpoint.origin != origin:
        raise VerificationError(
            "the proof is for another tree than the checkpoint", "bundle.size_mismatch"
        )
    verify_inclusion(leaf, index, size, proof, checkpoint.root)
    report.checks.append(f"leaf {index} is in the tree of size {size} (RFC 9162 inclusion proof)")
    if trust is not None and trust.checkpoint is not None and trust.checkpoint[0] == size:
        if trust.checkpoint[1] != checkpoint.root:
            raise VerificationError(
                f"the trust root saw another root for size {size}: a forked log",
                "trust.fork",
            )
        report.checks.append(f"the same root as the trust root's checkpoint of size {size}")
    report.cosigned_by = _cosigners(bundle, text, note, trust)
    if report.cosigned_by:
        report.checks.append("checkpoint cosigned by " + ", ".join(report.cosigned_by))
    return report


def _fits(trust: TrustRoot, channel: str, origin: str, server: VerifyKey) -> None:
    if trust.channel != channel:
        raise VerificationError(
            f"the bundle is for channel {channel!r}; the trust root is {trust.channel!r}'s",
            "trust.wrong_channel",
        )
    if trust.origin != origin:
        raise VerificationError(
            f"the bundle's log is {origin!r}; the trust root's is {trust.origin!r}",
            "trust.wrong_origin",
        )
    if server != trust.server:
        raise VerificationError(
            f"the bundle is signed by server key {server.key_id}; the trust root names "
            f"{trust.server.key_id}",
            "trust.server_key",
        )


def _who(author: VerifyKey, server: VerifyKey, trust: TrustRoot | None, claimed: Any) -> str:
    if author == server:
        return f"{AUTOMATIC} ({author.key_id})"
    if trust is None:
        said = str(claimed.get("name", "")) if isinstance(claimed, dict) else ""
        return f"key {author.key_id}" + (
            f" (the bundle says: {said}; not verified)" if said else ""
        )
    known = trust.keys.get(author.key_id)
    if known is None or known.key != author:
        raise VerificationError(
            f"the entry is signed by {author.key_id}, which the trust root does not name "
            "(a key added since it was written? export a newer one)",
            "trust.unknown_author",
        )
    return f"{known.label} ({author.key_id})"


def _cosigners(bundle: Any, text: str, note: str, trust: TrustRoot | None) -> list[str]:
    """Who cosigned the checkpoint: with a trust root, every member key and third-party
    witness it names whose cosignature line verifies (lines by other keys are ignored,
    as c2sp.org/tlog-cosignature requires); without one, the bundle's own list, marked
    as unverified names."""
    _, sigs = split_note(note)
    by_name = {s.name: s for s in sigs}
    out = []
    if trust is not None:
        candidates = [(witness_name(k.key_id), k.key, k.label) for k in trust.keys.values()]
        candidates += [(n, key, f"witness {n}") for n, key in trust.witnesses.items()]
        for name, key, label in candidates:
            sig = by_name.get(name)
            if sig is None:
                continue
            verify_cosignature(text, sig, name, key)
            out.append(label)
        return out
    witnesses = bundle.get("witnesses", [])
    if not isinstance(witnesses, list):
        raise VerificationError("witnesses must be a list", "bundle.malformed")
    for w in witnesses:
        key = _key(w, "witness")
        name = str(w.get("note_name") or witness_name(key.key_id))
        sig = by_name.get(name)
        if sig is None:
            raise VerificationError(
                f"{w.get('name', name)} is listed as a witness but did not cosign",
                "bundle.cosignature",
            )
        verify_cosignature(text, sig, name, key)
        out.append(f"key {key.key_id} (the bundle says: {w.get('name', '')}; not verified)")
    return out
