"""A member's own check of a channel, as ``parley log`` and ``parley verify --url`` run it.

Every entry is fetched and verified (``LogVerifier``: signatures, digests, receipts, the
tree); the server's signed checkpoint at that size must match the rebuilt root; it must
extend the last checkpoint this client remembers (``ChannelMemory``: a rebuilt database
missing its last entries, a fork, a changed server key are refused with the evidence
kept); every cosignature line is checked — the parties' against the keys the log
admitted, third-party witnesses' against the keys this member trusts (or, not yet
trusted, against the key the server names, and said so); this member's own last
cosignature must still be served; and the trust root of what was verified is
remembered, for proofs to be checked against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from parley.client.client import ParleyClient
from parley.client.memory import ChannelMemory, HistoryError
from parley.client.verify import LogVerifier, trust_root
from parley.crypto.keys import VerifyKey
from parley.errors import ParleyError, VerificationError
from parley.ledger.note import Checkpoint, split_note, verify_cosignature, witness_name
from parley.model.clock import format_time
from parley.model.entry import Entry


@dataclass
class ChannelAudit:
    verifier: LogVerifier
    rows: list[tuple[int, str, Entry]] = field(default_factory=list)
    """(sequence number, time the server received it, entry), in order."""
    checkpoint: Checkpoint | None = None
    party_cosigners: list[str] = field(default_factory=list)
    """Sides whose witnesses cosigned the checkpoint."""
    witnesses: list[str] = field(default_factory=list)
    """Third-party witnesses whose cosignature verified, with how far they are trusted."""


def audit_channel(
    c: ParleyClient,
    channel: str,
    memory: ChannelMemory,
    progress: Callable[[int, int], None] | None = None,
    keep_rows: bool = False,
) -> ChannelAudit:
    """Verify ``channel`` end to end as this member; see the module docstring.

    Raises:
        VerificationError: an entry, signature, receipt, root or cosignature that does not
            verify. HistoryError: a rollback, a fork, or this member's cosignature gone.
    """
    v = LogVerifier(channel, c.server_key())
    out = ChannelAudit(v)
    total = int(c.channel(channel)["tree_size"])
    after = 0
    while True:
        items = c.entries(channel, after, 500)
        for item in items:
            entry = v.add(item)
            if keep_rows:
                out.rows.append((int(item["seq"]), str(item["relay"]["received"]), entry))
        if progress is not None:
            progress(v.size, total)
        if len(items) < 500:
            break
        after = int(items[-1]["seq"])
    if v.size == 0:
        return out
    served = c.checkpoint(channel, v.size)
    seen = memory.accept(
        served,
        c.server_key(),
        lambda old, new: c.consistency_proof(channel, old, new),
        format_time(c.clock.now()),
    )
    if seen.checkpoint.size != v.size or seen.checkpoint.root != v.tree.root():
        raise VerificationError(
            f"the server's checkpoint at size {v.size} does not match the log it served",
            "checkpoint.root_mismatch",
        )
    out.checkpoint = seen.checkpoint
    info = c.checkpoint_info(channel, v.size)
    trusted = memory.trust.witnesses if memory.trust is not None else {}
    named = {w["name"]: VerifyKey.from_b64(w["public_key"]) for w in info.get("witnesses", [])}
    _, sigs = split_note(served)
    for s in sigs:
        if s.name.startswith("parley.witness/"):
            kid = s.name.split("/", 1)[1]
            key = v.ring.keys.get(kid)  # type: ignore[call-overload]
            if key is None:
                raise VerificationError(
                    f"{s.name} is not a key this channel's log admitted", "cosignature.unknown_key"
                )
            verify_cosignature(seen.text, s, witness_name(kid), key)
            out.party_cosigners.append(v.ring.side_of[kid])  # type: ignore[index]
        elif s.name in trusted or s.name in named:
            key = trusted.get(s.name) or named[s.name]
            verify_cosignature(seen.text, s, s.name, key)
            how = "trusted" if s.name in trusted else "key named by the server, not yet trusted"
            out.witnesses.append(f"{s.name} ({how})")
    mine = memory.cosigned
    if 0 < mine <= v.size:
        at = c.checkpoint_info(channel, mine)
        if c.key_id not in at["cosigners"]:
            raise HistoryError(
                "cosignature.missing",
                f"your witness cosigned size {mine}, but the server no longer shows it",
            )
    witnesses = {**named, **trusted}
    memory.remember_trust(trust_root(v, seen.checkpoint.origin, witnesses))
    return out


__all__ = ["ChannelAudit", "ParleyError", "audit_channel"]
