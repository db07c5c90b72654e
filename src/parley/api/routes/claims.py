"""The statement checker: a member's check, and the public's against the public record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from parley.api.deps import ChannelMember, Rt, Svc
from parley.api.schemas import ERRORS, CheckIn

router = APIRouter(tags=["claims"], responses=ERRORS)


@router.post("/v1/channels/{channel_id}/check")
def check_statements(body: CheckIn, v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Check public statements claim by claim against everything you may see:
    supported, contradicted or not in record, and whether a claim reveals what is
    confidential (docs/claims.md)."""
    return svc.claims.check(v, body.statements)


@router.post("/public/v1/channels/{channel_id}/check", tags=["public"])
async def public_check(
    channel_id: str, body: CheckIn, request: Request, rt: Rt
) -> list[dict[str, Any]]:
    """Check statements against the public record only (no disclosure verdicts). At most
    20 statements of 1,000 characters; one check runs at a time, and each address has a
    budget of server time for them (429 ``public.busy`` / ``rate.cost`` beyond)."""
    address = request.client.host if request.client else "?"
    return await rt.public_gate.run(
        address, lambda: rt.services.claims.check_public(channel_id, body.statements)
    )
