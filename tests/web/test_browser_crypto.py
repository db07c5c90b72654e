"""The browser's half of the protocol agrees with Python's, byte for byte: RFC 8785
canonical JSON (what every signature covers) and key ids; and an entry signed in the
browser by a non-extractable WebCrypto key verifies with the server's own code."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.cli.demo import free_port, start_server
from parley.crypto.canonical import canonical_json
from parley.crypto.keys import VerifyKey
from parley.model.entry import Entry

pytestmark = pytest.mark.server

SAFE = 2**53 - 1  # JSON numbers a browser holds exactly (Parley's values are integers)
names = st.text(max_size=6)
scalars = st.none() | st.booleans() | st.integers(-SAFE, SAFE) | st.text(max_size=12)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=4),
    max_leaves=10,
)


def test_browser_and_python_agree_on_canonical_json_key_ids_and_signatures(tmp_path, browser):
    port = free_port()
    proc = start_server(tmp_path, port, ["--embedder", "none"])
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/app")
        page.wait_for_selector("h1")

        @settings(max_examples=60)
        @given(st.lists(values, min_size=1, max_size=10))
        def same_bytes(batch: list[object]) -> None:
            got = page.evaluate(
                """async (texts) => { const m = await import('/assets/parley.js');
                return texts.map((t) => m.canonical(JSON.parse(t))); }""",
                [json.dumps(v) for v in batch],
            )
            assert got == [canonical_json(v).decode() for v in batch]

        same_bytes()

        # A key made in the browser, an entry signed with it: Python checks both.
        made = page.evaluate(
            """async () => { const m = await import('/assets/parley.js');
            const me = await m.createIdentity('Probe');
            const s = new m.Session(me);
            const body = {to: 'azerbaijan', priority: 'urgent', subject: 'Gas', language: 'ru',
                          text: 'Пример — “quotes” \\u2028 and 😀'};
            let sent = null;
            s.raw = async (method, path, payload) => { sent = payload; return {receipt: null}; };
            s.token = 't'; s.expires = Date.now() + 1e9;
            await s.submit('some-channel', 'message.sent', body, []);
            return {keyId: me.keyId, publicKey: me.publicKey, entry: sent}; }"""
        )
        key = VerifyKey.from_b64(made["publicKey"])
        assert key.key_id == made["keyId"]
        entry = Entry.from_json(made["entry"])
        entry.verify_signature(key)
        entry.verify_body()
        assert entry.header.channel == "some-channel" and entry.header.author == key.key_id
    finally:
        proc.terminate()
        proc.wait(10)


def _variants(body: dict) -> list[dict]:
    """The body, and the body changed one field at a time: removed, of another type,
    emptied, overlong, with an unknown field."""
    out = [body, {**body, "zzz_unknown": 1}]
    for k, v in body.items():
        out.append({x: y for x, y in body.items() if x != k})
        out.append({**body, k: 12345 if not isinstance(v, int) else "12345"})
        if isinstance(v, str):
            out += [{**body, k: ""}, {**body, k: v + "x" * 21_000}, {**body, k: "Bad Id!"}]
        if isinstance(v, list):
            out += [{**body, k: []}, {**body, k: [*v, *v]}]
        if isinstance(v, dict):
            out.append({**body, k: {}})
    return out


def test_the_page_checks_bodies_as_the_server_does(tmp_path, browser, demo_dir):
    """Every body of the demo's log, and variants of each, judged by the page's schema
    check (schema.js, against GET /v1/schemas/entries) and by the server's models: the
    two must agree on every one."""
    import sqlite3

    from parley.errors import ParleyError
    from parley.model.bodies import parse_body
    from parley.model.registry import TYPES

    db = sqlite3.connect(demo_dir / "parley.db")
    rows = db.execute("SELECT type, body FROM entries").fetchall()
    cases = [(t, v) for t, body in rows for v in _variants(json.loads(body))]
    assert len({t for t, _ in cases}) >= 20

    def server_says(t: str, body: dict) -> bool:
        try:
            parse_body(TYPES[t].body, t, body)
        except ParleyError:
            return False
        return True

    port = free_port()
    proc = start_server(tmp_path, port, ["--embedder", "none"])
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/app")
        page.wait_for_selector("h1")
        page_says = page.evaluate(
            """async (cases) => { const m = await import('/assets/schema.js');
            const all = await m.schemas();
            return cases.map(([t, b]) => m.problem(all[t], b)); }""",
            [[t, b] for t, b in cases],
        )
    finally:
        proc.terminate()
        proc.wait(10)
    disagree = [
        (t, b, p)
        for (t, b), p in zip(cases, page_says, strict=True)
        if (p is None) != server_says(t, b)
    ]
    assert not disagree, f"{len(disagree)} of {len(cases)} disagree, e.g. {disagree[:3]}"
    assert sum(p is not None for p in page_says) > len(cases) / 3  # the variants are refused
