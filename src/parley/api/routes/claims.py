"""The statement checker: a member's check, and the public's against the public record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from parley.api.deps import ChannelMember, Svc
from parley.api.schemas import ERRORS, CheckIn

router = APIRouter(tags=["claims"], responses=ERRORS)


@router.post("/v1/channels/{channel_id}/check")
def check_statements(body: CheckIn, v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Check public statements claim by claim against everything you may see:
    supported, contradicted or not in record, and whether a claim reveals what is
    confidential (docs/claims.md)."""
    return svc.claims.check(v, body.statements)


@router.post("/public/v1/channels/{channel_id}/check", tags=["public"])
def public_check(channel_id: str, body: CheckIn, svc: Svc) -> list[dict[str, Any]]:
    """Check statements against the public record only (no disclosure verdicts)."""
    return svc.claims.check_public(channel_id, body.statements)
