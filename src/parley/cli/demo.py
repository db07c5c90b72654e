"""``parley demo``: the story of DESIGN.md, played against a real server process.

It creates demo keys (passphrase ``demo-passphrase``) in DATA_DIR/keys, starts ``parley serve`` on
SQLite in DATA_DIR with its clock set to the morning of 1 March 2023, plays what the
current features cover, prints the timeline, audits the database and stops the server,
leaving the database for ``parley verify --data-dir DATA_DIR``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from parley.cli import story
from parley.cli.demo_story import DemoClock, check_claims, open_minutes, play, show_record
from parley.cli.render import messages_table, timeline
from parley.client import (
    LogVerifier,
    ParleyClient,
    Witness,
    load_key,
    make_bundle,
    save_key,
    verify_bundle,
)
from parley.client.audit import audit_channel
from parley.client.keystore import export_browser, write_private
from parley.client.memory import ChannelMemory
from parley.crypto.keys import SigningKey
from parley.errors import ParleyError
from parley.files import private_dir
from parley.model.clock import UnsafeFileClock

DEMO_PASSPHRASE = "demo-passphrase"  # noqa: S105 (published on purpose: demo keys only)
MARKER = ".parley-demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    data_dir: Path, port: int, args: list[str], env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``parley serve`` (in an environment ``env``, default this process's) and wait
    until it answers. Its messages go to ``server.log`` in the data directory (not a pipe:
    a pipe nobody reads fills up, and the server then blocks on its next warning).

    Raises:
        ParleyError: ``demo.server_failed`` when it does not come up within 30 s.
    """
    private_dir(data_dir)
    log_path = data_dir / "server.log"
    log_file = log_path.open("ab")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "parley",
            "serve",
            "--data-dir",
            str(data_dir),
            "--port",
            str(port),
            *args,
        ],
        stdout=subprocess.DEVNULL,
        stderr=log_file,
        env=env,
    )
    log_file.close()  # the server holds its own copy
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = log_path.read_text(errors="replace")
            raise ParleyError("demo.server_failed", f"the server exited: {out[-2000:]}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/server", timeout=1).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise ParleyError("demo.server_failed", "the server did not answer within 30 s")


def prepare(data_dir: Path) -> None:
    if (data_dir / "parley.db").exists() and not (data_dir / MARKER).exists():
        raise ParleyError(
            "demo.dir_in_use",
            f"{data_dir} holds a database that is not a demo's; choose another --data-dir",
        )
    if (data_dir / MARKER).exists():
        shutil.rmtree(data_dir)
    (data_dir / "keys").mkdir(parents=True)
    (data_dir / MARKER).write_text("made by parley demo; `parley demo` may delete this directory\n")


def run_demo(data_dir: Path, port: int, console: Console) -> None:
    prepare(data_dir)
    console.print(
        Panel.fit(
            "[bold]Parley demo[/]: the working groups of 1 March 2023\n"
            "A reconstruction of a public news report, with demo keys (passphrase 'demo-passphrase').\n"
            "People appear by role. Every step below is an Ed25519-signed entry in one Merkle log.",
            border_style="blue",
        )
    )
    keys: dict[str, SigningKey] = {}
    with console.status("creating demo keys (Argon2id-protected key files)…"):
        for stem, _side, _role, display, title in story.PEOPLE:
            path = data_dir / "keys" / f"{stem}.key"
            save_key(path, SigningKey.generate(), DEMO_PASSPHRASE, display, title)
            kf = load_key(path, DEMO_PASSPHRASE)
            keys[stem] = kf.key
            # A copy the web pages can import (parley key export-browser does the same).
            write_private(path.with_suffix(".browser.json"), export_browser(kf, DEMO_PASSPHRASE))
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    clock_file = data_dir / "demo-clock"
    demo_clock = DemoClock(clock_file)
    demo_clock.set(story.STORY_START.isoformat())
    proc = start_server(
        data_dir,
        port,
        [
            "--creator",
            keys["commander"].key_id,
            "--unsafe-clock-file",
            str(clock_file),
            "--timer-interval",
            "0.3",
        ],
    )
    try:
        clients = {
            stem: ParleyClient(url, k, clock=UnsafeFileClock(clock_file))
            for stem, k in keys.items()
        }
        relayed = play(clients, demo_clock, console)
        checked_then = _report(clients["commander"], console)
        show_record(clients, console)
        _witness_and_prove(clients, relayed, data_dir, console)
        open_minutes(clients, demo_clock, data_dir, console)
        check_claims(clients, console)
        later = Counter(
            str(item["entry"]["header"]["type"])
            for item in clients["commander"].entries(story.CHANNEL, checked_then, 1000)
        )
    finally:
        proc.terminate()
        proc.wait(10)
    from parley.service import Settings, audit, load_server_key, open_store

    report = audit(open_store(Settings(data_dir)), load_server_key(data_dir, create=False).public)
    if not report.ok:
        for p in report.problems:
            console.print(f"[red]audit problem[/]: {escape(str(p))}")
        raise ParleyError("demo.audit_failed", "the demo database did not pass the audit")
    exe = (
        "parley"
        if shutil.which("parley")
        else os.path.relpath(Path(sys.executable).parent / "parley")
    )
    since = ", ".join(f"{n} {t}" for t, n in later.items())
    console.print(
        f"[green]audit OK[/]: all {report.entries} entries of the database, read directly "
        f"with the server stopped — the {checked_then} the mediator's client verified above"
        + (f", and the {later.total()} written since ({since})" if since else "")
        + " — every signature, leaf, root, relay receipt, checkpoint, cosignature and "
        "projection re-verified.\n"
        f"The database stays in [bold]{data_dir}[/]. Try:\n"
        f"  {exe} verify --data-dir {data_dir}\n"
        f"  {exe} verify-bundle {data_dir}/proofs/relayed-results.json --trust {data_dir}/proofs/trust.json\n"
        f"  ls {data_dir}/public/entries    # the public record: bundles anyone can check\n"
        f"  {exe} serve --data-dir {data_dir}   # then open http://127.0.0.1:8470/app and import\n"
        f"      {data_dir}/keys/duty-officer.browser.json (passphrase demo-passphrase); or, in another shell:\n"
        f"  PARLEY_PASSPHRASE=demo-passphrase {exe} log {story.CHANNEL} --key {data_dir}/keys/artsakh-head.key",
        soft_wrap=True,  # commands to copy: never broken across lines
    )


def _step(console: Console, text: str) -> None:
    console.print(f"[bold blue]▸[/] {text}")


def _witness_and_prove(
    c: dict[str, ParleyClient], entry_id: str, data_dir: Path, console: Console
) -> None:
    ch = story.CHANNEL
    _step(
        console,
        "Each party's client checks the server's signed checkpoint extends what it saw before, "
        "and cosigns it as a witness.",
    )
    for stem in ("artsakh-head", "azerbaijan-head"):
        key_file = data_dir / "keys" / f"{stem}.key"
        Witness(c[stem], ch, ChannelMemory.beside(key_file, ch)).observe()
    info = c["artsakh-head"].checkpoint_info(ch)
    console.print(
        Panel(
            escape(info["note"].rstrip("\n")),
            title=f"checkpoint of size {info['size']} — "
            + ("agreed by both parties" if info["agreed"] else "not agreed"),
            border_style="green",
        )
    )
    _step(
        console,
        "The Artsakh side keeps an offline proof that the results reached it through the mission.",
    )
    bundle = make_bundle(c["artsakh-head"], ch, entry_id)
    out = data_dir / "proofs" / "relayed-results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")
    # What a third party checks it against: the trust root of the log the Artsakh side
    # verified itself (the server key its charter names, the members' keys), published.
    memory = ChannelMemory(ch, ChannelMemory.beside(data_dir / "keys" / "artsakh-head.key", ch))
    audit_channel(c["artsakh-head"], ch, memory)
    assert memory.trust is not None
    trust = data_dir / "proofs" / "trust.json"
    trust.write_text(json.dumps(memory.trust.to_json(), indent=2, ensure_ascii=False) + "\n")
    report = verify_bundle(json.loads(out.read_text()), memory.trust)
    console.print(f"  {out}: " + "; ".join(report.checks))


def _report(mediator: ParleyClient, console: Console) -> int:
    """The timeline and messages as the mediator sees them, verified; returns how many
    entries the log held then."""
    ch = story.CHANNEL
    v = LogVerifier(ch, mediator.server_key())
    entries = mediator.sync(ch, v)
    mediator.verify_root(ch, v)
    view = mediator.channel(ch)
    names = {m["key_id"]: m["name"] for s in view["sides"] for m in s["members"]}
    names[mediator.server_key().key_id] = "Parley server (automatic)"
    relayed = {item["seq"]: item["relay"]["received"] for item in mediator.entries(ch, 0, 1000)}
    console.print(timeline([(i + 1, relayed[i + 1], e) for i, e in enumerate(entries)], names))
    console.print(messages_table(mediator.messages(ch), names, "Messages and their receipt states"))
    console.print(
        f"The mediator's client fetched the log as it stands now, {v.size} entries, and verified "
        "every one itself (signatures, bodies, relay receipts); the Merkle root it computed over "
        f"those {v.size}, {v.tree.root().hex()[:16]}…, is the one the server signed."
    )
    return v.size
