"""``parley send``, ``inbox``, ``ack`` and ``outbox``: messages with receipts at every hop."""

from __future__ import annotations

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
    console,
    member_names,
)
from parley.errors import ParleyError


def send(
    channel: Channel,
    to: Annotated[str, typer.Option("--to", help="Recipient side id.")],
    subject: Annotated[str, typer.Option("--subject")],
    text: Annotated[str, typer.Option("--text")],
    priority: Annotated[
        str, typer.Option("--priority", help="routine, urgent or flash.")
    ] = "routine",
    topic: Annotated[str | None, typer.Option("--topic", help="Mandate topic id.")] = None,
    language: Annotated[str, typer.Option("--language")] = "en",
    reply_to: Annotated[
        str | None, typer.Option("--reply-to", help="Message id this answers.")
    ] = None,
    relay_of: Annotated[
        str | None, typer.Option("--relay-of", help="Message id the mediator relays.")
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Send a signed message. It goes through your outbox: signed and stored first, so
    with the server unreachable it is "queued" and `parley outbox flush` sends it later."""
    from parley.client import Outbox

    box = Outbox(outbox_path(key))
    with client(url, key, retries=1) as c:
        entry = c.message(
            channel,
            to=to,
            subject=subject,
            text=text,
            priority=priority,
            topic=topic,
            language=language,
            reply_to=reply_to,
            relay_of=relay_of,
        )
        box.put(entry)
        settled = {i.entry_id: i for i in box.flush(c)}
    done = settled.get(entry.id)
    if done is None:
        console.print(
            f"queued: message {entry.id} is in your outbox; the server is unreachable. "
            "Run `parley outbox flush` later (it is sent once, however often you retry)."
        )
    elif done.state == "failed":
        raise ParleyError(
            done.error or "entry.refused", f"the server refused message {entry.id} ({done.error})"
        )
    else:
        console.print(f"relayed: message {entry.id} is entry {done.seq}")


def inbox(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Fetch your side's messages, send delivered receipts, and list them with their states."""
    from parley.cli.render import messages_table

    with client(url, key) as c:
        delivered = c.mark_delivered(channel)
        msgs = c.messages(channel)
        names = member_names(c.channel(channel))
    if delivered:
        console.print(f"{len(delivered)} new message(s) marked delivered")
    console.print(messages_table(msgs, names))
    for m in msgs:
        console.print(f"[dim]{m['id']}[/] [bold]{escape(m['subject'])}[/]\n  {escape(m['text'])}")


def ack(
    channel: Channel,
    message: Annotated[str, typer.Argument(help="Message id (full).")],
    note: Annotated[str, typer.Option("--note")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Acknowledge a message addressed to your side."""
    with client(url, key) as c:
        receipt = c.acknowledge(channel, message, note)
    console.print(f"acknowledged (entry {receipt.seq})")


outbox_app = typer.Typer(
    no_args_is_help=True, help="Your outbox: entries signed and stored before sending."
)


def outbox_path(key: Path) -> Path:
    return key.with_name(f"{key.stem}.outbox.db")


@outbox_app.command("list")
def outbox_list(key: KeyPath = DEFAULT_KEY) -> None:
    """What your outbox holds: pending, sent (with sequence number) and refused entries."""
    from parley.client import Outbox

    for item in Outbox(outbox_path(key)).items():
        extra = f"entry {item.seq}" if item.seq else (item.error or "")
        console.print(f"{item.entry_id}  {item.channel}  {item.state}  {escape(extra)}")


@outbox_app.command("flush")
def outbox_flush(url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Send everything pending in your outbox, oldest first."""
    from parley.client import Outbox

    box = Outbox(outbox_path(key))
    with client(url, key, retries=1) as c:
        settled = box.flush(c)
    left = len(box.items("pending"))
    console.print(
        f"{sum(i.state == 'sent' for i in settled)} sent, {sum(i.state == 'failed' for i in settled)} refused, "
        f"{left} still pending"
    )
