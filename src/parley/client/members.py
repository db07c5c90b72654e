"""SDK for membership: a head adds, removes and rotates its side's keys; the other sides
and the side's members replace a head whose key is lost (``model/recovery.py``)."""

from __future__ import annotations

from typing import Any

from parley.client.talks import Section
from parley.errors import NotFound
from parley.model.bodies import MemberSpec
from parley.model.channel import KeyRotated, MemberAdded, MemberRemoved
from parley.model.recovery import ReplacementProposed, ReplacementSigned
from parley.model.relay import RelayReceipt


class Members(Section):
    def add(
        self, channel: str, side: str, public_key: str, name: str, role: str = "member",
        title: str = "",
    ) -> RelayReceipt:  # fmt: skip
        member = MemberSpec.model_validate(
            {"key": public_key, "name": name, "role": role, "title": title}
        )
        return self._do(channel, MemberAdded(side=side, member=member))

    def remove(self, channel: str, side: str, key_id: str, reason: str = "") -> RelayReceipt:
        """Revoke a key: its new signatures are refused; what it signed before still verifies."""
        return self._do(channel, MemberRemoved(side=side, key_id=key_id, reason=reason))

    def rotate(self, channel: str, side: str, key_id: str, new_public_key: str) -> RelayReceipt:
        """Replace a member's key (a head's own included) with a new one, same person."""
        return self._do(channel, KeyRotated(side=side, key_id=key_id, new_key=new_public_key))

    def propose_head_replacement(
        self, channel: str, replacement: str, side: str, lost_key: str, new_public_key: str,
        name: str, reason: str, title: str = "",
    ) -> RelayReceipt:  # fmt: skip
        """As another side's head: propose a new head for a side whose head's key is lost."""
        head = MemberSpec(key=new_public_key, name=name, role="head", title=title)
        body = ReplacementProposed(
            replacement=replacement, side=side, lost_key=lost_key, new_head=head, reason=reason
        )
        return self._do(channel, body)

    def replacement(self, channel: str, replacement: str) -> dict[str, Any]:
        for r in self._records(channel, "replacement"):
            if r["id"] == replacement:
                return r
        raise NotFound("replacement.unknown", f"there is no replacement {replacement!r}")

    def sign_head_replacement(self, channel: str, replacement: str) -> RelayReceipt:
        r = self.replacement(channel, replacement)
        body = ReplacementSigned(replacement=replacement, digest=r["digest"])
        return self._do(channel, body, (r["entry_id"],))
