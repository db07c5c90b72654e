import os

import pytest

from parley.client import load_key, read_public, save_key
from parley.crypto import SigningKey
from parley.errors import ParleyError


def test_round_trip_and_permissions(tmp_path):
    key = SigningKey.generate()
    path = tmp_path / "me.key"
    save_key(path, key, "correct horse", "Duty officer", "HQ")
    assert path.stat().st_mode & 0o777 == 0o600
    loaded = load_key(path, "correct horse")
    assert loaded.key.seed == key.seed and loaded.name == "Duty officer"
    assert read_public(path)["key_id"] == key.key_id
    assert key.seed.hex() not in path.read_text()


def test_wrong_passphrase_and_bad_files(tmp_path):
    path = tmp_path / "me.key"
    save_key(path, SigningKey.generate(), "pw", "x")
    with pytest.raises(ParleyError) as exc:
        load_key(path, "wrong")
    assert exc.value.code == "keystore.bad_passphrase"
    with pytest.raises(ParleyError) as exc:
        save_key(path, SigningKey.generate(), "pw", "x")
    assert exc.value.code == "keystore.exists"
    os.chmod(path, 0o644)
    with pytest.raises(ParleyError) as exc:
        load_key(path, "pw")
    assert exc.value.code == "keystore.insecure_permissions"
    junk = tmp_path / "junk.key"
    junk.write_text("{}")
    os.chmod(junk, 0o600)
    with pytest.raises(ParleyError) as exc:
        load_key(junk, "pw")
    assert exc.value.code == "keystore.malformed"
    with pytest.raises(ParleyError) as exc:
        load_key(tmp_path / "missing.key", "pw")
    assert exc.value.code == "keystore.not_found"


def test_browser_copy_opens_only_with_its_passphrase_and_names_its_key(tmp_path):
    """``parley key export-browser``'s format: PBKDF2-SHA256 + AES-256-GCM over the seed,
    the key id bound as associated data (the browser side is tests/web)."""
    import base64
    import hashlib
    import json

    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from parley.client.keystore import BROWSER_ITERATIONS, KeyFile, export_browser, write_private

    key = SigningKey.generate()
    doc = export_browser(KeyFile("Duty officer", "HQ", key), "browser pass")
    path = tmp_path / "me.browser.json"
    write_private(path, doc)
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ParleyError) as exc:
        write_private(path, doc)
    assert exc.value.code == "keystore.exists"
    text = path.read_text()
    assert key.seed.hex() not in text and base64.b64encode(key.seed).decode() not in text
    d = json.loads(text)
    assert d["kdf"]["iterations"] == BROWSER_ITERATIONS >= 600_000

    def open_with(passphrase: str, key_id: str) -> bytes:
        secret = hashlib.pbkdf2_hmac(
            "sha256", passphrase.encode(), base64.b64decode(d["kdf"]["salt"]), BROWSER_ITERATIONS
        )
        return AESGCM(secret).decrypt(
            base64.b64decode(d["iv"]), base64.b64decode(d["sealed_seed"]), key_id.encode()
        )

    assert open_with("browser pass", key.key_id) == key.seed
    with pytest.raises(InvalidTag):
        open_with("wrong", key.key_id)
    with pytest.raises(InvalidTag):  # relabelled for another key id: refused
        open_with("browser pass", SigningKey.generate().key_id)
    with pytest.raises(ParleyError):
        export_browser(KeyFile("x", "", key), "")
