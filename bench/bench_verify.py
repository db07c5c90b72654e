"""Full audit (`parley verify`) of a large log vs the floor of its signature checks.

    .venv/bin/python bench/bench_verify.py --entries 1000000

Builds a channel of N entries through the real service path (every entry verified,
ordered, folded, written with its tree nodes, checkpoint and projections), with SQLite
`synchronous=OFF` during the load only (the load is not what is measured). Then, in the
same run, times:

- floor A: Ed25519 verification of every author signature alone (PyNaCl), on
  pre-decoded bytes;
- floor B: every Ed25519 signature the audit must check: author, relay receipt and
  checkpoint of each entry;
- the full audit, as `parley verify --data-dir` runs it, twice: with its signatures
  checked by `--workers N` processes beside the ordered pass (default: the cores), and
  in one process (`--workers 1`, the audit as it ran before it was parallel).

and reports each audit ÷ floor B: the floors run on one core, so on a machine of two
cores, the parallel audit can come under 1×. Peak memory of the audit is reported too,
and the CPU time of this process during each audit: with workers, that is the ordered
pass (the fold, parsing, hashing, the tree and the projections, fetching, feeding the
workers), the part no worker can take; less sensitive to a busy machine than seconds.
"""

from __future__ import annotations

import argparse
import base64
import resource
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import event

from parley.cli import story
from parley.crypto import SigningKey, VerifyKey
from parley.crypto.digest import new_salt
from parley.ledger.note import split_note
from parley.model import make_entry
from parley.model.channel import charter_digest
from parley.model.clock import FakeClock
from parley.model.ids import ChannelId, EntryId
from parley.model.relay import relay_message
from parley.service import Settings, audit, build
from parley.service.audit_parallel import default_workers


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--memory", action="store_true", help="also audit once more under tracemalloc")
    ap.add_argument(
        "--data-dir",
        type=Path,
        help="build the log in DIR and keep it; a DIR that already holds one is reused "
        "(--entries is then what it holds)",
    )
    ap.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes checking signatures in the parallel audit (default: the cores)",
    )
    args = ap.parse_args()
    console = Console(width=120)
    keys = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    clock = FakeClock(datetime(2023, 3, 1, 5, tzinfo=UTC))
    ch = ChannelId(story.CHANNEL)
    with tempfile.TemporaryDirectory() as tmp:
        d = args.data_dir or Path(tmp)
        d.mkdir(parents=True, exist_ok=True)
        reuse = (d / "server.key").exists()
        svc = build(Settings(d, creators=frozenset({keys["commander"].key_id})), clock=clock)

        @event.listens_for(svc.store.engine, "connect")
        def _fast(dbapi_conn, _rec):  # the load only; the audit reads
            dbapi_conn.execute("PRAGMA synchronous=OFF")

        svc.store.engine.dispose()

        cols = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        if not reuse:

            def submit(who: str, type_: str, body: dict) -> None:
                e = make_entry(
                    keys[who],
                    channel=ch,
                    type=type_,
                    body=body,
                    time=clock.now(),
                    entry_id=EntryId(str(uuid.uuid4())),
                    salt=new_salt(),
                )
                svc.appender.submit(e.to_json(), keys[who].key_id)
                clock.advance(milliseconds=10)

            charter = {
                **story.charter({k: v.public.to_b64() for k, v in keys.items()}),
                "server_key": svc.server_key.public.to_b64(),
            }
            submit("commander", "channel.created", charter)
            submit("artsakh-head", "charter.accepted", {"charter_digest": charter_digest(charter)})
            submit(
                "azerbaijan-head", "charter.accepted", {"charter_digest": charter_digest(charter)}
            )
            body = {
                "to": "azerbaijan",
                "priority": "routine",
                "subject": "bench",
                "text": "x" * 64,
                "language": "en",
            }
            with Progress(*cols, console=console) as bar:
                task = bar.add_task("building the log", total=args.entries - 3)
                for i in range(args.entries - 3):
                    submit("artsakh-member", "message.sent", body)
                    if i % 1000 == 0:
                        bar.update(task, completed=i)
        n = svc.store.count_entries(ch)

        # Pre-decode everything the floors need, outside the timed region.
        rows = list(svc.store.iter_entries(ch))
        members = {
            m["key_id"]: VerifyKey.from_b64(m["public_key"]) for m in svc.store.rows("members", ch)
        }
        server = svc.server_key.public
        author = [
            (members[r.author], r.header.encode(), base64.b64decode(r.signature)) for r in rows
        ]
        relay = [
            (
                relay_message(ch, r.seq, r.entry_id, bytes.fromhex(r.leaf_hash), r.received_at),
                base64.b64decode(r.relay_signature),
            )
            for r in rows
        ]
        notes = []
        for _, note in svc.store.iter_checkpoints(ch):
            text, sigs = split_note(note)
            notes.append((text.encode(), sigs[0].sig))
        del rows
        prefix = b"parley/entry/v1\n"

        t0 = time.perf_counter()
        for key, header, sig in author:
            key.verify(prefix + header, sig)
        floor_a = time.perf_counter() - t0
        t0 = time.perf_counter()
        for key, header, sig in author:
            key.verify(prefix + header, sig)
        for msg, sig in relay:
            server.verify(msg, sig)
        for msg, sig in notes:
            server.verify(msg, sig)
        floor_b = time.perf_counter() - t0
        del author, relay, notes

        def cpu() -> float:
            r = resource.getrusage(resource.RUSAGE_SELF)
            return r.ru_utime + r.ru_stime

        def timed_audit(workers: int) -> tuple[float, float]:
            with Progress(*cols, console=console) as bar:
                task = bar.add_task(f"parley verify --workers {workers}", total=n)
                c0 = cpu()
                t0 = time.perf_counter()
                report = audit(
                    svc.store,
                    server,
                    lambda _c, done, _t: (
                        bar.update(task, completed=done) if done % 5000 == 0 else None
                    ),
                    workers=workers,
                    parallel_from=0,  # even a smoke-size log goes through the workers
                )
                secs = time.perf_counter() - t0
                used = cpu() - c0
            assert report.ok, report.problems[:3]
            return secs, used

        full, full_cpu = timed_audit(args.workers)
        one, one_cpu = timed_audit(1)
        peak = 0
        if args.memory:  # a second audit under tracemalloc (which slows it), for memory only
            tracemalloc.start()
            audit(svc.store, server, workers=args.workers, parallel_from=0)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()

    table = Table(title=f"Full audit of a {n:,}-entry log vs its signature checks (same run)")
    for c in ("what", "seconds", "per entry µs", "÷ floor B", "this process CPU µs/entry"):
        table.add_column(c, justify="right")
    for what, secs, used in (
        ("floor A: author signatures only (one core)", floor_a, None),
        ("floor B: author + relay + checkpoint signatures (one core)", floor_b, None),
        (f"parley verify (full audit), --workers {args.workers}", full, full_cpu),
        ("parley verify (full audit), --workers 1 (one process)", one, one_cpu),
    ):
        table.add_row(
            what,
            f"{secs:.1f}",
            f"{secs / n * 1e6:.0f}",
            f"{secs / floor_b:.2f}×",
            "" if used is None else f"{used / n * 1e6:.0f}",
        )
    console.print(table)
    console.print(
        f"full audit ({args.workers} workers) ÷ floor B (one core): {full / floor_b:.2f}×; "
        f"one-process audit ÷ parallel: {one / full:.2f}×"
    )
    if peak:
        console.print(
            f"audit peak traced memory: {peak / 2**20:.0f} MiB ({peak / n:.0f} B per entry)"
        )
    console.print(
        f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
