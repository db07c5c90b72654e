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

MIN_PASSPHRASE = 12
PASSPHRASE_RULE = (
    f"at least {MIN_PASSPHRASE} characters, not one character repeated, and not only digits"
)


def check_passphrase(given: str, what: str) -> str:
    """A new passphrase: :data:`PASSPHRASE_RULE`. (Existing key files still open with
    whatever they were sealed with.)

    Raises:
        InvalidInput: ``key.weak_passphrase``, saying the rule.
    """
    if len(given) < MIN_PASSPHRASE or len(set(given)) == 1 or given.isdigit():
        raise InvalidInput(
            "key.weak_passphrase", f"the passphrase for {what} is too weak: use {PASSPHRASE_RULE}"
        )
    return given


def _new_file(path: Path) -> None:
    """``path`` can be created: it is not there, and its directory is.

    Raises:
        InvalidInput: ``file.exists`` or ``file.no_directory``, naming it.
    """
    if path.exists():
        raise InvalidInput("file.exists", f"{path} exists; choose another file")
    parent = path.parent
    if not parent.is_dir():
        raise InvalidInput(
            "file.no_directory",
            f"there is no directory {parent} for {path.name}; create it first (mkdir -p {parent})",
        )


def keygen(
    out: Annotated[Path, typer.Option("--out", help="Key file to create (0600).", metavar="FILE")],
    name: Annotated[
        str,
        typer.Option(
            "--name", help="Your name or role, as the channel will show it.", metavar="TEXT"
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="Your title.", metavar="TEXT")] = "",
) -> None:
    """Create an Ed25519 key file protected by a passphrase (at least 12 characters, not one character repeated, not only digits): the seed sealed with XSalsa20-Poly1305 under Argon2id (64 MiB, 3 passes)."""
    _new_file(out)
    if not name.strip():
        raise InvalidInput(
            "key.no_name", "--name must not be empty: it is how the channel will show you"
        )
    key = SigningKey.generate()
    save_key(out, key, check_passphrase(passphrase(confirm=True), str(out)), name.strip(), title)
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
    """Seal a copy of your key for a browser to import (PBKDF2-HMAC-SHA256, 600,000 iterations, + AES-256-GCM, which WebCrypto opens natively). Its passphrase follows the keygen rule (at least 12 characters, not one character repeated, not only digits). It asks for the key file's passphrase (PARLEY_PASSPHRASE), then one for the copy: PARLEY_BROWSER_PASSPHRASE, else — when PARLEY_PASSPHRASE is set and there is no terminal — the same. Delete the copy once the browser has it."""
    _new_file(out)
    check_key_file(key)
    kf = load_key(key, passphrase())
    same = ""
    if os.environ.get("PARLEY_BROWSER_PASSPHRASE") is None and not sys.stdin.isatty():
        new = passphrase()  # no terminal to ask: the key file's own (PARLEY_PASSPHRASE)
        same = " (sealed with the same passphrase as the key file)"
    else:
        new = passphrase(True, "PARLEY_BROWSER_PASSPHRASE", "Passphrase for the browser copy")
    write_private(out, export_browser(kf, check_passphrase(new, f"the browser copy {out}")))
    console.print(
        f"wrote {out} for key [bold]{kf.key.key_id}[/]{same}; import it on the web page, "
        "then delete it"
    )


# --- channels ----------------------------------------------------------------------
