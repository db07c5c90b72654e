"""``parley send``, ``inbox``, ``ack`` and ``outbox``: messages with receipts at every hop."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from parley.cli.options import (
    DEFAULT_KEY,
    DEFAULT_URL,
    Channel,
    KeyPath,
    Url,
    client,
    command_group,
    console,
    member_names,
    plural,
)
from parley.client import ParleyClient
from parley.client.client import Unreachable
from parley.client.keystore import check_key_file
from parley.errors import ParleyError


class Priority(StrEnum):
    routine = "routine"
    urgent = "urgent"
    flash = "flash"


def send(
    channel: Channel,
    to: Annotated[str, typer.Option("--to", help="Recipient side id.", metavar="SIDE")],
    subject: Annotated[str, typer.Option("--subject", metavar="TEXT")],
    text: Annotated[str, typer.Option("--text", metavar="TEXT")],
    priority: Annotated[
        Priority,
        typer.Option(
            "--priority", help="How fast it must be acknowledged (deadlines in the charter)."
        ),
    ] = Priority.routine,
    topic: Annotated[
        str | None, typer.Option("--topic", help="Mandate topic id.", metavar="TOPIC")
    ] = None,
    language: Annotated[
        str, typer.Option("--language", help="Language of the text (en, ru, hy, az...).")
    ] = "en",
    reply_to: Annotated[
        str | None,
        typer.Option(
            "--reply-to",
            help="Message this answers (its id, or 6+ first characters).",
            metavar="ID",
        ),
    ] = None,
    relay_of: Annotated[
        str | None,
        typer.Option(
            "--relay-of", help="Message the mediator relays (id or its start).", metavar="ID"
        ),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Send a signed message. It goes through your outbox: signed and stored first, so with the server unreachable it is "queued" and `parley outbox flush` sends it later."""
    from parley.client import Outbox

    with client(url, key, retries=1, channel=channel) as c:
        box = Outbox(outbox_path(key))  # after the key file is known good: it sits beside it
        if reply_to is not None:
            reply_to = _resolve(c, channel, reply_to)
        if relay_of is not None:
            relay_of = _resolve(c, channel, relay_of)
        entry = c.message(
            channel,
            to=to,
            subject=subject,
            text=text,
            priority=priority.value,
            topic=topic,
            language=language,
            reply_to=reply_to,
            relay_of=relay_of,
        )
        box.put(entry)
        settled = {i.entry_id: i for i in box.flush(c)}
        done = settled.get(entry.id)
        if done is not None and done.state == "failed":
            # In the client's block: a side or topic that does not exist gets the list.
            raise ParleyError(
                done.error or "entry.refused",
                f"the server refused message {entry.id}: {done.message or 'no reason given'}",
            )
    if done is None:
        console.print(
            f"queued: message {entry.id} is in your outbox; the server is unreachable. "
            "Run `parley outbox flush` later (it is sent once, however often you retry).",
            soft_wrap=True,
        )
    else:
        console.print(f"relayed: message {entry.id} is entry {done.seq}")


def inbox(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Fetch your side's messages, send delivered receipts, and list them with their states."""
    from parley.cli.render import messages_table

    with client(url, key, channel=channel) as c:
        delivered = c.mark_delivered(channel)
        msgs = c.messages(channel)
        names = member_names(c.channel(channel))
    if delivered:
        console.print(f"{plural(len(delivered), 'new message')} marked delivered")
    console.print(messages_table(msgs, names))
    for m in msgs:
        console.print(f"[dim]{m['id']}[/] [bold]{escape(m['subject'])}[/]\n  {escape(m['text'])}")


def ack(
    channel: Channel,
    message: Annotated[
        str, typer.Argument(help="Message id, or its first 6+ characters as tables show them.")
    ],
    note: Annotated[str, typer.Option("--note", help="A note with the acknowledgement.")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Acknowledge a message addressed to your side."""
    with client(url, key, channel=channel) as c:
        full = _resolve(c, channel, message)
        receipt = c.acknowledge(channel, full, note)
    console.print(f"acknowledged message {full} (entry {receipt.seq})")


def _resolve(c: ParleyClient, channel: str, text: str) -> str:
    """A message id from its start (offline, a full id is taken as it is)."""
    try:
        return c.find_id(channel, text, messages=True)
    except Unreachable:
        if len(text) == 36:
            return text
        raise


outbox_app = command_group(help="Your outbox: entries signed and stored before sending.")


def outbox_path(key: Path) -> Path:
    return key.with_name(f"{key.stem}.outbox.db")


@outbox_app.command("list")
def outbox_list(key: KeyPath = DEFAULT_KEY) -> None:
    """What your outbox holds: pending, sent (with sequence number) and refused entries."""
    from parley.client import Outbox

    check_key_file(key)
    path = outbox_path(key)
    items = Outbox(path).items() if path.exists() else []
    if not items:
        console.print("your outbox is empty")
    for item in items:
        extra = (
            f"entry {item.seq}"
            if item.seq
            else f"{item.message} ({item.error})"
            if item.error
            else ""
        )
        console.print(f"{item.entry_id}  {item.channel}  {item.state}  {escape(extra)}")


@outbox_app.command("flush")
def outbox_flush(url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Send everything pending in your outbox, oldest first."""
    from parley.client import Outbox

    with client(url, key, retries=1) as c:
        box = Outbox(outbox_path(key))
        settled = box.flush(c)
    left = len(box.items("pending"))
    console.print(
        f"{sum(i.state == 'sent' for i in settled)} sent, {sum(i.state == 'failed' for i in settled)} refused, "
        f"{left} still pending"
    )
    for i in settled:
        if i.state == "failed":
            console.print(f"  refused {i.entry_id}: {escape(i.message)} ({i.error})")
