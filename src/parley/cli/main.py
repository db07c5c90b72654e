"""The ``parley`` command.

Exit codes: 0 success; 1 ``verify`` found a problem; 2 usage error; 3 Parley refused
the request or could not do it (the message names the error code).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from parley.cli.claims import check as check_statements
from parley.cli.disclose import communique_app, disclose_app, public_app, statement
from parley.cli.members import member_app
from parley.cli.talks import agenda_app, commitment_app, mandate_app, meeting_app, minutes_app
from parley.client import LogVerifier, ParleyClient, load_key, read_public, save_key
from parley.client.keystore import export_browser, write_private
from parley.crypto.keys import KeyId, SigningKey
from parley.errors import ParleyError
from parley.model.clock import Clock, OffsetClock, SystemClock, UnsafeFileClock

app = typer.Typer(
    no_args_is_help=True,
    help="Parley: a mediated, verifiable two-way channel between parties in a conflict.",
    pretty_exceptions_enable=False,
)
channel_app = typer.Typer(no_args_is_help=True, help="Create, accept and inspect channels.")
app.add_typer(channel_app, name="channel")
outbox_app = typer.Typer(
    no_args_is_help=True, help="Your outbox: entries signed and stored before sending."
)
app.add_typer(outbox_app, name="outbox")
app.add_typer(meeting_app, name="meeting")
app.add_typer(agenda_app, name="agenda")
app.add_typer(mandate_app, name="mandate")
app.add_typer(minutes_app, name="minutes")
app.add_typer(commitment_app, name="commitment")
app.add_typer(disclose_app, name="disclose")
app.add_typer(communique_app, name="communique")
app.add_typer(member_app, name="member")
app.add_typer(public_app, name="public")
app.command("check")(check_statements)
app.command("statement")(statement)

console = Console()
err = Console(stderr=True)

DEFAULT_URL = "http://127.0.0.1:8470"
Url = Annotated[str, typer.Option("--url", envvar="PARLEY_URL", help="Server URL.")]
KeyPath = Annotated[
    Path, typer.Option("--key", envvar="PARLEY_KEY", help="Your key file (parley keygen).")
]
DataDir = Annotated[
    Path, typer.Option("--data-dir", help="Server data directory (SQLite database, server key).")
]
Channel = Annotated[str, typer.Argument(help="Channel id.")]


def passphrase(
    confirm: bool = False, env: str = "PARLEY_PASSPHRASE", prompt: str = "Passphrase"
) -> str:
    """From the environment variable ``env`` if set, else asked for (hidden)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


def client(url: str, key: Path, retries: int = 5) -> ParleyClient:
    return ParleyClient(url, load_key(key, passphrase()).key, retries=retries)


# --- server ------------------------------------------------------------------------


@app.command()
def serve(
    data_dir: DataDir = Path("parley-data"),
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="PARLEY_DB", help="Database URL (default: SQLite in the data dir)."
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8470,
    creator: Annotated[
        list[str] | None,
        typer.Option("--creator", help="Key id allowed to create channels (repeat)."),
    ] = None,
    clock_start: Annotated[
        str | None,
        typer.Option("--clock-start", help="Run the server clock from this ISO time (demos only)."),
    ] = None,
    witness: Annotated[
        list[str] | None,
        typer.Option("--witness", help="Third-party tlog-witness, NAME=BASE64_KEY@URL (repeat)."),
    ] = None,
    origin: Annotated[
        str,
        typer.Option(
            "--origin", help="Log origin prefix; each channel's origin is ORIGIN/CHANNEL."
        ),
    ] = "parley.local",
    unsafe_clock_file: Annotated[
        Path | None,
        typer.Option(
            "--unsafe-clock-file",
            help="Read the server's time from this file (demos only: whoever writes it controls deadlines).",
        ),
    ] = None,
    timer_interval: Annotated[
        float,
        typer.Option("--timer-interval", help="Seconds between reminder and escalation checks."),
    ] = 30.0,
    embedder: Annotated[
        str,
        typer.Option(
            "--embedder",
            help="Sentence embeddings for `check`: auto (if the nlp extra is installed), "
            "use, e5 or none.",
        ),
    ] = "auto",
    push_poll: Annotated[
        float,
        typer.Option(
            "--push-poll",
            help="Seconds between the safety-net polls of open event streams (appends wake "
            "them at once: this process's directly, other processes' by PostgreSQL NOTIFY).",
        ),
    ] = 1.0,
    notify_url: Annotated[
        list[str] | None,
        typer.Option(
            "--notify-url",
            help="POST each escalation (signed JSON: ids, sides, times, whom to notify) to this "
            "URL, e.g. a pager or SMS gateway. Repeatable.",
        ),
    ] = None,
    rate_key: Annotated[
        float,
        typer.Option("--rate-key", help="Requests per second per signed-in key (0: no limit)."),
    ] = 50.0,  # parley.api.limits.Limits (not imported here: the CLI starts without FastAPI)
    rate_address: Annotated[
        float,
        typer.Option(
            "--rate-address",
            help="Requests per second per client address (0: no limit; behind a proxy every "
            "client has its address).",
        ),
    ] = 200.0,
    streams_per_key: Annotated[
        int,
        typer.Option("--streams-per-key", help="Open push streams per key (0: no limit)."),
    ] = 4,
    writes_per_key: Annotated[
        int,
        typer.Option("--writes-per-key", help="Entries in flight at once per key (0: no limit)."),
    ] = 4,
    max_connections: Annotated[
        int,
        typer.Option(
            "--max-connections",
            help="Connections and requests this process handles at once; beyond, 503.",
        ),
    ] = 2000,
) -> None:
    """Run the Parley server."""
    import uvicorn

    from parley.api import create_app
    from parley.api.limits import Limits
    from parley.service import Settings, build
    from parley.service.witnessing import ExternalWitness

    clock: Clock = (
        SystemClock() if clock_start is None else OffsetClock(datetime.fromisoformat(clock_start))
    )
    if unsafe_clock_file is not None:
        err.print(
            "[yellow]warning[/]: --unsafe-clock-file: the server's time comes from a file (demos only)"
        )
        clock = UnsafeFileClock(unsafe_clock_file)
    services = build(
        Settings(
            data_dir=data_dir,
            db_url=db,
            creators=frozenset(KeyId(c) for c in creator or []),
            witnesses=tuple(ExternalWitness.parse(w) for w in witness or []),
            origin=origin,
            embedder=embedder,
        ),
        clock=clock,
    )
    err.print(f"parley serving on http://{host}:{port}  server key {services.server_key.key_id}")
    from parley.service.timers import TimerThread

    if notify_url:
        from parley.service.notify import Webhooks

        hooks = Webhooks(list(notify_url), services.server_key)
        hooks.start()
        services.timers.on_escalation.append(hooks)
    TimerThread(services.timers, timer_interval).start()
    uvicorn.run(
        create_app(
            services,
            listen=True,
            push_poll=push_poll,
            limits=Limits(
                key_rate=rate_key,
                address_rate=rate_address,
                streams_per_key=streams_per_key,
                writes_per_key=writes_per_key,
            ),
        ),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=3,  # open event streams must not hold a shutdown forever
        limit_concurrency=max_connections,
        timeout_keep_alive=5,  # idle keep-alive connections are closed after 5 s
    )


@app.command()
def verify(
    data_dir: DataDir = Path("parley-data"),
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="PARLEY_DB", help="Database URL (default: SQLite in the data dir)."
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Audit a running server through its API instead.")
    ] = None,
    key: Annotated[
        Path | None, typer.Option("--key", envvar="PARLEY_KEY", help="Your key file (with --url).")
    ] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", help="Only this channel (with --url).")
    ] = None,
) -> None:
    """Audit a server database: every signature, leaf, root, checkpoint, cosignature and
    projection. With --url, audit a running server through its API, as a member."""
    if url is not None:
        if key is None:
            raise typer.BadParameter("--url needs --key")
        from parley.cli.remote import remote_audit

        if not remote_audit(client(url, key), channel, console, err):
            raise typer.Exit(1)
        return
    from parley.service import Settings, audit, load_server_key, open_store

    server_key = load_server_key(data_dir, create=False)
    store = open_store(Settings(data_dir=data_dir, db_url=db))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(channel: str, done: int, total: int) -> None:
            if channel not in tasks:
                tasks[channel] = bar.add_task(f"verifying {channel}", total=total)
            if done % 500 == 0 or done == total:
                bar.update(tasks[channel], completed=done)

        report = audit(store, server_key.public, progress)
    if report.ok:
        console.print(
            f"[green]OK[/]: {report.channels} channel(s), {report.entries} entries verified; "
            "signatures, leaves, roots, relay receipts, checkpoints, cosignatures and projections all hold."
        )
        return
    console.print(f"[red]FAILED[/]: {len(report.problems)} problem(s)")
    for p in report.problems:
        console.print(f"  - {escape(str(p))}")
    raise typer.Exit(1)


# --- keys --------------------------------------------------------------------------


@app.command()
def keygen(
    out: Annotated[Path, typer.Option("--out", help="Key file to create (0600).")],
    name: Annotated[
        str, typer.Option("--name", help="Your name or role, as the channel will show it.")
    ],
    title: Annotated[str, typer.Option("--title", help="Your title.")] = "",
) -> None:
    """Create an Ed25519 key file protected by a passphrase."""
    key = SigningKey.generate()
    save_key(out, key, passphrase(confirm=True), name, title)
    console.print_json(json.dumps(read_public(out)))


key_app = typer.Typer(help="Key files: copies for a browser.", no_args_is_help=True)
app.add_typer(key_app, name="key")


@key_app.command("export-browser")
def key_export_browser(
    key: Annotated[Path, typer.Argument(help="Your key file (parley keygen).")],
    out: Annotated[Path, typer.Option("--out", help="Browser key file to create (0600).")],
) -> None:
    """Seal a copy of your key for a browser to import (PBKDF2-SHA256 + AES-256-GCM, which
    WebCrypto opens natively). It asks for the key file's passphrase, then a new one for
    the copy (PARLEY_BROWSER_PASSPHRASE). Delete the copy once the browser has it."""
    kf = load_key(key, passphrase())
    new = passphrase(True, "PARLEY_BROWSER_PASSPHRASE", "Passphrase for the browser copy")
    write_private(out, export_browser(kf, new))
    console.print(
        f"wrote {out} for key [bold]{kf.key.key_id}[/]; import it on the web page, then delete it"
    )


# --- channels ----------------------------------------------------------------------


@channel_app.command("create")
def channel_create(
    channel: Channel,
    charter: Annotated[
        Path, typer.Option("--charter", help="JSON file with the channel.created body.")
    ],
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Create a channel from a charter (you must be on the mediator's side)."""
    body = json.loads(charter.read_text())
    with client(url, key) as c:
        entry, receipt = c.create_channel(channel, body)
    console.print(
        f"channel [bold]{channel}[/] created (entry {entry.id}, seq {receipt.seq}); "
        "it becomes active when every party head has accepted it"
    )


@channel_app.command("accept")
def channel_accept(
    channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = Path("parley.key")
) -> None:
    """Accept the channel's charter for your party (heads only)."""
    with client(url, key) as c:
        receipt = c.accept_charter(channel)
        status = c.channel(channel)["status"]
    console.print(f"charter accepted (seq {receipt.seq}); channel is {status}")


@channel_app.command("show")
def channel_show(
    channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = Path("parley.key")
) -> None:
    """Show a channel's charter, sides, members and status."""
    from rich.tree import Tree

    with client(url, key) as c:
        view = c.channel(channel)
    tree = Tree(
        f"[bold]{escape(view['title'])}[/] ({channel}) — {view['status']}, {view['tree_size']} entries"
    )
    for side in view["sides"]:
        accepted = " (accepted charter)" if side["accepted_by"] else ""
        branch = tree.add(f"{escape(side['name'])} ({side['kind']}){accepted}")
        for m in side["members"]:
            state = "" if m["active"] else " [dim](removed)[/]"
            branch.add(f"{escape(m['name'])} — {m['role']} — {m['key_id']}{state}")
    mandate = tree.add("mandate")
    for tid, title in view["mandate"].items():
        mandate.add(f"{tid}: {escape(title)}")
    tree.add(f"acknowledgement deadlines (s): {view['ack_deadlines']}")
    console.print(tree)


# --- messages ----------------------------------------------------------------------


@app.command()
def send(
    channel: Channel,
    to: Annotated[str, typer.Option("--to", help="Recipient side id.")],
    subject: Annotated[str, typer.Option("--subject")],
    text: Annotated[str, typer.Option("--text")],
    priority: Annotated[
        str, typer.Option("--priority", help="routine, urgent or flash.")
    ] = "routine",
    topic: Annotated[str | None, typer.Option("--topic", help="Mandate topic id.")] = None,
    language: Annotated[str, typer.Option("--language")] = "en",
    reply_to: Annotated[
        str | None, typer.Option("--reply-to", help="Message id this answers.")
    ] = None,
    relay_of: Annotated[
        str | None, typer.Option("--relay-of", help="Message id the mediator relays.")
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Send a signed message. It goes through your outbox: signed and stored first, so
    with the server unreachable it is "queued" and `parley outbox flush` sends it later."""
    from parley.client import Outbox

    box = Outbox(outbox_path(key))
    with client(url, key, retries=1) as c:
        entry = c.message(
            channel,
            to=to,
            subject=subject,
            text=text,
            priority=priority,
            topic=topic,
            language=language,
            reply_to=reply_to,
            relay_of=relay_of,
        )
        box.put(entry)
        settled = {i.entry_id: i for i in box.flush(c)}
    done = settled.get(entry.id)
    if done is None:
        console.print(
            f"queued: message {entry.id} is in your outbox; the server is unreachable. "
            "Run `parley outbox flush` later (it is sent once, however often you retry)."
        )
    elif done.state == "failed":
        raise ParleyError(
            done.error or "entry.refused", f"the server refused message {entry.id} ({done.error})"
        )
    else:
        console.print(f"relayed: message {entry.id} is entry {done.seq}")


check_app = typer.Typer(
    no_args_is_help=True, help="Communication checks: answer them (clients do it on their own)."
)
app.add_typer(check_app, name="checks")


@check_app.command("answer")
def check_answer(
    channel: Channel,
    personal: Annotated[
        bool,
        typer.Option("--personal", help="You, a person, confirm (needed for the daily check)."),
    ] = False,
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Answer every communication check your party has not answered yet."""
    with client(url, key) as c:
        done = c.talks.answer_checks(channel, personal)
    console.print(
        f"answered check(s) {', '.join(map(str, done)) or 'none pending'}"
        + (" in person" if personal else "")
    )


@app.command()
def health(
    channel: Channel,
    days: Annotated[int | None, typer.Option("--days", help="Only the last N days.")] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Availability of each party from the communication checks, and every missed check."""
    from rich.table import Table

    with client(url, key) as c:
        h = c.talks.health(channel, days)
    table = Table(title=f"Channel health at {h['at']}" + (f", last {days} days" if days else ""))
    for col in ("party", "checks", "answered", "availability", "missed"):
        table.add_column(col)
    for side, p in h["parties"].items():
        avail = "–" if p["availability"] is None else f"{p['availability']:.1%}"
        missed = ", ".join(
            f"#{m['check']}{' (daily, in person)' if m['personal'] else ''}" for m in p["missed"]
        )
        table.add_row(side, str(p["checks"]), str(p["answered"]), avail, missed or "none")
    console.print(table)


def outbox_path(key: Path) -> Path:
    return key.with_name(f"{key.stem}.outbox.db")


@outbox_app.command("list")
def outbox_list(key: KeyPath = Path("parley.key")) -> None:
    """What your outbox holds: pending, sent (with sequence number) and refused entries."""
    from parley.client import Outbox

    for item in Outbox(outbox_path(key)).items():
        extra = f"entry {item.seq}" if item.seq else (item.error or "")
        console.print(f"{item.entry_id}  {item.channel}  {item.state}  {escape(extra)}")


@outbox_app.command("flush")
def outbox_flush(url: Url = DEFAULT_URL, key: KeyPath = Path("parley.key")) -> None:
    """Send everything pending in your outbox, oldest first."""
    from parley.client import Outbox

    box = Outbox(outbox_path(key))
    with client(url, key, retries=1) as c:
        settled = box.flush(c)
    left = len(box.items("pending"))
    console.print(
        f"{sum(i.state == 'sent' for i in settled)} sent, {sum(i.state == 'failed' for i in settled)} refused, "
        f"{left} still pending"
    )


@app.command()
def inbox(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = Path("parley.key")) -> None:
    """Fetch your side's messages, send delivered receipts, and list them with their states."""
    from parley.cli.render import messages_table

    with client(url, key) as c:
        delivered = c.mark_delivered(channel)
        msgs = c.messages(channel)
        names = _names(c.channel(channel))
    if delivered:
        console.print(f"{len(delivered)} new message(s) marked delivered")
    console.print(messages_table(msgs, names))
    for m in msgs:
        console.print(f"[dim]{m['id']}[/] [bold]{escape(m['subject'])}[/]\n  {escape(m['text'])}")


@app.command()
def ack(
    channel: Channel,
    message: Annotated[str, typer.Argument(help="Message id (full).")],
    note: Annotated[str, typer.Option("--note")] = "",
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Acknowledge a message addressed to your side."""
    with client(url, key) as c:
        receipt = c.acknowledge(channel, message, note)
    console.print(f"acknowledged (entry {receipt.seq})")


@app.command("log")
def log_cmd(channel: Channel, url: Url = DEFAULT_URL, key: KeyPath = Path("parley.key")) -> None:
    """Fetch and verify the channel's whole log locally, then print it as a timeline."""
    from parley.cli.render import timeline

    with client(url, key) as c:
        v = LogVerifier(channel, c.server_key())
        entries = c.sync(channel, v)
        c.verify_root(channel, v)
        names = _names(c.channel(channel))
        raw = c.entries(channel, 0, 1000)
    received = {item["seq"]: item["relay"]["received"] for item in raw}
    console.print(
        timeline([(i + 1, received.get(i + 1, ""), e) for i, e in enumerate(entries)], names)
    )
    console.print(
        f"[green]verified[/] {v.size} entries; root {v.tree.root().hex()[:16]}… matches the server's"
    )


@app.command("witness-serve")
def witness_serve(
    key: KeyPath,
    log: Annotated[
        list[str], typer.Option("--log", help="A log to witness: ORIGIN=BASE64_KEY (repeat).")
    ],
    name: Annotated[
        str, typer.Option("--name", help="This witness's name (its cosignature key name).")
    ],
    state: Annotated[
        Path, typer.Option("--state", help="Where the latest checkpoint per log is kept.")
    ] = Path("witness-state.json"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8471,
) -> None:
    """Run a third-party c2sp.org/tlog-witness witness for Parley logs (or any log)."""
    import uvicorn

    from parley.api.witness_app import create_witness_app
    from parley.crypto.keys import VerifyKey
    from parley.ledger.witness_protocol import Witness as TlogWitness

    logs = {}
    for spec in log:
        origin, _, pub = spec.partition("=")  # base64 keys end in "=", origins hold none
        logs[origin] = VerifyKey.from_b64(pub)
    w = TlogWitness(name, load_key(key, passphrase()).key, logs)
    err.print(f"witness {name} ({w.key.public.to_b64()}) on http://{host}:{port}/add-checkpoint")
    uvicorn.run(
        create_witness_app(w, state), host=host, port=port, log_level="warning", access_log=False
    )


@app.command()
def witness(
    channel: Channel,
    state: Annotated[
        Path | None, typer.Option("--state", help="Witness state file (default: next to your key).")
    ] = None,
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Check the latest checkpoint extends the last one you cosigned, then cosign it.
    Refuses, keeps the evidence and exits 3 if the server forked or rolled back."""
    from parley.client import Witness

    state = state or key.with_name(f"{key.stem}.witness-{channel}.json")
    with client(url, key) as c:
        seen = Witness(c, channel, state).observe()
        info = c.checkpoint_info(channel, seen.checkpoint.size)
    what = "cosigned" if seen.cosigned else "already cosigned"
    agreed = (
        "[green]agreed[/] by every party" if info["agreed"] else "not yet agreed by every party"
    )
    console.print(f"checkpoint of size {seen.checkpoint.size} {what}; {agreed} (state: {state})")


@app.command()
def proof(
    channel: Channel,
    entry: Annotated[str, typer.Argument(help="Entry id.")],
    out: Annotated[Path, typer.Option("--out", help="Bundle file to write (JSON).")],
    url: Url = DEFAULT_URL,
    key: KeyPath = Path("parley.key"),
) -> None:
    """Write a self-contained proof bundle for one entry (to hand to a third party)."""
    from parley.client import make_bundle, verify_bundle

    with client(url, key) as c:
        bundle = make_bundle(c, channel, entry)
    verify_bundle(bundle)
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")
    shown = "with its body" if bundle["entry"]["body"] is not None else "without its body"
    console.print(
        f"wrote {out}: entry {entry} {shown}, checkpoint of size {bundle['inclusion']['size']}"
    )


@app.command("verify-bundle")
def verify_bundle_cmd(
    bundle: Annotated[Path, typer.Argument(help="Bundle file from `parley proof`.")],
) -> None:
    """Check a proof bundle offline: no server, no database. Exit 0 only if it all holds."""
    from parley.client import verify_bundle

    try:
        data = json.loads(bundle.read_text())
    except (OSError, ValueError) as exc:
        console.print(f"[red]FAILED[/]: cannot read {bundle}: {escape(str(exc))}")
        raise typer.Exit(1) from exc
    try:
        report = verify_bundle(data)
    except ParleyError as exc:
        console.print(f"[red]FAILED[/]: {escape(exc.message)} ({exc.code})")
        raise typer.Exit(1) from exc
    console.print(f"[green]OK[/]: {report.entry_type} {report.entry_id}")
    for check in report.checks:
        console.print(f"  ✓ {escape(check)}")
    if not report.body_shown:
        console.print(
            "  (the body is not in this bundle: only that the entry exists, who signed it and when)"
        )
    console.print("  Compare the key ids above with the ones the parties publish.")


def _names(view: dict[str, Any]) -> dict[str, str]:
    return {m["key_id"]: m["name"] for s in view["sides"] for m in s["members"]}


@app.command()
def demo(
    data_dir: DataDir = Path("demo-data"),
    port: Annotated[int, typer.Option(help="Port for the demo server (0: pick a free one).")] = 0,
) -> None:
    """Play the 1 March 2023 story against a real server on SQLite in DATA_DIR."""
    from parley.cli.demo import run_demo

    run_demo(data_dir, port, console)


def main() -> None:
    try:
        app()
    except ParleyError as exc:
        err.print(f"[red]error[/]: {escape(exc.message)} [dim]({exc.code})[/]")
        sys.exit(3)


if __name__ == "__main__":
    main()
