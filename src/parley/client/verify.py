"""Local verification of a channel's log, as a party's client does it.

The client trusts nothing the server says about membership: it learns keys from the
charter and the membership entries in the log itself (whose bodies every member sees),
checks every header's signature against them, each visible body against its digest,
the server's relay receipt, and rebuilds the Merkle tree to compare the root.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.crypto.keys import KeyId, VerifyKey
from parley.errors import VerificationError
from parley.ledger import CompactRange, leaf_hash
from parley.model import recovery
from parley.model.channel import (
    ChannelCreated,
    KeyRotated,
    MemberAdded,
    MemberRemoved,
    charter_digest,
)
from parley.model.entry import Entry
from parley.model.registry import TYPES
from parley.model.relay import RelayReceipt
from parley.proofs.trust import TrustedKey, TrustRoot


@dataclass
class KeyRing:
    """Who may sign in a channel, folded from the channel's own entries."""

    keys: dict[KeyId, VerifyKey] = field(default_factory=dict)
    active: set[KeyId] = field(default_factory=set)
    side_of: dict[KeyId, str] = field(default_factory=dict)
    server: VerifyKey | None = None  # signs automatic entries, as the charter says
    sides: set[str] = field(default_factory=set)
    replacements: dict[str, tuple[str, KeyId, VerifyKey, set[str]]] = field(default_factory=dict)
    """A lost head's replacement: (side, lost key, new key, who signed) — it takes effect
    with the last required signature (model/recovery.py)."""
    people: dict[KeyId, tuple[str, str]] = field(default_factory=dict)
    """(name, role) of each key, as the signed log says."""
    charter_digest: str = ""

    def learn(self, entry: Entry) -> None:
        body = entry.body
        if body is None:
            return
        t = entry.header.type
        if t == ChannelCreated.TYPE:
            charter = ChannelCreated.model_validate(body)
            self.charter_digest = charter_digest(body)
            if charter.server_key is not None:
                self.server = VerifyKey.from_b64(charter.server_key)
            for side in charter.sides:
                self.sides.add(side.id)
                for m in side.members:
                    self._add(VerifyKey.from_b64(m.key), side.id, m.name, m.role)
        elif t == MemberAdded.TYPE:
            added = MemberAdded.model_validate(body)
            spec = added.member
            self._add(VerifyKey.from_b64(spec.key), added.side, spec.name, spec.role)
        elif t == MemberRemoved.TYPE:
            self.active.discard(KeyId(MemberRemoved.model_validate(body).key_id))
        elif t == KeyRotated.TYPE:
            rot = KeyRotated.model_validate(body)
            self.active.discard(KeyId(rot.key_id))
            name, role = self.people.get(KeyId(rot.key_id), ("", "member"))
            self._add(VerifyKey.from_b64(rot.new_key), rot.side, name, role)
        elif t == recovery.ReplacementProposed.TYPE:
            p = recovery.ReplacementProposed.model_validate(body)
            by = self.side_of.get(entry.header.author, "")
            new = VerifyKey.from_b64(p.new_head.key)
            self.replacements[p.replacement] = (p.side, KeyId(p.lost_key), new, {by})
            self.people[new.key_id] = (p.new_head.name, "head")
        elif t == recovery.ReplacementSigned.TYPE:
            s = recovery.ReplacementSigned.model_validate(body)
            if s.replacement in self.replacements:
                whose, lost, new, signed = self.replacements[s.replacement]
                by = self.side_of.get(entry.header.author, "")
                signed.add("own" if by == whose else by)
                if recovery.required(self.sides, whose) <= signed:
                    self.active.discard(lost)
                    self._add(new, whose)
                    del self.replacements[s.replacement]

    def _add(self, key: VerifyKey, side: str, name: str = "", role: str = "") -> None:
        self.keys[key.key_id] = key
        self.active.add(key.key_id)
        self.side_of[key.key_id] = side
        if name or role or key.key_id not in self.people:
            self.people[key.key_id] = (name, role or "member")


@dataclass
class LogVerifier:
    channel: str
    server_key: VerifyKey
    ring: KeyRing = field(default_factory=KeyRing)
    tree: CompactRange = field(default_factory=CompactRange)

    @property
    def size(self) -> int:
        return self.tree.size

    def add(self, item: dict[str, Any]) -> Entry:
        """Verify the next logged entry (``{"seq", "entry", "relay"}``) and take it in.

        Raises:
            VerificationError: wrong sequence, unknown or inactive author, bad signature,
                body not matching its digest, or a relay receipt that does not verify.
        """
        entry = Entry.from_json(item["entry"])
        seq = int(item["seq"])
        where = f"entry {seq} ({entry.id})"
        if seq != self.tree.size + 1:
            raise VerificationError(f"{where}: expected sequence {self.tree.size + 1}", "sync.gap")
        if entry.header.channel != self.channel:
            raise VerificationError(f"{where}: belongs to another channel", "sync.wrong_channel")
        if entry.header.type == "channel.created":
            if seq != 1:
                raise VerificationError(f"{where}: a second charter", "sync.bad_charter")
            self.ring.learn(entry)
        author = self.ring.keys.get(entry.header.author)
        kind = TYPES.get(entry.header.type)
        if kind is not None and kind.writer == "server":
            # Automatic entries are signed by the server key the charter names, only.
            author = self.ring.server
            if author is None or author.key_id != entry.header.author:
                raise VerificationError(
                    f"{where}: automatic entry not signed by the charter's server key",
                    "sync.unknown_author",
                )
        elif author is None or entry.header.author not in self.ring.active:
            raise VerificationError(
                f"{where}: author {entry.header.author} is not a member", "sync.unknown_author"
            )
        entry.verify_signature(author)
        if entry.body is not None:
            entry.verify_body()
        leaf = leaf_hash(entry.leaf_data())
        relay = RelayReceipt.from_json(item["relay"])
        if (relay.seq, relay.entry_id, relay.leaf_hash, relay.channel) != (
            seq,
            entry.id,
            leaf,
            self.channel,
        ):
            raise VerificationError(
                f"{where}: relay receipt is for something else", "relay.mismatch"
            )
        relay.verify(self.server_key)
        if entry.header.type != "channel.created":
            self.ring.learn(entry)
        self.tree.append(leaf)
        return entry


def trust_root(
    verifier: LogVerifier,
    origin: str,
    witnesses: dict[str, VerifyKey] | None = None,
    public: bool = False,
) -> TrustRoot:
    """A trust root from a log this client verified itself: the server key the charter
    names, every key the log ever admitted with its side and role (and name, unless
    ``public``), the witnesses given, and the checkpoint verified last.

    Raises:
        VerificationError: ``trust.no_server_key`` when the charter names none.
    """
    ring = verifier.ring
    if ring.server is None:
        raise VerificationError("the charter names no server key", "trust.no_server_key")
    if ring.server != verifier.server_key:
        raise VerificationError(
            f"the server signs with {verifier.server_key.key_id}, but the charter names "
            f"{ring.server.key_id}",
            "trust.server_key",
        )
    keys: dict[str, TrustedKey] = {
        kid: TrustedKey(
            key, ring.side_of[kid], ring.people.get(kid, ("", "member"))[1],
            "" if public else ring.people.get(kid, ("", ""))[0],
        )
        for kid, key in ring.keys.items()
    }  # fmt: skip
    return TrustRoot(
        channel=verifier.channel,
        origin=origin,
        server=ring.server,
        keys=keys,
        witnesses=dict(witnesses or {}),
        charter_digest=ring.charter_digest,
        checkpoint=(verifier.size, verifier.tree.root()),
    )
