"""What the public may see of a channel: nothing but what every side agreed to open.

No sign-in. The public learns: that the channel exists (its id), its signed and
cosigned checkpoints (so the number of entries, not their type, author or time), the
published communiqués, and the entries opened to ``public`` by joint consent — each with
its body, salt, header, the time it was recorded and the time it was opened, and an
offline proof bundle — and the trust root those bundles are checked against (member keys
with side and role, the charter's digest and server key). Nothing else: not the charter,
not member names, not the headers of entries that stayed closed. Routes answer "not found" for anything not public, the
same as for what does not exist.
"""

from __future__ import annotations

from typing import Any

from parley.crypto.canonical import canonical_json, parse_json
from parley.crypto.keys import VerifyKey
from parley.errors import NotFound
from parley.ledger.note import Checkpoint, split_note
from parley.model.disclosure import LEVELS
from parley.model.entry import Disclosure
from parley.model.glossary import GLOSSARY, every_form, fold
from parley.model.state import ChannelState
from parley.proofs import assemble
from parley.proofs.trust import TrustedKey, TrustRoot
from parley.service.ledger_views import LedgerViews
from parley.service.records import relay_of
from parley.service.snapshots import Snapshots
from parley.service.tree import TreeCache
from parley.store import Store


class PublicViews:
    def __init__(
        self,
        store: Store,
        trees: TreeCache,
        ledger: LedgerViews,
        server_key: VerifyKey,
        snapshots: Snapshots,
    ) -> None:
        self.store = store
        self.trees = trees
        self.ledger = ledger
        self.server_key = server_key
        self.snapshots = snapshots

    def visible(self, channel: str) -> ChannelState:
        """The channel's state, if the public may know the channel exists: its charter
        makes its checkpoint public (``public_checkpoint``), or something in it has been
        published. Otherwise the answer is exactly the one for a channel that does not
        exist, so existence and size leak nothing.

        Raises:
            NotFound: ``channel.not_found``.
        """
        state = self.snapshots.current(channel)
        if (
            state is None
            or state.size == 0
            or not (
                state.charter.public_checkpoint
                or any(level is Disclosure.PUBLIC for level, _ in state[LEVELS].values())
            )
        ):
            raise NotFound("channel.not_found", f"no channel {channel!r}")
        return state

    def _exists(self, channel: str) -> None:
        self.visible(channel)

    def _public_levels(self, channel: str) -> dict[str, dict[str, Any]]:
        out = {}
        for r in self.store.records(channel, "level"):
            view = parse_json(r["data"])
            if view["level"] == "public":
                out[view["entry_id"]] = view
        return out

    def _received(self, channel: str, seq: int) -> str:
        rows = self.store.entries(channel, seq - 1, 1)
        return rows[0].received_at if rows else ""

    def checkpoint(self, channel: str) -> str:
        self._exists(channel)
        return self.ledger.served_note(channel)[1]

    def _item(
        self,
        channel: str,
        entry_id: str,
        level: dict[str, Any],
        sides: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """One public entry with its relay receipt, its recorded / published times and the
        side of the member who signed it when ``sides`` (key id → side) is given (public
        already: the trust root lists every member key with its side)."""
        seq = self.store.seq_of_entry(channel, entry_id)
        assert seq is not None
        row = self.store.entries(channel, seq - 1, 1)[0]
        header = parse_json(row.header)
        out: dict[str, Any] = {
            "seq": seq,
            "entry": {
                "header": header,
                "signature": row.signature,
                "body": parse_json(row.body),
                "salt": row.salt,
            },
            "relay": relay_of(row, self.server_key.key_id).to_json(),
            "recorded_at": row.received_at,
            "published_seq": level["since_seq"],
            "published_at": self._received(channel, level["since_seq"]),
            "created_level": level["created_level"],
        }
        if sides is not None:
            out["author_side"] = sides.get(header["author"])
        return out

    def entries(self, channel: str) -> list[dict[str, Any]]:
        self._exists(channel)
        levels = sorted(self._public_levels(channel).items(), key=lambda kv: kv[1]["since_seq"])
        sides = {m["key_id"]: m["side_id"] for m in self.store.rows("members", channel)}
        return [self._item(channel, entry_id, level, sides) for entry_id, level in levels]

    def communiques(self, channel: str) -> list[dict[str, Any]]:
        self._exists(channel)
        out = []
        for r in self.store.records(channel, "communique"):
            c = parse_json(r["data"])
            if c["published"] is None:
                continue
            v = c["versions"][c["published"] - 1]
            out.append(
                {
                    "id": c["id"],
                    "version": v["version"],
                    "texts": v["texts"],
                    "authentic": v.get("authentic", []),
                    "entry_id": v["entry_id"],
                    "signed_by_sides": sorted(v["signed_by"]),
                    "published_seq": c["published_seq"],
                    "published_at": self._received(channel, c["published_seq"]),
                }
            )
        return out

    def bundle(self, channel: str, entry_id: str) -> dict[str, Any]:
        """A proof bundle for a public entry, against the earliest checkpoint that covers it
        and that every party cosigned (the one "cosigned back then"), else the latest."""
        self._exists(channel)
        level = self._public_levels(channel).get(entry_id)
        if level is None:
            raise NotFound("public.not_found", f"no public entry {entry_id} in channel {channel!r}")
        item = self._item(channel, entry_id, level)
        seq = int(item["seq"])
        size = self._agreed_size_from(channel, seq) or int(self.store.channel(channel)["tree_size"])  # type: ignore[index]
        note = self.ledger.served_note(channel, size)[1]
        members = {m["key_id"]: m for m in self.store.rows("members", channel)}
        cosigners = [r["key_id"] for r in self.store.cosignatures(channel, size)]

        def role(kid: str) -> dict[str, str]:
            m = members[kid]
            return {
                "key_id": kid,
                "public_key": m["public_key"],
                "name": f"{m['side_id']} {m['role']}",
                "side": m["side_id"],
            }

        proof = self.trees.channel(channel).inclusion(seq - 1, size)
        return assemble(
            channel=channel,
            item=item,
            author=role(item["entry"]["header"]["author"]),
            index=seq - 1,
            size=size,
            proof=proof,
            note=note,
            server_key=self.server_key,
            origin=self.ledger.origin(channel),
            witnesses=[role(k) for k in cosigners if k in members],
        )

    def _agreed_size_from(self, channel: str, seq: int) -> int | None:
        sides = {m["key_id"]: m["side_id"] for m in self.store.rows("members", channel)}
        parties = {s["side_id"] for s in self.store.rows("sides", channel) if s["kind"] == "party"}
        by_size: dict[int, set[str]] = {}
        for r in self.store.cosignatures(channel):
            by_size.setdefault(int(r["size"]), set()).add(sides.get(r["key_id"], ""))
        for size in sorted(by_size):
            if size >= seq and parties <= by_size[size]:
                return size
        return None

    def trust(self, channel: str) -> dict[str, Any]:
        """The channel's public trust root as this server states it (``parley trust
        export --public`` without names): log origin, the server key the charter names,
        every member key ever admitted with its side and role, the charter digest and the
        latest checkpoint. A page pins the first one it sees and compares later ones;
        a party can publish its own to check this one against.

        Raises:
            NotFound: ``channel.not_found``, or ``trust.no_server_key`` for a charter that
                names no server key (nothing public then rests on the server's word).
        """
        state = self.visible(channel)
        if state.charter.server_key is None:
            raise NotFound("trust.no_server_key", "the charter names no server key")
        size, note = self.ledger.served_note(channel)
        root = TrustRoot(
            channel=channel,
            origin=self.ledger.origin(channel),
            server=state.charter.server_key,
            keys={k: TrustedKey(m.key, m.side, m.role, "") for k, m in state.members.items()},
            charter_digest=state.charter.digest,
            checkpoint=(size, Checkpoint.parse(split_note(note)[0]).root),
        )
        return root.to_json()

    def consistency(self, channel: str, old: int, new: int | None) -> dict[str, Any]:
        """RFC 9162 consistency proof between two sizes of a public channel's log (the
        public already sees every checkpoint, so sizes and roots reveal nothing more).

        Raises:
            NotFound: ``channel.not_found``, ``proof.size_unknown``.
            InvalidInput: ``proof.bad_size``.
        """
        self._exists(channel)
        return self.ledger.consistency_of(channel, old, new)

    def summary(self, channel: str) -> dict[str, Any]:
        note = self.checkpoint(channel)
        cp = Checkpoint.parse(split_note(note)[0])
        communiques = self.communiques(channel)
        entries = self.entries(channel)
        texts = [t for c in communiques for t in c["texts"].values()]
        texts += [canonical_json(e["entry"]["body"]).decode() for e in entries]
        return {
            "channel": channel,
            "tree_size": cp.size,
            "checkpoint": note,
            "communiques": communiques,
            "names": self.names(channel, texts),
            "published_entries": [
                {
                    "id": e["entry"]["header"]["id"],
                    "type": e["entry"]["header"]["type"],
                    "recorded_at": e["recorded_at"],
                    "published_at": e["published_at"],
                }
                for e in entries
            ],
        }

    def names(self, channel: str, texts: list[str]) -> list[dict[str, Any]]:
        """The glossary's agreed neutral names for what the published ``texts`` name: each
        term one of whose forms they use, with the forms found. The public reads the
        neutral name beside the text as signed; nothing published is rewritten."""
        state = self.visible(channel)
        folded = [fold(t) for t in texts]
        out = []
        for term in state[GLOSSARY].values():
            found = sorted(
                {f for f in every_form(term) if any(fold(f) in t for t in folded)}, key=len
            )
            if found:
                out.append(
                    {"id": term.id, "kind": term.kind, "names": dict(term.names), "found": found}
                )
        return out
