"""The ordered pass of the audit was made cheaper (issue 20, item 4): each faster piece
must agree with the code it replaced, kept here as the reference, on generated input."""

import base64
import gc
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parley.crypto.canonical import MAX_INT_DIGITS, canonical_json, parse_json
from parley.errors import InvalidInput, ParleyError, VerificationError
from parley.ledger.merkle import CompactRange, node_hash
from parley.ledger.note import _no_controls, note_key_id
from parley.model.clock import format_time
from parley.model.relay import RELAY_PREFIX, relay_message
from parley.service.audit import FREEZE_EVERY, _LongLived

# --- the replaced code, as it was ------------------------------------------------------


def reference_parse_json(data: bytes | str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise InvalidInput("json.duplicate_key", f"JSON object repeats the key {key!r}")
                seen.add(key)
        return out

    def no_constant(name: str) -> Any:
        raise InvalidInput("json.malformed", f"JSON must not contain {name}")

    def bounded_int(text: str) -> int:
        if len(text.lstrip("-")) > MAX_INT_DIGITS:
            raise InvalidInput(
                "json.number_too_long", f"JSON number of {len(text)} characters is too long"
            )
        return int(text)

    try:
        return json.loads(
            data, object_pairs_hook=no_duplicates, parse_constant=no_constant, parse_int=bounded_int
        )
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput("json.malformed", f"not valid JSON: {exc}") from exc
    except (RecursionError, ValueError) as exc:
        raise InvalidInput("json.malformed", f"not acceptable JSON: {exc}") from exc


def reference_format_time(t: datetime) -> str:
    u = t.astimezone(UTC)
    return (
        f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}."
        f"{u.microsecond // 1000:03d}Z"
    )


def reference_no_controls(text: str) -> bool:
    return any((c < " " and c != "\n") or c == "\x7f" for c in text)


def outcome(f: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", f(*args)
    except ParleyError as exc:
        return "error", (type(exc), exc.code, exc.message)


# --- the comparisons -------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)
json_chars = st.sampled_from(list('{}[]":,-.0123456789eEtrufalsnNIiy \n\t\\\ufeffaé'))
json_like = st.builds(json.dumps, json_values) | st.text(json_chars, max_size=40)


@given(json_like)
@example('{"a": 1, "a": 2}')
@example('{"a": NaN}')
@example("[-Infinity]")
@example("1" * 41)
@example("\ufeff{}")
@example("")
@example('{"a": {"b": 1, "b": 1}}')
def test_parse_json_agrees_with_the_per_call_decoder(text):
    assert outcome(parse_json, text) == outcome(reference_parse_json, text)
    raw = text.encode("utf-8", "surrogatepass")
    assert outcome(parse_json, raw) == outcome(reference_parse_json, raw)


@given(
    st.datetimes(
        min_value=datetime(2, 1, 1),
        max_value=datetime(9998, 12, 31),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=11))]
        ),
    )
)
def test_format_time_agrees_with_the_field_by_field_form(t):
    assert format_time(t) == reference_format_time(t)


@given(
    st.text(), st.integers(1, 2**53 - 1), st.text(), st.binary(min_size=32, max_size=32), st.text()
)
@example("ch\u2028", 7, "id", b"\0" * 32, "2023-03-01T07:00:00.000Z")
def test_relay_message_is_the_canonical_encoding(channel, seq, entry_id, leaf, received):
    expected = outcome(
        lambda: (
            RELAY_PREFIX
            + canonical_json(
                {
                    "channel": channel,
                    "seq": seq,
                    "id": entry_id,
                    "leaf": base64.b64encode(leaf).decode(),
                    "received": received,
                }
            )
        )
    )
    assert outcome(relay_message, channel, seq, entry_id, leaf, received) == expected


@given(st.text(st.characters(max_codepoint=0x200)))
@example("a\nb")
@example("\x7f")
@example("\x1f")
@example("\x0b")
def test_no_controls_agrees_with_the_character_loop(text):
    found = reference_no_controls(text)
    if found:
        with pytest.raises(VerificationError):
            _no_controls(text)
    else:
        _no_controls(text)


def test_note_key_id_is_the_spec_hash():
    from parley.crypto.keys import SigningKey

    key = SigningKey.generate().public
    for name, kind in (("parley.example/ch", 1), ("witness", 4), ("parley.example/ch", 1)):
        want = hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + key.raw).digest()[:4]
        assert note_key_id(name, kind, key) == want


@given(st.lists(st.binary(min_size=32, max_size=32), max_size=70))
def test_root_agrees_with_folding_node_hash(leaves):
    tree = CompactRange()
    for leaf in leaves:
        tree.append(leaf)
        nodes = tree.nodes
        want = nodes[-1]
        for h in reversed(nodes[:-1]):
            want = node_hash(h, want)
        assert tree.root() == want


def test_the_collector_is_handed_everything_back():
    assert gc.get_freeze_count() == 0
    before = gc.get_threshold()
    long_lived = _LongLived()
    assert long_lived.on
    for _ in range(FREEZE_EVERY * 2 + 1):
        long_lived.tick()
    assert gc.get_freeze_count() > 0
    long_lived.close()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_the_collector_is_left_alone_when_something_else_froze_objects():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        long_lived = _LongLived()
        assert not long_lived.on
        for _ in range(FREEZE_EVERY + 1):
            long_lived.tick()
        long_lived.close()
        # neither frozen again (more) nor handed back (0); a frozen object another thread
        # frees meanwhile leaves the permanent generation, so the count may only shrink
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
