"""``parley check``: public statements against the signed record, claim by claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.markup import escape

from parley.cli.options import DEFAULT_KEY, check_channel, client, console, where_to_look
from parley.errors import InvalidInput

COLOURS = {"supported": "green", "contradicted": "red", "not_in_record": "yellow"}


def check(
    ctx: typer.Context,
    text: Annotated[
        list[str] | None, typer.Argument(help="Statements to check.", metavar="STATEMENT...")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="One statement per line.")] = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel", help="Channel id (optional when there is one).", callback=check_channel
        ),
    ] = None,
    public: Annotated[
        bool, typer.Option("--public", help="Use only what is public (no disclosure verdicts).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per statement.")] = False,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Check on a server's own database.")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", envvar="PARLEY_DB", help="Database URL (with --data-dir).")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", envvar="PARLEY_URL", help="Check through a server.")
    ] = None,
    key: Annotated[
        Path | None, typer.Option("--key", envvar="PARLEY_KEY", help="Your key file (member mode).")
    ] = None,
    embedder: Annotated[
        str,
        typer.Option("--embedder", help="With --data-dir: auto, use, e5 or none (docs/claims.md)."),
    ] = "auto",
    record: Annotated[
        str | None,
        typer.Option(
            "--record",
            help="Sign the reviewed verdicts into the record as assessment ID "
            "(statement.assessed; one statement, with --url and --key).",
        ),
    ] = None,
    source: Annotated[
        str, typer.Option("--source", help="Where it was said (with --record).")
    ] = "",
    speaker: Annotated[str, typer.Option("--speaker", help="Who said it (with --record).")] = "",
    said_on: Annotated[
        str, typer.Option("--said-on", help="When, YYYY-MM-DD (with --record).")
    ] = "",
    publish: Annotated[
        bool,
        typer.Option(
            "--publish",
            help="Make the assessment public at once (only if all its evidence is public).",
        ),
    ] = False,
) -> None:
    """Check public statements against the signed record: each claim supported, contradicted or not in record (which is not "false"), and whether it reveals what the parties keep confidential. Exit 0 when every claim is supported or not in record, 1 otherwise. Checks a server's own database (--data-dir) or goes through a running server (--url)."""
    statements = list(text or [])
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput("file.unreadable", f"cannot read {file}: {exc}") from exc
        statements += [line.strip() for line in lines if line.strip()]
    if not statements:
        raise InvalidInput("check.nothing", "give statements as arguments or with --file")
    where = where_to_look(ctx, data_dir, url)
    if where == "none":
        raise InvalidInput(
            "check.where",
            "say what to check against: --data-dir DIR (a server's own database) or "
            "--url URL (a running server; with --key as a member, else --public)",
        )
    if where == "local":
        results = _local(statements, channel, public, data_dir, db, embedder)
    else:
        assert url is not None
        results = _remote(statements, channel, public, url, key)
    if record is not None:
        _record(results, record, url, key, source, speaker, said_on, publish)
    for r in results:
        if as_json:
            print(json.dumps(r, ensure_ascii=False))
        else:
            _show(r)
    if any(
        c["verdict"] == "contradicted" or c["disclosure_breach"]
        for r in results
        for c in r["claims"]
    ):
        raise typer.Exit(1)


def _only_channel(channels: list[str], given: str | None) -> str:
    if given is not None:
        return given
    if len(channels) != 1:
        raise InvalidInput(
            "check.which_channel",
            f"say which channel with --channel: {', '.join(channels) or 'none'}",
        )
    return channels[0]


def _local(
    statements: list[str],
    channel: str | None,
    public: bool,
    data_dir: Path | None,
    db: str | None,
    embedder: str,
) -> list[dict[str, Any]]:
    from parley.service import Settings, build

    assert data_dir is not None
    services = build(Settings(data_dir=data_dir, db_url=db, embedder=embedder))
    ch = _only_channel(services.store.known_channels(), channel)
    return services.claims.check_local(ch, statements, public)


def _remote(
    statements: list[str], channel: str | None, public: bool, url: str, key: Path | None
) -> list[dict[str, Any]]:
    if public:
        if channel is None:
            raise InvalidInput("check.which_channel", "say which channel with --channel")
        r = httpx.post(
            f"{url.rstrip('/')}/public/v1/channels/{channel}/check",
            json={"statements": statements},
            timeout=60,
        )
        r.raise_for_status()
        return list(r.json())
    with client(url, key or DEFAULT_KEY) as c:
        ch = _only_channel([x["channel"] for x in c.channels()], channel)
        return [{**r, "channel": ch} for r in c.check_statements(ch, statements)]


def _record(
    results: list[dict[str, Any]],
    assessment: str,
    url: str | None,
    key: Path | None,
    source: str,
    speaker: str,
    said_on: str,
    publish: bool,
) -> None:
    if url is None or len(results) != 1 or results[0]["mode"] != "member" or not said_on:
        raise InvalidInput(
            "check.record_needs_member",
            "--record signs one checked statement as a member: give --url, --key, --said-on "
            "and one statement",
        )
    r = results[0]
    with client(url, key or DEFAULT_KEY) as c:
        receipt = c.assess(
            r["channel"],
            assessment,
            source=source or "unspecified",
            speaker=speaker
            or next((x["speaker"] for x in r["claims"] if x.get("speaker")), "unknown"),
            said_on=said_on,
            text=r["statement"],
            claims=r["claims"],
            publish=publish,
        )
    console.print(f"recorded: assessment {assessment} is entry {receipt.seq}")


def _show(result: dict[str, Any]) -> None:
    console.print(f"\n[bold]{escape(result['statement'])}[/]  [dim]({result['mode']} record)[/]")
    for c in result["claims"]:
        colour = COLOURS[c["verdict"]]
        flag = "  [bold red]DISCLOSURE BREACH[/]" if c["disclosure_breach"] else ""
        who = f"{escape(c['speaker'])}: " if c.get("speaker") else ""
        console.print(
            f"  [{colour}]{c['verdict'].replace('_', ' ')}[/]{flag}  {who}“{escape(c['text'])}”"
        )
        console.print(f"    {escape(c['explanation'])}", soft_wrap=True)
        for ev in c["evidence"]:
            proof = " (offline proof bundle included)" if ev.get("bundle") else ""
            console.print(f"    [dim]evidence: entry {ev['entry']} — {ev['fact']}{proof}[/]")
