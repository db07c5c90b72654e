"""``parley verify --url``: audit a running server through its API, as a member."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from parley.cli.options import progress_bar
from parley.client import ParleyClient
from parley.client.audit import audit_channel
from parley.client.memory import ChannelMemory
from parley.errors import ParleyError


def remote_audit(
    c: ParleyClient, only: str | None, console: Console, err: Console, key: Path
) -> bool:
    """As a member: every entry of each channel (or ``only``) verified, the checkpoint at
    that size, its cosignatures, and that it extends what this member saw before
    (``client/audit.py``). Returns True when everything holds."""
    ok = True
    with c:
        channels = [only] if only else [ch["channel"] for ch in c.channels()]
        for channel in channels:
            try:
                memory = ChannelMemory(channel, ChannelMemory.beside(key, channel))
                with progress_bar() as bar:
                    task = bar.add_task(f"verifying {channel}", total=None)

                    def progress(done: int, total: int, task: Any = task) -> None:
                        bar.update(task, completed=done, total=total)

                    checked = audit_channel(c, channel, memory, progress)
                v = checked.verifier
                cosigned = ", ".join(sorted(set(checked.party_cosigners)) + checked.witnesses)
                console.print(
                    f"[green]OK[/] {channel}: {v.size} entries verified; root "
                    f"{v.tree.root().hex()[:16]}… matches the signed checkpoint, which extends "
                    f"the last one you saw; cosigned by: {cosigned or 'nobody yet'}",
                    soft_wrap=True,
                )
            except ParleyError as exc:
                ok = False
                console.print(
                    f"[red]FAILED[/] {channel}: {escape(exc.message)} ({exc.code})", soft_wrap=True
                )
    return ok
