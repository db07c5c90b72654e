"""What the README tells a newcomer about the CLI is what the CLI does."""

from __future__ import annotations

import re
from pathlib import Path

import parley.cli.main

README = (Path(__file__).parents[2] / "README.md").read_text()


def _words(text: str) -> str:
    return " ".join(text.split())


def test_exit_codes_are_worded_as_in_main():
    doc = parley.cli.main.__doc__ or ""
    codes = _words(doc.split("word for word):", 1)[1].split("\n\n", 1)[0])
    assert codes.startswith("0 success;") and "130 interrupted." in codes
    assert f"the exit codes are: {codes}" in _words(README)


def test_the_newcomers_notes():
    text = _words(README)
    assert "`--creator` is required to create channels" in text
    assert "`me.key` has `me.outbox.db` in the same directory" in text
    assert "`--timer-interval` seconds (default 30)" in text
    ack = next(line for line in README.splitlines() if line.startswith("parley ack "))
    assert "--key" in ack
    assert "`parley log --json` prints JSON Lines" in text


def test_the_notes_match_the_code():
    import inspect

    from parley.cli.messages import outbox_path
    from parley.cli.server import serve

    assert outbox_path(Path("me.key")) == Path("me.outbox.db")
    assert inspect.signature(serve).parameters["timer_interval"].default == 30.0
    assert re.search(r"no --creator: nobody can create channels", inspect.getsource(serve))


def test_the_passphrase_rule_and_the_key_derivation_are_as_the_code_does():
    from parley.cli.keys import MIN_PASSPHRASE
    from parley.client import keystore

    text = _words(README)
    assert f"needs at least {MIN_PASSPHRASE} characters" in text and "key.weak_passphrase" in text
    assert "Argon2id (libsodium, 3 passes, 64 MiB" in text
    assert (keystore.OPSLIMIT, keystore.MEMLIMIT) == (3, 64 * 1024 * 1024)
    assert f"PBKDF2-HMAC-SHA256 at {keystore.BROWSER_ITERATIONS:,} iterations" in text
