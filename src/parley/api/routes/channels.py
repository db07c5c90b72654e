"""Channels a key belongs to, a channel's charter and members, its messages and health."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import ChannelMember, SignedIn, Svc
from parley.api.schemas import ERRORS

router = APIRouter(tags=["channels"], responses=ERRORS)


@router.get("/v1/channels")
def my_channels(key: SignedIn, svc: Svc) -> list[dict[str, Any]]:
    """Channels the signed-in key is an active member of."""
    return svc.channels.channels_of(key)


@router.get("/v1/channels/{channel_id}")
def channel(v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """The charter, sides, members, status and tree size of a channel."""
    return svc.channels.channel_view(v)


@router.get("/v1/channels/{channel_id}/messages", tags=["messages"])
def messages(v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Messages the caller's side may see, with receipt states and deadlines."""
    return svc.channels.messages_view(v)


@router.get("/v1/channels/{channel_id}/health")
def health(
    v: ChannelMember, svc: Svc, days: Annotated[int | None, Query(ge=1, le=366)] = None
) -> dict[str, Any]:
    """Availability per party from the communication checks, with every missed check."""
    return svc.talks.health(v, svc.clock.now(), days)
