"""The server's identity, sign-in, and the entry types' body schemas."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import APIRouter, Request, Response

from parley import __version__
from parley.api.deps import Svc
from parley.api.limits import MAX_BATCH_BYTES
from parley.api.schemas import (
    ERRORS,
    MAX_BATCH,
    ChallengeIn,
    ChallengeOut,
    ServerInfo,
    TokenIn,
    TokenOut,
)
from parley.crypto.canonical import canonical_json
from parley.model.registry import body_schemas
from parley.service import MAX_ENTRY_BYTES

router = APIRouter()


@router.get("/v1/server", response_model=ServerInfo, tags=["server"])
def server_info(svc: Svc) -> dict[str, Any]:
    """The server's identity: the public key that signs relay receipts."""
    return {
        "name": "parley",
        "version": __version__,
        "server_key": svc.server_key.public.to_b64(),
        "server_key_id": svc.server_key.key_id,
        "max_entry_bytes": MAX_ENTRY_BYTES,
        "max_batch_entries": MAX_BATCH,
        "max_batch_bytes": MAX_BATCH_BYTES,
    }


@cache
def _schemas() -> bytes:
    return canonical_json(body_schemas())


@router.get(
    "/v1/schemas/entries",
    tags=["server"],
    responses={200: {"content": {"application/json": {}}}},
)
def entry_schemas() -> Response:
    """The JSON Schema of every entry type's body, by type: what a client validates a
    body against before signing it (the server checks the same models)."""
    return Response(
        _schemas(),
        media_type="application/json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


@router.post("/v1/auth/challenge", response_model=ChallengeOut, responses=ERRORS, tags=["auth"])
def challenge(req: ChallengeIn, svc: Svc) -> dict[str, str]:
    """Step 1 of sign-in: a single-use nonce, valid for two minutes (nothing is stored)."""
    nonce, expires = svc.auth.challenge(req.key_id)
    return {"nonce": nonce, "expires_at": expires, "server_key_id": svc.server_key.key_id}


@router.post("/v1/auth/token", response_model=TokenOut, responses=ERRORS, tags=["auth"])
def token(req: TokenIn, request: Request, svc: Svc) -> dict[str, str]:
    """Step 2: the nonce, bound to this server and the origin you connected to
    (docs/api.md), signed with the member's key, buys a one-hour bearer token."""
    t = svc.auth.token(
        req.public_key, req.nonce, req.signature, req.origin, request.headers.get("host")
    )
    return {"token": t.token, "key_id": t.key_id, "expires_at": t.expires_at}
