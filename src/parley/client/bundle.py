"""Assembling an offline proof bundle from a server, as a member (``parley proof``)."""

from __future__ import annotations

from typing import Any

from parley.client.client import ParleyClient
from parley.proofs import assemble
from parley.proofs.bundle import AUTOMATIC


def make_bundle(client: ParleyClient, channel: str, entry_id: str) -> dict[str, Any]:
    """A bundle for ``entry_id`` against the latest checkpoint, with the body if the
    member may read it. The names in it are for people reading the file; a verifier
    takes names from its trust root, never from the bundle."""
    item = client.entry(channel, entry_id)
    view = client.channel(channel)
    members = {m["key_id"]: {**m, "side": s["id"]} for s in view["sides"] for m in s["members"]}
    info = client.checkpoint_info(channel)
    size = int(info["size"])
    index = int(item["seq"]) - 1
    _, proof = client.inclusion_proof(channel, size=size, index=index)
    server = client.server_key()

    def person(kid: str) -> dict[str, str]:
        if kid == server.key_id:  # an automatic entry: the server signed it
            return {"key_id": kid, "public_key": server.to_b64(), "name": AUTOMATIC, "side": ""}
        m = members[kid]
        return {"key_id": kid, "public_key": m["public_key"], "name": m["name"], "side": m["side"]}

    third = [
        {"name": w["name"], "note_name": w["name"], "public_key": w["public_key"], "side": ""}
        for w in info.get("witnesses", [])
    ]
    return assemble(
        channel=channel,
        item=item,
        author=person(item["entry"]["header"]["author"]),
        index=index,
        size=size,
        proof=proof,
        note=info["note"],
        server_key=server,
        origin=info["origin"],
        witnesses=[person(k) for k in info["cosigners"] if k in members] + third,
    )
