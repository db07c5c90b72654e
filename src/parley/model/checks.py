"""Communication checks: proof that the channel is alive, party by party.

If the charter sets ``check_interval`` (seconds), the server's timer sends check number
``n`` at ``created + n × interval`` (a ``timer.check`` entry, server-signed); each party
answers it (``check.answered``) before the next one is due. A party's client answers
automatically; the check of the charter's ``daily_check_hour`` (UTC) is *personal*: only
an answer a person confirmed (``personal: true``, `parley checks answer --personal`) counts for it.
Availability per party is then computed from the log alone, and every missed check is
listed — silence is an event in the record, never inferred later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import Field

from parley.crypto.keys import KeyId
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body
from parley.model.ids import SideId

if TYPE_CHECKING:
    from parley.model.entry import LoggedEntry
    from parley.model.state import ChannelState, Member

Touched = set[tuple[str, str]]


class CheckSent(Body):
    check: int = Field(ge=1)
    personal: bool = False


class CheckAnswered(Body):
    check: int = Field(ge=1)
    personal: bool = False


@dataclass
class Check:
    number: int
    seq: int
    sent_at: datetime
    deadline: datetime
    personal: bool
    answers: dict[SideId, tuple[KeyId, datetime, bool]] = field(default_factory=dict)


def check_sent(state: ChannelState, logged: LoggedEntry, body: Body) -> Touched:
    assert isinstance(body, CheckSent)
    if state.check_interval is None:
        raise Rejected("check.not_configured", "the charter sets no check interval")
    if body.check in state.checks:
        raise Conflict("timer.duplicate", f"check {body.check} was already sent")
    due = state.created_at + timedelta(seconds=body.check * state.check_interval)
    if logged.received_at < due:
        raise Rejected("timer.too_early", f"check {body.check} is not due yet")
    state.checks[body.check] = Check(
        body.check,
        logged.seq,
        logged.received_at,
        logged.received_at + timedelta(seconds=state.check_interval),
        body.personal,
    )
    return {("check", str(body.check))}


def check_answered(state: ChannelState, logged: LoggedEntry, author: Member, body: Body) -> Touched:
    assert isinstance(body, CheckAnswered)
    c = state.checks.get(body.check)
    if c is None:
        raise NotFound("check.unknown", f"no check {body.check} was sent")
    if state.sides[author.side].kind != "party":
        raise Rejected("check.not_party", "parties answer checks")
    prior = c.answers.get(author.side)
    if prior is not None and (prior[2] or not body.personal):
        raise Conflict("check.already_answered", "this party already answered this check")
    c.answers[author.side] = (author.key_id, logged.received_at, body.personal)
    return {("check", str(body.check))}


TYPES: dict[str, type[Body]] = {"timer.check": CheckSent, "check.answered": CheckAnswered}
HANDLERS: dict[type[Body], Any] = {CheckAnswered: check_answered}
