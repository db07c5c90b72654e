"""``parley verify --url``: audit a running server through its API, as a member."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from parley.cli.options import progress_bar
from parley.client import LogVerifier, ParleyClient
from parley.errors import ParleyError
from parley.ledger.note import Checkpoint, split_note, verify_cosignature, verify_note, witness_name


def remote_audit(c: ParleyClient, only: str | None, console: Console, err: Console) -> bool:
    """Fetch and verify every entry (streaming), then the checkpoint at that size and its
    cosignatures. Returns True when everything holds."""
    ok = True
    channels = [only] if only else [ch["channel"] for ch in c.channels()]
    with c:
        for channel in channels:
            try:
                total = int(c.channel(channel)["tree_size"])
                v = LogVerifier(channel, c.server_key())
                with progress_bar() as bar:
                    task = bar.add_task(f"verifying {channel}", total=total)
                    for _ in c.iter_verified(channel, v):
                        if v.size % 500 == 0:
                            bar.update(task, completed=v.size)
                note = c.checkpoint(channel, v.size)
                text = verify_note(note, note.split("\n", 1)[0], c.server_key())
                cp = Checkpoint.parse(text)
                if cp.size != v.size or cp.root != v.tree.root():
                    raise ParleyError(
                        "checkpoint.root_mismatch",
                        f"the server's checkpoint at size {v.size} does not match the log it served",
                    )
                _, sigs = split_note(note)
                cosigners = []
                for s in sigs:
                    if not s.name.startswith("parley.witness/"):
                        continue
                    kid = s.name.split("/", 1)[1]
                    key = v.ring.keys.get(kid)  # type: ignore[call-overload]
                    if key is None:
                        raise ParleyError(
                            "cosignature.unknown_key", f"{s.name} is not a member of {channel}"
                        )
                    verify_cosignature(text, s, witness_name(kid), key)
                    cosigners.append(v.ring.side_of[kid])  # type: ignore[index]
                console.print(
                    f"[green]OK[/] {channel}: {v.size} entries verified; root {cp.root.hex()[:16]}… "
                    f"matches the signed checkpoint; cosigned by: {', '.join(sorted(set(cosigners))) or 'nobody yet'}"
                )
            except ParleyError as exc:
                ok = False
                console.print(f"[red]FAILED[/] {channel}: {escape(exc.message)} ({exc.code})")
    return ok
