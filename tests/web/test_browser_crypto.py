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
            const body = {to: 'x', text: 'Пример — “quotes” \\u2028 and 😀'};
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
