"""Key files: an Ed25519 seed encrypted under a passphrase, readable only by its owner.

Format (JSON, ``parley-keyfile/v1``): the public key and key id in clear; the 32-byte
seed sealed with XSalsa20-Poly1305 (libsodium ``secretbox``) under a key derived from
the passphrase with Argon2id (libsodium ``crypto_pwhash``, opslimit 3, memlimit
64 MiB, 16-byte random salt). The file is created with mode 0600 and refused when
anyone but its owner can read it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils

from parley.crypto.keys import SigningKey, VerifyKey, b64, unb64
from parley.errors import InvalidInput, ParleyError

FORMAT = "parley-keyfile/v1"
OPSLIMIT = 3
MEMLIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class KeyFile:
    name: str
    title: str
    key: SigningKey

    @property
    def public(self) -> VerifyKey:
        return self.key.public


def _derive(passphrase: str, salt: bytes, ops: int, mem: int) -> bytes:
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE, passphrase.encode(), salt, opslimit=ops, memlimit=mem
        )
    )


def save_key(path: Path, key: SigningKey, passphrase: str, name: str, title: str = "") -> None:
    """Write a new key file (never overwrites).

    Raises:
        ParleyError: ``keystore.exists`` when the file is already there.
    """
    if not passphrase:
        raise InvalidInput("keystore.empty_passphrase", "a key file needs a passphrase")
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    box = nacl.secret.SecretBox(_derive(passphrase, salt, OPSLIMIT, MEMLIMIT))
    doc = {
        "format": FORMAT,
        "name": name,
        "title": title,
        "key_id": key.key_id,
        "public_key": key.public.to_b64(),
        "kdf": {"alg": "argon2id", "opslimit": OPSLIMIT, "memlimit": MEMLIMIT, "salt": b64(salt)},
        "sealed_seed": b64(bytes(box.encrypt(key.seed))),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, doc)


def _key_doc(path: Path) -> tuple[dict[str, Any], int]:
    try:
        mode = path.stat().st_mode
        text = path.read_text() if stat.S_ISREG(mode) else ""
    except FileNotFoundError as exc:
        raise ParleyError(
            "keystore.not_found",
            f"no key file at {path}; make one with `parley keygen --out {path} --name ...`, "
            "or point --key (PARLEY_KEY) at yours",
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ParleyError("keystore.malformed", f"{path} is not a Parley key file") from exc
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        looks = ""
        if isinstance(doc, dict) and "sides" in doc and "mandate" in doc:
            looks = " (it is a charter: give it with --charter)"
        elif isinstance(doc, dict) and doc.get("format") == BROWSER_FORMAT:
            looks = " (it is a browser copy: import it on the web page)"
        raise ParleyError(
            "keystore.malformed",
            f"{path} is not a Parley key file{looks}; key files come from `parley keygen`",
        )
    return doc, mode


def check_key_file(path: Path) -> dict[str, Any]:
    """Read a key file's clear part, without its passphrase: that it is there, that it is
    a Parley key file (and not, say, a charter), that only its owner can read it.

    Raises:
        ParleyError: ``keystore.not_found``, ``keystore.malformed`` (not a key file),
            ``keystore.insecure_permissions`` (group or others can read it).
    """
    doc, mode = _key_doc(path)
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ParleyError(
            "keystore.insecure_permissions",
            f"{path} can be read by others (mode {oct(mode & 0o777)}); run: chmod 600 {path}",
        )
    return doc


def load_key(path: Path, passphrase: str) -> KeyFile:
    """Open a key file.

    Raises:
        ParleyError: what :func:`check_key_file` raises, ``keystore.bad_passphrase``,
            ``keystore.malformed``.
    """
    doc = check_key_file(path)
    try:
        kdf = doc["kdf"]
        secret = _derive(passphrase, unb64(kdf["salt"]), int(kdf["opslimit"]), int(kdf["memlimit"]))
        sealed = unb64(doc["sealed_seed"])
    except (ValueError, KeyError, TypeError, InvalidInput) as exc:
        raise ParleyError("keystore.malformed", f"{path} is not a Parley key file") from exc
    try:
        seed = nacl.secret.SecretBox(secret).decrypt(sealed)
    except nacl.exceptions.CryptoError as exc:
        raise ParleyError("keystore.bad_passphrase", f"wrong passphrase for {path}") from exc
    key = SigningKey(bytes(seed))
    if key.key_id != doc["key_id"]:
        raise ParleyError("keystore.malformed", f"{path}: key id does not match the key")
    return KeyFile(doc["name"], doc.get("title", ""), key)


def read_public(path: Path) -> dict[str, str]:
    """The clear part of a key file: name, title, key id and public key (no passphrase).

    Raises:
        ParleyError: ``keystore.not_found``, ``keystore.malformed`` (not a key file).
    """
    doc, _ = _key_doc(path)
    return {k: str(doc.get(k, "")) for k in ("name", "title", "key_id", "public_key")}


BROWSER_FORMAT = "parley-browser-key/v1"
BROWSER_ITERATIONS = 600_000
"""PBKDF2-HMAC-SHA256 iterations (OWASP's 2023 figure for SHA-256)."""


def export_browser(key_file: KeyFile, passphrase: str) -> dict[str, object]:
    """The same key, sealed for a browser to import (``assets/parley.js``).

    Browsers cannot open the Argon2id + XSalsa20-Poly1305 key file with WebCrypto alone,
    so this copy is sealed with what WebCrypto has: PBKDF2-HMAC-SHA256 (600,000
    iterations, 16-byte salt) and AES-256-GCM with the key id as associated data. Give it
    its own passphrase and delete it once imported; the browser keeps the key as a
    non-extractable WebCrypto key.
    """
    # Imported here: only this command needs AES-GCM, and it costs every CLI start ~30 ms.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise InvalidInput("keystore.empty_passphrase", "a key file needs a passphrase")
    salt, iv = nacl.utils.random(16), nacl.utils.random(12)
    secret = hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, BROWSER_ITERATIONS)
    kid = key_file.key.key_id
    sealed = AESGCM(secret).encrypt(iv, key_file.key.seed, kid.encode())
    return {
        "format": BROWSER_FORMAT,
        "name": key_file.name,
        "title": key_file.title,
        "key_id": kid,
        "public_key": key_file.public.to_b64(),
        "kdf": {"alg": "pbkdf2-sha256", "iterations": BROWSER_ITERATIONS, "salt": b64(salt)},
        "cipher": "aes-256-gcm",
        "iv": b64(iv),
        "sealed_seed": b64(sealed),
    }


def write_private(path: Path, doc: Mapping[str, object]) -> None:
    """Write a new file readable only by its owner (never overwrites)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise ParleyError("keystore.exists", f"{path} exists; choose another file") from exc
    with os.fdopen(fd, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
