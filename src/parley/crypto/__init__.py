"""Keys, key ids, canonical JSON, signatures and salted digests."""

from parley.crypto.canonical import canonical_json
from parley.crypto.digest import body_digest, new_salt
from parley.crypto.keys import KeyId, SigningKey, VerifyKey, key_id_for

__all__ = [
    "KeyId",
    "SigningKey",
    "VerifyKey",
    "body_digest",
    "canonical_json",
    "key_id_for",
    "new_salt",
]
