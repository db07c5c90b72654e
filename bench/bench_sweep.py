"""Parley's delivered throughput against in-flight requests and against channel count.

    .venv/bin/python bench/bench_sweep.py [--db sqlite|postgres] [--n 2000] [--rounds 3]
        [--in-flight 1 4 16 64] [--channels 1 10 100] [--batch-size 64] [--plot]
        [--server-src OTHER/src]

Parley only (no Synapse), with the client, server and measurement of
``bench_vs_synapse.py`` (imported, not copied): a real ``parley serve`` with its request,
write, stream and connection limits off; an asyncio sender (aiohttp) posting signed
messages; the recipient following the push stream. With ``--client light`` (the default)
each point's messages are signed before its clock, and the relay receipts and every entry
the recipient received are verified by the SDK after it (timed apart); with ``--client
sdk`` the sender signs and checks each receipt and the recipient's SDK verifies each
entry as they go. A point's throughput is N messages from the first send
until the recipient has all of them (delivered msg/s); server CPU is the server
process's CPU seconds over the same window, per message, and of it the event loop
thread's (``server_loop_cpu_ms_per_msg``) and the busiest other thread's — the append
writer's (``server_writer_cpu_ms_per_msg``), read from ``/proc/<pid>/task``.

- in-flight sweep: one channel, K requests in flight (1, 4, 16, 64), one entry per
  request (``POST .../entries``); then the same through the batch route
  (``POST .../entries/batch``: the entries in flight at the same moment go in one request
  of at most ``--batch-size``, each waiting for its own receipt);
- channel sweep: 1, 10, 100 channels at 16 in flight, one entry per request, the
  messages spread round-robin over the channels. Every channel is created and accepted
  by both party heads before its first point, and the recipient follows **one SSE stream
  per channel** (so the 100-channel point has 100 open streams, each verified by the
  SDK in its own thread).

Each round starts a fresh server (fresh database) and measures every point once; the
figures are medians over ``--rounds``. ``--in-flight`` with no number skips the in-flight
sweep. ``--server-src DIR`` runs, in every round, a second server from another source tree
(``DIR`` on its ``PYTHONPATH``; the load client stays this tree's) through the same
points — the two alternate which goes first — for a before/after in one run; its figures
are under ``"other"`` in the JSON. Writes ``--out`` (default
``bench/results/sweep-<db>.json``) and, with ``--plot``, a PNG beside it
(``sweep-<db>.png``: msg/s against in-flight and against channels, log x; ``--replot``
draws it again from the JSON without measuring).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import threading
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from rich.table import Table

from bench_vs_synapse import (
    Databases,
    ParleyServer,
    Presigned,
    Received,
    Stream,
    console,
    cpu_seconds,
    follow_messages,
    loop_cpu_seconds,
    own_cpu_seconds,
    parley_sender,
    thread_cpu_seconds,
    throughput,
)
from parley.client import LogVerifier, ParleyClient

HERE = Path(__file__).resolve().parent
CONNECTION_LIMITS = ["--streams-per-key", "0", "--connections-per-address", "0"]
"""One key (the recipient's) holds one stream per channel, and one address (this client's)
up to 64 requests in flight besides: the per-key stream and per-address connection limits
off, like the request and write limits (``NO_LIMITS``)."""


def channel_name(i: int) -> str:
    return f"bench-{i:03d}"


def ready(sender: Any, tag: str, n: int) -> Any:
    """The send function of ``sender`` for a run of ``n`` messages tagged ``tag``: a
    :class:`Presigned` sender signs them now, before the run's clock starts."""
    if isinstance(sender, Presigned):
        sender.prepare(tag, n)
        return sender.send
    return sender


async def point(
    sender: Any, received: Received, pid: int, tag: str, n: int, conc: int
) -> dict[str, float]:
    send = ready(sender, tag, n)
    cpu0, loop0, mine0 = cpu_seconds(pid), loop_cpu_seconds(pid), own_cpu_seconds()
    threads0 = thread_cpu_seconds(pid)
    rate = await throughput(send, received, tag, n, conc)
    threads = thread_cpu_seconds(pid)
    # The busiest thread besides the event loop's: the append writer (Python 3.11 does not
    # give threads OS names; the worker threads of streams behind do little here).
    others = [cpu - threads0.get(tid, 0.0) for tid, cpu in threads.items() if tid != pid]
    return {
        "msgs_per_s": round(rate, 1),
        "server_cpu_ms_per_msg": round((cpu_seconds(pid) - cpu0) / n * 1000, 3),
        # Of which the event loop's thread (the rest: the writer and worker threads).
        "server_loop_cpu_ms_per_msg": round((loop_cpu_seconds(pid) - loop0) / n * 1000, 3),
        "server_writer_cpu_ms_per_msg": round(max(others, default=0.0) / n * 1000, 3),
        "client_cpu_ms_per_msg": round((own_cpu_seconds() - mine0) / n * 1000, 3),
    }


async def one_round(
    tmp: Path, dbs: Databases, args: argparse.Namespace, src: Path | None = None
) -> dict[str, Any]:
    server = ParleyServer(tmp, args.db, dbs, src=src, extra=CONNECTION_LIMITS)
    pid = server.proc.pid
    stop = threading.Event()
    sender = server.clients["artsakh-member"]
    # The recipient's streams share one HTTP client with room for a stream per channel.
    recipient = ParleyClient(
        server.url,
        server.people["azerbaijan-member"],
        http=httpx.Client(
            base_url=server.url,
            timeout=15.0,
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=None),
        ),
    )
    received = Received()
    verifiers: dict[str, LogVerifier] = {}
    streams: dict[str, Stream] = {}
    presigned: list[Presigned] = []

    def open_channels(k: int) -> list[str]:
        names = [channel_name(i) for i in range(k)]
        for ch in names:
            if ch not in verifiers and ch not in streams:
                server.open_channel(ch)
                if args.client == "sdk":
                    verifiers[ch] = follow_messages(recipient, ch, received, stop)
                else:
                    streams[ch] = Stream(recipient, ch, received, stop)
        return names

    def sender_for(channels: list[str], batch: int = 0) -> Any:
        if args.client == "sdk":
            return parley_sender(http, sender, server_key, channels, batch)
        presigned.append(Presigned(http, sender, server_key, channels, batch))
        return presigned[-1]

    out: dict[str, Any] = {"single": {}, "batch": {}, "channels": {}}
    try:
        server_key = sender.server_key()
        token = sender._ensure_token()
        async with aiohttp.ClientSession(
            server.url,
            headers={"Authorization": f"Bearer {token}"},
            # Idle connections dropped before the server's 5 s keep-alive ends: opening
            # 90 channels between points takes longer, and a connection the server
            # closes just as it is reused fails the request.
            connector=aiohttp.TCPConnector(
                limit=max([*args.in_flight, 16]) + 8, keepalive_timeout=2
            ),
        ) as http:
            one = open_channels(1)
            single = sender_for(one)
            batched = sender_for(one, args.batch_size)
            console.print(f"  {args.db}: warm-up")
            await throughput(ready(single, "warm", 50), received, "warm", 50, 1)
            await throughput(ready(batched, "warmb", 50), received, "warmb", 50, 4)
            for route, send in (("single", single), ("batch", batched)):
                for k in args.in_flight:
                    console.print(f"  {args.db}: {route}, {k} in flight, {args.n} messages")
                    tag = f"{route}-{k}"
                    out[route][str(k)] = await point(send, received, pid, tag, args.n, k)
            for k in args.channels:
                names = open_channels(k)
                send = sender_for(names)
                warm = f"warm-ch{k}"
                await throughput(ready(send, warm, 2 * k), received, warm, 2 * k, 16)
                console.print(f"  {args.db}: {k} channel(s), 16 in flight, {args.n} messages")
                out["channels"][str(k)] = await point(send, received, pid, f"ch-{k}", args.n, 16)
        stop.set()
        for ch, verifier in verifiers.items():
            recipient.verify_root(ch, verifier)  # each tree the recipient built is signed
        out["entries_verified_by_recipient"] = sum(v.size for v in verifiers.values())
        if presigned:  # the light client's checks, after the clock (and timed)
            answers = sum(len(pre.answers) for pre in presigned)
            seconds = sum(pre.check() for pre in presigned)
            out["receipt_check_ms_per_msg"] = round(seconds / answers * 1000, 3)
            checked = [stream.verify() for stream in streams.values()]
            size = sum(n for n, _ in checked)
            out["entries_verified_by_recipient"] = size
            out["sdk_verify_ms_per_entry"] = round(sum(t for _, t in checked) / size * 1000, 3)
        return out
    finally:
        stop.set()
        server.stop()
        recipient.close()


def medians(rounds: list[dict[str, Any]], part: str, keys: list[int]) -> list[dict[str, Any]]:
    rows = []
    for k in keys:
        runs = [r[part][str(k)] for r in rounds]
        row: dict[str, Any] = {"in_flight" if part != "channels" else "channels": k}
        if part == "channels":
            row["in_flight"] = 16
        for fig in runs[0]:
            row[fig] = round(statistics.median(run[fig] for run in runs), 3)
        row["rounds"] = runs
        rows.append(row)
    return rows


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib  # only with --plot (a dev extra)

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for route, label, marker, dy in (
        ("single", "one entry per request", "o", -12),
        ("batch", f"batch route (≤ {results['batch_size']} a request)", "s", 6),
    ):
        xs = [r["in_flight"] for r in results[route]]
        ys = [r["msgs_per_s"] for r in results[route]]
        left.plot(xs, ys, marker=marker, label=label)
        for x, y in zip(xs, ys, strict=True):
            left.annotate(f"{y:.0f}", (x, y), textcoords="offset points", xytext=(0, dy),
                          ha="center", fontsize=8)  # fmt: skip
    left.set_xscale("log", base=2)
    left.set_xticks([r["in_flight"] for r in results["single"]])
    left.set_xticklabels([str(r["in_flight"]) for r in results["single"]])
    left.set_xlabel("requests in flight (one channel)")
    left.set_ylabel("delivered msg/s")
    left.set_ylim(0, 1.15 * max(r["msgs_per_s"] for r in results["single"] + results["batch"]))
    left.legend(loc="lower right")
    left.grid(True, alpha=0.3)
    xs = [r["channels"] for r in results["channels"]]
    ys = [r["msgs_per_s"] for r in results["channels"]]
    right.plot(xs, ys, marker="o", color="C2")
    for x, y in zip(xs, ys, strict=True):
        right.annotate(f"{y:.0f}", (x, y), textcoords="offset points", xytext=(0, 6),
                       ha="center", fontsize=8)  # fmt: skip
    right.set_xscale("log")
    right.set_xticks(xs)
    right.set_xticklabels([str(x) for x in xs])
    right.set_xlabel("channels (16 in flight, one SSE stream each)")
    right.set_ylabel("delivered msg/s")
    right.set_ylim(0, 1.15 * max(ys))
    right.grid(True, alpha=0.3)
    fig.suptitle(
        f"Parley on {results['db']}: {results['n']} messages a point, "
        f"median of {results['rounds_run']} round(s)"
    )
    fig.savefig(path, dpi=110)
    plt.close(fig)


def summary(rounds: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "db": args.db,
        "n": args.n,
        "rounds_run": args.rounds,
        "batch_size": args.batch_size,
        "client": args.client,
        "recipient": "one SSE stream per channel, every entry verified by the SDK"
        + (" after the clock" if args.client == "light" else ""),
        "single": medians(rounds, "single", args.in_flight),
        "batch": medians(rounds, "batch", args.in_flight),
        "channels": medians(rounds, "channels", args.channels),
        "entries_verified_by_recipient": [r["entries_verified_by_recipient"] for r in rounds],
        # The light client's checks after the clock, per round (absent with --client sdk).
        "receipt_check_ms_per_msg": [r.get("receipt_check_ms_per_msg") for r in rounds],
        "sdk_verify_ms_per_entry": [r.get("sdk_verify_ms_per_entry") for r in rounds],
    }


def print_table(results: dict[str, Any], title: str) -> None:
    table = Table(title=title)
    cols = ("point", "msg/s", "server CPU ms/msg", "loop", "writer", "client CPU ms/msg")
    for col in cols:
        table.add_column(col, justify="right")
    rows = [(f"{r['in_flight']} in flight", r) for r in results["single"]]
    rows += [(f"{r['in_flight']} in flight, batch", r) for r in results["batch"]]
    rows += [(f"{r['channels']} channel(s), 16 in flight", r) for r in results["channels"]]
    for label, row in rows:
        table.add_row(
            label,
            f"{row['msgs_per_s']:,}",
            str(row["server_cpu_ms_per_msg"]),
            str(row["server_loop_cpu_ms_per_msg"]),
            str(row.get("server_writer_cpu_ms_per_msg", "")),
            str(row["client_cpu_ms_per_msg"]),
        )
    console.print(table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--n", type=int, default=2000, help="messages per point")
    ap.add_argument("--rounds", type=int, default=3, help="fresh servers; medians over them")
    ap.add_argument("--in-flight", type=int, nargs="*", default=[1, 4, 16, 64])
    ap.add_argument("--channels", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--batch-size", type=int, default=64, help="most entries a batch request")
    ap.add_argument("--pg-url", default=os.environ.get("PARLEY_TEST_PG_URL"))
    ap.add_argument(
        "--server-src", type=Path, help="also run a server from this source tree, every round"
    )
    ap.add_argument(
        "--client",
        choices=["light", "sdk"],
        default="light",
        help="the load client, as in bench_vs_synapse.py: 'light' signs before the clock "
        "and verifies after it, 'sdk' as it goes",
    )
    ap.add_argument("--out", type=Path, help="default bench/results/sweep-<db>.json")
    ap.add_argument("--plot", action="store_true", help="also write sweep-<db>.png")
    ap.add_argument(
        "--replot", action="store_true", help="measure nothing: plot the --out JSON again"
    )
    args = ap.parse_args()
    out = args.out or HERE / "results" / f"sweep-{args.db}.json"
    if args.replot:
        plot(json.loads(out.read_text()), out.with_suffix(".png"))
        console.print(f"wrote {out.with_suffix('.png')}")
        return
    trees: dict[str, Path | None] = {"this": None}
    if args.server_src:
        trees["other"] = args.server_src.resolve()
    dbs = Databases(args.pg_url)
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for r in range(args.rounds):
                for name in list(trees)[:: 1 if r % 2 == 0 else -1]:
                    console.rule(f"{args.db}: round {r + 1}/{args.rounds}, {name} tree")
                    run = one_round(Path(tmp), dbs, args, trees[name])
                    rounds[name].append(asyncio.run(run))
    finally:
        dbs.drop_all()
    results = summary(rounds["this"], args)
    if args.server_src:
        results["other"] = summary(rounds["other"], args)
        results["other"]["server_src"] = str(trees["other"])
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results, f"{args.db}: {args.n} messages a point, median of {args.rounds}")
    if args.server_src:
        print_table(results["other"], f"the same, server from {args.server_src}")
    if args.plot:
        png = out.with_suffix(".png")
        plot(results, png)
        console.print(f"wrote {out} and {png}")
    else:
        console.print(f"wrote {out}")


if __name__ == "__main__":
    main()
