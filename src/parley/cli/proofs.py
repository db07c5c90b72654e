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
    command_group,
    console,
    plural,
    read_json,
)
from parley.errors import InvalidInput, ParleyError


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
    with client(url, key, channel=channel) as c:
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
        typer.Option("--seq", help="The entry by its number in the log (`parley log`).", min=1),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Write a self-contained proof bundle for one entry, given by id (or its start) or by --seq, to hand to a third party — together with a trust root (`parley trust export`), which is what the bundle is checked against."""
    from parley.client import make_bundle, verify_bundle
    from parley.client.audit import audit_channel
    from parley.client.memory import ChannelMemory

    if (entry is None) == (seq is None):
        raise typer.BadParameter("give the entry's id or --seq N, one of the two")
    if out.exists() and not force:
        raise InvalidInput("file.exists", f"{out} exists; choose another file, or --force")
    with client(url, key, channel=channel) as c:
        if seq is not None:
            entry = str(c.entry_at(channel, seq)["entry"]["header"]["id"])
        else:
            assert entry is not None
            entry = c.find_id(channel, entry)
        memory = ChannelMemory(channel, ChannelMemory.beside(key, channel))
        bundle = make_bundle(c, channel, entry)
        trust = memory.trust
        if (
            trust is None
            or trust.checkpoint is None
            or trust.checkpoint[0] < int(bundle["inclusion"]["size"])
        ):
            audit_channel(c, channel, memory)  # verify the log first: the trust root is ours
            trust = memory.trust
    verify_bundle(bundle, trust)
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")
    shown = "with its body" if bundle["entry"]["body"] is not None else "without its body"
    console.print(
        f"wrote {out}: entry {entry} {shown}, checkpoint of size {bundle['inclusion']['size']}; "
        "hand it over with the trust root (`parley trust export`)",
        soft_wrap=True,
    )


def verify_bundle_cmd(
    bundle: Annotated[Path, typer.Argument(help="Bundle file from `parley proof`.")],
    trust: Annotated[
        Path | None,
        typer.Option(
            "--trust",
            help="The channel's trust root (`parley trust export`; a party publishes it).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Check a proof bundle offline, with no server and no database, against a trust root you already hold: exit 0 only if it all holds and fits the trust root. Without --trust the bundle can only be found consistent, not trusted (exit 1): keys made up for the occasion are consistent too."""
    from parley.proofs import TrustRoot, verify_bundle

    data = read_json(bundle, "proof bundle")
    root = None if trust is None else TrustRoot.from_json(read_json(trust, "trust root"))
    try:
        report = verify_bundle(data, root)
    except ParleyError as exc:
        console.print(f"[red]FAILED[/]: {escape(exc.message)} ({exc.code})", soft_wrap=True)
        raise typer.Exit(1) from exc
    head = "[green]OK[/]" if report.trusted else "[yellow]CONSISTENT BUT UNTRUSTED[/]"
    console.print(f"{head}: {report.entry_type} {report.entry_id}")
    for check in report.checks:
        console.print(f"  ✓ {escape(check)}", soft_wrap=True)
    if not report.body_shown:
        console.print(
            "  (the body is not in this bundle: only that the entry exists, who signed it and when)"
        )
    if root is not None:
        console.print(
            f"  against the trust root of {root.channel} (server key {root.server.key_id}, "
            f"charter {root.charter_digest[:12]}…)",
            soft_wrap=True,
        )
        return
    console.print(
        "  No trust root: nothing here ties these keys to the channel. Check it with "
        "--trust FILE (the parties publish it; a member writes it with `parley trust export`).",
        soft_wrap=True,
    )
    raise typer.Exit(1)


trust_app = command_group(help="Trust roots: what proof bundles are checked against.")


@trust_app.command("export")
def trust_export(
    channel: Channel,
    out: Annotated[Path, typer.Option("--out", help="Trust root file to write.", metavar="FILE")],
    public: Annotated[
        bool,
        typer.Option("--public", help="Leave out members' names (sides and roles stay)."),
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = DEFAULT_KEY,
) -> None:
    """Verify the channel's log yourself, then write its trust root: the server key the charter names, every key the log admitted with its side and role (and name), the witnesses, the checkpoint you verified. Publish it (with --public) so that anyone can check the channel's proof bundles."""
    from dataclasses import replace

    from parley.client.audit import audit_channel
    from parley.client.memory import ChannelMemory
    from parley.proofs import TrustedKey

    if out.exists():
        raise InvalidInput("file.exists", f"{out} exists; choose another file")
    with client(url, key, channel=channel) as c:
        memory = ChannelMemory(channel, ChannelMemory.beside(key, channel))
        audit_channel(c, channel, memory)
    root = memory.trust
    assert root is not None
    if public:
        root = replace(
            root, keys={k: TrustedKey(t.key, t.side, t.role, "") for k, t in root.keys.items()}
        )
    out.write_text(json.dumps(root.to_json(), indent=2, ensure_ascii=False) + "\n")
    console.print(
        f"wrote {out}: server key {root.server.key_id}, {plural(len(root.keys), 'key')}, "
        f"checkpoint of size {root.checkpoint[0] if root.checkpoint else 0}"
    )
