"""Folding never changes a state: a refused entry leaves it equal to a deep copy taken
before, and an accepted one makes a new state while the old one stays as it was.

Random sequences of entries across every feature — by the right and the wrong people,
naming objects that exist and objects that do not — are applied one by one; before
each, the state is deep-copied and compared after, value by value.
"""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cli import story
from parley.crypto import SigningKey
from parley.crypto.digest import json_digest, new_salt
from parley.errors import ParleyError
from parley.model import ChannelState, LoggedEntry, apply, charter_digest, make_entry
from parley.model.commitments import COMMITMENTS
from parley.model.ids import ChannelId, EntryId
from parley.model.meetings import MEETINGS
from parley.model.messages import MESSAGES
from parley.model.state import ENTRY_SEQ

CH = ChannelId(story.CHANNEL)
KEYS = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
CHARTER = story.charter({s: k.public.to_b64() for s, k in KEYS.items()})
PEOPLE = sorted(KEYS)
T0 = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)


def _pick(items: list[Any], n: int, fallback: Any) -> Any:
    return items[n % len(items)] if items else fallback


def _body(kind: str, state: ChannelState, n: int) -> tuple[str, dict[str, Any]]:
    messages = sorted(state[MESSAGES])
    meetings = {k: m for k, m in state[MEETINGS].items()}
    message = _pick(messages, n, str(uuid.UUID(int=n)))
    meeting_id = _pick(sorted(meetings), n, "m-none")
    m = meetings.get(meeting_id)
    proposal = m.current if m else None
    sides = ["artsakh", "azerbaijan", "peacekeepers", "nowhere"]
    if kind == "send":
        return "message.sent", {
            "to": sides[n % 4],
            "priority": ("routine", "urgent", "flash")[n % 3],
            "subject": "s",
            "text": "t",
            "language": "en",
        }
    if kind in ("delivered", "acknowledged"):
        return f"receipt.{kind}", {"message": message}
    if kind == "reply":
        return "message.sent", {
            "to": sides[n % 3],
            "priority": "routine",
            "subject": "re",
            "text": "t",
            "language": "en",
            "reply_to": message,
        }
    if kind == "propose":
        body: dict[str, Any] = {
            "meeting": f"m{n % 3}",
            "start": f"2023-03-0{1 + n % 5}T11:00:00+04:00",
            "venue": "HQ",
            "format": ("chaired", "direct")[n % 2],
            "agenda": [
                {"id": "gas", "topic": ("gas-supply", "integration")[n % 2], "title": "Gas"}
            ],
        }
        if proposal is not None and f"m{n % 3}" == meeting_id:
            body["supersedes"] = proposal.id
        return "meeting.proposed", body
    if kind in ("accept", "decline"):
        pid = proposal.id if proposal else str(uuid.UUID(int=n))
        digest = proposal.digest if proposal and n % 4 else "A" * 43 + "="
        return f"meeting.{kind}d" if kind == "decline" else "meeting.accepted", {
            "proposal": pid,
            "digest": digest,
        }
    if kind == "raise":
        return "agenda.item_raised", {
            "meeting": meeting_id,
            "item": f"i{n % 4}",
            "title": "Integration",
            "text": "t",
            "topic": "integration",
        }
    if kind == "commit":
        return "commitment.added", {
            "commitment": f"c{n % 3}",
            "owner": sides[n % 4],
            "text": "t",
            "due": {"days": n % 4, "after_meeting": meeting_id},
        }
    if kind == "report":
        cid = _pick(sorted(state[COMMITMENTS]), n, "c-none")
        return "commitment.reported", {"commitment": cid}
    if kind == "open":
        entries = sorted(state[ENTRY_SEQ])
        return "disclosure.proposed", {
            "proposal": f"p{n % 3}",
            "entries": [_pick(entries, n, str(uuid.UUID(int=n)))],
            "level": ("general", "public")[n % 2],
        }
    if kind == "consent":
        return "disclosure.signed", {"proposal": f"p{n % 3}", "digest": json_digest({"x": n})}
    return "nonsense.type", {"x": n}


KINDS = [
    "send",
    "delivered",
    "acknowledged",
    "reply",
    "propose",
    "accept",
    "decline",
    "raise",
    "commit",
    "report",
    "open",
    "consent",
    "junk",
]


def _active() -> ChannelState:
    state = ChannelState(channel_id=CH)
    digest = charter_digest(CHARTER)
    for i, (who, t, body) in enumerate(
        [
            ("commander", "channel.created", CHARTER),
            ("artsakh-head", "charter.accepted", {"charter_digest": digest}),
            ("azerbaijan-head", "charter.accepted", {"charter_digest": digest}),
        ]
    ):
        state, _ = apply(state, _logged(state, who, t, body, T0 + timedelta(seconds=i)))
    return state


def _logged(
    state: ChannelState, who: str, t: str, body: dict[str, Any], at: datetime
) -> LoggedEntry:
    entry = make_entry(
        KEYS[who],
        channel=CH,
        type=t,
        body=body,
        time=at,
        entry_id=EntryId(str(uuid.uuid4())),
        salt=new_salt(),
    )
    return LoggedEntry(state.size + 1, entry, at)


ACTIVE = _active()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(KINDS), st.sampled_from(PEOPLE), st.integers(0, 50)),
        min_size=1,
        max_size=30,
    )
)
def test_applying_never_changes_the_state_it_was_given(steps):
    state = ACTIVE
    refused = accepted = 0
    for i, (kind, who, n) in enumerate(steps):
        t, body = _body(kind, state, n)
        logged = _logged(state, who, t, body, T0 + timedelta(minutes=i + 1))
        before = copy.deepcopy(state)
        try:
            new, touched = apply(state, logged)
        except ParleyError:
            refused += 1
            assert state == before, f"refused {t} by {who} changed the state"
            continue
        accepted += 1
        assert state == before, f"accepted {t} by {who} changed the state it was given"
        assert new.size == state.size + 1 and touched
        state = new
    assert refused + accepted == len(steps)
