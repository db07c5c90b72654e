"""The negotiation record: meetings, minutes, commitments, and every record kind."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from parley.api.deps import ChannelMember, Svc
from parley.api.schemas import ERRORS, MAX_SEQ

router = APIRouter(tags=["talks"], responses=ERRORS)


@router.get("/v1/channels/{channel_id}/meetings")
def meetings(v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Every meeting with all its proposals (versions), answers and agenda items."""
    return svc.talks.meetings(v)


@router.get("/v1/channels/{channel_id}/meetings/next")
def next_meeting(
    v: ChannelMember, svc: Svc, after: Annotated[str | None, Query()] = None
) -> dict[str, Any]:
    """What the record says about the next meeting as of now (or the one after meeting
    ``after``): ``agreed``, ``proposed_not_agreed`` or ``never_proposed``, with the
    meeting's id as ``next`` and a sentence saying why. An agreed meeting stays the next
    one until its time has come."""
    return svc.talks.next_meeting(v, svc.clock.now(), after)


@router.get("/v1/channels/{channel_id}/meetings/{meeting_id}")
def meeting(meeting_id: str, v: ChannelMember, svc: Svc) -> dict[str, Any]:
    return svc.talks.meeting(v, meeting_id)


@router.get("/v1/channels/{channel_id}/minutes/{meeting_id}")
def minutes(meeting_id: str, v: ChannelMember, svc: Svc) -> dict[str, Any]:
    """Every version of a meeting's minutes, who signed which, and the agreed version."""
    return svc.talks.minutes(v, meeting_id)


@router.get("/v1/channels/{channel_id}/minutes/{meeting_id}/diff")
def minutes_diff(
    meeting_id: str,
    v: ChannelMember,
    svc: Svc,
    old: Annotated[int, Query(alias="from", ge=1, le=MAX_SEQ)],
    new: Annotated[int, Query(alias="to", ge=1, le=MAX_SEQ)],
) -> list[str]:
    """A unified diff between two versions of the minutes."""
    return svc.talks.minutes_diff(v, meeting_id, old, new)


@router.get("/v1/channels/{channel_id}/records/{kind}")
def records(kind: str, v: ChannelMember, svc: Svc) -> list[dict[str, Any]]:
    """Projection records by kind: meeting, minutes, commitment, extension, opening
    (disclosure proposals), communique, level (opened entries), check, assessment,
    replacement."""
    return svc.talks.records(v, kind)


@router.get("/v1/channels/{channel_id}/commitments")
def commitments(
    v: ChannelMember, svc: Svc, overdue: Annotated[bool, Query()] = False
) -> list[dict[str, Any]]:
    """Commitments with their state now (overdue first)."""
    return svc.talks.commitments(v, svc.clock.now(), overdue)
