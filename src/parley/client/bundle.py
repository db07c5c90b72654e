"""Assembling an offline proof bundle from a server, as a member (``parley proof``)."""

from __future__ import annotations

from typing import Any

from parley.client.client import ParleyClient
from parley.proofs import assemble


def make_bundle(client: ParleyClient, channel: str, entry_id: str) -> dict[str, Any]:
    """A bundle for ``entry_id`` against the latest checkpoint, with the body if the
    member may read it."""
    item = client.entry(channel, entry_id)
    view = client.channel(channel)
    members = {m["key_id"]: {**m, "side": s["id"]} for s in view["sides"] for m in s["members"]}
    info = client.checkpoint_info(channel)
    size = int(info["size"])
    index = int(item["seq"]) - 1
    _, proof = client.inclusion_proof(channel, size=size, index=index)

    def person(kid: str) -> dict[str, str]:
        m = members[kid]
        return {"key_id": kid, "public_key": m["public_key"], "name": m["name"], "side": m["side"]}

    return assemble(
        channel=channel,
        item=item,
        author=person(item["entry"]["header"]["author"]),
        index=index,
        size=size,
        proof=proof,
        note=info["note"],
        server_key=client.server_key(),
        origin=info["origin"],
        witnesses=[person(k) for k in info["cosigners"] if k in members],
    )
