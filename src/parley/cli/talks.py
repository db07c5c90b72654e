"""``parley meeting|agenda|mandate|minutes|commitment``: the negotiation record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from parley.cli.display import as_written, namer
from parley.cli.options import (
    DEFAULT_KEY,
    DEFAULT_URL,
    Channel,
    KeyPath,
    Url,
    client,
    command_group,
    console,
    read_json,
    utc,
)
from parley.errors import InvalidInput

Meeting = Annotated[str, typer.Argument(help="Meeting id.")]

meeting_app = command_group(help="Propose, answer and show meetings.")
agenda_app = command_group(help="Agenda items: propose, raise, accept, decline.")
mandate_app = command_group(help="Extend the mandate (every party head signs).")
minutes_app = command_group(help="Draft, sign, show and compare minutes.")
commitment_app = command_group(help="Commitments: add, report, confirm, dispute, list.")


def _agenda(spec: list[str] | None) -> list[dict[str, str]]:
    """``ID:TOPIC:Title`` items."""
    out = []
    for s in spec or []:
        parts = s.split(":", 2)
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise typer.BadParameter(
                f"{s!r} is not ID:TOPIC:Title (e.g. gas:gas-supply:Gas supply)",
                param_hint="--item",
            )
        item, topic, title = (p.strip() for p in parts)
        out.append({"id": item, "topic": topic, "title": title})
    return out


def _attendees(spec: list[str] | None, hint: str) -> dict[str, list[str]]:
    """``SIDE:Name`` items, grouped by side."""
    out: dict[str, list[str]] = {}
    for s in spec or []:
        side, sep, name = s.partition(":")
        if not sep or not side.strip() or not name.strip():
            raise typer.BadParameter(f"{s!r} is not SIDE:Name", param_hint=hint)
        out.setdefault(side.strip(), []).append(name.strip())
    return out


# --- meetings ------------------------------------------------------------------------


@meeting_app.command("propose")
def meeting_propose(
    channel: Channel,
    meeting: Meeting,
    start: Annotated[
        str, typer.Option("--start", help="Start with its zone: 2023-03-01T11:00:00+04:00.")
    ],
    venue: Annotated[str, typer.Option("--venue")],
    format: Annotated[
        str, typer.Option("--format", help="chaired (by the mediator) or direct.")
    ] = "chaired",
    item: Annotated[
        list[str] | None,
        typer.Option("--item", help="Agenda item ID:TOPIC:Title (repeat).", metavar="SPEC"),
    ] = None,
    attendee: Annotated[
        list[str] | None,
        typer.Option("--attendee", help="Who comes: SIDE:Name (repeat).", metavar="SIDE:NAME"),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Propose a meeting: time, venue, format, who comes and the agenda. Proposing counts as your side's acceptance."""
    agenda, attendees = _agenda(item), _attendees(attendee, "--attendee")
    with client(url, key, channel=channel) as c:
        pid, receipt = c.talks.propose(
            channel,
            meeting,
            start=start,
            venue=venue,
            format=format,
            agenda=agenda,
            attendees=attendees,
        )
    console.print(
        f"proposed {meeting} (proposal {pid}, entry {receipt.seq}); agreed when every side accepts this version"
    )


@meeting_app.command("accept")
def meeting_accept(
    channel: Channel, meeting: Meeting, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY
) -> None:
    """Accept the meeting's current proposal for your side (your signature names its digest)."""
    with client(url, key, channel=channel) as c:
        c.talks.answer(channel, meeting, True)
        status = c.talks.meeting(channel, meeting)["status"]
    console.print(f"accepted; meeting {meeting} is {status}")


@meeting_app.command("decline")
def meeting_decline(
    channel: Channel,
    meeting: Meeting,
    reason: Annotated[str, typer.Option("--reason")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Decline the meeting's current proposal, with a reason."""
    with client(url, key, channel=channel) as c:
        c.talks.answer(channel, meeting, False, reason)
    console.print("declined")


@meeting_app.command("counter")
def meeting_counter(
    channel: Channel,
    meeting: Meeting,
    start: Annotated[str | None, typer.Option("--start")] = None,
    venue: Annotated[str | None, typer.Option("--venue")] = None,
    format: Annotated[str | None, typer.Option("--format")] = None,
    cancel: Annotated[
        bool, typer.Option("--cancel", help="Propose to cancel the meeting.")
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Counter-propose (postpone, move, change format, or cancel): a new version that needs every side again."""
    changes: dict[str, Any] = {
        k: v for k, v in {"start": start, "venue": venue, "format": format}.items() if v
    }
    if cancel:
        changes["cancel"] = True
    with client(url, key, channel=channel) as c:
        pid, _ = c.talks.counter(channel, meeting, **changes)
    console.print(f"counter-proposal {pid} supersedes the previous version of {meeting}")


def _meeting_tree(
    m: dict[str, Any], names: dict[str, str], place: Callable[[str], str] = str
) -> Tree:
    status_style = {"agreed": "green", "proposed": "yellow", "declined": "red", "cancelled": "red"}[
        m["status"]
    ]
    tree = Tree(f"[bold]{escape(m['id'])}[/] — [{status_style}]{m['status']}[/]")
    for p in m["proposals"]:
        mark = (
            "agreed"
            if p["id"] == m["agreed"]
            else ("superseded" if p["superseded_by"] else "current")
        )
        head = tree.add(
            f"{'CANCEL ' if p['cancel'] else ''}{escape(as_written(p['start']))} at {escape(place(p['venue']))} ({p['format']}) "
            f"— proposed by {escape(names.get(p['proposer'], p['proposer']))} [dim]({mark}, {p['id'][:8]})[/]"
        )
        head.add("accepted by: " + (", ".join(sorted(p["accepted_by"])) or "nobody"))
        for side, d in p["declined_by"].items():
            head.add(f"[red]declined by {side}[/]: {escape(d['reason'])}")
    held = m.get("held")
    if held:
        came = "; ".join(
            f"{side}: {', '.join(names_)}" for side, names_ in held["attendees"].items()
        )
        line = tree.add(
            f"[green]held[/] {escape(as_written(held['started']))}"
            + (f" – {escape(as_written(held['ended']))}" if held["ended"] else "")
            + f" at {escape(place(held['venue']))}"
        )
        if came:
            line.add(f"attended: {escape(came)}")
    agenda = tree.add("agenda")
    for i in m["items"]:
        if i["on_agenda"]:
            agenda.add(f"[green]✓[/] {escape(i['title'])} [dim]({i['topic']})[/]")
        else:
            flag = "" if i["in_mandate"] else " [red]OUTSIDE THE MANDATE[/]"
            # Declined by a side: off the agenda. Otherwise still waiting for the parties.
            mark = "✗ declined:" if i["declined_by"] else "[yellow]pending[/]:"
            accepted = sorted(i.get("accepted_by") or [])
            waiting = f" (accepted by {', '.join(accepted)})" if accepted else ""
            line = agenda.add(
                f"{mark} {escape(i['title'])}{flag} — raised by {escape(names.get(i['raised_by'], i['raised_by']))}{waiting}"
            )
            if i["text"]:
                line.add(f"“{escape(i['text'])}”")
            for side, d in i["declined_by"].items():
                line.add(f"declined by {side}: {escape(d['reason'])}")
    return tree


@meeting_app.command("held")
def meeting_held(
    channel: Channel,
    meeting: Meeting,
    started: Annotated[
        str,
        typer.Option("--started", help="When it began, with its zone: 2023-03-01T11:00:00+04:00."),
    ],
    ended: Annotated[
        str | None, typer.Option("--ended", help="When it ended, with its zone.")
    ] = None,
    venue: Annotated[
        str | None, typer.Option("--venue", help="Where, if not where it was agreed.")
    ] = None,
    attendee: Annotated[
        list[str] | None,
        typer.Option(
            "--attendee", help="SIDE:Name of someone who came (repeat).", metavar="SIDE:NAME"
        ),
    ] = None,
    chair: Annotated[
        str | None, typer.Option("--chair", help="Who chaired it, by name.", metavar="NAME")
    ] = None,
    note: Annotated[str, typer.Option("--note")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """As the mediator: record that an agreed meeting took place, when, who came and who
    chaired."""
    attendees = _attendees(attendee, "--attendee")
    with client(url, key, channel=channel) as c:
        receipt = c.talks.record_held(
            channel,
            meeting,
            started=started,
            ended=ended,
            venue=venue,
            attendees=attendees,
            note=note,
            chair=chair,
        )
    console.print(f"recorded that {meeting} was held (entry {receipt.seq})")


@meeting_app.command("show")
def meeting_show(
    channel: Channel,
    meeting: Annotated[
        str | None, typer.Argument(help="Meeting id (all meetings when omitted).")
    ] = None,
    next_: Annotated[
        bool, typer.Option("--next", help="What the record says about the next meeting.")
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Show meetings, their versions, answers and agenda; --next answers "is there a next meeting?"."""
    with client(url, key, channel=channel) as c:
        names = {m["key_id"]: m["name"] for s in c.channel(channel)["sides"] for m in s["members"]}
        place = namer(c.languages.glossary(channel), c.my_side(channel))
        if next_:
            n = c.talks.next_meeting(channel, meeting)
            style = {"agreed": "green", "proposed_not_agreed": "yellow", "never_proposed": "red"}[
                n["answer"]
            ]
            console.print(
                f"next meeting: [{style}]{n['answer'].replace('_', ' ')}[/]\n  {escape(n['explanation'])}"
            )
            return
        meetings = [c.talks.meeting(channel, meeting)] if meeting else c.talks.meetings(channel)
    for m in meetings:
        console.print(_meeting_tree(m, names, place))


# --- agenda and mandate -------------------------------------------------------------


@agenda_app.command("propose")
def agenda_propose(
    channel: Channel,
    meeting: Meeting,
    item: Annotated[str, typer.Argument(help="Item id.")],
    topic: Annotated[str, typer.Option("--topic", help="A mandate topic id.")],
    title: Annotated[str, typer.Option("--title")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Propose an agenda item under a mandate topic (it enters the agenda when every party accepts)."""
    with client(url, key, channel=channel) as c:
        c.talks.propose_item(channel, meeting, item, topic, title)
    console.print(f"proposed agenda item {item}")


@agenda_app.command("raise")
def agenda_raise(
    channel: Channel,
    meeting: Meeting,
    item: Annotated[str, typer.Argument(help="Item id.")],
    title: Annotated[str, typer.Option("--title")],
    text: Annotated[str, typer.Option("--text")],
    topic: Annotated[str | None, typer.Option("--topic")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Record that an item was raised (flagged when outside the mandate)."""
    with client(url, key, channel=channel) as c:
        c.talks.raise_item(channel, meeting, item, title, text, topic)
    console.print(f"recorded: item {item} raised")


@agenda_app.command("accept")
def agenda_accept(
    channel: Channel,
    meeting: Meeting,
    item: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Accept an agenda item for your party."""
    with client(url, key, channel=channel) as c:
        c.talks.answer_item(channel, meeting, item, True)
    console.print(f"accepted item {item}")


@agenda_app.command("decline")
def agenda_decline(
    channel: Channel,
    meeting: Meeting,
    item: Annotated[str, typer.Argument()],
    reason: Annotated[str, typer.Option("--reason")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Decline an agenda item, with the reason (recorded)."""
    with client(url, key, channel=channel) as c:
        c.talks.answer_item(channel, meeting, item, False, reason)
    console.print(f"declined item {item}")


@mandate_app.command("extend")
def mandate_extend(
    channel: Channel,
    topic: Annotated[str, typer.Argument()],
    title: Annotated[str, typer.Option("--title")],
    reason: Annotated[str, typer.Option("--reason")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Propose a new mandate topic; it takes effect when every party head signed."""
    with client(url, key, channel=channel) as c:
        c.talks.extend_mandate(channel, topic, title, reason)
    console.print(f"mandate extension for {topic} proposed")


@mandate_app.command("sign")
def mandate_sign(
    channel: Channel,
    topic: Annotated[str, typer.Argument()],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign a proposed mandate extension for your party (heads only)."""
    with client(url, key, channel=channel) as c:
        c.talks.sign_extension(channel, topic)
        done = topic in c.channel(channel)["mandate"]
    console.print(
        f"signed; {topic} is {'now in the mandate' if done else 'waiting for the other heads'}"
    )


# --- minutes ------------------------------------------------------------------------


@minutes_app.command("draft")
def minutes_draft(
    channel: Channel,
    meeting: Meeting,
    file: Annotated[
        Path,
        typer.Option(
            "--file", help='JSON: [{"item", "summary", "positions": {side: text}, "outcome"}]'
        ),
    ],
    language: Annotated[
        str, typer.Option("--language", help="The language of --file's text.")
    ] = "en",
    parallel: Annotated[
        list[str] | None,
        typer.Option(
            "--parallel",
            metavar="LANG=FILE",
            help="LANG=FILE: the same items in another language (same order, same sides' "
            "positions), signed with the rest. Repeatable.",
        ),
    ] = None,
    authentic: Annotated[
        list[str] | None,
        typer.Option(
            "--authentic",
            metavar="LANG",
            help="A language whose version is authoritative (repeatable; none: all are "
            "equally authentic).",
        ),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Draft (or revise) the minutes: each call makes the next version (mediator only).
    Every language version given is part of what the heads sign."""
    items = read_json(file, "minutes file")
    versions: dict[str, dict[str, Any]] = {}
    for spec in parallel or []:
        lang, sep, path = spec.partition("=")
        if not sep or not lang or not path:
            raise InvalidInput("cli.usage", f"--parallel takes LANG=FILE, not {spec!r}")
        versions[lang] = {"items": read_json(Path(path), f"{lang} minutes file")}
    with client(url, key, channel=channel) as c:
        version, _ = c.talks.draft_minutes(
            channel,
            meeting,
            items,
            language=language,
            parallel=versions,
            authentic=list(authentic or []),
        )
    console.print(
        f"minutes of {meeting}: version {version} drafted; every signer must sign this version"
    )


@minutes_app.command("sign")
def minutes_sign(
    channel: Channel,
    meeting: Meeting,
    version: Annotated[int, typer.Option("--version")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Sign one version of the minutes for your side. Your signature covers exactly that text."""
    with client(url, key, channel=channel) as c:
        c.talks.sign_minutes(channel, meeting, version)
        agreed = c.talks.minutes(channel, meeting)["agreed_version"]
    console.print(f"signed version {version}; agreed version: {agreed or 'none yet'}")


@minutes_app.command("show")
def minutes_show(
    channel: Channel, meeting: Meeting, url: Url = DEFAULT_URL, key: KeyPath = DEFAULT_KEY
) -> None:
    """Show each version of the minutes and who signed which."""
    from parley.model.minutes import render

    with client(url, key, channel=channel) as c:
        m = c.talks.minutes(channel, meeting)
    for v in m["versions"]:
        agreed = " [green]AGREED[/]" if v["version"] == m["agreed_version"] else ""
        console.print(
            f"[bold]version {v['version']}[/]{agreed} — signed by: {', '.join(sorted(v['signed_by'])) or 'nobody'} "
            f"(needs {', '.join(m['signers'])})"
        )
        for line in render(v["body"])[1:]:
            console.print(f"  {escape(line)}")


@minutes_app.command("diff")
def minutes_diff(
    channel: Channel,
    meeting: Meeting,
    old: Annotated[int, typer.Option("--from")],
    new: Annotated[int, typer.Option("--to")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """What changed between two versions of the minutes."""
    with client(url, key, channel=channel) as c:
        lines = c.talks.minutes_diff(channel, meeting, old, new)
    for line in lines:
        style = "green" if line.startswith("+") else "red" if line.startswith("-") else "dim"
        console.print(f"[{style}]{escape(line)}[/]")


# --- commitments ----------------------------------------------------------------------


@commitment_app.command("add")
def commitment_add(
    channel: Channel,
    commitment: Annotated[str, typer.Argument(help="Commitment id.")],
    owner: Annotated[str, typer.Option("--owner", help="The party that owes it.")],
    text: Annotated[str, typer.Option("--text")],
    due: Annotated[str | None, typer.Option("--due", help="Date-time with zone.")] = None,
    days_after: Annotated[
        int | None, typer.Option("--days-after", help="Due N days after --meeting.")
    ] = None,
    meeting: Annotated[str | None, typer.Option("--meeting")] = None,
    item: Annotated[str | None, typer.Option("--item", help="Agenda item it serves.")] = None,
    via: Annotated[str, typer.Option("--via", help="mediator or direct.")] = "mediator",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Record a commitment with its due date (absolute, or days after a meeting)."""
    if (due is None) == (days_after is None):
        raise typer.BadParameter("give exactly one of --due and --days-after")
    when: str | dict[str, Any] = (
        due if due is not None else {"days": days_after, "after_meeting": meeting}
    )
    with client(url, key, channel=channel) as c:
        c.talks.add_commitment(
            channel,
            commitment,
            owner=owner,
            text=text,
            due=when,
            report_via=via,
            meeting=meeting,
            agenda_item=item,
        )
    console.print(f"commitment {commitment} recorded")


@commitment_app.command("report")
def commitment_report(
    channel: Channel,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option("--note")] = "",
    message: Annotated[
        str | None, typer.Option("--message", help="The message that fulfilled it.")
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Report your party's commitment done."""
    with client(url, key, channel=channel) as c:
        if message is not None:
            message = c.find_id(channel, message, messages=True)
        c.talks.report(channel, commitment, note, message)
    console.print(f"reported {commitment} done; the other party confirms or disputes")


@commitment_app.command("confirm")
def commitment_confirm(
    channel: Channel,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option("--note")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Confirm the other party's reported commitment."""
    with client(url, key, channel=channel) as c:
        c.talks.confirm(channel, commitment, note)
    console.print(f"confirmed {commitment}")


@commitment_app.command("dispute")
def commitment_dispute(
    channel: Channel,
    commitment: Annotated[str, typer.Argument()],
    reason: Annotated[str, typer.Option("--reason")],
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Dispute the other party's report, with the reason."""
    with client(url, key, channel=channel) as c:
        c.talks.dispute(channel, commitment, reason)
    console.print(f"disputed {commitment}")


def commitments_table(items: list[dict[str, Any]], title: str = "Commitments") -> Table:
    styles = {
        "overdue": "bold red",
        "due_soon": "yellow",
        "disputed": "red",
        "open": "default",
        "reported": "cyan",
        "confirmed": "green",
    }
    table = Table(title=title, expand=True)
    for col in ("id", "owed by", "what", "due", "state", "escalated"):
        table.add_column(col)
    for c in items:
        table.add_row(
            c["id"],
            c["owner"],
            escape(c["text"]),
            utc(c["due"]),
            f"[{styles[c['state']]}]{c['state'].replace('_', ' ')}[/]",
            "yes" if c["escalated_seq"] else "",
        )
    return table


@commitment_app.command("list")
def commitment_list(
    channel: Channel,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only what is overdue, and since when.")
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Commitments by state, overdue first: what each side owes and since when."""
    with client(url, key, channel=channel) as c:
        items = c.talks.commitments(channel, overdue)
    console.print(commitments_table(items, "Overdue commitments" if overdue else "Commitments"))
    if overdue:
        for c2 in items:
            console.print(f"  {c2['owner']} owes {c2['id']} since {utc(c2['due'])}")
