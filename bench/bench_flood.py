"""One client floods the server; does another client still get served?

A real ``parley serve`` (SQLite, default limits) with the story's channel. The *victim*
(the Azerbaijani head, from 127.0.0.1) sends signed messages one after another, at most
20 a second, and times each full round trip (sign, submit, verify the relay receipt),
alone ("idle") and while the *flooder* (the Artsakh head's key, from 127.0.0.2, in a
process of its own) sends pre-signed entries as fast as ``--connections`` parallel
connections allow. The two conditions alternate in short windows — the flooder pauses
and resumes — so that whatever else loads this shared machine falls on both alike. The
result is the victim's p99 under flood divided by its p99 idle (target: ≤ 5), and what
happened to the flood (how much got through, how much was answered 429).

    .venv/bin/python bench/bench_flood.py [--samples 200] [--connections 32] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.cli import story  # noqa: E402
from parley.cli.demo import free_port, start_server  # noqa: E402
from parley.client import ParleyClient  # noqa: E402
from parley.crypto import SigningKey  # noqa: E402


def p99(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=100)[98] if len(xs) >= 2 else xs[0]


def flood(url: str, seed: bytes, token: str, conns: int) -> None:
    """The flooder, in a process of its own (``bench_flood.py flood …``): pre-sign
    entries, say "started", post them flat out — pausing on a "pause" line on stdin,
    resuming on "go" — until "stop", then print the count of each answer status as JSON."""
    import aiohttp

    key = SigningKey(seed)
    client = ParleyClient(url, key)
    entries = [
        json.dumps(
            client.message(
                story.CHANNEL, to="azerbaijan", subject=f"flood {i}", text="x" * 64
            ).to_json()
        )
        for i in range(4000)
    ]
    counts: dict[int, int] = {}
    stop, going = threading.Event(), threading.Event()
    going.set()

    def commands() -> None:
        for line in sys.stdin:
            word = line.strip()
            if word == "pause":
                going.clear()
            elif word == "go":
                going.set()
            elif word == "stop":
                break
            print("ok", flush=True)
        stop.set()
        going.set()

    threading.Thread(target=commands, daemon=True).start()

    async def run() -> None:
        connector = aiohttp.TCPConnector(limit=conns, local_addr=("127.0.0.2", 0))
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        async with aiohttp.ClientSession(connector=connector, headers=headers) as http:

            async def worker(w: int) -> None:
                i = w
                while not stop.is_set():
                    if not going.is_set():
                        await asyncio.sleep(0.005)
                        continue
                    async with http.post(
                        f"{url}/v1/channels/{story.CHANNEL}/entries", data=entries[i % len(entries)]
                    ) as r:
                        await r.read()
                        counts[r.status] = counts.get(r.status, 0) + 1
                    i += conns

            print("started", flush=True)
            await asyncio.gather(*(worker(w) for w in range(conns)))

    asyncio.run(run())
    print(json.dumps(counts), flush=True)


PACE = 0.05
"""The victim is an ordinary member: at most 20 messages a second, well inside its limits
(a client that itself sent flat out would be the flooder)."""


def victim_latencies(client: ParleyClient, n: int, pace: float = PACE) -> list[float]:
    out = []
    for i in range(n):
        t = time.perf_counter()
        client.send(story.CHANNEL, to="artsakh", subject=f"probe {i}", text="are you there?")
        took = time.perf_counter() - t
        out.append(took * 1000)
        time.sleep(max(0.0, pace - took))
    return out


NO_LIMITS = ["--rate-key", "0", "--rate-address", "0", "--writes-per-key", "0"]


WINDOWS = 10
"""Idle and flood windows alternate this many times; each takes samples / WINDOWS."""


def measure(
    workdir: Path, samples: int = 300, connections: int = 32, limits: bool = True
) -> dict[str, Any]:
    people = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--timer-interval", "3600"]
    proc = start_server(workdir, port, args + ([] if limits else NO_LIMITS))
    url = f"http://127.0.0.1:{port}"
    try:
        charter = story.charter({s: k.public.to_b64() for s, k in people.items()})
        ParleyClient(url, people["commander"]).create_channel(story.CHANNEL, charter)
        for stem in ("artsakh-head", "azerbaijan-head"):
            ParleyClient(url, people[stem]).accept_charter(story.CHANNEL)
        victim = ParleyClient(url, people["azerbaijan-head"])
        victim_latencies(victim, 30)  # warm up

        flooder = ParleyClient(url, people["artsakh-head"])
        token = flooder._ensure_token()
        child = subprocess.Popen(
            [sys.executable, __file__, "flood", url, people["artsakh-head"].seed.hex(), token,
             str(connections)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdin and child.stdout
        assert child.stdout.readline().strip() == "started"

        def tell(word: str) -> None:
            assert child.stdin and child.stdout
            child.stdin.write(word + "\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "ok"

        idle: list[float] = []
        under: list[float] = []
        per = max(2, samples // WINDOWS)
        elapsed = 0.0
        for _ in range(WINDOWS):
            tell("pause")
            time.sleep(0.3)  # the flood's requests in flight drain
            idle += victim_latencies(victim, per)
            tell("go")
            time.sleep(0.5)  # the flood in full swing
            t0 = time.monotonic()
            under += victim_latencies(victim, per)
            elapsed += time.monotonic() - t0
        child.stdin.write("stop\n")
        child.stdin.flush()
        counts = {int(k): v for k, v in json.loads(child.stdout.readline()).items()}
        child.wait(30)
        after = ParleyClient(url, people["commander"]).channel(story.CHANNEL)["tree_size"]
        return {
            "limits": "default" if limits else "off",
            "samples": len(idle),
            "connections": connections,
            "idle_p50_ms": statistics.median(idle),
            "idle_p99_ms": p99(idle),
            "flood_p50_ms": statistics.median(under),
            "flood_p99_ms": p99(under),
            "ratio_p99": p99(under) / p99(idle),
            "victim_seconds_under_flood": elapsed,
            "flood_answers": {str(k): v for k, v in sorted(counts.items())},
            "tree_size_after": after,
        }
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    if sys.argv[1:2] == ["flood"]:
        url, seed, token, conns = sys.argv[2:6]
        flood(url, bytes.fromhex(seed), token, int(conns))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--runs", type=int, default=3, help="runs of each configuration")
    args = ap.parse_args()
    from rich.console import Console
    from rich.table import Table

    console = Console()
    results = []
    with tempfile.TemporaryDirectory() as d:
        for run in range(args.runs):
            for limits in (True, False):
                name = f"run {run + 1}/{args.runs}, limits {'on' if limits else 'off'}"
                with console.status(f"flooding ({name})…"):
                    wd = Path(d) / f"{run}-{limits}"
                    results.append(measure(wd, args.samples, args.connections, limits))
    table = Table("limits", "idle p99 ms", "flood p99 ms", "ratio", "flood 200", "flood 429")
    for r in results:
        table.add_row(
            r["limits"],
            f"{r['idle_p99_ms']:.1f}",
            f"{r['flood_p99_ms']:.1f}",
            f"{r['ratio_p99']:.2f}",
            str(r["flood_answers"].get("200", 0)),
            str(r["flood_answers"].get("429", 0)),
        )
    console.print(table)
    console.print_json(json.dumps(results))


if __name__ == "__main__":
    main()
