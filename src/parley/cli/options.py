"""What every ``parley`` command shares: the options naming the server, your key, the data
directory and the channel; the passphrase; a signed-in client; the consoles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from parley.client import ParleyClient, load_key

console = Console()
err = Console(stderr=True)

DEFAULT_URL = "http://127.0.0.1:8470"
Url = Annotated[str, typer.Option("--url", envvar="PARLEY_URL", help="Server URL.", metavar="URL")]
KeyPath = Annotated[
    Path,
    typer.Option(
        "--key", envvar="PARLEY_KEY", help="Your key file (parley keygen).", metavar="FILE"
    ),
]
DataDir = Annotated[
    Path,
    typer.Option(
        "--data-dir", help="Server data directory (SQLite database, server key).", metavar="DIR"
    ),
]
Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="PARLEY_DB",
        help="Database URL (default: SQLite in the data dir).",
        metavar="URL",
    ),
]
Channel = Annotated[str, typer.Argument(help="Channel id.", metavar="CHANNEL")]
DEFAULT_KEY = Path("parley.key")


def passphrase(
    confirm: bool = False, env: str = "PARLEY_PASSPHRASE", prompt: str = "Passphrase"
) -> str:
    """From the environment variable ``env`` if set, else asked for (hidden)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


def client(url: str, key: Path, retries: int = 5) -> ParleyClient:
    """A client signed in (on first use) with the key file ``key``."""
    return ParleyClient(url, load_key(key, passphrase()).key, retries=retries)


def member_names(view: dict[str, Any]) -> dict[str, str]:
    """Key id -> member name, from a channel view."""
    return {m["key_id"]: m["name"] for s in view["sides"] for m in s["members"]}


def progress_bar() -> Progress:
    """A progress bar on standard error that disappears when done (audits, downloads)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )
