import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parley.crypto.canonical import canonical_json, canonical_order, parse_json
from parley.errors import InvalidInput

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@given(json_values)
def test_canonical_round_trips(value):
    encoded = canonical_json(value)
    assert canonical_json(parse_json(encoded)) == encoded
    assert parse_json(encoded) == value


@given(st.dictionaries(st.text(max_size=8), st.integers(0, 100), min_size=2, max_size=8))
def test_key_order_does_not_matter(d):
    reordered = dict(reversed(list(d.items())))
    assert canonical_json(d) == canonical_json(reordered)


def test_rfc8785_known_answer():
    # RFC 8785 §3.2.2: keys sorted by UTF-16 code units, no whitespace, ES6 numbers.
    value = {
        "numbers": [333333333.33333329, 1e30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": '€$\u000f\nA\'B"\\\\"/',
        "literals": [None, True, False],
    }
    expected = (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    )
    assert canonical_json(value).decode() == expected


def test_sorting_by_utf16_code_units():
    # RFC 8785 §3.2.3 example: sorted by UTF-16, not by code point.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    keys = list(json.loads(canonical_json(value)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


@pytest.mark.parametrize(
    "text,code",
    [
        ("{", "json.malformed"),
        ('{"a": NaN}', "json.malformed"),
        ('{"a": 1, "a": 2}', "json.duplicate_key"),
        (b"\xff\xfe", "json.malformed"),
    ],
)
def test_parse_rejects_bad_json(text, code):
    with pytest.raises(InvalidInput) as exc:
        parse_json(text)
    assert exc.value.code == code


def test_non_canonical_values_are_refused():
    with pytest.raises(InvalidInput):
        canonical_json({"x": float("nan")})
    with pytest.raises(InvalidInput):
        canonical_json({"x": 2**60})


import rfc8785  # noqa: E402

any_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=6)
    ),
    max_leaves=40,
)


@settings(max_examples=500)
@given(any_json)
def test_identical_to_the_rfc8785_package(value):
    """The fast path and the reference package give the same bytes (or both refuse)."""
    try:
        expected = bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, ValueError, TypeError):
        with pytest.raises(InvalidInput):
            canonical_json(value)
        return
    assert canonical_json(value) == expected


@given(
    st.dictionaries(
        st.text(
            alphabet=st.characters(
                min_codepoint=0xD000, max_codepoint=0x1F9FF, blacklist_categories=("Cs",)
            )
        ),
        st.integers(0, 9),
        min_size=2,
        max_size=8,
    )
)
@example(d={"\ud000\ue000": 0, "\ud000\U00010000": 0})  # found by a fresh run: the
# names agree on their first character and differ after it
def test_keys_above_the_surrogate_range_sort_by_utf16(d):
    assert canonical_json(d) == bytes(rfc8785.dumps(d))


def test_lone_surrogates_are_refused():
    for bad in ({"a": "\ud800"}, {"\udfff": 1}, ["x\ud83d"]):
        with pytest.raises(InvalidInput):
            canonical_json(bad)


@settings(max_examples=300)
@given(any_json)
@example(value={"\ud000\ue000": 0, "\ud000\U00010000": [{"b": 1, "a": 2.5}], "a": None})
def test_canonical_order_is_what_parsing_the_encoding_gives(value):
    """The push stream shows a committed body in canonical order without encoding it and
    parsing it again: the same members, in the same order, as that would give."""
    try:
        expected = parse_json(canonical_json(value))
    except InvalidInput:
        with pytest.raises(InvalidInput):
            canonical_order(value)
        return
    got = canonical_order(value)
    assert json.dumps(got) == json.dumps(expected)  # dumps keeps each object's order


def _same_as_rfc8785(encode, value):
    try:
        expected = bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, ValueError, TypeError):
        with pytest.raises(InvalidInput):
            encode(value)
        return
    assert encode(value) == expected


@settings(max_examples=500)
@given(
    st.dictionaries(
        st.text(max_size=12) | st.text(st.characters(max_codepoint=127), max_size=12),
        st.text() | st.integers(-(2**60), 2**60) | st.lists(st.text(), max_size=4) | any_json,
        max_size=10,
    )
)
@example(value={"a": "\ud800"})  # a lone surrogate: refused, as canonical_json refuses it
@example(value={"b": 1, "a": 2})  # out of order: sorted after all
@example(value={"a": True, "b": 2**53})  # a bool, an int past the safe range
@example(value={"\u20ac": "x", "\U0001f600": "y"})  # names beyond ASCII
def test_ordered_encoding_is_identical_to_the_rfc8785_package(value):
    """``canonical_json_ordered`` (the header's encoder: members already in order) gives
    the reference package's bytes for any object, in order or not, or refuses it."""
    from parley.crypto.canonical import canonical_json_ordered

    _same_as_rfc8785(canonical_json_ordered, value)
    _same_as_rfc8785(canonical_json_ordered, dict(sorted(value.items())))  # in order


@settings(max_examples=500)
@given(
    st.text(),
    st.text(),
    st.text(),
    st.lists(st.text(), max_size=4),
    st.text(),
    st.text(),
    st.sampled_from(["confidential", "general", "public"]),
    st.integers(-(2**60), 2**60),
)
@example(
    "bench-000",
    "m\u00e9ssage.sent",
    "k" + "0" * 24,
    [],
    "2026-12-07T05:00:00.000Z",
    "d" * 44,
    "general",
    1,
)
def test_entry_header_bytes_are_identical_to_the_rfc8785_package(
    channel, type_, author, refs, time, digest, disclosure, v
):
    """What the author signs and the Merkle leaf holds: the header's RFC 8785 bytes,
    written by ``Header.canonical`` without the generic sort, are the reference's."""
    from parley.model.entry import Disclosure, Header

    header = Header(
        v=v,
        channel=channel,
        id="0b3c6f70-2a7e-4d52-9b0c-8f3e1c2d4a55",
        type=type_,
        author=author,
        time=time,
        refs=tuple(refs),
        disclosure=Disclosure(disclosure),
        body_digest=digest,
    )
    _same_as_rfc8785(lambda _: header.canonical(), header.to_json())
