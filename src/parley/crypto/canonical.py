"""Canonical JSON: RFC 8785 (JSON Canonicalization Scheme).

Everything Parley signs or hashes is encoded with this one function, so two parties who
hold the same value produce the same bytes.

Parley's own values are strings, integers, booleans, null, arrays and objects. For
those, RFC 8785 is: object members sorted by the UTF-16 code units of their names
(§3.2.3), no whitespace, strings escaped as ECMAScript's JSON.stringify does (§3.2.2.2,
which is what ``json.dumps(ensure_ascii=False)`` writes), and integers in decimal. That
path is ~10x faster than a general encoder and sits on every hot path; any value with a
float, or an integer outside ±(2**53 − 1), goes to the ``rfc8785`` package (Trail of
Bits), and a property test checks both paths give identical bytes on generated input.
"""

from __future__ import annotations

import json
import re
from typing import Any

import rfc8785

from parley.errors import InvalidInput

_MAX_SAFE = 2**53 - 1
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class _NeedsGeneral(Exception):
    """The value holds something the fast path does not handle."""


_ABOVE_SURROGATES = re.compile("[\ue000-\U0010ffff]")


def _utf16_key(name: str) -> bytes:
    return name.encode("utf-16-be")


def _sorted(value: Any) -> Any:
    t = type(value)
    if t is str or t is bool or value is None:
        return value
    if t is int:
        if -_MAX_SAFE <= value <= _MAX_SAFE:
            return value
        raise _NeedsGeneral
    if t is dict:
        keys = list(value)
        if any(type(k) is not str for k in keys):
            raise _NeedsGeneral
        if any(_ABOVE_SURROGATES.search(k) for k in keys):
            # A character at U+E000 or above, anywhere in a name: code point order and
            # UTF-16 code unit order can differ (U+E000 > U+10000, but 0xE000 > 0xD800).
            keys.sort(key=_utf16_key)
        else:
            keys.sort()
        return {k: _sorted(value[k]) for k in keys}
    if t is list or t is tuple:
        return [_sorted(v) for v in value]
    raise _NeedsGeneral


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` per RFC 8785.

    Raises:
        InvalidInput: the value holds something JSON cannot carry canonically
            (a float that is NaN or infinite, an integer beyond 2**53, a non-string key).
    """
    try:
        return _ENCODER.encode(_sorted(value)).encode("utf-8")
    except _NeedsGeneral:
        pass
    except UnicodeEncodeError as exc:  # a lone surrogate: not valid Unicode, not I-JSON
        raise InvalidInput("json.not_canonical", "text contains a lone UTF-16 surrogate") from exc
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:  # incl. UnicodeError
        raise InvalidInput(
            "json.not_canonical", f"value cannot be canonically encoded: {exc}"
        ) from exc


def canonical_json_ordered(value: dict[str, Any]) -> bytes:
    """:func:`canonical_json` of an object whose members the caller has already put in
    RFC 8785 order and whose values are all strings, or lists of strings, or integers of
    the safe range, only nested one deep (the entry header: fixed ASCII names, so their
    order is known in advance). Anything else, and a name out of order, still gives the
    canonical bytes, through :func:`canonical_json`: this only skips the sort.

    Raises:
        InvalidInput: as :func:`canonical_json`.
    """
    previous = ""
    for name, v in value.items():
        t = type(v)
        if (
            type(name) is not str
            or name <= previous
            or not name.isascii()
            or not (
                t is str
                or (t is int and -_MAX_SAFE <= v <= _MAX_SAFE)
                or (t is list and all(type(x) is str for x in v))
            )
        ):
            return canonical_json(value)
        previous = name
    try:
        return _ENCODER.encode(value).encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, as in canonical_json
        raise InvalidInput("json.not_canonical", "text contains a lone UTF-16 surrogate") from exc


def canonical_order(value: Any) -> Any:
    """``value`` with every object's members in RFC 8785 order: what parsing
    ``canonical_json(value)`` gives back, without encoding and parsing it.

    Raises:
        InvalidInput: as :func:`canonical_json`.
    """
    try:
        return _sorted(value)
    except _NeedsGeneral:
        return parse_json(canonical_json(value))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidInput("json.duplicate_key", f"JSON object repeats the key {key!r}")
            seen.add(key)
    return out


def _no_constant(name: str) -> Any:
    raise InvalidInput("json.malformed", f"JSON must not contain {name}")


def _bounded_int(text: str) -> int:
    # Parley's integers are at most 2**53 - 1 (16 digits); a 5,000-digit one is an
    # attack on the parser (CPython refuses such conversions with ValueError).
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise InvalidInput(
            "json.number_too_long", f"JSON number of {len(text)} characters is too long"
        )
    return int(text)


_STRICT = {
    "object_pairs_hook": _no_duplicates,
    "parse_constant": _no_constant,
    "parse_int": _bounded_int,
}
_DECODER = json.JSONDecoder(**_STRICT)  # type: ignore[arg-type]
"""One strict decoder, built once: ``json.loads`` with hooks builds a new one per call.
It holds no state between calls (as ``json``'s own shared default decoder)."""


def parse_json(data: bytes | str) -> Any:
    """Parse JSON strictly: no NaN/Infinity, no duplicate keys.

    Raises:
        InvalidInput: the text is not valid JSON (``json.malformed``) or repeats a key
            (``json.duplicate_key``).
    """
    if _too_deep(data):
        raise InvalidInput(
            "json.too_deep", f"JSON nested deeper than {MAX_DEPTH} levels is not accepted"
        )
    try:
        if type(data) is str and not data.startswith("\ufeff"):
            # What json.loads does with text (it refuses a BOM), minus building a decoder.
            return _DECODER.decode(data)
        return json.loads(data, **_STRICT)  # type: ignore[arg-type]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput("json.malformed", f"not valid JSON: {exc}") from exc
    except (RecursionError, ValueError) as exc:
        raise InvalidInput("json.malformed", f"not acceptable JSON: {exc}") from exc


MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted (Parley's bodies use at most 5)."""
MAX_INT_DIGITS = 40
"""Longest integer literal accepted (Parley's integers need 16 digits; floats go to the
general encoder)."""


def _too_deep(data: bytes | str) -> bool:
    """Whether brackets nest deeper than :data:`MAX_DEPTH` (outside strings): checked
    before parsing, so a 100,000-deep document never reaches the recursive parser."""
    if isinstance(data, bytes):
        if data.count(b"[") + data.count(b"{") <= MAX_DEPTH:
            return False
        text = data.decode("utf-8", "replace")
    else:
        text = data
        if text.count("[") + text.count("{") <= MAX_DEPTH:
            return False
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif ch in "]}":
            depth -= 1
    return False
