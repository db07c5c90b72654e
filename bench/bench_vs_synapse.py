"""Parley against Matrix Synapse on this machine, in one run, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_vs_synapse.py [--db sqlite postgres] [--n 2000] [--m 300]
        [--rounds 3] [--servers synapse parley] [--server-src OTHER/src]

Both servers get the same client, written here: an asyncio sender with 16 requests in
flight (aiohttp, one keep-alive pool) and a receiver thread holding the server's push
channel open (Synapse: the ``/sync`` long-poll; Parley: the SSE event stream). Message
bodies carry 64 bytes of text. Two users in a private room against two party members in
a channel. Parley's client does more than Synapse's, and how it is timed is chosen with
``--client``:

- ``light`` (the default; what issue 20 asks for): each run's messages are signed before
  its clock starts; the sender posts their ready bytes and keeps each answer; the
  receiver reads the stream and keeps each item. After the clock, every relay receipt
  is checked (for its entry, under the server key) and the SDK verifies the whole log
  the recipient received — every entry's signature, body digest and relay receipt, the
  Merkle tree, its root against the signed checkpoint — timed apart and reported
  (``receipt_check_ms_per_msg``, ``sdk_verify_ms_per_entry``);
- ``sdk``: the sender signs each message and checks its receipt as it goes, and the
  recipient follows the stream through the SDK, verifying each entry as it arrives (the
  runs in ``bench/RESULTS.md`` before 2026-12-07's last one).

- throughput: N messages, 16 in flight, from the first send until the recipient has all
  of them (the same with 1 in flight is reported too);
- latency: M messages one at a time, send until the recipient has it, p50 / p99;
- with ``--batch K``, Parley's sender posts through ``POST .../entries/batch``: the
  entries that are in flight at the same moment (16, as before) go in one request of at
  most K, and each still waits for its own receipt (Synapse has no such route: it
  keeps one message per request, and so does a ``--server-src`` server: with
  ``--server-src`` naming this same tree, one run compares the two routes);
- server memory (RSS of the server process) and server CPU seconds per message.

Synapse (``matrix-synapse==1.163.2``) is installed from PyPI into its own venv
(``--synapse-venv``, default ``bench/.synapse-venv``; created on first use) with rate
limits off (``bench/synapse-overrides.yaml``); it waits for Synapse's start-up background
updates before measuring. PostgreSQL is the machine's (``--pg-url``, default
``PARLEY_TEST_PG_URL``); each server gets a fresh database, dropped at the end. Parley
runs with its request and write limits off, as Synapse's are. With ``--rounds R`` each
server is measured R times, alternating, and the table shows medians. With
``--server-src DIR`` a second Parley server runs from another source tree (``DIR`` on
its ``PYTHONPATH``; the client stays this one) in every round: a before/after of the
server in the same run. Prints a table with ratios and writes
``bench/results/vs-synapse.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import LogVerifier, ParleyClient
from parley.client.client import Unreachable
from parley.crypto import SigningKey, VerifyKey
from parley.model.relay import RelayReceipt

HERE = Path(__file__).resolve().parent
SYNAPSE_VERSION = "1.163.2"
MX = "/_matrix/client/v3"
PAD = "x" * 64
console = Console(stderr=True)


# --------------------------------------------------------------------------- /proc


def cpu_seconds(pid: int, stat_path: str = "") -> float:
    with open(stat_path or f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loop_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process's main thread (a Parley server's event loop: HTTP, the
    routes, the push streams); the rest of :func:`cpu_seconds` is its other threads (the
    append writer, worker threads)."""
    return cpu_seconds(pid, f"/proc/{pid}/task/{pid}/stat")


def thread_cpu_seconds(pid: int) -> dict[int, float]:
    """CPU seconds of each thread of a process, by thread id (a thread that ends while
    they are read is left out)."""
    out: dict[int, float] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            out[int(tid)] = cpu_seconds(pid, f"/proc/{pid}/task/{tid}/stat")
    return out


def own_cpu_seconds() -> float:
    """CPU seconds of this process (the sender and the recipient, both servers alike)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))]


# --------------------------------------------------------------------------- common


class Received:
    """What the recipient has, by (tag, number), with the time it arrived."""

    def __init__(self) -> None:
        self.got: dict[str, dict[int, float]] = {}
        self.cond = threading.Condition()

    def add(self, subject: str) -> None:
        tag, _, n = subject.partition(" #")
        if not n.isdigit():
            return
        now = time.perf_counter()
        with self.cond:
            self.got.setdefault(tag, {}).setdefault(int(n), now)
            self.cond.notify_all()

    def wait(self, tag: str, pred: Callable[[dict[int, float]], bool], timeout: float) -> None:
        with self.cond:
            if not self.cond.wait_for(lambda: pred(self.got.get(tag, {})), timeout):
                raise TimeoutError(f"recipient did not get {tag} in {timeout} s")


async def wait_for(received: Received, tag: str, pred: Callable[[dict[int, float]], bool]) -> None:
    await asyncio.to_thread(received.wait, tag, pred, 300)


async def throughput(
    send: Callable[[str, int], Awaitable[None]], received: Received, tag: str, n: int, conc: int
) -> float:
    numbers = iter(range(n))

    async def worker() -> None:
        for i in numbers:
            await send(tag, i)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(conc)))
    await wait_for(received, tag, lambda got: len(got) >= n)
    return n / (max(received.got[tag].values()) - t0)


async def latency(
    send: Callable[[str, int], Awaitable[None]], received: Received, tag: str, m: int
) -> list[float]:
    out = []
    for i in range(m):
        t = time.perf_counter()
        await send(tag, i)
        await wait_for(received, tag, lambda got, i=i: i in got)
        out.append((received.got[tag][i] - t) * 1000)
    return out


PROFILE_DIR: Path | None = None


def _profile(name: str, pid: int) -> subprocess.Popen[bytes] | None:
    """With ``--profile DIR``: sample the server with py-spy while the 16-in-flight run
    lasts, as collapsed stacks in DIR/<name>.txt (summarise with bench/profile_summary.py)."""
    if PROFILE_DIR is None:
        return None
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    spy = Path(sys.executable).with_name("py-spy")
    return subprocess.Popen(
        [
            str(spy),
            "record",
            "--pid",
            str(pid),
            "--format",
            "raw",
            "--rate",
            "250",
            "--nonblocking",
            "-o",
            str(PROFILE_DIR / f"{name}.txt"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def measure(
    name: str,
    pid: int,
    send: Callable[[str, int], Awaitable[None]],
    received: Received,
    n: int,
    m: int,
    conc: int,
    prepare: Callable[[str, int], None] | None = None,
) -> dict[str, Any]:
    ready = prepare or (lambda tag, count: None)  # messages signed before a run's clock
    console.print(f"  {name}: warm-up")
    ready("warm", 50)
    await throughput(send, received, "warm", 50, 1)
    console.print(f"  {name}: {n} messages, 1 in flight")
    ready("c1", n // 4)
    c1 = await throughput(send, received, "c1", n // 4, 1)
    console.print(f"  {name}: {n} messages, {conc} in flight")
    ready("cn", n)
    spy = _profile(name, pid)
    cpu0, mine0 = cpu_seconds(pid), own_cpu_seconds()
    cn = await throughput(send, received, "cn", n, conc)
    cpu_ms = (cpu_seconds(pid) - cpu0) / n * 1000
    client_ms = (own_cpu_seconds() - mine0) / n * 1000
    if spy is not None:
        spy.send_signal(signal.SIGINT)  # py-spy writes its profile on SIGINT
        spy.wait(30)
    console.print(f"  {name}: latency, {m} one at a time")
    ready("lat", m)
    lat = await latency(send, received, "lat", m)
    return {
        "msgs_per_s_c1": round(c1, 1),
        f"msgs_per_s_c{conc}": round(cn, 1),
        "latency_p50_ms": round(pct(lat, 50), 2),
        "latency_p99_ms": round(pct(lat, 99), 2),
        "server_cpu_ms_per_msg": round(cpu_ms, 3),
        "client_cpu_ms_per_msg": round(client_ms, 3),
        "server_rss_mib": round(rss_mib(pid), 1),
    }


# --------------------------------------------------------------------------- PostgreSQL


class Databases:
    def __init__(self, pg_url: str | None) -> None:
        self.pg_url = pg_url
        self.made: list[str] = []

    def admin(self) -> sa.Engine:
        assert self.pg_url
        return sa.create_engine(
            self.pg_url.replace("postgresql://", "postgresql+psycopg://"),
            isolation_level="AUTOCOMMIT",
        )

    def create(self, prefix: str, c_collation: bool = False) -> str:
        if not self.pg_url:
            raise SystemExit("PostgreSQL runs need --pg-url or PARLEY_TEST_PG_URL")
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        extra = " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
        with self.admin().connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"' + (extra if c_collation else "")))
        self.made.append(name)
        return name

    def drop_all(self) -> None:
        if not self.made:
            return
        with self.admin().connect() as conn:
            for name in self.made:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# --------------------------------------------------------------------------- Synapse


def synapse_python(venv: Path) -> Path:
    py = venv / "bin" / "python"
    if not py.exists():
        console.print(f"installing matrix-synapse {SYNAPSE_VERSION} into {venv} (once)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = subprocess.run(
        [str(py), "-c", "import synapse, psycopg2; print(synapse.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.stdout.strip() != SYNAPSE_VERSION:
        with console.status(f"pip install matrix-synapse=={SYNAPSE_VERSION}"):
            subprocess.run(
                [
                    str(py),
                    "-m",
                    "pip",
                    "install",
                    "-q",
                    f"matrix-synapse=={SYNAPSE_VERSION}",
                    "psycopg2-binary",
                ],
                check=True,
            )
    return py


class Synapse:
    def __init__(self, py: Path, workdir: Path, db: str, dbs: Databases) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        d = workdir / f"synapse-{db}-{uuid.uuid4().hex[:6]}"  # one per round
        d.mkdir()
        cfg = d / "homeserver.yaml"
        subprocess.run(
            [
                str(py),
                "-m",
                "synapse.app.homeserver",
                "--server-name",
                "bench.local",
                "--config-path",
                str(cfg),
                "--generate-config",
                "--report-stats=no",
                "--data-directory",
                str(d),
            ],
            cwd=d,
            check=True,
            capture_output=True,
        )
        if db == "postgres":
            assert dbs.pg_url
            u = urllib.parse.urlparse(dbs.pg_url)
            self.pg_name = dbs.create("synapse_bench", c_collation=True)
            database = (
                f"database:\n  name: psycopg2\n  args:\n    user: {u.username or 'postgres'}\n"
                f"    host: {u.hostname}\n    port: {u.port or 5432}\n"
                f"    database: {self.pg_name}\n    cp_min: 5\n    cp_max: 10\n"
            )
            self.dbs = dbs
        else:
            self.sqlite = d / "homeserver.db"
            database = f"database:\n  name: sqlite3\n  args:\n    database: {self.sqlite}\n"
        local = d / "local.yaml"
        local.write_text(
            database + f"listeners:\n  - port: {self.port}\n    bind_addresses: ['127.0.0.1']\n"
            "    type: http\n    tls: false\n    x_forwarded: false\n"
            "    resources:\n      - names: [client]\n        compress: false\n"
        )
        self.db = db
        self.secret = next(
            line.split(":", 1)[1].strip().strip("\"'")
            for line in cfg.read_text().splitlines()
            if line.startswith("registration_shared_secret:")
        )
        self.proc = subprocess.Popen(
            [
                str(py),
                "-m",
                "synapse.app.homeserver",
                "-c",
                str(cfg),
                "-c",
                str(HERE / "synapse-overrides.yaml"),
                "-c",
                str(local),
            ],
            cwd=d,
            stdout=subprocess.DEVNULL,
            stderr=(d / "stderr.log").open("w"),
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(f"{self.url}/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"Synapse did not start; see {d / 'stderr.log'}") from None
                time.sleep(0.5)
        with console.status("waiting for Synapse's start-up background updates"):
            deadline = time.monotonic() + 600
            while self.pending_updates() and time.monotonic() < deadline:
                time.sleep(2)

    def pending_updates(self) -> int:
        if self.db == "postgres":
            assert self.dbs.pg_url
            url = self.dbs.pg_url.rsplit("/", 1)[0] + "/" + self.pg_name
            engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        else:
            engine = sa.create_engine(f"sqlite:///{self.sqlite}")
        try:
            with engine.connect() as conn:
                return int(
                    conn.execute(sa.text("SELECT count(*) FROM background_updates")).scalar_one()
                )
        finally:
            engine.dispose()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def register(self, user: str) -> tuple[str, str]:
        nonce = httpx.get(f"{self.url}/_synapse/admin/v1/register").json()["nonce"]
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        for part in (nonce, user, "bench-password"):
            mac.update(part.encode())
            mac.update(b"\x00")
        mac.update(b"notadmin")
        body = httpx.post(
            f"{self.url}/_synapse/admin/v1/register",
            json={
                "nonce": nonce,
                "username": user,
                "password": "bench-password",
                "admin": False,
                "mac": mac.hexdigest(),
            },
        ).json()
        return body["access_token"], body["user_id"]


async def run_synapse(syn: Synapse, n: int, m: int, conc: int) -> dict[str, Any]:
    a_token, _ = syn.register("alice")
    b_token, b_user = syn.register("bob")
    ha = {"Authorization": f"Bearer {a_token}"}
    hb = {"Authorization": f"Bearer {b_token}"}
    room = httpx.post(
        f"{syn.url}{MX}/createRoom",
        headers=ha,
        json={"preset": "private_chat", "invite": [b_user], "is_direct": True},
    ).json()["room_id"]
    httpx.post(f"{syn.url}{MX}/join/{urllib.parse.quote(room)}", headers=hb, json={})
    received = Received()
    stop = threading.Event()

    def receive() -> None:
        flt = json.dumps(
            {
                "room": {"rooms": [room], "timeline": {"limit": 5000}},
                "presence": {"types": []},
            }
        )
        with httpx.Client(base_url=syn.url, headers=hb, timeout=90) as http:
            since = http.get(f"{MX}/sync", params={"timeout": "0", "filter": flt}).json()[
                "next_batch"
            ]
            ready.set()  # only now can nothing sent be missed
            while not stop.is_set():
                try:
                    data = http.get(
                        f"{MX}/sync", params={"since": since, "timeout": "1000", "filter": flt}
                    ).json()
                except httpx.TransportError:
                    if stop.is_set():
                        return  # the server was stopped under a held long-poll
                    raise
                since = data["next_batch"]
                joined = data.get("rooms", {}).get("join", {}).get(room, {})
                for ev in joined.get("timeline", {}).get("events", []):
                    if ev.get("type") == "m.room.message":
                        received.add(ev["content"].get("body", "").split("\n", 1)[0])

    ready = threading.Event()
    th = threading.Thread(target=receive, daemon=True)
    th.start()
    if not ready.wait(60):
        raise SystemExit("Synapse's first /sync did not answer")
    run = uuid.uuid4().hex[:6]
    path = f"{MX}/rooms/{urllib.parse.quote(room)}/send/m.room.message"
    async with aiohttp.ClientSession(
        syn.url, headers=ha, connector=aiohttp.TCPConnector(limit=32)
    ) as http:

        async def send(tag: str, i: int) -> None:
            async with http.put(
                f"{path}/{run}-{tag}-{i}",
                json={"msgtype": "m.text", "body": f"{tag} #{i}\n{PAD}"},
            ) as r:
                r.raise_for_status()
                await r.read()

        try:
            return await measure(f"synapse-{syn.db}", syn.proc.pid, send, received, n, m, conc)
        finally:
            stop.set()


# --------------------------------------------------------------------------- Parley


NO_LIMITS = ["--rate-key", "0", "--rate-address", "0", "--writes-per-key", "0"]
"""Synapse runs with its rate limits off (synapse-overrides.yaml); so does Parley."""


class Batcher:
    """Entries handed over in the same turn of the event loop go in one batch request
    (at most ``size``); each sender gets its own result back."""

    def __init__(self, http: aiohttp.ClientSession, path: str, size: int) -> None:
        self.http, self.path, self.size = http, path, size
        self.waiting: list[tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]] = []
        self.flushing = False
        self.posts: set[asyncio.Task[None]] = set()

    async def send(self, raw: dict[str, Any]) -> dict[str, Any]:
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiting.append((raw, fut))
        if len(self.waiting) >= self.size:
            self._flush()
        elif not self.flushing:
            self.flushing = True
            asyncio.get_running_loop().call_soon(self._flush)
        return await fut

    def _flush(self) -> None:
        self.flushing = False
        taken, self.waiting = self.waiting[: self.size], self.waiting[self.size :]
        if taken:
            task = asyncio.ensure_future(self._post(taken))
            self.posts.add(task)
            task.add_done_callback(self.posts.discard)

    async def _post(
        self, taken: list[tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]]
    ) -> None:
        try:
            async with self.http.post(self.path, json={"entries": [raw for raw, _ in taken]}) as r:
                r.raise_for_status()
                results = (await r.json())["results"]
            for (_, fut), result in zip(taken, results, strict=True):
                if "error" in result:
                    fut.set_exception(RuntimeError(result["error"]["code"]))
                else:
                    fut.set_result(result)
        except Exception as exc:
            for _, fut in taken:
                if not fut.done():
                    fut.set_exception(exc)


class ParleyServer:
    """A real ``parley serve`` (limits off, plus ``extra`` options) with the story's people
    and one client each; ``open_channel`` creates a channel from the story's charter,
    accepted by both party heads."""

    def __init__(
        self,
        workdir: Path,
        db: str,
        dbs: Databases,
        name: str = "parley",
        src: Path | None = None,
        extra: list[str] | None = None,
    ) -> None:
        self.people = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
        args = ["--creator", self.people["commander"].key_id, "--timer-interval", "3600"]
        args += [*NO_LIMITS, *(extra or [])]
        if db == "postgres":
            assert dbs.pg_url
            args += ["--db", dbs.pg_url.rsplit("/", 1)[0] + "/" + dbs.create("parley_bench")]
        port = free_port()
        env = None if src is None else {**os.environ, "PYTHONPATH": str(src)}
        self.proc = start_server(workdir / f"{name}-{db}-{uuid.uuid4().hex[:6]}", port, args, env)
        self.url = f"http://127.0.0.1:{port}"
        self.clients = {k: ParleyClient(self.url, v) for k, v in self.people.items()}
        self.charter = story.charter({k: v.public.to_b64() for k, v in self.people.items()})

    def open_channel(self, channel: str) -> None:
        self.clients["commander"].create_channel(channel, self.charter)
        self.clients["artsakh-head"].accept_charter(channel)
        self.clients["azerbaijan-head"].accept_charter(channel)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(15)


def parley_sender(
    http: aiohttp.ClientSession,
    sender: ParleyClient,
    server_key: VerifyKey,
    channels: list[str],
    batch: int = 0,
) -> Callable[[str, int], Awaitable[None]]:
    """``send(tag, i)``: sign message ``i`` into ``channels[i % len(channels)]``, post it
    (one entry per request, or with ``batch`` through that channel's batch route), and
    check its relay receipt."""
    batchers = {ch: Batcher(http, f"/v1/channels/{ch}/entries/batch", batch) for ch in channels}

    async def send(tag: str, i: int) -> None:
        channel = channels[i % len(channels)]
        entry = sender.message(channel, to="azerbaijan", subject=f"{tag} #{i}", text=PAD)
        if batch:
            data = await batchers[channel].send(entry.to_json())
        else:
            async with http.post(f"/v1/channels/{channel}/entries", json=entry.to_json()) as r:
                r.raise_for_status()
                data = await r.json()
        receipt = RelayReceipt.from_json(data["receipt"])
        if receipt.entry_id != entry.id:
            raise AssertionError("receipt for another entry")
        receipt.verify(server_key)

    return send


def follow_messages(
    recipient: ParleyClient, channel: str, received: Received, stop: threading.Event
) -> LogVerifier:
    """Follow ``channel``'s push stream in a thread (the SDK verifies every entry) and note
    each message's arrival in ``received``; returns the verifier the thread fills."""
    verifier = LogVerifier(channel, recipient.server_key())

    def receive() -> None:
        try:
            for entry in recipient.follow(channel, verifier):
                if entry.header.type == "message.sent" and entry.body is not None:
                    received.add(str(entry.body["subject"]))
        except (Unreachable, RuntimeError):  # RuntimeError: its HTTP client was closed
            if not stop.is_set():
                raise  # the server went away during the measurement

    threading.Thread(target=receive, daemon=True).start()
    return verifier


class Presigned:
    """The load client issue 20 asks for: ``prepare(tag, count)`` signs a run's messages
    before its clock starts; ``send(tag, i)`` posts message ``i``'s ready bytes (one
    entry per request, or through the batch route with ``batch``) and keeps the answer;
    ``check()`` then does what :func:`parley_sender` does per message — the relay
    receipt is for that entry and verifies under the server key — for every answer
    kept, and returns the seconds it took (reported, outside the timed window)."""

    def __init__(
        self,
        http: aiohttp.ClientSession,
        sender: ParleyClient,
        server_key: VerifyKey,
        channels: list[str],
        batch: int = 0,
    ) -> None:
        self.http, self.sender, self.server_key = http, sender, server_key
        self.channels, self.batch = channels, batch
        self.batchers = {
            ch: Batcher(http, f"/v1/channels/{ch}/entries/batch", batch) for ch in channels
        }
        self.ready: dict[str, list[tuple[str, str, dict[str, Any], bytes]]] = {}
        self.answers: list[tuple[str, bytes | dict[str, Any]]] = []

    def prepare(self, tag: str, count: int) -> None:
        out = []
        for i in range(count):
            channel = self.channels[i % len(self.channels)]
            entry = self.sender.message(channel, to="azerbaijan", subject=f"{tag} #{i}", text=PAD)
            raw = entry.to_json()
            out.append((entry.id, channel, raw, json.dumps(raw).encode()))
        self.ready[tag] = out

    async def send(self, tag: str, i: int) -> None:
        entry_id, channel, raw, data = self.ready[tag][i]
        if self.batch:
            self.answers.append((entry_id, await self.batchers[channel].send(raw)))
            return
        async with self.http.post(
            f"/v1/channels/{channel}/entries",
            data=data,
            headers={"Content-Type": "application/json"},
        ) as r:
            r.raise_for_status()
            self.answers.append((entry_id, await r.read()))

    def check(self) -> float:
        t0 = time.perf_counter()
        for entry_id, answer in self.answers:
            data = json.loads(answer) if isinstance(answer, bytes) else answer
            receipt = RelayReceipt.from_json(data["receipt"])
            if receipt.entry_id != entry_id:
                raise AssertionError("receipt for another entry")
            receipt.verify(self.server_key)
        return time.perf_counter() - t0


class Stream:
    """The recipient's push stream read in a thread without verifying (the load client
    issue 20 asks for): every item kept as it came, each message's arrival noted in
    ``received``. ``verify()`` then runs the SDK's full verification over every kept item
    (signatures, digests, relay receipts, the Merkle tree, its root against the signed
    checkpoint) and returns how many entries and the seconds it took."""

    def __init__(
        self, recipient: ParleyClient, channel: str, received: Received, stop: threading.Event
    ) -> None:
        self.recipient, self.channel = recipient, channel
        self.items: list[dict[str, Any]] = []
        self.failed: BaseException | None = None
        headers = {
            "Authorization": f"Bearer {recipient._ensure_token()}",
            "Accept": "text/event-stream",
        }

        def receive() -> None:
            try:
                with recipient._http.stream(
                    "GET",
                    f"/v1/channels/{channel}/events",
                    params={"after": 0},
                    headers=headers,
                    timeout=httpx.Timeout(15.0, read=60.0),
                ) as r:
                    r.raise_for_status()
                    for line in r.iter_lines():
                        if not line.startswith("data: "):
                            continue
                        item = json.loads(line[6:])
                        self.items.append(item)
                        entry = item["entry"]
                        if entry["header"]["type"] == "message.sent" and entry["body"]:
                            received.add(str(entry["body"]["subject"]))
            except (httpx.TransportError, RuntimeError) as exc:  # RuntimeError: client closed
                if not stop.is_set():
                    self.failed = exc  # the server went away during the measurement
                    raise

        threading.Thread(target=receive, daemon=True).start()

    def verify(self) -> tuple[int, float]:
        if self.failed is not None:
            raise RuntimeError(f"the stream of {self.channel} failed: {self.failed}")
        t0 = time.perf_counter()
        verifier = LogVerifier(self.channel, self.recipient.server_key())
        for item in list(self.items):
            verifier.add(item)
        self.recipient.verify_root(self.channel, verifier)
        return verifier.size, time.perf_counter() - t0


async def run_parley(
    workdir: Path,
    db: str,
    dbs: Databases,
    n: int,
    m: int,
    conc: int,
    name: str = "parley",
    src: Path | None = None,
    batch: int = 0,
    client: str = "light",
) -> dict[str, Any]:
    server = ParleyServer(workdir, db, dbs, name, src)
    try:
        c = server.clients
        server.open_channel(story.CHANNEL)
        sender, recipient = c["artsakh-member"], c["azerbaijan-member"]
        received = Received()
        stop = threading.Event()
        token = sender._ensure_token()
        async with aiohttp.ClientSession(
            server.url,
            headers={"Authorization": f"Bearer {token}"},
            connector=aiohttp.TCPConnector(limit=32),
        ) as http:
            tag, pid = f"{name}-{db}", server.proc.pid
            if client == "sdk":
                verifier = follow_messages(recipient, story.CHANNEL, received, stop)
                send = parley_sender(http, sender, sender.server_key(), [story.CHANNEL], batch)
                out = await measure(tag, pid, send, received, n, m, conc)
            else:
                stream = Stream(recipient, story.CHANNEL, received, stop)
                pre = Presigned(http, sender, sender.server_key(), [story.CHANNEL], batch)
                out = await measure(tag, pid, pre.send, received, n, m, conc, pre.prepare)
        stop.set()
        out["client"] = client
        if client == "sdk":
            recipient.verify_root(story.CHANNEL, verifier)  # the recipient's tree is signed
            out["entries_verified_by_recipient"] = verifier.size
            return out
        # The checks the SDK client makes as it goes, made after the clock (and timed).
        out["receipt_check_ms_per_msg"] = round(pre.check() / len(pre.answers) * 1000, 3)
        size, seconds = stream.verify()
        out["entries_verified_by_recipient"] = size
        out["sdk_verify_ms_per_entry"] = round(seconds / size * 1000, 3)
        return out
    finally:
        server.stop()


# --------------------------------------------------------------------------- main


async def run_one(
    server: str, py: Path, tmp: Path, db: str, dbs: Databases, args: argparse.Namespace
) -> dict[str, Any]:
    if server == "synapse":
        syn = Synapse(py, tmp, db, dbs)
        try:
            return await run_synapse(syn, args.n, args.m, args.concurrency)
        finally:
            syn.stop()
    src = args.server_src.resolve() if server == "parley-other" else None
    batch = args.batch if server == "parley" else 0  # --server-src: one entry a request
    return await run_parley(
        tmp, db, dbs, args.n, args.m, args.concurrency, server, src, batch, args.client
    )


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each figure's median over the rounds."""
    return {
        k: round(statistics.median(r[k] for r in runs), 3)
        for k, v in runs[0].items()
        if isinstance(v, int | float)
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    ap.add_argument("--n", type=int, default=2000, help="messages per throughput run")
    ap.add_argument("--m", type=int, default=300, help="messages for latency")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--synapse-venv", type=Path, default=HERE / ".synapse-venv")
    ap.add_argument("--pg-url", default=os.environ.get("PARLEY_TEST_PG_URL"))
    ap.add_argument("--out", type=Path, default=HERE / "results" / "vs-synapse.json")
    ap.add_argument(
        "--servers", nargs="+", choices=["synapse", "parley"], default=["synapse", "parley"]
    )
    ap.add_argument("--profile", type=Path, help="py-spy each server into this directory")
    ap.add_argument("--rounds", type=int, default=1, help="measure each server R times")
    ap.add_argument(
        "--batch",
        type=int,
        default=0,
        metavar="K",
        help="Parley's sender uses the batch route, at most K entries a request (0: one "
        "entry per request); a --server-src server still gets one entry per request",
    )
    ap.add_argument(
        "--server-src",
        type=Path,
        help="also run a Parley server from this source tree (before/after, same client)",
    )
    ap.add_argument(
        "--client",
        choices=["light", "sdk"],
        default="light",
        help="Parley's load client: 'light' signs each run's messages before its clock and "
        "verifies the receipts and the whole log through the SDK after it (timed apart); "
        "'sdk' signs, checks the receipt and verifies each entry as it goes",
    )
    args = ap.parse_args()
    global PROFILE_DIR
    PROFILE_DIR = args.profile
    py = synapse_python(args.synapse_venv) if "synapse" in args.servers else Path()
    servers = list(args.servers) + (["parley-other"] if args.server_src else [])
    dbs = Databases(args.pg_url)
    rounds: dict[str, dict[str, list[dict[str, Any]]]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for db in args.db:
                rounds[db] = {s: [] for s in servers}
                for r in range(args.rounds):
                    for server in servers:
                        console.rule(f"{db}: {server}, round {r + 1}/{args.rounds}")
                        rounds[db][server].append(
                            asyncio.run(run_one(server, py, Path(tmp), db, dbs, args))
                        )
    finally:
        dbs.drop_all()
    results = {
        db: {server: median_of(runs) | {"rounds": runs} for server, runs in by.items()}
        for db, by in rounds.items()
    }
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    k = f"msgs_per_s_c{args.concurrency}"
    pairs = [("synapse", "parley")] if "synapse" in servers and "parley" in servers else []
    if args.server_src and "parley" in servers:
        pairs.append(("parley-other", "parley"))
    for db, r in results.items():
        for base, new in pairs:
            s, p = r[base], r[new]
            table = Table(
                title=f"{db}: {args.n} messages of 64 bytes, {args.concurrency} in flight, "
                f"median of {args.rounds} round(s)"
            )
            for col in ("", base, new, "ratio"):
                table.add_column(col, justify="right")
            rows = [
                (f"delivered msg/s, {args.concurrency} in flight", k, False),
                ("delivered msg/s, 1 in flight", "msgs_per_s_c1", False),
                ("send→receive p50 ms", "latency_p50_ms", True),
                ("send→receive p99 ms", "latency_p99_ms", True),
                ("server CPU ms per message", "server_cpu_ms_per_msg", True),
                ("load client CPU ms per message", "client_cpu_ms_per_msg", True),
                ("server RSS MiB", "server_rss_mib", True),
            ]
            for label, key, lower_better in rows:
                ratio = s[key] / p[key] if lower_better else p[key] / s[key]
                table.add_row(
                    label,
                    f"{s[key]:,}",
                    f"{p[key]:,}",
                    f"{ratio:.2f}× better" if ratio >= 1 else f"{1 / ratio:.2f}× worse",
                )
            for label, key in (
                ("after the clock: receipts checked, ms per message", "receipt_check_ms_per_msg"),
                ("after the clock: SDK verification, ms per entry", "sdk_verify_ms_per_entry"),
            ):
                if key in p:
                    table.add_row(label, "", f"{p[key]:,}", "")
            Console().print(table)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
