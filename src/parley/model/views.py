"""JSON views of the negotiation record (meetings, minutes, commitments, extensions).

One function per object, pure: the server stores these as projection rows, the audit
renders them again from a refold to compare, and the API serves them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parley.model.checks import Check
from parley.model.clock import format_time
from parley.model.commitments import Commitment
from parley.model.disclosure import Communique, Opening
from parley.model.ids import EntryId
from parley.model.meetings import AgendaItem, MandateExtension, Meeting, Proposal
from parley.model.minutes import Minutes
from parley.model.recovery import replacement_view
from parley.model.state import ChannelState


def _who(pair: tuple[str, int, str] | None) -> dict[str, Any] | None:
    return None if pair is None else {"by": pair[0], "seq": pair[1], "note": pair[2]}


def proposal_view(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "seq": p.seq,
        "digest": p.digest,
        "proposer": p.proposer,
        "side": p.side,
        "start": p.start_text,
        "start_utc": format_time(p.start),
        "venue": p.venue,
        "format": p.format,
        "attendees": p.attendees,
        "agenda": p.agenda,
        "cancel": p.cancel,
        "note": p.note,
        "accepted_by": dict(p.accepted_by),
        "declined_by": {s: {"by": k, "reason": r} for s, (k, r) in p.declined_by.items()},
        "superseded_by": p.superseded_by,
    }


def item_view(i: AgendaItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "topic": i.topic,
        "title": i.title,
        "in_mandate": i.in_mandate,
        "raised_by": i.raised_by,
        "raised_seq": i.raised_seq,
        "text": i.text,
        "accepted_by": dict(i.accepted_by),
        "declined_by": {s: {"by": k, "reason": r} for s, (k, r) in i.declined_by.items()},
        "on_agenda": i.on_agenda,
    }


def meeting_view(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.id,
        "status": m.status,
        "agreed": m.agreed,
        "current": m.current.id,
        "proposals": [proposal_view(p) for p in m.proposals],
        "items": [item_view(i) for i in m.items.values()],
    }


def minutes_view(state: ChannelState, m: Minutes) -> dict[str, Any]:
    from parley.model.minutes import signers

    agreed = m.agreed_version(signers(state, m.meeting))
    return {
        "meeting": m.meeting,
        "agreed_version": None if agreed is None else agreed.version,
        "signers": sorted(signers(state, m.meeting)),
        "versions": [
            {
                "version": v.version,
                "entry_id": v.entry_id,
                "seq": v.seq,
                "digest": v.digest,
                "drafted_by": v.drafted_by,
                "body": v.body,
                "signed_by": dict(v.signed_by),
            }
            for v in m.versions
        ],
    }


def commitment_view(c: Commitment) -> dict[str, Any]:
    return {
        "id": c.id,
        "owner": c.owner,
        "text": c.text,
        "due": format_time(c.due),
        "report_via": c.report_via,
        "meeting": c.meeting,
        "agenda_item": c.agenda_item,
        "added_by": c.added_by,
        "added_seq": c.added_seq,
        "reported": _who(c.reported),
        "confirmed": _who(c.confirmed),
        "disputed": _who(c.disputed),
        "reminded_seq": c.reminded_seq,
        "escalated_seq": c.escalated_seq,
        "events": list(c.events),
    }


def commitment_state(view: dict[str, Any], now: datetime) -> str:
    """open, due_soon, overdue, reported, confirmed or disputed — at ``now``."""
    from datetime import timedelta

    from parley.model.clock import parse_time
    from parley.model.commitments import DUE_SOON

    if view["disputed"]:
        return "disputed"
    if view["confirmed"]:
        return "confirmed"
    if view["reported"]:
        return "reported"
    due = parse_time(view["due"])
    if now > due:
        return "overdue"
    return "due_soon" if now >= due - DUE_SOON + timedelta(0) else "open"


def extension_view(e: MandateExtension) -> dict[str, Any]:
    return {
        "topic": e.topic,
        "title": e.title,
        "proposed_by": e.proposed_by,
        "signed_by": dict(e.signed_by),
        "done": e.done,
    }


def opening_view(o: Opening) -> dict[str, Any]:
    return {
        "id": o.id,
        "entry_id": o.entry_id,
        "digest": o.digest,
        "entries": list(o.entries),
        "level": o.level,
        "proposed_by": o.proposed_by,
        "reason": o.reason,
        "signed_by": dict(o.signed_by),
        "done_seq": o.done_seq,
    }


def communique_view(c: Communique) -> dict[str, Any]:
    return {
        "id": c.id,
        "published": c.published,
        "published_seq": c.published_seq,
        "versions": [
            {
                "version": v.version,
                "entry_id": v.entry_id,
                "seq": v.seq,
                "digest": v.digest,
                "texts": v.texts,
                "meeting": v.meeting,
                "summarizes": v.summarizes,
                "signed_by": dict(v.signed_by),
            }
            for v in c.versions
        ],
    }


def level_view(state: ChannelState, entry_id: str) -> dict[str, Any]:
    eid = EntryId(entry_id)
    level, seq = state.levels[eid]
    return {
        "entry_id": eid,
        "level": level.value,
        "since_seq": seq,
        "created_level": state.created_levels[eid].value,
    }


def check_view(c: Check) -> dict[str, Any]:
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


def record(state: ChannelState, kind: str, key: str) -> dict[str, Any]:
    """The view of one object by projection kind."""
    if kind == "meeting":
        return meeting_view(state.meetings[key])
    if kind == "minutes":
        return minutes_view(state, state.minutes[key])
    if kind == "commitment":
        return commitment_view(state.commitments[key])
    if kind == "extension":
        return extension_view(state.extensions[key])
    if kind == "opening":
        return opening_view(state.openings[key])
    if kind == "communique":
        return communique_view(state.communiques[key])
    if kind == "level":
        return level_view(state, key)
    if kind == "check":
        return check_view(state.checks[int(key)])
    if kind == "assessment":
        return dict(vars(state.assessments[key]))
    if kind == "replacement":
        return replacement_view(state.replacements[key])
    raise KeyError(kind)


def record_keys(state: ChannelState) -> set[tuple[str, str]]:
    return (
        {("meeting", k) for k in state.meetings}
        | {("minutes", k) for k in state.minutes}
        | {("commitment", k) for k in state.commitments}
        | {("extension", k) for k in state.extensions}
        | {("opening", k) for k in state.openings}
        | {("communique", k) for k in state.communiques}
        | {("level", str(k)) for k in state.levels}
        | {("check", str(k)) for k in state.checks}
        | {("assessment", k) for k in state.assessments}
        | {("replacement", k) for k in state.replacements}
    )


RECORD_KINDS = (
    "meeting",
    "minutes",
    "commitment",
    "extension",
    "opening",
    "communique",
    "level",
    "check",
    "assessment",
    "replacement",
)
