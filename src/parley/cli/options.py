"""What every ``parley`` command shares: the options naming the server, your key, the data
directory and the channel; the passphrase; a signed-in client; reading input files;
the consoles."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from parley.client import ParleyClient, load_key
from parley.client.keystore import check_key_file
from parley.errors import InvalidInput

console = Console()
err = Console(stderr=True)

DEFAULT_URL = "http://127.0.0.1:8470"
SCHEME = re.compile(r"^https?://[^/\s]", re.IGNORECASE)


def check_url(value: str | None) -> str | None:
    """A server URL with its scheme (``http://`` or ``https://``): ``127.0.0.1:8470``
    alone is a usage error saying what to add.

    Raises:
        typer.BadParameter: no scheme, or one other than http and https.
    """
    if value is None or SCHEME.match(value):
        return value
    if "://" in value:
        raise typer.BadParameter(f"{value!r}: only http:// and https:// URLs are served")
    raise typer.BadParameter(
        f"{value!r} has no scheme: add http:// (http://{value}), or https:// behind TLS"
    )


def check_urls(values: list[str] | None) -> list[str] | None:
    """:func:`check_url` for an option given several times."""
    for value in values or []:
        check_url(value)
    return values


Url = Annotated[
    str,
    typer.Option(
        "--url", envvar="PARLEY_URL", help="Server URL.", metavar="URL", callback=check_url
    ),
]
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


def check_channel(value: str | None) -> str | None:
    """A channel id of the form every entry's header must have, checked before anything
    is asked of a server.

    Raises:
        typer.BadParameter: not a channel id, said in words.
    """
    from parley.model.bodies import PATTERNS, SLUG

    if value is None or re.match(SLUG, value):
        return value
    raise typer.BadParameter(f"the channel id {value!r} must be {PATTERNS[SLUG]}")


Channel = Annotated[str, typer.Argument(help="Channel id.", callback=check_channel)]
DEFAULT_KEY = Path("parley.key")


def passphrase(
    confirm: bool = False, env: str = "PARLEY_PASSPHRASE", prompt: str = "Passphrase"
) -> str:
    """From the environment variable ``env`` if set, else asked for (hidden) on a terminal.

    Raises:
        InvalidInput: ``cli.no_passphrase`` when it is not set and there is no terminal.
    """
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(
            "cli.no_passphrase",
            f"no passphrase: set {env}, or run the command in a terminal to be asked",
        )
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


class CliClient(ParleyClient):
    """A client for one command: a refusal raised in its ``with`` block about something
    that does not exist (a side, a topic, a meeting...) leaves it naming the valid
    choices, read from ``channel`` (:mod:`parley.cli.choices`)."""

    about: str | None = None
    """The command's channel."""

    def __exit__(self, *exc: object) -> None:
        from parley.cli.choices import explain

        try:
            better = explain(self, self.about, exc[1] if len(exc) > 1 else None)
        finally:
            self.close()
        if better is not None:
            raise better from exc[1] if isinstance(exc[1], BaseException) else None


def client(url: str, key: Path, retries: int = 5, channel: str | None = None) -> CliClient:
    """A client signed in (on first use) with the key file ``key``. The file is checked
    before the passphrase is asked for. With ``channel``, the command's channel, its
    refusals name the valid choices.

    Raises:
        ParleyError: the key file is missing, not a key file, readable by others, or the
            passphrase is wrong.
    """
    check_key_file(key)
    c = CliClient(url, load_key(key, passphrase()).key, retries=retries)
    c.about = channel
    return c


def read_json(path: Path, what: str) -> Any:
    """A JSON input file.

    Raises:
        InvalidInput: ``file.not_found``, ``file.unreadable`` or ``file.not_json`` (with
            the line and column).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InvalidInput("file.not_found", f"no {what} at {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput("file.unreadable", f"cannot read the {what} {path}: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            "file.not_json",
            f"the {what} {path} is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}",
        ) from exc


def member_names(view: dict[str, Any], server_key_id: str | None = None) -> dict[str, str]:
    """Key id -> member name, from a channel view (and the server, for its automatic
    entries)."""
    names = {m["key_id"]: m["name"] for s in view["sides"] for m in s["members"]}
    if server_key_id is not None:
        names[server_key_id] = "Parley server (automatic)"
    return names


def utc(stamp: str) -> str:
    """A server time as people read it: ``2023-03-01 05:00:00 UTC`` (to the second, and
    saying so), or in the zone and language of ``--tz``/``--lang`` (``cli/display.py``);
    anything that is not a time is shown as it is."""
    from parley.cli.display import when

    return when(stamp)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def progress_bar() -> Progress:
    """A progress bar on standard error that disappears when done (audits, downloads)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )


def command_group(help: str) -> typer.Typer:
    """A group of subcommands (``parley meeting ...``), with plain help (paragraphs
    rewrapped to the terminal, a type shown only where an option takes a value)."""
    return typer.Typer(no_args_is_help=True, help=help, rich_markup_mode=None)


def where_to_look(ctx: typer.Context, data_dir: Path | None, url: str | None) -> str:
    """The one rule for commands that work on a server's own database or through a
    running server (``verify``, ``check``): ``--data-dir`` and ``--url`` together is a
    usage error; ``--data-dir`` wins over a ``PARLEY_URL`` in the environment. Returns
    ``"local"``, ``"remote"`` or ``"none"``.

    Raises:
        typer.BadParameter: both given on the command line; a URL without its scheme.
    """
    source = ctx.get_parameter_source("url")
    from_line = source is not None and source.name == "COMMANDLINE"
    if data_dir is not None and url is not None and from_line:
        raise typer.BadParameter("give --data-dir (a database) or --url (a server), not both")
    if data_dir is not None:
        return "local"
    if url is None:
        return "none"
    try:
        check_url(
            url
        )  # here, not as a callback: a PARLEY_URL that --data-dir overrides is not read
    except typer.BadParameter as exc:
        exc.param_hint = "--url (or PARLEY_URL)"
        raise
    return "remote"
