"""Read views of the negotiation record: meetings, the next meeting, minutes, commitments."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from parley.crypto.canonical import parse_json
from parley.errors import InvalidInput, NotFound
from parley.model.clock import format_time, parse_time
from parley.model.commitments import commitment_state
from parley.model.minutes import diff
from parley.model.registry import RECORD_KINDS
from parley.service.channels import Viewer
from parley.store import Store


class TalksViews:
    def __init__(self, store: Store) -> None:
        self.store = store

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

    def next_meeting(self, v: Viewer, after: str | None = None) -> dict[str, Any]:
        """What the record says about the meeting after ``after`` (default: the latest
        agreed meeting): agreed, proposed and not agreed, or never proposed."""
        meetings = self.meetings(v)
        agreed = [m for m in meetings if m["status"] == "agreed"]
        if after is None:
            ref = max(agreed, key=lambda m: _agreed(m)["start_utc"]) if agreed else None
        else:
            ref = next((m for m in meetings if m["id"] == after), None)
            if ref is None:
                raise NotFound("meeting.unknown", f"there is no meeting {after!r}")
        ref_start = "" if ref is None else (_agreed(ref) or ref["proposals"][-1])["start_utc"]
        later = [
            m
            for m in meetings
            if ref is None
            or (m["id"] != ref["id"] and any(p["start_utc"] > ref_start for p in m["proposals"]))
        ]
        ref_text = (
            ""
            if ref is None
            else f" after {ref['id']} ({(_agreed(ref) or ref['proposals'][-1])['start']})"
        )
        if not later:
            return {
                "answer": "never_proposed",
                "after": None if ref is None else ref["id"],
                "meetings": [],
                "explanation": f"No meeting{ref_text} has been proposed in the record: no time, venue or format for it exists.",
            }
        agreed_later = [m for m in later if m["status"] == "agreed"]
        if agreed_later:
            m = agreed_later[0]
            p = _agreed(m)
            return {
                "answer": "agreed",
                "after": None if ref is None else ref["id"],
                "meetings": later,
                "explanation": f"Agreed by every side: {p['start']} at {p['venue']} ({p['format']}).",
            }
        m = later[0]
        p = m["proposals"][-1]
        return {
            "answer": "proposed_not_agreed",
            "after": None if ref is None else ref["id"],
            "meetings": later,
            "explanation": (
                f"Proposed by {p['side']} for {p['start']} at {p['venue']} ({p['format']}); "
                f"accepted so far by {', '.join(sorted(p['accepted_by']))}; not agreed."
            ),
        }

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


def _agreed(m: dict[str, Any]) -> dict[str, Any]:
    return next((p for p in m["proposals"] if p["id"] == m["agreed"]), {})
