"""Rich output for the CLI: timelines and message tables."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from parley.model.entry import Entry

STATUS_STYLE = {
    "relayed": "yellow",
    "delivered": "cyan",
    "acknowledged": "green",
    "answered": "bold green",
}


def describe(entry: Entry, names: dict[str, str]) -> str:
    """One line saying what an entry is, from its header and (if visible) body."""
    b = entry.body
    t = entry.header.type
    if b is None:
        return f"{t} (body not visible to you)"
    if t == "channel.created":
        return f"opens the channel “{b['title']}” with {len(b['mandate'])} mandate topics"
    if t == "charter.accepted":
        return f"accepts the charter (digest {b['charter_digest'][:12]}…)"
    if t == "message.sent":
        extra = ""
        if b.get("relay_of"):
            extra = " (relaying " + b["relay_of"][:8] + ")"
        elif b.get("reply_to"):
            extra = " (reply to " + b["reply_to"][:8] + ")"
        return f"[{b['priority']}] to {b['to']}: {b['subject']}{extra}"
    if t.startswith("receipt."):
        return f"{t.split('.')[1]} message {b['message'][:8]}"
    if t in ("member.added", "member.removed", "key.rotated"):
        return f"{t} in {b['side']}"
    talks = {
        "meeting.proposed": lambda: (
            f"{'cancels' if b.get('cancel') else 'proposes'} meeting {b['meeting']}: "
            f"{b['start']} at {b['venue']} ({b['format']})"
            + (" (counter-proposal)" if b.get("supersedes") else "")
        ),
        "meeting.accepted": lambda: f"accepts proposal {b['proposal'][:8]}",
        "meeting.declined": lambda: f"declines proposal {b['proposal'][:8]}: {b.get('reason', '')}",
        "agenda.item_raised": lambda: f"raises “{b['title']}” in {b['meeting']}",
        "agenda.item_proposed": lambda: f"proposes agenda item {b['item']['id']}",
        "agenda.item_accepted": lambda: f"accepts agenda item {b['item']}",
        "agenda.item_declined": lambda: f"declines agenda item {b['item']}: {b.get('reason', '')}",
        "mandate.extension_proposed": lambda: f"proposes extending the mandate: {b['topic']}",
        "mandate.extension_signed": lambda: f"signs the mandate extension {b['topic']}",
        "minutes.drafted": lambda: f"drafts minutes of {b['meeting']}, version {b['version']}",
        "minutes.signed": lambda: f"signs minutes of {b['meeting']}, version {b['version']}",
        "commitment.added": lambda: f"records commitment {b['commitment']} owed by {b['owner']}",
        "commitment.reported": lambda: f"reports commitment {b['commitment']} done",
        "commitment.confirmed": lambda: f"confirms commitment {b['commitment']}",
        "commitment.disputed": lambda: f"disputes commitment {b['commitment']}: {b['reason']}",
        "timer.reminder": lambda: f"AUTOMATIC: reminder, {b['commitment']} due {b['due']}",
        "timer.overdue": lambda: (
            f"AUTOMATIC: escalation to the duty officer, {b['commitment']} overdue since {b['due']}"
        ),
    }
    if t in talks:
        return str(talks[t]())
    return t


def timeline(items: list[tuple[int, str, Entry]], names: dict[str, str]) -> Table:
    table = Table(title="Timeline (server time, UTC)", show_lines=False, expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("relayed at")
    table.add_column("who", style="bold")
    table.add_column("what")
    for seq, received, entry in items:
        table.add_row(
            str(seq),
            received.replace("T", " ")[:19],
            names.get(entry.header.author, entry.header.author),
            escape(describe(entry, names)),
        )
    return table


def messages_table(
    messages: list[dict[str, Any]], names: dict[str, str], title: str = "Messages"
) -> Table:
    table = Table(title=title, expand=True)
    table.add_column("id", style="dim")
    table.add_column("from → to")
    table.add_column("priority")
    table.add_column("subject")
    table.add_column("state")
    table.add_column("ack deadline")
    for m in messages:
        state = m["status"]
        style = STATUS_STYLE.get(state, "")
        if m.get("overdue"):
            state, style = f"{state}, OVERDUE", "bold red"
        if m.get("escalated_at"):
            state = f"{state}, escalated {m['escalated_at'][:16].replace('T', ' ')}"
        table.add_row(
            m["id"][:8],
            f"{m['from_side']} → {m['to']}",
            m["priority"],
            escape(m["subject"]),
            f"[{style}]{state}[/]",
            m["ack_deadline"].replace("T", " ")[:16],
        )
    return table
