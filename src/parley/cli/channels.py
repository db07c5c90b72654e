"""``parley channel``, ``log``, ``health`` and ``checks``: a channel, its log and its liveness."""

from __future__ import annotations

import json
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
from parley.client import LogVerifier

channel_app = typer.Typer(no_args_is_help=True, help="Create, accept and inspect channels.")


@channel_app.command("create")
def channel_create(
    channel: Channel,
    charter: Annotated[
        Path, typer.Option("--charter", help="JSON file with the channel.created body.")
    ],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Create a channel from a charter (you must be on the mediator's side)."""
    body = json.loads(charter.read_text())
    with client(url, key) as c:
        entry, receipt = c.create_channel(channel, body)
    console.print(
        f"channel [bold]{channel}[/] created (entry {entry.id}, seq {receipt.seq}); "
        "it becomes active when every party head has accepted it"
    )


@channel_app.command("accept")
def channel_accept(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Accept the channel's charter for your party (heads only)."""
    with client(url, key) as c:
        receipt = c.accept_charter(channel)
        status = c.channel(channel)["status"]
    console.print(f"charter accepted (seq {receipt.seq}); channel is {status}")


@channel_app.command("show")
def channel_show(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Show a channel's charter, sides, members and status."""
    from rich.tree import Tree

    with client(url, key) as c:
        view = c.channel(channel)
    tree = Tree(
        f"[bold]{escape(view['title'])}[/] ({channel}) — {view['status']}, {view['tree_size']} entries"
    )
    for side in view["sides"]:
        accepted = " (accepted charter)" if side["accepted_by"] else ""
        branch = tree.add(f"{escape(side['name'])} ({side['kind']}){accepted}")
        for m in side["members"]:
            state = "" if m["active"] else " [dim](removed)[/]"
            branch.add(f"{escape(m['name'])} — {m['role']} — {m['key_id']}{state}")
    mandate = tree.add("mandate")
    for tid, title in view["mandate"].items():
        mandate.add(f"{tid}: {escape(title)}")
    tree.add(f"acknowledgement deadlines (s): {view['ack_deadlines']}")
    console.print(tree)


# --- messages ----------------------------------------------------------------------


def log_cmd(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Fetch and verify the channel's whole log locally, then print it as a timeline."""
    from parley.cli.render import timeline

    with client(url, key) as c:
        v = LogVerifier(channel, c.server_key())
        entries = c.sync(channel, v)
        c.verify_root(channel, v)
        names = member_names(c.channel(channel))
        raw = c.entries(channel, 0, 1000)
    received = {item["seq"]: item["relay"]["received"] for item in raw}
    console.print(
        timeline([(i + 1, received.get(i + 1, ""), e) for i, e in enumerate(entries)], names)
    )
    console.print(
        f"[green]verified[/] {v.size} entries; root {v.tree.root().hex()[:16]}… matches the server's"
    )


def health(
    channel: Channel,
    days: Annotated[int | None, typer.Option("--days", help="Only the last N days.")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Availability of each party from the communication checks, and every missed check."""
    from rich.table import Table

    with client(url, key) as c:
        h = c.talks.health(channel, days)
    table = Table(title=f"Channel health at {h['at']}" + (f", last {days} days" if days else ""))
    for col in ("party", "checks", "answered", "availability", "missed"):
        table.add_column(col)
    for side, p in h["parties"].items():
        avail = "–" if p["availability"] is None else f"{p['availability']:.1%}"
        missed = ", ".join(
            f"#{m['check']}{' (daily, in person)' if m['personal'] else ''}" for m in p["missed"]
        )
        table.add_row(side, str(p["checks"]), str(p["answered"]), avail, missed or "none")
    console.print(table)


check_app = typer.Typer(
    no_args_is_help=True, help="Communication checks: answer them (clients do it on their own)."
)


@check_app.command("answer")
def check_answer(
    channel: Channel,
    personal: Annotated[
        bool,
        typer.Option("--personal", help="You, a person, confirm (needed for the daily check)."),
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Answer every communication check your party has not answered yet."""
    with client(url, key) as c:
        done = c.talks.answer_checks(channel, personal)
    console.print(
        f"answered check(s) {', '.join(map(str, done)) or 'none pending'}"
        + (" in person" if personal else "")
    )
