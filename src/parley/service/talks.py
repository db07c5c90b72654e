"""Read views of the negotiation record: meetings, the next meeting, minutes, commitments."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from parley.crypto.canonical import parse_json
from parley.errors import InvalidInput, NotFound
from parley.model.clock import format_time, parse_time
from parley.model.commitments import commitment_state
from parley.model.meetings import MEETINGS, Meeting, next_meeting
from parley.model.minutes import diff
from parley.model.registry import RECORD_KINDS
from parley.service.channels import Viewer
from parley.service.snapshots import Snapshots
from parley.store import Store


class TalksViews:
    def __init__(self, store: Store, snapshots: Snapshots) -> None:
        self.store = store
        self.snapshots = snapshots

    def _records(self, v: Viewer, kind: str, name: str | None = None) -> list[dict[str, Any]]:
        return [parse_json(r["data"]) for r in self.store.records(v.channel, kind, name)]

    def records(self, v: Viewer, kind: str) -> list[dict[str, Any]]:
        if kind not in RECORD_KINDS:
            raise NotFound("records.unknown_kind", f"kinds are {', '.join(RECORD_KINDS)}")
        return self._records(v, kind)

    def meetings(self, v: Viewer) -> list[dict[str, Any]]:
        return self._records(v, "meeting")

    def meeting(self, v: Viewer, meeting: str) -> dict[str, Any]:
        found = self._records(v, "meeting", meeting)
        if not found:
            raise NotFound("meeting.unknown", f"there is no meeting {meeting!r}")
        return found[0]

    def next_meeting(self, v: Viewer, now: datetime, after: str | None = None) -> dict[str, Any]:
        """What the record says about the meeting after ``after`` or, without it, the next
        one as of ``now``: agreed, proposed and not agreed, or never proposed
        (``model.meetings.next_meeting``)."""
        state = self.snapshots.current(v.channel)
        table = {} if state is None else state[MEETINGS]
        ref = None
        if after is not None:
            ref = table.get(after)
            if ref is None:
                raise NotFound("meeting.unknown", f"there is no meeting {after!r}")
        n = next_meeting(table.values(), now, ref)
        views = {m["id"]: m for m in self.meetings(v)}
        out: dict[str, Any] = {
            "answer": n.answer,
            "after": None if n.after is None else n.after.id,
            "meetings": [views[m.id] for m in n.later if m.id in views],
        }
        ref_text = "" if n.after is None else f" after {n.after.id} ({_start_text(n.after)})"
        if n.meeting is None:
            out["explanation"] = (
                f"No meeting{ref_text} has been proposed in the record: no time, venue or "
                "format for it exists."
            )
        elif n.answer == "agreed":
            p = n.meeting.agreed_proposal()
            assert p is not None
            out["next"] = n.meeting.id
            out["explanation"] = (
                f"Agreed by every side: {n.meeting.id}, {p.start_text} at {p.venue} ({p.format})."
            )
        else:
            p = n.meeting.current
            out["next"] = n.meeting.id
            out["explanation"] = (
                f"Proposed by {p.side} for {p.start_text} at {p.venue} ({p.format}); accepted "
                f"so far by {', '.join(sorted(p.accepted_by)) or 'no side'}; not agreed."
            )
        return out

    def health(self, v: Viewer, now: datetime, days: int | None = None) -> dict[str, Any]:
        """Availability per party from the communication checks in the log, and every
        missed check; ``days`` limits it to the last N days."""
        channel = v.channel
        checks = self._records(v, "check")
        parties = [s["side_id"] for s in self.store.rows("sides", channel) if s["kind"] == "party"]
        since = None if days is None else now - timedelta(days=days)
        out: dict[str, Any] = {}
        for side in parties:
            sent = answered = 0
            missed = []
            for c in sorted(checks, key=lambda x: x["number"]):
                deadline, sent_at = parse_time(c["deadline"]), parse_time(c["sent_at"])
                if deadline > now or (since is not None and sent_at < since):
                    continue
                sent += 1
                a = c["answers"].get(side)
                if a and parse_time(a["at"]) <= deadline and (a["personal"] or not c["personal"]):
                    answered += 1
                else:
                    missed.append(
                        {"check": c["number"], "sent_at": c["sent_at"], "personal": c["personal"]}
                    )
            out[side] = {
                "checks": sent,
                "answered": answered,
                "availability": None if sent == 0 else round(answered / sent, 4),
                "missed": missed,
            }
        return {"channel": channel, "at": format_time(now), "days": days, "parties": out}

    def minutes(self, v: Viewer, meeting: str) -> dict[str, Any]:
        found = self._records(v, "minutes", meeting)
        if not found:
            raise NotFound("minutes.unknown", f"no minutes for meeting {meeting!r}")
        return found[0]

    def minutes_diff(self, v: Viewer, meeting: str, old: int, new: int) -> list[str]:
        versions = self.minutes(v, meeting)["versions"]
        if not (1 <= old <= len(versions) and 1 <= new <= len(versions)):
            raise InvalidInput("minutes.unknown_version", f"versions run from 1 to {len(versions)}")
        return diff(versions[old - 1]["body"], versions[new - 1]["body"])

    def commitments(
        self, v: Viewer, now: datetime, overdue_only: bool = False
    ) -> list[dict[str, Any]]:
        out = []
        for c in self._records(v, "commitment"):
            c["state"] = commitment_state(c, now)
            if not overdue_only or c["state"] == "overdue":
                out.append(c)
        order = {
            "overdue": 0,
            "due_soon": 1,
            "disputed": 2,
            "open": 3,
            "reported": 4,
            "confirmed": 5,
        }
        return sorted(out, key=lambda c: (order[c["state"]], c["due"]))


def _start_text(m: Meeting) -> str:
    return (m.agreed_proposal() or m.current).start_text
