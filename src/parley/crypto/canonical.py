"""Canonical JSON: RFC 8785 (JSON Canonicalization Scheme).

Everything Parley signs or hashes is encoded with this one function, so two parties who
hold the same value produce the same bytes. We use the ``rfc8785`` package (Trail of
Bits) rather than our own encoder; the tests check it round-trips and is stable.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from parley.errors import InvalidInput


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` per RFC 8785.

    Raises:
        InvalidInput: the value holds something JSON cannot carry canonically
            (a float that is NaN or infinite, an integer beyond 2**53, a non-string key).
    """
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise InvalidInput(
            "json.not_canonical", f"value cannot be canonically encoded: {exc}"
        ) from exc


def parse_json(data: bytes | str) -> Any:
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys.

    Raises:
        InvalidInput: the text is not valid JSON (``json.malformed``) or repeats a key
            (``json.duplicate_key``).
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, val in pairs:
            if key in out:
                raise InvalidInput("json.duplicate_key", f"JSON object repeats the key {key!r}")
            out[key] = val
        return out

    def no_constant(name: str) -> Any:
        raise InvalidInput("json.malformed", f"JSON must not contain {name}")

    try:
        return json.loads(data, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput("json.malformed", f"not valid JSON: {exc}") from exc
