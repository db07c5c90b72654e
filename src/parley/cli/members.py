"""``parley member``: a head manages its side's keys; a lost head is replaced by the other
sides' heads together with a member of its own side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parley.cli.options import (
    DEFAULT_KEY,
    DEFAULT_URL,
    Channel,
    KeyPath,
    Url,
    client,
    command_group,
    console,
)
from parley.client import read_public

member_app = command_group(
    help="Members and keys: add, remove (revoke), rotate; replace a head whose key is lost."
)
Side = Annotated[str, typer.Option("--side", help="The side (your own, as its head).")]


def _public(path: Path) -> tuple[str, str]:
    info = read_public(path)
    return info["public_key"], info["key_id"]


@member_app.command("add")
def add(
    channel: Channel,
    side: Side,
    new_key: Annotated[Path, typer.Option("--new-key", help="Their key file (public part only).")],
    name: Annotated[str, typer.Option("--name", help="Their name, as the channel shows it.")],
    role: Annotated[str, typer.Option("--role", help="member or head.")] = "member",
    title: Annotated[str, typer.Option("--title", help="Their title.")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Add a key to your side (you must be its head). Confirm the key id with its owner
    by voice first: whatever it signs from now on is signed for your side."""
    pub, kid = _public(new_key)
    with client(url, key) as c:
        r = c.members.add(channel, side, pub, name, role, title)
    console.print(f"added [bold]{name}[/] ({kid}) to {side} (seq {r.seq})")


@member_app.command("remove")
def remove(
    channel: Channel,
    side: Side,
    key_id: Annotated[str, typer.Argument(help="The key id to revoke.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (recorded).")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Revoke a key of your side: its new signatures are refused from now on; everything
    it signed before still verifies."""
    with client(url, key) as c:
        r = c.members.remove(channel, side, key_id, reason)
    console.print(f"revoked {key_id} (seq {r.seq})")


@member_app.command("rotate")
def rotate(
    channel: Channel,
    side: Side,
    key_id: Annotated[str, typer.Argument(help="The key id to replace (yours included).")],
    new_key: Annotated[Path, typer.Option("--new-key", help="The new key file (public part).")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Replace a key of your side with a new one for the same person and role."""
    pub, kid = _public(new_key)
    with client(url, key) as c:
        r = c.members.rotate(channel, side, key_id, pub)
    console.print(f"{key_id} replaced by {kid} (seq {r.seq})")


@member_app.command("replace-head")
def replace_head(
    channel: Channel,
    replacement: Annotated[str, typer.Argument(help="A name for this replacement.")],
    side: Annotated[str, typer.Option("--side", help="The side whose head's key is lost.")],
    lost: Annotated[str, typer.Option("--lost", help="The lost head's key id.")],
    new_key: Annotated[Path, typer.Option("--new-key", help="The new head's key file.")],
    name: Annotated[str, typer.Option("--name", help="The new head's name.")],
    reason: Annotated[str, typer.Option("--reason", help="What happened (recorded).")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """As the head of ANOTHER side: propose a new head for a side whose head's key is lost.
    It takes effect when the head of every other side and one member of that side have
    signed it (`parley member sign-replacement`)."""
    pub, _kid = _public(new_key)
    with client(url, key) as c:
        r = c.members.propose_head_replacement(channel, replacement, side, lost, pub, name, reason)
    console.print(
        f"proposed replacement {replacement!r} (seq {r.seq}); it needs the others' signatures"
    )


@member_app.command("sign-replacement")
def sign_replacement(
    channel: Channel,
    replacement: Annotated[str, typer.Argument(help="The replacement's name.")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign a head replacement: as another side's head, or as a member of the side itself
    (confirming the new head is your delegation's)."""
    with client(url, key) as c:
        c.members.sign_head_replacement(channel, replacement)
        r = c.members.replacement(channel, replacement)
    done = "in effect" if r["done_seq"] else f"signed so far by {', '.join(sorted(r['signed_by']))}"
    console.print(f"replacement {replacement!r}: {done}")
