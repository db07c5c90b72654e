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
