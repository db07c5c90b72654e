"""Crash test: real servers under 16-way load, killed with SIGKILL at random moments.

    .venv/bin/python tests/crash.py [--backend sqlite|postgres] [--processes 1|2] [--kills 20]

Sixteen sender threads, each a member with its own key, its own SQLite outbox and its
own connection, put signed messages in the outbox and flush it as fast as they can. At a
random moment a server process is killed with SIGKILL (with two processes on one
PostgreSQL database, a random one of them, while the other keeps serving), then started
again. After every restart, with the load paused: every entry a client holds a relay
receipt for is in the log exactly once at the receipt's sequence number, no entry id is
stored twice, and ``parley verify`` passes. At the end every outbox is flushed and every
entry any outbox ever held is in the log exactly once. ``tests/test_crash.py`` runs a
short form in CI; the full run's results are in ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.client import Unreachable
from parley.client.outbox import Outbox
from parley.crypto import SigningKey
from parley.store import tables as t

SENDERS = 16


@dataclass
class Report:
    backend: str
    processes: int
    kills: int = 0
    acknowledged: int = 0
    outbox_entries: int = 0
    appended_during_outage: list[int] = field(default_factory=list)
    checks: int = 0
    seconds: float = 0.0


class Load:
    """Sixteen senders writing through their outboxes; can be paused and resumed."""

    def __init__(self, workdir: Path, urls: list[str], keys: list[SigningKey]) -> None:
        self.acked: dict[str, tuple[int, str]] = {}  # entry id -> (seq, leaf hash)
        self.failures: list[str] = []
        self.outboxes = [Outbox(workdir / f"outbox-{i}.db") for i in range(len(keys))]
        self.clients = [
            ParleyClient(urls[i % len(urls)], k, retries=1, backoff=0.05, timeout=5)
            for i, k in enumerate(keys)
        ]
        self.go = threading.Event()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.busy = 0
        self.idle = threading.Condition(self.lock)
        self.threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(len(keys))
        ]

    def start(self) -> None:
        self.go.set()
        for th in self.threads:
            th.start()

    @contextmanager
    def paused(self) -> Iterator[None]:
        self.go.clear()
        with self.idle:
            self.idle.wait_for(lambda: self.busy == 0, timeout=60)
        try:
            yield
        finally:
            self.go.set()

    def finish(self) -> None:
        self.stop.set()
        self.go.set()
        for th in self.threads:
            th.join(60)

    def _run(self, i: int) -> None:
        client, outbox = self.clients[i], self.outboxes[i]
        while not self.stop.is_set():
            self.go.wait()
            with self.lock:
                if not self.go.is_set():
                    continue
                self.busy += 1
            try:
                if not outbox.items("pending"):
                    outbox.put(
                        client.message(
                            story.CHANNEL, to="azerbaijan", subject="load", text="x" * 64
                        )
                    )
                self._flush(client, outbox)
            finally:
                with self.idle:
                    self.busy -= 1
                    self.idle.notify_all()

    def _flush(self, client: ParleyClient, outbox: Outbox) -> None:
        try:
            settled = outbox.flush(client)
        except Unreachable:
            settled = []
        for item in settled:
            if item.state != "sent" or item.seq is None:
                self.failures.append(f"{item.entry_id}: {item.error}")
                continue
            with self.lock:
                self.acked[item.entry_id] = (item.seq, "")
        if not settled:
            time.sleep(0.05)  # the server is down: back off a little

    def drain(self) -> None:
        """Flush every outbox until nothing is pending (servers must be up)."""
        deadline = time.monotonic() + 120
        while any(o.items("pending") for o in self.outboxes):
            if time.monotonic() > deadline:
                raise AssertionError("outboxes did not drain")
            for client, outbox in zip(self.clients, self.outboxes, strict=True):
                self._flush(client, outbox)


class Cluster:
    def __init__(self, workdir: Path, processes: int, db: str | None, creator: str) -> None:
        self.data_dir = workdir / "server"
        self.db = db
        self.args = ["--creator", creator, "--timer-interval", "3600"]
        if db:
            self.args += ["--db", db]
        self.ports = [free_port() for _ in range(processes)]
        self.procs: list[subprocess.Popen[bytes] | None] = [None] * processes
        # The first start creates the server key; the others share the data directory.
        for i in range(processes):
            self.start(i)

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{p}" for p in self.ports]

    def start(self, i: int) -> None:
        self.procs[i] = start_server(self.data_dir, self.ports[i], self.args)

    def kill(self, i: int) -> None:
        proc = self.procs[i]
        assert proc is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        self.procs[i] = None

    def close(self) -> None:
        for proc in self.procs:
            if proc is not None:
                proc.terminate()
                proc.wait(15)

    def engine(self) -> sa.Engine:
        if self.db:
            return sa.create_engine(self.db.replace("postgresql://", "postgresql+psycopg://"))
        return sa.create_engine(f"sqlite:///{self.data_dir / 'parley.db'}")

    def verify(self) -> None:
        cmd = [sys.executable, "-m", "parley", "verify", "--data-dir", str(self.data_dir)]
        if self.db:
            cmd += ["--db", self.db]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        if out.returncode != 0:
            raise AssertionError(f"parley verify failed:\n{out.stdout}\n{out.stderr}")

    def tree_size(self) -> int:
        engine = self.engine()
        try:
            with engine.connect() as conn:
                return int(
                    conn.execute(
                        sa.select(t.channels.c.tree_size).where(
                            t.channels.c.channel_id == story.CHANNEL
                        )
                    ).scalar_one()
                )
        finally:
            engine.dispose()


def check_log(cluster: Cluster, expected: dict[str, tuple[int, str]]) -> None:
    """Every expected entry present once at its sequence number; no id stored twice."""
    engine = cluster.engine()
    e = t.entries
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(e.c.entry_id, e.c.seq).where(e.c.channel_id == story.CHANNEL)
            ).all()
    finally:
        engine.dispose()
    seqs: dict[str, list[int]] = {}
    for entry_id, seq in rows:
        seqs.setdefault(entry_id, []).append(int(seq))
    twice = [k for k, v in seqs.items() if len(v) > 1]
    assert not twice, f"entries stored more than once: {twice[:5]}"
    for entry_id, (seq, _) in expected.items():
        assert seqs.get(entry_id) == [seq], (
            f"acknowledged entry {entry_id} (seq {seq}) is {seqs.get(entry_id)} in the log"
        )
    got = sorted(s for v in seqs.values() for s in v)
    assert got == list(range(1, len(got) + 1)), "sequence numbers have a gap"


def run(
    workdir: Path,
    backend: str,
    processes: int,
    kills: int,
    pg_url: str | None = None,
    seed: int = 0,
    say: Callable[[str], None] = print,
) -> Report:
    rng = random.Random(seed)
    report = Report(backend, processes)
    started = time.monotonic()
    people = {stem: SigningKey.generate() for stem, *_ in story.PEOPLE}
    senders = [SigningKey.generate() for _ in range(SENDERS)]
    with _database(backend, pg_url) as db:
        cluster = Cluster(workdir, processes, db, people["commander"].key_id)
        load: Load | None = None
        try:
            _open_channel(cluster.urls[0], people, senders)
            load = Load(workdir, cluster.urls, senders)
            load.start()
            for k in range(kills):
                time.sleep(rng.uniform(0.3, 1.5))
                victim = rng.randrange(processes)
                cluster.kill(victim)
                report.kills += 1
                if processes > 1:
                    # The survivor goes on appending while the victim is dead.
                    before = cluster.tree_size()
                    time.sleep(0.8)
                    report.appended_during_outage.append(cluster.tree_size() - before)
                with load.paused():
                    cluster.start(victim)
                    with load.lock:
                        acked = dict(load.acked)
                    check_log(cluster, acked)
                    cluster.verify()
                    report.checks += 1
                say(f"kill {k + 1}/{kills}: {len(acked)} acknowledged entries, log verified")
            load.finish()
            load.drain()
            assert not load.failures, f"entries refused: {load.failures[:5]}"
            everything = {}
            for outbox in load.outboxes:
                for item in outbox.items():
                    assert item.state == "sent" and item.seq is not None, item
                    everything[item.entry_id] = (item.seq, "")
            check_log(cluster, {**load.acked, **everything})
            cluster.verify()
            report.acknowledged = len(load.acked)
            report.outbox_entries = len(everything)
        finally:
            if load is not None:
                load.finish()
            cluster.close()
    report.seconds = time.monotonic() - started
    return report


def _open_channel(url: str, people: dict[str, SigningKey], senders: list[SigningKey]) -> None:
    c = {k: ParleyClient(url, v) for k, v in people.items()}
    charter = story.charter({k: v.public.to_b64() for k, v in people.items()})
    for i, s in enumerate(senders):
        charter["sides"][1]["members"].append(
            {"key": s.public.to_b64(), "name": f"sender {i}", "role": "member"}
        )
    c["commander"].create_channel(story.CHANNEL, charter)
    c["artsakh-head"].accept_charter(story.CHANNEL)
    c["azerbaijan-head"].accept_charter(story.CHANNEL)


@contextmanager
def _database(backend: str, pg_url: str | None) -> Iterator[str | None]:
    if backend == "sqlite":
        yield None
        return
    if not pg_url:
        raise SystemExit("--backend postgres needs --pg-url or PARLEY_TEST_PG_URL")
    admin = sa.create_engine(
        pg_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    name = f"parley_crash_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{pg_url.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--processes", type=int, choices=[1, 2], default=1)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pg-url", default=os.environ.get("PARLEY_TEST_PG_URL"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        report: Any = run(Path(d), args.backend, args.processes, args.kills, args.pg_url, args.seed)
    print(report)


if __name__ == "__main__":
    main()
