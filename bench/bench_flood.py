"""One client floods the server; does another client still get served?

A real ``parley serve`` (SQLite, default limits) with the story's channel. The *victim*
(the Azerbaijani head, from 127.0.0.1) sends signed messages one after another, at most
20 a second, and times each full round trip (sign, submit, verify the relay receipt),
alone ("idle") and while the *flooder* (from 127.0.0.2, in a process of its own) attacks
with ``--connections`` parallel connections. The two conditions alternate in short
windows — the flooder pauses and resumes — so that whatever else loads this shared
machine falls on both alike. The result is the victim's p99 under flood divided by its
p99 idle (target: ≤ 5), how many of its requests failed, and what happened to the flood.

Attacks (``--attack``, repeatable; all by default):

- ``entries``: a member (the Artsakh head's key) posts pre-signed entries flat out;
- ``public-check``: anonymous statement checks of 20 statements of 1,000 characters
  each, flat out (the most expensive thing anyone may ask for without signing in);
- ``idle``: ``--idle-connections`` (2,500: more than ``--max-connections``' 2,000) TCP
  connections that never send a byte, one in twenty of them trickling a request's headers
  one byte a second (slowloris) — each reopened 0.1 s after the server closes it.

Each attack runs with the default limits and with them off (``--no-limits`` flags of
``parley serve``), in one run.

    .venv/bin/python bench/bench_flood.py [--attack idle] [--samples 200] [--connections 32] [--runs 3] [--windows 10]
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
from parley.errors import ParleyError  # noqa: E402


def p99(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=100)[98] if len(xs) >= 2 else xs[0]


SENTENCES = (
    "The sides agreed to restore the gas supply to Stepanakert by 5 March.",
    "The working groups will meet again in Ganja on 14 March.",
    "The road through the Lachin corridor stays open for humanitarian convoys.",
    "The mediator reported no violations of the ceasefire last week.",
    "Both delegations signed the minutes of the meeting of 1 March.",
    "The electricity line to Martakert will be repaired by the Azerbaijani side.",
    "Representatives of the Red Cross attended as observers.",
)


def statements(i: int) -> list[str]:
    """20 statements of about 1,000 characters (the public limit), different each time."""
    out = []
    for j in range(20):
        text, k = "", i + j
        while len(text) < 930:
            text += SENTENCES[k % len(SENTENCES)] + " "
            k += j + 1
        out.append(text.strip()[:1000])
    return out


def flood(url: str, attack: str, seed: bytes, token: str, conns: int) -> None:
    """The flooder, in a process of its own (``bench_flood.py flood …``): get ready, say
    "started", attack flat out — pausing on a "pause" line on stdin, resuming on "go" —
    until "stop", then print what happened (counts of each answer status) as JSON."""
    import aiohttp

    counts: dict[str, float] = {}
    if attack == "entries":
        client = ParleyClient(url, SigningKey(seed))
        bodies = [
            json.dumps(
                client.message(
                    story.CHANNEL, to="azerbaijan", subject=f"flood {i}", text="x" * 64
                ).to_json()
            )
            for i in range(4000)
        ]
        path = f"/v1/channels/{story.CHANNEL}/entries"
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    elif attack == "public-check":
        bodies = [json.dumps({"statements": statements(i)}) for i in range(200)]
        path = f"/public/v1/channels/{story.CHANNEL}/check"
        headers = {"Content-Type": "application/json"}
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

    def count(what: str, n: float = 1) -> None:
        counts[what] = counts.get(what, 0) + n

    async def post() -> None:
        connector = aiohttp.TCPConnector(limit=conns, local_addr=("127.0.0.2", 0))
        async with aiohttp.ClientSession(connector=connector, headers=headers) as http:

            async def worker(w: int) -> None:
                i = w
                while not stop.is_set():
                    if not going.is_set():
                        await asyncio.sleep(0.005)
                        continue
                    try:
                        async with http.post(f"{url}{path}", data=bodies[i % len(bodies)]) as r:
                            answer = await r.read()
                            count(str(r.status))
                            if r.status == 200 and b'"replayed":true' in answer:
                                count("200 replayed")  # appended nothing
                    except aiohttp.ClientError:
                        count("failed")
                        await asyncio.sleep(0.1)
                    i += conns

            print("started", flush=True)
            await asyncio.gather(*(worker(w) for w in range(conns)))

    async def hold() -> None:
        host, port = url.removeprefix("http://").split(":")
        slow = b"GET /v1/server HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Slow: "

        async def slot(i: int) -> None:
            trickle = i % 20 == 0
            while not stop.is_set():
                if not going.is_set():
                    await asyncio.sleep(0.05)
                    continue
                try:
                    reader, writer = await asyncio.open_connection(
                        host, int(port), local_addr=("127.0.0.2", 0)
                    )
                except OSError:
                    count("refused")
                    await asyncio.sleep(0.1)
                    continue
                count("opened")
                opened = time.monotonic()
                try:
                    if trickle:
                        writer.write(slow)
                    while going.is_set() and not stop.is_set():
                        if trickle:
                            writer.write(b"x")
                            await writer.drain()
                        try:
                            if not await asyncio.wait_for(reader.read(4096), 1.0):
                                count("closed by the server")
                                break
                            count("answered")
                            break
                        except TimeoutError:
                            pass
                except OSError:
                    count("closed by the server")
                finally:
                    held = time.monotonic() - opened
                    counts["longest held s"] = max(counts.get("longest held s", 0), held)
                    writer.close()
                await asyncio.sleep(0.1)

        print("started", flush=True)
        await asyncio.gather(*(slot(i) for i in range(conns)))

    asyncio.run(hold() if attack == "idle" else post())
    print(json.dumps(counts), flush=True)


PACE = 0.05
"""The victim is an ordinary member: at most 20 messages a second, well inside its limits
(a client that itself sent flat out would be the flooder)."""


def victim_latencies(
    client: ParleyClient, n: int, failed: list[str] | None = None, pace: float = PACE
) -> list[float]:
    """Milliseconds for each of ``n`` sends (with the client's own retries); a send that
    fails in the end is counted in ``failed`` and timed until it gave up."""
    out = []
    for i in range(n):
        t = time.perf_counter()
        try:
            client.send(story.CHANNEL, to="artsakh", subject=f"probe {i}", text="are you there?")
        except ParleyError as exc:
            if failed is None:
                raise
            failed.append(exc.code)
        took = time.perf_counter() - t
        out.append(took * 1000)
        time.sleep(max(0.0, pace - took))
    return out


NO_LIMITS = {
    "entries": ["--rate-key", "0", "--rate-address", "0", "--writes-per-key", "0"],
    "public-check": ["--rate-address", "0", "--public-checks", "0"],
    "idle": ["--connections-per-address", "0", "--header-seconds", "0"],
}
ATTACKS = tuple(NO_LIMITS)


WINDOWS = 10
"""Idle and flood windows alternate this many times; each takes samples / WINDOWS."""


def measure(
    workdir: Path,
    samples: int = 300,
    connections: int = 32,
    limits: bool = True,
    attack: str = "entries",
    idle_connections: int = 2500,
    windows: int = WINDOWS,
) -> dict[str, Any]:
    people = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--timer-interval", "3600"]
    proc = start_server(workdir, port, args + ([] if limits else NO_LIMITS[attack]))
    url = f"http://127.0.0.1:{port}"
    try:
        charter = {
            **story.charter({s: k.public.to_b64() for s, k in people.items()}),
            "public_checkpoint": True,  # the public check has a record to check against
        }
        ParleyClient(url, people["commander"]).create_channel(story.CHANNEL, charter)
        for stem in ("artsakh-head", "azerbaijan-head"):
            ParleyClient(url, people[stem]).accept_charter(story.CHANNEL)
        victim = ParleyClient(url, people["azerbaijan-head"])
        victim_latencies(victim, 30)  # warm up

        flooder = ParleyClient(url, people["artsakh-head"])
        token = flooder._ensure_token()
        width = idle_connections if attack == "idle" else connections
        child = subprocess.Popen(
            [sys.executable, __file__, "flood", url, attack, people["artsakh-head"].seed.hex(),
             token, str(width)],
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
        failed_idle: list[str] = []
        failed_under: list[str] = []
        per = max(2, samples // windows)
        elapsed = 0.0
        for _ in range(windows):
            tell("pause")
            time.sleep(0.3)  # the flood's requests in flight drain
            idle += victim_latencies(victim, per, failed_idle)
            tell("go")
            time.sleep(2.0 if attack == "idle" else 0.5)  # the flood in full swing
            t0 = time.monotonic()
            under += victim_latencies(victim, per, failed_under)
            elapsed += time.monotonic() - t0
        child.stdin.write("stop\n")
        child.stdin.flush()
        counts = json.loads(child.stdout.readline())
        child.wait(30)
        after = ParleyClient(url, people["commander"]).channel(story.CHANNEL)["tree_size"]
        return {
            "attack": attack,
            "limits": "default" if limits else "off",
            "samples": len(idle),
            "connections": width,
            "idle_p50_ms": statistics.median(idle),
            "idle_p99_ms": p99(idle),
            "flood_p50_ms": statistics.median(under),
            "flood_p99_ms": p99(under),
            "ratio_p99": p99(under) / p99(idle),
            "victim_failed_idle": len(failed_idle),
            "victim_failed_under_flood": len(failed_under),
            "victim_errors": sorted(set(failed_idle + failed_under)),
            "victim_seconds_under_flood": elapsed,
            "flood_answers": dict(sorted(counts.items())),
            "tree_size_after": after,
        }
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    if sys.argv[1:2] == ["flood"]:
        url, attack, seed, token, conns = sys.argv[2:7]
        flood(url, attack, bytes.fromhex(seed), token, int(conns))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--attack", action="append", choices=ATTACKS, help="default: all")
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--connections", type=int, default=32, help="for entries, public-check")
    ap.add_argument("--idle-connections", type=int, default=2500, help="for idle")
    ap.add_argument("--runs", type=int, default=3, help="runs of each configuration")
    ap.add_argument(
        "--windows", type=int, default=WINDOWS, help="idle and flood windows in each run"
    )
    args = ap.parse_args()
    from rich.console import Console
    from rich.table import Table

    console = Console()
    results = []
    with tempfile.TemporaryDirectory() as d:
        for run in range(args.runs):
            for attack in args.attack or ATTACKS:
                for limits in (True, False):
                    name = (
                        f"{attack}, run {run + 1}/{args.runs}, limits {'on' if limits else 'off'}"
                    )
                    with console.status(f"flooding ({name})…"):
                        wd = Path(d) / f"{run}-{attack}-{limits}"
                        results.append(
                            measure(
                                wd,
                                args.samples,
                                args.connections,
                                limits,
                                attack,
                                args.idle_connections,
                                args.windows,
                            )
                        )
    table = Table(
        "attack", "limits", "idle p99 ms", "flood p99 ms", "ratio", "victim failed", "flood answers"
    )
    for r in results:
        table.add_row(
            r["attack"],
            r["limits"],
            f"{r['idle_p99_ms']:.1f}",
            f"{r['flood_p99_ms']:.1f}",
            f"{r['ratio_p99']:.2f}",
            f"{r['victim_failed_under_flood']}/{r['samples']}",
            ", ".join(f"{k}: {v:g}" for k, v in r["flood_answers"].items()),
        )
    console.print(table)
    console.print_json(json.dumps(results))


if __name__ == "__main__":
    main()
