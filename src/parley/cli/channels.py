"""``parley channel``, ``log``, ``health`` and ``checks``: a channel, its log and its liveness."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

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
    err,
    member_names,
    plural,
    read_json,
    utc,
)
from parley.client.audit import audit_channel
from parley.client.memory import ChannelMemory
from parley.errors import InvalidInput

channel_app = command_group(help="Create, accept and inspect channels.")


@channel_app.command("init")
def channel_init(
    out: Annotated[Path, typer.Option("--out", help="Charter file to write.", metavar="FILE")],
    title: Annotated[str | None, typer.Option("--title", help="The channel's title.")] = None,
    mediator: Annotated[
        str | None,
        typer.Option("--mediator", help="The mediator's side: ID:Name.", metavar="ID:NAME"),
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", help="A party's side: ID:Name (twice).", metavar="ID:NAME"),
    ] = None,
    member: Annotated[
        list[str] | None,
        typer.Option(
            "--member",
            help="SIDE:ROLE:KEYFILE (name and title from the key file), or "
            "SIDE:ROLE:PUBLICKEY:Name[:Title]; ROLE is head or member (repeat).",
            metavar="SPEC",
        ),
    ] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option("--topic", help="A mandate topic: ID:Title (repeat).", metavar="ID:TITLE"),
    ] = None,
    deadlines: Annotated[
        str,
        typer.Option(
            "--deadlines",
            help="Seconds to acknowledge a message, per priority (flash, urgent, routine); a "
            "priority left out keeps its default: flash 300 (5 minutes), urgent 3600 (an "
            "hour), routine 172800 (two days).",
            metavar="PRIORITY=SECONDS,...",
        ),
    ] = "flash=300,urgent=3600,routine=172800",
    check_interval: Annotated[
        int,
        typer.Option(
            "--check-interval",
            help="Seconds between communication checks (0: none; not recommended).",
        ),
    ] = 3600,
    daily_check_hour: Annotated[
        int | None,
        typer.Option(
            "--daily-check-hour", help="UTC hour whose check a person must confirm (0-23)."
        ),
    ] = None,
    contact: Annotated[
        list[str] | None,
        typer.Option(
            "--contact",
            help="Who is told first when a deadline passes: a mediator member's key file or "
            "key id (repeat; default: the mediator's members, then its heads).",
            metavar="KEY",
        ),
    ] = None,
    disclosure: Annotated[
        str,
        typer.Option("--disclosure", help="Default level: confidential, general or public."),
    ] = "confidential",
    url: Url = DEFAULT_URL,
) -> None:
    """Write a charter file for `parley channel create`, from key files and a few answers (asked for on a terminal when not given as options), checked before it is written. It names the server's key (from --url) so that missed deadlines are escalated."""
    from parley.cli.charter import build_charter

    body, notes = build_charter(
        title=title,
        mediator=mediator,
        parties=party or [],
        members=member or [],
        topics=topic or [],
        deadlines=deadlines,
        check_interval=check_interval,
        daily_check_hour=daily_check_hour,
        contacts=contact or [],
        disclosure=disclosure,
        url=url,
    )
    if out.exists():
        raise InvalidInput("file.exists", f"{out} exists; choose another file")
    out.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    for note in notes:
        console.print(f"[yellow]note[/]: {escape(note)}")
    n = sum(len(s["members"]) for s in body["sides"])
    console.print(
        f"wrote {out}: {plural(len(body['mandate']), 'mandate topic')}, {plural(n, 'member')} on "
        f"3 sides. Next: parley channel create CHANNEL --charter {out} --key <mediator key>",
        soft_wrap=True,  # a command to copy: never broken across lines
    )


@channel_app.command("create")
def channel_create(
    channel: Channel,
    charter: Annotated[
        Path,
        typer.Option(
            "--charter",
            help="The charter: a JSON file (`parley channel init` writes one).",
            metavar="FILE",
        ),
    ],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Create a channel from a charter (you must be on the mediator's side and allowed by the server's --creator). A charter naming no server key gets this server's, so that it escalates missed deadlines."""
    from parley.cli.charter import check_charter

    body = read_json(charter, "charter")
    if not isinstance(body, dict):
        raise InvalidInput("file.not_charter", f"{charter} holds no charter (a JSON object)")
    if "sides" not in body and ("sealed_seed" in body or "public_key" in body):
        raise InvalidInput(
            "file.not_charter",
            f"{charter} is a key, not a charter: give your key with --key, and write the "
            "charter with `parley channel init`",
        )
    check_charter(body)
    for note in charter_warnings(body):
        err.print(f"[yellow]warning[/]: {escape(note)}")
    with client(url, key, channel=channel) as c:
        if body.get("server_key") is None:
            console.print(
                f"server key filled in from the server: {c.server_key().key_id} "
                "(it signs the escalations of missed deadlines)"
            )
        entry, receipt = c.create_channel(channel, body)
    console.print(
        f"channel [bold]{channel}[/] created (entry {entry.id}, seq {receipt.seq}); "
        "it becomes active when every party head has accepted it"
    )


def charter_warnings(body: dict[str, Any]) -> list[str]:
    """What a charter leaves switched off, said aloud before it is signed."""
    out = []
    if not body.get("check_interval"):
        out.append(
            "no check_interval: no communication checks, so nobody will notice a party "
            'gone silent (e.g. "check_interval": 3600)'
        )
    if not body.get("escalation_contacts"):
        out.append(
            "no escalation_contacts: a missed deadline is escalated to the mediator's heads; "
            "name the duty officer first"
        )
    return out


@channel_app.command("accept")
def channel_accept(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY) -> None:
    """Accept the channel's charter for your party (heads only)."""
    with client(url, key, channel=channel) as c:
        receipt = c.accept_charter(channel)
        status = c.channel(channel)["status"]
    console.print(f"charter accepted (seq {receipt.seq}); channel is {status}")


@channel_app.command("show")
def channel_show(
    channel: Channel,
    as_json: Annotated[
        bool, typer.Option("--json", help="The channel as the server gives it, in JSON.")
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """A channel at a glance: its title and status, the sides with their members (by role), the mandate's topics, the acknowledgement deadlines and the server key its charter names. --json for the raw data."""
    from parley.crypto.keys import VerifyKey

    with client(url, key, channel=channel) as c:
        view = c.channel(channel)
        charter = c.entry_at(channel, 1)["entry"].get("body") or {}
        answering = c.server_key().key_id
    if as_json:
        print(json.dumps(view, indent=2, ensure_ascii=False))
        return
    named = charter.get("server_key")
    server = (
        "none named: missed deadlines are not escalated"
        if not named
        else str(VerifyKey.from_b64(named).key_id)
        + (
            ""
            if VerifyKey.from_b64(named).key_id == answering
            else f" (this server is {answering})"
        )
    )
    status = view["status"]
    waiting = [s["name"] for s in view["sides"] if s["kind"] == "party" and not s["accepted_by"]]
    if waiting:
        status += f", waiting for the charter's acceptance by {', '.join(waiting)}"
    out = [
        f"[bold]{escape(view['title'])}[/] ({channel})",
        f"  status:     {escape(status)}; {plural(view['tree_size'], 'entry', 'entries')}",
        f"  server key: {server}",
        "  sides:",
    ]
    for side in view["sides"]:
        accepted = ", accepted the charter" if side["accepted_by"] else ""
        out.append(f"    {escape(side['name'])} ({side['id']}, {side['kind']}{accepted})")
        for m in sorted(side["members"], key=lambda m: (m["role"] != "head", m["name"])):
            title = f", {escape(m['title'])}" if m["title"] else ""
            removed = " [dim](removed)[/]" if not m["active"] else ""
            out.append(f"      {m['role']:<6} {escape(m['name'])}{title} — {m['key_id']}{removed}")
    out.append("  mandate:")
    out += [f"    {tid}: {escape(title)}" for tid, title in view["mandate"].items()]
    given = view["ack_deadlines"]
    deadlines = ", ".join(  # by urgency, as the charter's model lists them
        f"{p} {_duration(int(given[p]))}" for p in ("flash", "urgent", "routine") if p in given
    )
    out.append(f"  deadlines to acknowledge: {deadlines}")
    out.append(f"  default disclosure: {view['default_disclosure']}")
    for line in out:
        console.print(line, soft_wrap=True)


def _duration(seconds: int) -> str:
    """``300`` -> ``5 min``; ``172800`` -> ``2 days``."""
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "min")):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}" if unit == "min" else plural(n, unit)
    return f"{seconds} s"


# --- messages ----------------------------------------------------------------------


def _entry_types(values: list[str] | None) -> list[str] | None:
    """Each ``--type`` a registered entry type, or a family of them with a trailing dot.

    Raises:
        typer.BadParameter: an unknown one, with the list of types.
    """
    from parley.model.registry import TYPES

    for value in values or []:
        if value in TYPES or (value.endswith(".") and any(t.startswith(value) for t in TYPES)):
            continue
        families = sorted({t.split(".", 1)[0] + "." for t in TYPES})
        raise typer.BadParameter(
            f"there is no entry type {value!r}; the types are {', '.join(sorted(TYPES))} "
            f"(or a family: {', '.join(families)})"
        )
    return values


def log_cmd(
    channel: Channel,
    type_: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            help="Only entries of this type, or of this family with a trailing dot "
            "(minutes.signed, meeting.); repeat.",
            metavar="TYPE",
            callback=_entry_types,
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option("--text", help="Only entries whose body contains this text (any case)."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="JSON Lines, for scripts: one JSON object per entry, one per line."
        ),
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Fetch and verify the channel's whole log locally, then print it as a timeline (or as JSON), optionally only some entries."""
    from parley.cli.render import describe, timeline

    with client(url, key, channel=channel) as c:
        memory = ChannelMemory(channel, ChannelMemory.beside(key, channel))
        checked = audit_channel(c, channel, memory, keep_rows=True)
        v, rows = checked.verifier, checked.rows
        names = member_names(c.channel(channel), c.server_key().key_id)
    wanted = [
        r
        for r in rows
        if (not type_ or any(_type_matches(r[2].header.type, t) for t in type_))
        and (
            text is None or text.casefold() in json.dumps(r[2].body, ensure_ascii=False).casefold()
        )
    ]
    if as_json:
        for seq, received, e in wanted:
            h = e.header
            print(
                json.dumps(
                    {
                        "seq": seq,
                        "id": h.id,
                        "type": h.type,
                        "author": h.author,
                        "author_name": names.get(h.author, h.author),
                        "time": h.time,
                        "received": received,
                        "refs": list(h.refs),
                        "disclosure": h.disclosure.value,
                        "body": e.body,
                        "says": describe(e, names),
                    },
                    ensure_ascii=False,
                )
            )
        return
    console.print(timeline(wanted, names))
    shown = "" if len(wanted) == len(rows) else f"; {plural(len(wanted), 'entry', 'entries')} shown"
    cosigned = ", ".join(sorted(set(checked.party_cosigners)) + checked.witnesses)
    console.print(
        f"[green]verified[/] {plural(v.size, 'entry', 'entries')}{shown}; root "
        f"{v.tree.root().hex()[:16]}… matches the server's signed checkpoint, which extends "
        f"the last one you saw; cosigned by: {cosigned or 'nobody yet'}",
        soft_wrap=True,
    )


def _type_matches(entry_type: str, wanted: str) -> bool:
    return entry_type.startswith(wanted) if wanted.endswith(".") else entry_type == wanted


def health(
    channel: Channel,
    days: Annotated[int | None, typer.Option("--days", help="Only the last N days.")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Availability of each party from the communication checks, and every missed check."""
    from rich.table import Table

    with client(url, key, channel=channel) as c:
        h = c.talks.health(channel, days)
    table = Table(
        title=f"Channel health at {utc(h['at'])}" + (f", last {days} days" if days else "")
    )
    for col in ("party", "checks", "answered", "availability", "missed"):
        table.add_column(col)
    for side, p in h["parties"].items():
        avail = "–" if p["availability"] is None else f"{p['availability']:.1%}"
        missed = ", ".join(
            f"#{m['check']}{' (daily, in person)' if m['personal'] else ''}" for m in p["missed"]
        )
        table.add_row(side, str(p["checks"]), str(p["answered"]), avail, missed or "none")
    console.print(table)


check_app = command_group(help="Communication checks: answer them (clients do it on their own).")


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
    with client(url, key, channel=channel) as c:
        done = c.talks.answer_checks(channel, personal)
    console.print(
        f"answered check(s) {', '.join(map(str, done)) or 'none pending'}"
        + (" in person" if personal else "")
    )
