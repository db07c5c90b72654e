"""``parley member``: a head manages its side's keys; a lost head is replaced by the other
sides' heads together with a member of its own side."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
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
from parley.crypto.keys import VerifyKey
from parley.errors import InvalidInput, ParleyError
from parley.model.bodies import B64_32, KEY_ID

member_app = command_group(
    help="Members and keys: add, remove (revoke), rotate; replace a head whose key is lost."
)
Side = Annotated[
    str, typer.Option("--side", help="The side (your own, as its head).", metavar="SIDE")
]
NewKey = Annotated[
    str,
    typer.Option(
        "--new-key",
        help="Their public key (base64, as `parley keygen` prints it) or their key file "
        "(only its clear part is read).",
        metavar="KEY|FILE",
    ),
]


class Role(StrEnum):
    member = "member"
    head = "head"


@dataclass(frozen=True)
class NewMember:
    public_key: str
    key_id: str
    name: str
    title: str


def _public(spec: str) -> NewMember:
    """A public key given in base64, or read from a key file (with its name and title).

    Raises:
        InvalidInput: a key id instead of a key, no such file (``file.not_found``, naming
            it), or a file that is not a key file.
    """
    if re.match(B64_32, spec):
        key = VerifyKey.from_b64(spec)
        return NewMember(spec, str(key.key_id), "", "")
    if re.match(KEY_ID, spec):
        raise InvalidInput(
            "member.bad_key",
            f"{spec} is a key id; give their public key (base64, 43 characters and '=') or "
            "their key file (`parley keygen` prints both)",
        )
    path = Path(spec)
    if not path.exists():
        raise InvalidInput(
            "file.not_found",
            f"no key file at {path} (--new-key takes a key file or a base64 public key)",
        )
    try:
        info = read_public(path)
    except ParleyError as exc:
        raise InvalidInput(exc.code, exc.message) from exc
    return NewMember(info["public_key"], info["key_id"], info["name"], info["title"])


@member_app.command("add")
def add(
    channel: Channel,
    side: Side,
    new_key: NewKey,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="Their name, as the channel shows it (default: the key file's).",
            metavar="TEXT",
        ),
    ] = None,
    role: Annotated[Role, typer.Option("--role", help="member or head.")] = Role.member,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Their title (default: the key file's).", metavar="TEXT"),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Add a key to your side (you must be its head): their public key or key file. Confirm the key id with its owner by voice first: whatever it signs from now on is signed for your side."""
    new = _public(new_key)
    name = name if name is not None else new.name
    if not name.strip():
        raise InvalidInput(
            "member.no_name", "say their name with --name (a public key carries none)"
        )
    with client(url, key, channel=channel) as c:
        r = c.members.add(channel, side, new.public_key, name, role.value, title or new.title)
    console.print(f"added [bold]{name}[/] ({new.key_id}) as {role.value} to {side} (seq {r.seq})")


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
    with client(url, key, channel=channel) as c:
        r = c.members.remove(channel, side, key_id, reason)
    console.print(f"revoked {key_id} (seq {r.seq})")


@member_app.command("rotate")
def rotate(
    channel: Channel,
    side: Side,
    key_id: Annotated[str, typer.Argument(help="The key id to replace (yours included).")],
    new_key: NewKey,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Replace a key of your side with a new one for the same person and role."""
    new = _public(new_key)
    with client(url, key, channel=channel) as c:
        r = c.members.rotate(channel, side, key_id, new.public_key)
    console.print(f"{key_id} replaced by {new.key_id} (seq {r.seq})")


@member_app.command("replace-head")
def replace_head(
    channel: Channel,
    replacement: Annotated[str, typer.Argument(help="A name for this replacement.")],
    side: Annotated[str, typer.Option("--side", help="The side whose head's key is lost.")],
    lost: Annotated[str, typer.Option("--lost", help="The lost head's key id.")],
    new_key: NewKey,
    name: Annotated[str, typer.Option("--name", help="The new head's name.")],
    reason: Annotated[str, typer.Option("--reason", help="What happened (recorded).")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """As the head of ANOTHER side: propose a new head for a side whose head's key is lost.
    It takes effect when the head of every other side and one member of that side have
    signed it (`parley member sign-replacement`)."""
    new = _public(new_key)
    with client(url, key, channel=channel) as c:
        r = c.members.propose_head_replacement(
            channel, replacement, side, lost, new.public_key, name, reason
        )
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
    with client(url, key, channel=channel) as c:
        c.members.sign_head_replacement(channel, replacement)
        r = c.members.replacement(channel, replacement)
    done = "in effect" if r["done_seq"] else f"signed so far by {', '.join(sorted(r['signed_by']))}"
    console.print(f"replacement {replacement!r}: {done}")
