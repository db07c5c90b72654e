"""``parley keygen`` and ``parley key``: key files, and copies of them for a browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from parley.cli.options import (
    console,
    passphrase,
)
from parley.client import load_key, read_public, save_key
from parley.client.keystore import export_browser, write_private
from parley.crypto.keys import SigningKey


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
