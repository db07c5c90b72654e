"""``parley serve``, ``verify``, ``witness-serve`` and ``demo``: running and auditing a server."""

from __future__ import annotations

import errno
import gc
import json
import re
import socket
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from parley.cli.options import (
    DataDir,
    Db,
    KeyPath,
    check_channel,
    check_urls,
    client,
    console,
    err,
    passphrase,
    progress_bar,
    where_to_look,
)
from parley.client import load_key
from parley.crypto.keys import KeyId, VerifyKey
from parley.errors import InvalidInput, ParleyError
from parley.model.bodies import KEY_ID
from parley.model.clock import Clock, OffsetClock, SystemClock, UnsafeFileClock

MIN_TIMER_INTERVAL = 1.0
"""Seconds; below it only with --unsafe-clock-file (demos and tests move time by hand)."""


def _origin(value: str) -> str:
    from parley.ledger.note import origin_problem

    if (problem := origin_problem(value)) is not None:
        raise typer.BadParameter(problem)
    return value


def _creator_id(spec: str) -> str:
    """A key id as it is (``k`` and 24 hexadecimal digits), or the key id of a key file:
    a Parley key file, its browser copy, or the JSON `parley keygen` prints (each holds
    the public key in clear).

    Raises:
        typer.BadParameter: neither.
    """
    if re.match(KEY_ID, spec):
        return spec
    path = Path(spec)
    if not path.is_file():
        raise typer.BadParameter(
            f"{spec!r} is neither a key id ('k' and 24 hexadecimal digits) nor a key file",
            param_hint="--creator",
        )
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        key = VerifyKey.from_b64(doc["public_key"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, ParleyError) as exc:
        raise typer.BadParameter(
            f"{spec} holds no public key (give a key file from `parley keygen`, or its key id)",
            param_hint="--creator",
        ) from exc
    if doc.get("key_id", key.key_id) != key.key_id:
        raise typer.BadParameter(
            f"{spec}: its key_id does not match its public key", param_hint="--creator"
        )
    return str(key.key_id)


def _creators(values: list[str] | None) -> list[str] | None:
    return None if values is None else [_creator_id(v) for v in values]


def _clock_start(value: str | None) -> str | None:
    if value is not None:
        try:
            datetime.fromisoformat(value)
        except ValueError as exc:
            raise typer.BadParameter(
                f"{value!r} is not an ISO time such as 2023-03-01T05:00:00+00:00"
            ) from exc
    return value


def check_port_free(host: str, port: int) -> None:
    """That ``host:port`` can be listened on, before anything is created on disk.

    Raises:
        InvalidInput: ``server.bad_host``, the host does not resolve.
        ParleyError: ``server.port_in_use``, or ``server.cannot_listen`` (e.g. a port
            below 1024 without the right to it).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise InvalidInput("server.bad_host", f"cannot listen on {host!r}: {exc.strerror}") from exc
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a stopped server is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ParleyError(
                    "server.port_in_use",
                    f"port {port} on {host} is already in use (another parley serve?); "
                    "stop it, or choose another with --port",
                ) from exc
            raise ParleyError(
                "server.cannot_listen", f"cannot listen on {host}:{port}: {exc.strerror}"
            ) from exc


def serve(
    data_dir: DataDir = Path("parley-data"),
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8470,
    creator: Annotated[
        list[str] | None,
        typer.Option(
            "--creator",
            help="Who may create channels: a key id, or their key file (repeat). Without "
            "it, nobody can.",
            metavar="KEY",
            callback=_creators,
        ),
    ] = None,
    clock_start: Annotated[
        str | None,
        typer.Option(
            "--clock-start",
            help="Run the server clock from this ISO time (demos only).",
            callback=_clock_start,
        ),
    ] = None,
    witness: Annotated[
        list[str] | None,
        typer.Option(
            "--witness",
            help="Third-party tlog-witness, NAME=BASE64_KEY@URL (repeat).",
            metavar="NAME=KEY@URL",
        ),
    ] = None,
    origin: Annotated[
        str,
        typer.Option(
            "--origin",
            help="Log origin prefix; each channel's origin is ORIGIN/CHANNEL.",
            callback=_origin,
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
        typer.Option(
            "--timer-interval",
            help="Seconds between reminder and escalation checks (at least 1): a missed "
            "deadline is escalated up to this much later.",
            min=0.1,
        ),
    ] = 30.0,
    embedder: Annotated[
        str,
        typer.Option(
            "--embedder",
            help="Sentence embeddings for `check`: auto (if the nlp extra is installed), "
            "use, e5 or none.",
        ),
    ] = "auto",
    translation_models: Annotated[
        Path | None,
        typer.Option(
            "--translation-models",
            envvar="PARLEY_TRANSLATION_MODELS",
            help="A directory of offline translation models the operator installed "
            "(docs/translation-models.md): members may ask for machine drafts, always "
            "labelled drafts. Without it, translation is by people only.",
        ),
    ] = None,
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
            metavar="URL",
            callback=check_urls,
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
    public_url: Annotated[
        list[str] | None,
        typer.Option(
            "--public-url",
            help="Where members reach this server (https://parley.example; repeat). Sign-ins "
            "must name one; without it, the host each sign-in request arrived for.",
            metavar="URL",
            callback=check_urls,
        ),
    ] = None,
    connections_per_address: Annotated[
        int,
        typer.Option(
            "--connections-per-address",
            help="Connections one client address may hold open at once (0: no limit).",
        ),
    ] = 64,
    header_seconds: Annotated[
        float,
        typer.Option(
            "--header-seconds",
            help="A request's headers must arrive within this many seconds (0: no limit).",
        ),
    ] = 10.0,
    public_checks: Annotated[
        int,
        typer.Option(
            "--public-checks",
            min=0,
            help="Anonymous statement checks run at once; 8 more may wait, and each address "
            "has a budget of server time for them (0: none of these limits).",
        ),
    ] = 1,
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
    from parley.api.connections import uvicorn_options
    from parley.api.limits import Limits
    from parley.service import Settings, build
    from parley.service.witnessing import ExternalWitness

    if timer_interval < MIN_TIMER_INTERVAL and unsafe_clock_file is None:
        raise typer.BadParameter(
            f"must be at least {MIN_TIMER_INTERVAL:g} second (less only with "
            "--unsafe-clock-file, for demos and tests)",
            param_hint="--timer-interval",
        )
    check_port_free(host, port)  # before the data directory is made
    if not creator:
        err.print(
            "[yellow]warning[/]: no --creator: nobody can create channels on this server "
            "(give the mediator's key id or key file with --creator)",
            soft_wrap=True,
        )
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
            public_urls=tuple(public_url or ()),
            embedder=embedder,
            translation_models=translation_models,
        ),
        clock=clock,
    )
    if translation_models is not None:
        pairs = services.languages.engines()["pairs"]
        err.print(f"machine drafts: {', '.join(f'{s}→{t}' for s, t in pairs) or 'none'}")
    err.print(f"parley serving on http://{host}:{port}  server key {services.server_key.key_id}")
    from parley.service.timers import TimerThread

    if notify_url:
        from parley.service.notify import Webhooks

        hooks = Webhooks(list(notify_url), services.server_key)
        hooks.start()
        services.timers.on_escalation.append(hooks)
    TimerThread(services.timers, timer_interval).start()
    app = create_app(
        services,
        listen=True,
        push_poll=push_poll,
        limits=Limits(
            key_rate=rate_key,
            address_rate=rate_address,
            streams_per_key=streams_per_key,
            writes_per_key=writes_per_key,
            public_checks_at_once=public_checks,
        ),
    )
    settle_heap()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=3,  # open event streams must not hold a shutdown forever
        **uvicorn_options(max_connections, header_seconds, connections_per_address),
    )


def settle_heap() -> None:
    """Collect what starting up left behind, then take everything alive now out of the
    garbage collector's view (``gc.freeze``): modules, the app, its schemas — about 150,000
    objects. A full collection scanned all of them with the GIL held, 55–80 ms on this
    machine kind once every few hundred requests, and every request in flight waited: it
    was the victim's p99 in ``bench/bench_flood.py``. What the server creates from now on
    is collected as before."""
    gc.collect()
    gc.freeze()


def verify(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="A server's data directory: audit its own database.", metavar="DIR"
        ),
    ] = None,
    db: Db = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            envvar="PARLEY_URL",
            help="Audit a running server through its API, as a member (with --key).",
            metavar="URL",
        ),
    ] = None,
    key: Annotated[
        Path | None, typer.Option("--key", envvar="PARLEY_KEY", help="Your key file (with --url).")
    ] = None,
    channel: Annotated[
        str | None,
        typer.Option("--channel", help="Only this channel (with --url).", callback=check_channel),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes checking signatures while the log is refolded in order (with "
            "--data-dir). Default: the number of cores; 1: all in this process. Same findings either way.",
            metavar="N",
        ),
    ] = None,
) -> None:
    """Audit a server database (--data-dir): every signature, leaf, root, checkpoint, cosignature and projection. Or, with --url and --key, audit a running server through its API, as a member. Exit 0 only if everything holds, 1 if anything does not."""
    where = where_to_look(ctx, data_dir, url)
    if where == "none":
        raise InvalidInput(
            "verify.where",
            "say what to audit: --data-dir DIR (a server's own database) or "
            "--url URL --key FILE (a running server, as a member)",
        )
    if where == "remote":
        assert url is not None
        if key is None:
            source = ctx.get_parameter_source("url")
            given = "PARLEY_URL" if source is not None and source.name == "ENVIRONMENT" else "--url"
            raise InvalidInput(
                "verify.no_key",
                f"auditing the server at {url} ({given}) needs a member's key: give --key FILE "
                "(or PARLEY_KEY); or audit a server's own database with --data-dir DIR",
            )
        from parley.cli.remote import remote_audit

        if not remote_audit(client(url, key), channel, console, err, key):
            raise typer.Exit(1)
        return
    from parley.service import Settings, audit, load_server_key, open_store

    assert data_dir is not None
    server_key = load_server_key(data_dir, create=False)
    store = open_store(Settings(data_dir=data_dir, db_url=db))
    with progress_bar() as bar:
        tasks: dict[str, Any] = {}

        def progress(channel: str, done: int, total: int) -> None:
            if channel not in tasks:
                tasks[channel] = bar.add_task(f"verifying {channel}", total=total)
            if done % 500 == 0 or done == total:
                bar.update(tasks[channel], completed=done)

        report = audit(store, server_key.public, progress, workers=workers)
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


def witness_serve(
    key: KeyPath,
    log: Annotated[
        list[str],
        typer.Option(
            "--log", help="A log to witness: ORIGIN=BASE64_KEY (repeat).", metavar="ORIGIN=KEY"
        ),
    ],
    name: Annotated[
        str, typer.Option("--name", help="This witness's name (its cosignature key name).")
    ],
    state: Annotated[
        Path, typer.Option("--state", help="Where the latest checkpoint per log is kept.")
    ] = Path("witness-state.json"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8471,
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
    check_port_free(host, port)
    w = TlogWitness(name, load_key(key, passphrase()).key, logs)
    err.print(f"witness {name} ({w.key.public.to_b64()}) on http://{host}:{port}/add-checkpoint")
    from parley.api.connections import uvicorn_options

    uvicorn.run(
        create_witness_app(w, state),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        **uvicorn_options(200, 10.0, 16),
    )


def demo(
    data_dir: DataDir = Path("demo-data"),
    port: Annotated[
        int, typer.Option(help="Port for the demo server (0: pick a free one).", min=0, max=65535)
    ] = 0,
) -> None:
    """Play the 1 March 2023 story against a real server on SQLite in DATA_DIR."""
    from parley.cli.demo import run_demo

    run_demo(data_dir, port, console)
