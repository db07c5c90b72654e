"""Signed messages through a real ``parley serve`` on SQLite: submit and fetch rates, latency.

    .venv/bin/python bench/bench_messages.py [--messages 2000] [--concurrency 1 16]

Starts a server process in a temporary data directory, opens the story's channel, then
for each concurrency level sends MESSAGES signed messages (64-byte text) from one party
to the other, each client thread with its own key and connection, and times every
submission (sign → HTTP → verify → append → relay receipt verified by the client). Then
the recipient fetches the whole log with local verification (signatures, digests,
relay receipts, Merkle root). Prints a table; copy it into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient
from parley.crypto import SigningKey

TEXT = "x" * 64


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_level(
    clients: list[ParleyClient], per: int, console: Console, label: str
) -> tuple[float, list[float]]:
    """Each client sends ``per`` messages in its own thread; returns wall time and latencies."""
    lat: list[float] = []
    lock = threading.Lock()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(label, total=per * len(clients))

        def work(cl: ParleyClient) -> None:
            mine = []
            for _ in range(per):
                t = time.perf_counter()
                cl.send(story.CHANNEL, to="azerbaijan", subject="bench", text=TEXT)
                mine.append(time.perf_counter() - t)
                bar.advance(task)
            with lock:
                lat.extend(mine)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=work, args=(cl,)) for cl in clients]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        return time.perf_counter() - t0, lat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 16])
    args = ap.parse_args()
    console = Console()
    keys = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    senders = [SigningKey.generate() for _ in range(max(args.concurrency))]
    with tempfile.TemporaryDirectory() as d:
        port = free_port()
        proc = start_server(Path(d), port, ["--creator", keys["commander"].key_id])
        url = f"http://127.0.0.1:{port}"
        try:
            c = {k: ParleyClient(url, v) for k, v in keys.items()}
            charter = story.charter({k: v.public.to_b64() for k, v in keys.items()})
            for i, s in enumerate(senders):  # extra Artsakh members, one per sender thread
                charter["sides"][1]["members"].append(
                    {"key": s.public.to_b64(), "name": f"sender {i}", "role": "member"}
                )
            c["commander"].create_channel(story.CHANNEL, charter)
            c["artsakh-head"].accept_charter(story.CHANNEL)
            c["azerbaijan-head"].accept_charter(story.CHANNEL)
            rows = []
            for conc in args.concurrency:
                clients = [ParleyClient(url, s) for s in senders[:conc]]
                for cl in clients:
                    cl.server_key()
                    cl._ensure_token()
                per = args.messages // conc
                elapsed, lat = run_level(clients, per, console, f"concurrency {conc}")
                rows.append(
                    (
                        f"submit, concurrency {conc}",
                        per * conc / elapsed,
                        statistics.median(lat) * 1000,
                        percentile(lat, 99) * 1000,
                    )
                )
            reader = c["azerbaijan-member"]
            t0 = time.perf_counter()
            v = LogVerifier(story.CHANNEL, reader.server_key())
            reader.sync(story.CHANNEL, v)
            reader.verify_root(story.CHANNEL, v)
            elapsed = time.perf_counter() - t0
            rows.append(
                (f"fetch + verify {v.size} entries", v.size / elapsed, float("nan"), float("nan"))
            )
        finally:
            proc.terminate()
            proc.wait(10)
    table = Table(
        title=f"Parley on SQLite (WAL, synchronous=FULL), {args.messages} messages per level"
    )
    for col in ("what", "per second", "p50 ms", "p99 ms"):
        table.add_column(col)
    for what, rate, p50, p99 in rows:
        table.add_row(what, f"{rate:,.0f}", f"{p50:.1f}", f"{p99:.1f}")
    console.print(table)


if __name__ == "__main__":
    main()
