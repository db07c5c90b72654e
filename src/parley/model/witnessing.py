"""Cosignatures, written into the log: a party's witness cosigned a checkpoint.

A party's cosignature is evidence — "we saw the log at this size, with this root" — so
the record itself keeps it: after a witness cosigns, the server writes
``checkpoint.cosigned`` (automatic, signed by the server key the charter names) holding
the witness's cosignature line verbatim. It goes into the next group of entries the
channel appends anyway (never alone: an entry of its own would move the tree past the
size the other parties are cosigning). The audit then checks every recorded cosignature
is still stored and still verifies, so deleting one is noticed; and the rules refuse a
record that does not extend the witness's previous one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from parley.crypto.keys import KeyId
from parley.errors import NotFound, Rejected
from parley.model.bodies import Body, KeyIdStr
from parley.model.feature import EVERY_MEMBER, Draft, Event, Feature
from parley.model.state import ChannelState, Table

FEATURE = Feature("witnessing", __doc__ or "")


class CheckpointCosigned(Body):
    """Written by the server (automatic): a member's witness cosigned the checkpoint at
    ``size``; ``cosignature`` is its c2sp.org/tlog-cosignature line, verbatim."""

    TYPE = "checkpoint.cosigned"
    key_id: KeyIdStr
    size: int = Field(ge=1, le=2**53 - 1)
    cosignature: Annotated[str, StringConstraints(min_length=10, max_length=300)]


@dataclass(frozen=True, slots=True)
class Cosigned:
    key_id: KeyId
    size: int
    cosignature: str
    seq: int


COSIGNED: Table[KeyId, Cosigned] = FEATURE.table(Table("cosigned"))
"""Each member's latest recorded cosignature."""


@FEATURE.automatic(CheckpointCosigned, read=EVERY_MEMBER)
def cosigned(d: Draft, e: Event[CheckpointCosigned]) -> None:
    body = e.body
    key = KeyId(body.key_id)
    if key not in d.members:
        raise NotFound("member.unknown", f"{key} is not a member of this channel")
    if body.size >= e.seq:
        raise Rejected("cosignature.beyond_log", f"no checkpoint of size {body.size} yet")
    before = d[COSIGNED].get(key)
    if before is not None and body.size <= before.size:
        raise Rejected(
            "cosignature.not_extending",
            f"{key} already cosigned size {before.size}; a cosignature only moves forward",
        )
    d.put(COSIGNED, key, Cosigned(key, body.size, body.cosignature, e.seq))


def cosigned_view(state: ChannelState, key: KeyId) -> dict[str, Any]:
    c = state[COSIGNED][key]
    return {"key_id": c.key_id, "size": c.size, "cosignature": c.cosignature, "seq": c.seq}


FEATURE.record(COSIGNED, cosigned_view)
