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

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import Field

from parley.crypto.keys import KeyId
from parley.errors import Conflict, NotFound, Rejected
from parley.model.bodies import Body
from parley.model.clock import format_time
from parley.model.feature import EVERY_MEMBER, Act, Draft, Event, Feature
from parley.model.ids import SideId
from parley.model.state import ChannelState, FrozenDict, Table

FEATURE = Feature("checks", __doc__ or "")


class CheckSent(Body):
    """Written by the server's timer (automatic): communication check number ``check``."""

    TYPE = "timer.check"
    check: int = Field(ge=1)
    personal: bool = False


class CheckAnswered(Body):
    """A party answers a communication check (``personal``: a person confirmed it)."""

    TYPE = "check.answered"
    check: int = Field(ge=1)
    personal: bool = False


@dataclass(frozen=True, slots=True)
class Check:
    number: int
    seq: int
    sent_at: datetime
    deadline: datetime
    personal: bool
    answers: FrozenDict[SideId, tuple[KeyId, datetime, bool]] = FrozenDict()


CHECKS: Table[int, Check] = FEATURE.table(Table("check", key=int))


@FEATURE.automatic(CheckSent, read=EVERY_MEMBER)
def check_sent(d: Draft, e: Event[CheckSent]) -> None:
    body = e.body
    interval = d.charter.check_interval
    if interval is None:
        raise Rejected("check.not_configured", "the charter sets no check interval")
    if body.check in d[CHECKS]:
        raise Conflict("timer.duplicate", f"check {body.check} was already sent")
    due = d.charter.created_at + timedelta(seconds=body.check * interval)
    if e.at < due:
        raise Rejected("timer.too_early", f"check {body.check} is not due yet")
    d.put(
        CHECKS,
        body.check,
        Check(body.check, e.seq, e.at, e.at + timedelta(seconds=interval), body.personal),
    )


@FEATURE.handles(CheckAnswered, read=EVERY_MEMBER)
def check_answered(d: Draft, e: Act[CheckAnswered]) -> None:
    body, author = e.body, e.author
    c = d[CHECKS].get(body.check)
    if c is None:
        raise NotFound("check.unknown", f"no check {body.check} was sent")
    if d.sides[author.side].kind != "party":
        raise Rejected("check.not_party", "parties answer checks")
    prior = c.answers.get(author.side)
    if prior is not None and (prior[2] or not body.personal):
        raise Conflict("check.already_answered", "this party already answered this check")
    answer = (author.key_id, e.at, body.personal)
    d.put(CHECKS, c.number, dataclasses.replace(c, answers=c.answers.set(author.side, answer)))


def check_view(state: ChannelState, number: int) -> dict[str, Any]:
    c = state[CHECKS][number]
    return {
        "number": c.number,
        "seq": c.seq,
        "sent_at": format_time(c.sent_at),
        "deadline": format_time(c.deadline),
        "personal": c.personal,
        "answers": {
            s: {"by": k, "at": format_time(t), "personal": p} for s, (k, t, p) in c.answers.items()
        },
    }


FEATURE.record(CHECKS, check_view)
