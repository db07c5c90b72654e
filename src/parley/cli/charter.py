"""``parley channel init``: a charter built from key files and a few answers.

Nobody should hand-edit JSON with base64 keys. The sides, members (from their key
files, whose clear part holds the public key, name and title), mandate topics, deadlines
and escalation contacts come from options or, on a terminal, from questions; the
server's key comes from the server (``GET /v1/server``), so the timer's escalations are
on. The result is checked against the charter's model before it is written, every
problem named in words.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import httpx
import typer

from parley.client import read_public
from parley.crypto.keys import VerifyKey
from parley.errors import InvalidInput, ParleyError
from parley.model.bodies import KEY_ID, parse_body
from parley.model.channel import ChannelCreated, charter_problems

PUBLIC_KEY = re.compile(r"^[A-Za-z0-9+/]{43}=$")
ROLES = ("head", "member")
PRIORITIES = ("flash", "urgent", "routine")
DEFAULT_DEADLINES = {"flash": 300, "urgent": 3600, "routine": 172800}
"""Seconds to acknowledge: 5 minutes, 1 hour, 2 days."""


def _key_file(path: Path, what: str) -> dict[str, str]:
    """The clear part of a key file named on the command line.

    Raises:
        InvalidInput: ``file.not_found`` or ``keystore.malformed``, naming ``what`` and
            the file.
    """
    if not path.exists():
        raise InvalidInput("file.not_found", f"{what}: no key file at {path}")
    try:
        return read_public(path)
    except ParleyError as exc:
        raise InvalidInput(exc.code, f"{what}: {exc.message}") from exc


def _ask(label: str, default: str | None = None) -> str:
    return str(typer.prompt(label, default=default) if default is not None else typer.prompt(label))


def _pair(spec: str, what: str) -> tuple[str, str]:
    ident, sep, name = spec.partition(":")
    if not sep or not ident.strip() or not name.strip():
        raise InvalidInput("charter.bad_option", f"{what} {spec!r} is not ID:Name")
    return ident.strip(), name.strip()


def _member(spec: str) -> tuple[str, dict[str, str]]:
    """``SIDE:ROLE:KEYFILE`` or ``SIDE:ROLE:PUBLICKEY:Name[:Title]``."""
    parts = spec.split(":")
    if len(parts) < 3:
        raise InvalidInput(
            "charter.bad_option",
            f"member {spec!r} is not SIDE:ROLE:KEYFILE or SIDE:ROLE:PUBLICKEY:Name",
        )
    side, role, key = parts[0].strip(), parts[1].strip(), parts[2].strip()
    if role not in ROLES:
        raise InvalidInput("charter.bad_option", f"member {spec!r}: the role is head or member")
    if PUBLIC_KEY.match(key):
        if len(parts) < 4 or not parts[3].strip():
            raise InvalidInput(
                "charter.bad_option", f"member {spec!r}: a public key needs a name after it"
            )
        title = parts[4].strip() if len(parts) > 4 else ""
        return side, {"key": key, "name": parts[3].strip(), "role": role, "title": title}
    if re.match(KEY_ID, key):
        raise InvalidInput(
            "charter.bad_option",
            f"member {spec!r}: {key} is a key id; give the key file, or the public key "
            "(`parley keygen` prints both)",
        )
    info = _key_file(Path(key), f"member {spec!r}")
    return side, {
        "key": info["public_key"],
        "name": info["name"],
        "role": role,
        "title": info["title"],
    }


def _deadlines(text: str) -> dict[str, int]:
    """``PRIORITY=SECONDS,...``; a priority not named keeps its default."""
    out = dict(DEFAULT_DEADLINES)
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.partition("=")
        if not sep or not value.strip().isdigit():
            raise InvalidInput("charter.bad_option", f"deadline {part!r} is not PRIORITY=SECONDS")
        if name.strip() not in PRIORITIES:
            raise InvalidInput(
                "charter.bad_option",
                f"deadline {part!r}: there is no priority {name.strip()!r}; the priorities are "
                + ", ".join(PRIORITIES),
            )
        out[name.strip()] = int(value)
    return out


def _contact(spec: str) -> str:
    if re.match(KEY_ID, spec):
        return spec
    return _key_file(Path(spec), f"--contact {spec!r} (a key file or a key id)")["key_id"]


def _server_key(url: str) -> str | None:
    try:
        r = httpx.get(f"{url.rstrip('/')}/v1/server", timeout=5)
        r.raise_for_status()
        return str(r.json()["server_key"])
    except (httpx.HTTPError, ValueError, KeyError):
        return None


def build_charter(
    *,
    title: str | None,
    mediator: str | None,
    parties: list[str],
    members: list[str],
    topics: list[str],
    deadlines: str,
    check_interval: int,
    daily_check_hour: int | None,
    contacts: list[str],
    disclosure: str,
    url: str,
) -> tuple[dict[str, Any], list[str]]:
    """The charter body, checked, and notes for the person (what was assumed or left off).

    Raises:
        InvalidInput: ``charter.incomplete`` (what is missing, when there is no terminal to
            ask), ``charter.bad_option``, or the model's ``entry.invalid_body`` listing every
            problem.
    """
    ask = sys.stdin.isatty()
    missing = []
    if title is None:
        if ask:
            title = _ask("Title of the channel")
        else:
            missing.append("--title")
    if mediator is None:
        if ask:
            mediator = _ask("The mediator's side, as ID:Name (e.g. mission:Monitoring mission)")
        else:
            missing.append("--mediator ID:Name")
    if len(parties) > 2:
        raise InvalidInput(
            "charter.bad_option",
            f"--party was given {len(parties)} times: a channel has exactly two parties "
            "(and the mediator, --mediator)",
        )
    while ask and len(parties) < 2:
        parties.append(_ask(f"Party {len(parties) + 1}, as ID:Name"))
    if len(parties) != 2:
        missing.append("--party ID:Name (twice)")
    if ask and not members:
        typer.echo("Members: SIDE:ROLE:KEYFILE (or SIDE:ROLE:PUBLICKEY:Name); empty to finish.")
        while spec := _ask("Member", default="").strip():
            members.append(spec)
    if not members:
        missing.append("--member SIDE:ROLE:KEYFILE (each side's head at least)")
    if ask and not topics:
        typer.echo("Mandate topics: ID:Title; empty to finish.")
        while spec := _ask("Topic", default="").strip():
            topics.append(spec)
    if not topics:
        missing.append("--topic ID:Title (at least one)")
    if missing:
        raise InvalidInput("charter.incomplete", "the charter needs " + ", ".join(missing))
    assert title is not None and mediator is not None

    sides: list[dict[str, Any]] = []
    for kind, spec in [("mediator", mediator), *(("party", p) for p in parties)]:
        ident, name = _pair(spec, "side")
        sides.append({"id": ident, "name": name, "kind": kind, "members": []})
    by_id = {s["id"]: s for s in sides}
    for spec in members:
        side, m = _member(spec)
        if side not in by_id:
            raise InvalidInput(
                "charter.bad_option",
                f"member {spec!r} names side {side!r}; the sides are {', '.join(by_id)}",
            )
        by_id[side]["members"].append(m)
    notes: list[str] = []
    if contacts:
        contact_ids = [_contact(c) for c in contacts]
    else:
        # The duty officers (the mediator's members) first, then its heads.
        ordered = sorted(sides[0]["members"], key=lambda m: m["role"] != "member")
        contact_ids = [str(VerifyKey.from_b64(m["key"]).key_id) for m in ordered][:5]
        if contact_ids:
            notes.append(
                "escalations go first to "
                + ", ".join(m["name"] for m in ordered[:5])
                + " (--contact to choose)"
            )
    body: dict[str, Any] = {
        "title": title,
        "sides": sides,
        "mandate": [dict(zip(("id", "title"), _pair(t, "topic"), strict=True)) for t in topics],
        "ack_deadlines": _deadlines(deadlines),
        "default_disclosure": disclosure,
        "escalation_contacts": contact_ids,
    }
    if check_interval:
        body["check_interval"] = check_interval
    else:
        notes.append("no communication checks (--check-interval 0): a silent party goes unnoticed")
    if daily_check_hour is not None:
        body["daily_check_hour"] = daily_check_hour
    server_key = _server_key(url)
    if server_key is None:
        notes.append(
            f"the server at {url} did not answer: the charter names no server key yet; "
            "`parley channel create` fills it in from the server it talks to"
        )
    else:
        body["server_key"] = server_key
    check_charter(body)
    return body, notes


def check_charter(body: dict[str, Any]) -> None:
    """The charter's model, then the checks the server makes at channel creation
    (:func:`parley.model.channel.charter_problems`): every problem, in words.

    Raises:
        InvalidInput: ``entry.invalid_body`` (the model) or ``charter.invalid``.
    """
    charter = parse_body(ChannelCreated, ChannelCreated.TYPE, body)
    assert isinstance(charter, ChannelCreated)
    if problems := charter_problems(charter):
        raise InvalidInput(
            "charter.invalid",
            f"the server would refuse this charter: {'; '.join(problems)}",
        )
