"""Rich output for the CLI: timelines and message tables."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from parley.cli.options import utc
from parley.errors import ParleyError
from parley.model.assessments import StatementAssessed
from parley.model.bodies import parse_body
from parley.model.channel import (
    ChannelCreated,
    CharterAccepted,
    KeyRotated,
    MemberAdded,
    MemberRemoved,
)
from parley.model.checks import CheckAnswered, CheckSent
from parley.model.commitments import (
    CommitmentAdded,
    CommitmentConfirmed,
    CommitmentDisputed,
    CommitmentReported,
    TimerOverdue,
    TimerReminder,
)
from parley.model.disclosure import (
    CommuniqueDrafted,
    CommuniqueSigned,
    DisclosureProposed,
    DisclosureSigned,
    StatementUnilateral,
)
from parley.model.entry import Entry
from parley.model.glossary import GlossaryProposed, GlossarySigned
from parley.model.meetings import (
    AgendaItemAccepted,
    AgendaItemDeclined,
    AgendaItemProposed,
    AgendaItemRaised,
    MandateExtensionProposed,
    MandateExtensionSigned,
    MeetingAccepted,
    MeetingDeclined,
    MeetingHeld,
    MeetingProposed,
)
from parley.model.messages import (
    MessageSent,
    MessageUnacknowledged,
    ReceiptAcknowledged,
    ReceiptDelivered,
)
from parley.model.minutes import MinutesDrafted, MinutesSigned
from parley.model.recovery import ReplacementProposed, ReplacementSigned
from parley.model.registry import entry_type
from parley.model.translations import TranslationAdded, TranslationVerified

STATUS_STYLE = {
    "relayed": "yellow",
    "delivered": "cyan",
    "acknowledged": "green",
    "answered": "bold green",
}


def describe(entry: Entry, names: dict[str, str]) -> str:
    """One line saying what an entry is, from its header and (if visible) its typed body."""
    t = entry.header.type
    if entry.body is None:
        return f"{t} (body not visible to you)"
    try:
        kind = entry_type(t)
        body = parse_body(kind.body, t, entry.body)
    except ParleyError:
        return t

    def who(keys: list[str]) -> str:
        return ", ".join(names.get(k, k) for k in keys) or "nobody"

    match body:
        case ChannelCreated():
            return f"opens the channel “{body.title}” with {len(body.mandate)} mandate topics"
        case CharterAccepted():
            return f"accepts the charter (digest {body.charter_digest[:12]}…)"
        case MessageSent():
            extra = ""
            if body.relay_of:
                extra = f" (relaying {body.relay_of[:8]})"
            elif body.reply_to:
                extra = f" (reply to {body.reply_to[:8]})"
            return f"[{body.priority}] to {body.to}: {body.subject}{extra}"
        case ReceiptDelivered():
            return f"delivered message {body.message[:8]}"
        case TranslationAdded():
            how = "a person's" if body.method == "human" else f"a machine draft ({body.model}):"
            return f"{how} {body.language} translation of {body.field} of {body.of[:8]}"
        case TranslationVerified():
            return f"verifies translation {body.translation[:8]} for its side"
        case GlossaryProposed():
            return f"proposes the agreed names of “{body.term.id}”"
        case GlossarySigned():
            return f"signs the agreed names of “{body.term}”"
        case ReceiptAcknowledged():
            return f"acknowledged message {body.message[:8]}"
        case MessageUnacknowledged():
            return (
                f"AUTOMATIC: message {body.message[:8]} not acknowledged by {body.deadline}; "
                f"notified {who(body.notify)}"
            )
        case MemberAdded():
            return f"adds {body.member.name} ({body.member.role}) to {body.side}"
        case MemberRemoved():
            return f"removes {names.get(body.key_id, body.key_id)} from {body.side}"
        case KeyRotated():
            return f"rotates the key of {names.get(body.key_id, body.key_id)} in {body.side}"
        case MeetingProposed():
            verb = "cancels" if body.cancel else "proposes"
            counter = " (counter-proposal)" if body.supersedes else ""
            return (
                f"{verb} meeting {body.meeting}: {body.start} at {body.venue} "
                f"({body.format}){counter}"
            )
        case MeetingAccepted():
            return f"accepts proposal {body.proposal[:8]}"
        case MeetingDeclined():
            return f"declines proposal {body.proposal[:8]}: {body.reason}"
        case MeetingHeld():
            chair = f", chaired by {body.chair}" if body.chair else ""
            return f"records that {body.meeting} was held, from {body.started}{chair}"
        case AgendaItemRaised():
            return f"raises “{body.title}” in {body.meeting}"
        case AgendaItemProposed():
            return f"proposes agenda item {body.item.id}"
        case AgendaItemAccepted():
            return f"accepts agenda item {body.item}"
        case AgendaItemDeclined():
            return f"declines agenda item {body.item}: {body.reason}"
        case MandateExtensionProposed():
            return f"proposes extending the mandate: {body.topic}"
        case MandateExtensionSigned():
            return f"signs the mandate extension {body.topic}"
        case MinutesDrafted():
            return f"drafts minutes of {body.meeting}, version {body.version}"
        case MinutesSigned():
            return f"signs minutes of {body.meeting}, version {body.version}"
        case CommitmentAdded():
            return f"records commitment {body.commitment} owed by {body.owner}"
        case CommitmentReported():
            return f"reports commitment {body.commitment} done"
        case CommitmentConfirmed():
            return f"confirms commitment {body.commitment}"
        case CommitmentDisputed():
            return f"disputes commitment {body.commitment}: {body.reason}"
        case TimerReminder():
            return f"AUTOMATIC: reminder, {body.commitment} due {body.due}"
        case TimerOverdue():
            return (
                f"AUTOMATIC: escalation, {body.commitment} overdue since {body.due}; "
                f"notified {who(body.notify)}"
            )
        case CheckSent():
            personal = " (daily: a person must answer)" if body.personal else ""
            return f"AUTOMATIC: communication check {body.check}{personal}"
        case CheckAnswered():
            return f"answers communication check {body.check}" + (
                " in person" if body.personal else ""
            )
        case DisclosureProposed():
            return f"proposes opening {len(body.entries)} entries to {body.level} ({body.proposal})"
        case DisclosureSigned():
            return f"consents to disclosure {body.proposal}"
        case CommuniqueDrafted():
            return f"drafts communiqué {body.communique}, version {body.version}"
        case CommuniqueSigned():
            return f"signs communiqué {body.communique}, version {body.version}"
        case StatementUnilateral():
            return f"states publicly (unilateral): {body.text[:60]}"
        case StatementAssessed():
            return f"assesses a statement by {body.speaker} ({len(body.claims)} claims)"
        case ReplacementProposed():
            return f"proposes {body.new_head.name} as the new head of {body.side}"
        case ReplacementSigned():
            return f"signs the head replacement {body.replacement}"
    return t


def timeline(items: list[tuple[int, str, Entry]], names: dict[str, str]) -> Table:
    table = Table(title="Timeline (server time)", show_lines=False, expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("relayed at", no_wrap=True)
    table.add_column("who", style="bold")
    table.add_column("what")
    for seq, received, entry in items:
        table.add_row(
            str(seq),
            utc(received),
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
            state = f"{state}, escalated {utc(m['escalated_at'])}"
        table.add_row(
            m["id"][:8],
            f"{m['from_side']} → {m['to']}",
            m["priority"],
            escape(m["subject"]),
            f"[{style}]{state}[/]",
            utc(m["ack_deadline"]),
        )
    return table
