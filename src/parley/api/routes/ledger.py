"""The log as a Merkle tree: checkpoints, proofs, cosignatures, third-party witnesses."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from parley.api.deps import ChannelMember, Svc
from parley.api.schemas import ERRORS, MAX_SEQ, TEXT_ERRORS, CosignatureIn

router = APIRouter(tags=["ledger"])


@router.get(
    "/v1/channels/{channel_id}/checkpoint",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **TEXT_ERRORS},
)
def checkpoint(
    v: ChannelMember, svc: Svc, size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None
) -> PlainTextResponse:
    """The latest (or ``size``) checkpoint: a c2sp.org/tlog-checkpoint signed note by
    the server, followed by the parties' c2sp.org/tlog-cosignature lines."""
    note = svc.ledger.checkpoint_note(v, size)
    return PlainTextResponse(note, media_type="text/plain; charset=utf-8")


@router.get("/v1/channels/{channel_id}/checkpoint.json", responses=ERRORS)
def checkpoint_json(
    v: ChannelMember, svc: Svc, size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None
) -> dict[str, Any]:
    """The checkpoint note with who cosigned it and whether it is *agreed*
    (cosigned by a witness of every party)."""
    return svc.ledger.checkpoint_info(v, size)


@router.get("/v1/channels/{channel_id}/proof/inclusion", responses=ERRORS)
def inclusion(
    v: ChannelMember,
    svc: Svc,
    index: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
    leaf_hash: Annotated[str | None, Query(pattern="^[0-9a-fA-F]{64}$")] = None,
    size: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
) -> dict[str, Any]:
    """RFC 9162 §2.1.3 audit path of a leaf (by index or leaf hash) in the tree of
    ``size`` leaves (default: the current size). Hashes are base64."""
    return svc.ledger.inclusion(v, size, index, leaf_hash)


@router.get("/v1/channels/{channel_id}/proof/consistency", responses=ERRORS)
def consistency(
    v: ChannelMember,
    svc: Svc,
    old: Annotated[int, Query(ge=0, le=MAX_SEQ)],
    new: Annotated[int | None, Query(ge=0, le=MAX_SEQ)] = None,
) -> dict[str, Any]:
    """RFC 9162 §2.1.4 consistency proof from tree size ``old`` to ``new``."""
    return svc.ledger.consistency(v, old, new)


@router.post("/v1/channels/{channel_id}/cosignatures", responses=ERRORS)
def cosign(req: CosignatureIn, v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """Add your witness's c2sp.org/tlog-cosignature (Ed25519, type 0x04) to the
    checkpoint at ``size``, after checking it extends the last one you cosigned."""
    return svc.ledger.add_cosignature(v, req.size, req.cosignature)


@router.post("/v1/channels/{channel_id}/witnesses/push", responses=ERRORS)
def push_witnesses(v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Send the latest checkpoint to the server's third-party witnesses
    (c2sp.org/tlog-witness ``add-checkpoint``) and store their cosignatures."""
    return svc.witnesses.push(v.channel)
