"""``parley witness``, ``proof`` and ``verify-bundle``: cosigning the log and proofs anyone can check."""

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
)
from parley.errors import ParleyError


def witness(
    channel: Channel,
    state: Annotated[
        Path | None, typer.Option("--state", help="Witness state file (default: next to your key).")
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Check the latest checkpoint extends the last one you cosigned, then cosign it. Refuses, keeps the evidence and exits 3 if the server forked or rolled back."""
    from parley.client import Witness

    state = state or key.with_name(f"{key.stem}.witness-{channel}.json")
    with client(url, key) as c:
        seen = Witness(c, channel, state).observe()
        info = c.checkpoint_info(channel, seen.checkpoint.size)
    what = "cosigned" if seen.cosigned else "already cosigned"
    agreed = (
        "[green]agreed[/] by every party" if info["agreed"] else "not yet agreed by every party"
    )
    console.print(f"checkpoint of size {seen.checkpoint.size} {what}; {agreed} (state: {state})")


def proof(
    channel: Channel,
    out: Annotated[
        Path, typer.Option("--out", help="Bundle file to write (JSON).", metavar="FILE")
    ],
    entry: Annotated[
        str | None,
        typer.Argument(help="The entry: its id, or its first 6+ characters."),
    ] = None,
    seq: Annotated[
        int | None,
        typer.Option("--seq", help="The entry by its number in the log (`parley log`)."),
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Write a self-contained proof bundle for one entry, given by id (or its start) or by --seq, to hand to a third party."""
    from parley.client import make_bundle, verify_bundle

    if (entry is None) == (seq is None):
        raise typer.BadParameter("give the entry's id or --seq N, one of the two")
    with client(url, key) as c:
        if seq is not None:
            entry = str(c.entry_at(channel, seq)["entry"]["header"]["id"])
        else:
            assert entry is not None
            entry = c.find_id(channel, entry)
        bundle = make_bundle(c, channel, entry)
    verify_bundle(bundle)
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")
    shown = "with its body" if bundle["entry"]["body"] is not None else "without its body"
    console.print(
        f"wrote {out}: entry {entry} {shown}, checkpoint of size {bundle['inclusion']['size']}"
    )


def verify_bundle_cmd(
    bundle: Annotated[Path, typer.Argument(help="Bundle file from `parley proof`.")],
) -> None:
    """Check a proof bundle offline: no server, no database. Exit 0 only if it all holds."""
    from parley.client import verify_bundle

    try:
        data = json.loads(bundle.read_text())
    except (OSError, ValueError) as exc:
        console.print(f"[red]FAILED[/]: cannot read {bundle}: {escape(str(exc))}")
        raise typer.Exit(1) from exc
    try:
        report = verify_bundle(data)
    except ParleyError as exc:
        console.print(f"[red]FAILED[/]: {escape(exc.message)} ({exc.code})")
        raise typer.Exit(1) from exc
    console.print(f"[green]OK[/]: {report.entry_type} {report.entry_id}")
    for check in report.checks:
        console.print(f"  ✓ {escape(check)}")
    if not report.body_shown:
        console.print(
            "  (the body is not in this bundle: only that the entry exists, who signed it and when)"
        )
    console.print("  Compare the key ids above with the ones the parties publish.")
