"""``parley keygen`` and ``parley key``: key files, and copies of them for a browser."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from parley.cli.options import (
    command_group,
    console,
    err,
    passphrase,
)
from parley.client import load_key, read_public, save_key
from parley.client.keystore import check_key_file, export_browser, write_private
from parley.crypto.keys import SigningKey
from parley.errors import InvalidInput


def keygen(
    out: Annotated[Path, typer.Option("--out", help="Key file to create (0600).")],
    name: Annotated[
        str, typer.Option("--name", help="Your name or role, as the channel will show it.")
    ],
    title: Annotated[str, typer.Option("--title", help="Your title.")] = "",
) -> None:
    """Create an Ed25519 key file protected by a passphrase."""
    if out.exists():
        raise InvalidInput("file.exists", f"{out} exists; choose another file")
    key = SigningKey.generate()
    save_key(out, key, passphrase(confirm=True), name, title)
    console.print_json(json.dumps(read_public(out)))
    err.print(
        "the public_key above goes into the charter (or `parley member add`); read the "
        "key_id aloud to whoever adds you"
    )


key_app = command_group(help="Key files: copies for a browser.")


@key_app.command("export-browser")
def key_export_browser(
    key: Annotated[Path, typer.Argument(help="Your key file (parley keygen).")],
    out: Annotated[Path, typer.Option("--out", help="Browser key file to create (0600).")],
) -> None:
    """Seal a copy of your key for a browser to import (PBKDF2-SHA256 + AES-256-GCM, which WebCrypto opens natively). It asks for the key file's passphrase (PARLEY_PASSPHRASE), then one for the copy: PARLEY_BROWSER_PASSPHRASE, else — when PARLEY_PASSPHRASE is set and there is no terminal — the same. Delete the copy once the browser has it."""
    check_key_file(key)
    kf = load_key(key, passphrase())
    same = ""
    if os.environ.get("PARLEY_BROWSER_PASSPHRASE") is None and not sys.stdin.isatty():
        new = passphrase()  # no terminal to ask: the key file's own (PARLEY_PASSPHRASE)
        same = " (sealed with the same passphrase as the key file)"
    else:
        new = passphrase(True, "PARLEY_BROWSER_PASSPHRASE", "Passphrase for the browser copy")
    write_private(out, export_browser(kf, new))
    console.print(
        f"wrote {out} for key [bold]{kf.key.key_id}[/]{same}; import it on the web page, "
        "then delete it"
    )


# --- channels ----------------------------------------------------------------------
