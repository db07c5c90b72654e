"""The server's timer: reminders before a commitment is due, escalation when overdue.

Each tick looks at every channel's commitments at the injected clock's time and writes
``timer.reminder`` (within a day of the due date) and ``timer.overdue`` entries, signed
with the server's key — the one the charter names — and marked automatic by their type.
Entry ids are derived from (channel, commitment, kind), so a tick repeated after a
restart, or by a second process, appends nothing twice.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from parley.crypto.digest import new_salt
from parley.errors import ParleyError
from parley.model.checks import CHECKS
from parley.model.commitments import COMMITMENTS, DUE_SOON
from parley.model.entry import make_entry
from parley.model.ids import ChannelId, EntryId
from parley.model.messages import MESSAGES
from parley.model.state import ChannelState
from parley.service.appender import Appender
from parley.service.auth import AuthService
from parley.service.snapshots import Snapshots

log = logging.getLogger("parley.timers")
_NS = uuid.UUID("6f1c3c0e-54a1-4a53-9a43-5d2d3f0b7a11")


ESCALATIONS = ("timer.unacknowledged", "timer.overdue")


class Timers:
    def __init__(
        self, appender: Appender, snapshots: Snapshots, auth: AuthService | None = None
    ) -> None:
        self.appender = appender
        self.snapshots = snapshots
        self.auth = auth
        self.on_escalation: list[Callable[[dict[str, Any]], None]] = []
        """Called with each escalation written (after it is durable): the notifications."""

    def _write(
        self, channel: str, name: str, kind: str, body: dict[str, Any], now: datetime
    ) -> int | None:
        """Append one automatic entry with a deterministic id; None if written before."""
        key = self.appender.server_key
        eid = EntryId(str(uuid.uuid5(_NS, f"{channel}/{name}")))
        entry = make_entry(
            key,
            channel=ChannelId(channel),
            type=kind,
            body=body,
            time=now,
            entry_id=eid,
            salt=new_salt(),
        )
        try:
            receipt, replayed = self.appender.submit(entry.to_json(), key.key_id)
        except ParleyError as exc:
            if exc.code in ("entry.id_reused", "timer.duplicate", "timer.not_needed"):
                return None  # written before (e.g. by another process): nothing to do
            raise
        return None if replayed else receipt.seq

    def tick(self) -> list[dict[str, Any]]:
        """Write every escalation and reminder that is due now; return what was written."""
        now = self.appender.clock.now()
        key = self.appender.server_key
        written: list[dict[str, Any]] = []
        if self.auth is not None:
            self.auth.purge()  # used sign-in challenges past their expiry
        for channel in self.appender.store.known_channels():
            state = self.snapshots.current(channel)
            if state is None or state.size == 0:
                continue
            charter = state.charter
            if charter.server_key is None or charter.server_key.key_id != key.key_id:
                continue
            due: list[tuple[str, str, str, dict[str, Any]]] = []  # (object, name, kind, body)
            for m in sorted(state[MESSAGES].values(), key=lambda m: m.seq):
                if m.acknowledged_at is None and m.escalated_at is None and now > m.ack_deadline:
                    body = {
                        "message": m.id,
                        "deadline": m.ack_deadline.isoformat(),
                        "notify": state.escalation_targets(),
                    }
                    due.append((m.id, f"{m.id}/unacknowledged", "timer.unacknowledged", body))
            for c in state[COMMITMENTS].values():
                if c.reported is not None or c.escalated_seq is not None:
                    continue
                body = {"commitment": c.id, "due": c.due.isoformat()}
                if now > c.due:  # past due: escalate (no reminder any more)
                    body["notify"] = state.escalation_targets()
                    due.append((c.id, f"{c.id}/timer.overdue", "timer.overdue", body))
                elif c.reminded_seq is None and now >= c.due - DUE_SOON:
                    due.append((c.id, f"{c.id}/timer.reminder", "timer.reminder", body))
            if charter.check_interval:
                interval = charter.check_interval
                n = int((now - charter.created_at).total_seconds() // interval)
                if n >= 1 and n not in state[CHECKS]:
                    sent_at = charter.created_at + timedelta(seconds=n * interval)
                    personal = (
                        charter.daily_check_hour is not None
                        and sent_at.hour == charter.daily_check_hour
                        and (sent_at - timedelta(seconds=interval)).hour != charter.daily_check_hour
                    )
                    due.append(
                        (str(n), f"check/{n}", "timer.check", {"check": n, "personal": personal})
                    )
            for obj, name, kind, body in due:
                seq = self._write(channel, name, kind, body, now)
                if seq is None:
                    continue
                written.append({"channel": channel, "object": obj, "kind": kind, "seq": seq})
                if kind in ESCALATIONS:
                    self._escalated(state, channel, kind, seq, body)
        return written

    def _escalated(
        self, state: ChannelState, channel: str, kind: str, seq: int, body: dict[str, Any]
    ) -> None:
        people = [
            {"key_id": k, "name": state.members[k].name, "title": state.members[k].title}
            for k in body["notify"]
        ]
        what: dict[str, Any]
        if kind == "timer.unacknowledged":
            m = state[MESSAGES][body["message"]]
            # Ids, sides and times only: a notification leaves the channel, its content
            # does not (the contact reads it in Parley).
            what = {
                "message": m.id,
                "from_side": m.sender_side,
                "to_side": m.to,
                "priority": m.priority,
                "deadline": body["deadline"],
            }
        else:
            c = state[COMMITMENTS][body["commitment"]]
            what = {"commitment": c.id, "owner": c.owner, "due": body["due"]}
        event = {"channel": channel, "seq": seq, "kind": kind, "notify": people, **what}
        for hook in list(self.on_escalation):
            try:
                hook(event)
            except Exception:  # a notifier's failure never stops the timer
                log.exception("escalation notifier failed")


class TimerThread(threading.Thread):
    """Runs ``Timers.tick`` every ``interval`` seconds in ``parley serve``."""

    def __init__(self, timers: Timers, interval: float) -> None:
        super().__init__(name="parley-timers", daemon=True)
        self.timers = timers
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                self.timers.tick()
            except Exception:  # a failed tick is logged and retried at the next one
                log.exception("timer tick failed")
