"""The public page remembers what it saw, in a real browser against a real server: the
channel's trust root is pinned on the first visit, a later visit says whether the keys
are the same and the log only grew, and a log rebuilt without its last entries, a swapped
server key or a bundle of made-up keys is called out, never shown as verified."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import Witness
from parley.crypto import SigningKey
from parley.ledger import consistency_proof, root_hash
from parley.model.clock import OffsetClock

pytestmark = pytest.mark.server

PAGE = f"/public/channels/{story.CHANNEL}"
COMMUNIQUE = "Verify communiqué communique-1 in this browser"


def _state(page: Any) -> tuple[str, str]:
    page.wait_for_selector("#trust[data-state]")
    return page.get_attribute("#trust", "data-state"), page.inner_text("#trust-status")


def _verify(page: Any) -> tuple[str, str, str | None]:
    button = page.get_by_role("button", name=COMMUNIQUE)
    out = page.locator("#" + button.get_attribute("aria-controls"))
    button.click()
    page.wait_for_selector(f"#{button.get_attribute('aria-controls')}[data-result]")
    return out.get_attribute("data-result"), out.inner_text(), out.get_attribute("data-cosigned")


def test_the_page_pins_the_keys_and_says_the_log_only_grew(browser, story_server, tmp_path):
    url, member = story_server
    page = browser.new_context().new_page()
    page.goto(url + PAGE)
    state, said = _state(page)
    assert state == "first" and "remembers this channel's keys" in said, said
    result, text, cosigned = _verify(page)
    # Nobody has cosigned yet: verified, and the page says only the server vouches for it.
    assert result == "verified" and cosigned == "0", text
    assert "no party has cosigned" in text
    for stem in ("artsakh-head", "azerbaijan-head"):
        Witness(member(stem), story.CHANNEL, tmp_path / f"{stem}.witness.json").observe()
    member("artsakh-member").send(story.CHANNEL, to="azerbaijan", subject="later", text="t")
    page.reload()
    state, said = _state(page)
    assert state == "same" and "consistently" in said and "grew from" in said, said
    result, text, cosigned = _verify(page)
    assert result == "verified" and int(cosigned or 0) >= 2, text
    # Names and sides come from the trust root: the server's says side and role only.
    assert "artsakh head" in text and "Milli Majlis" not in text


def test_a_swapped_server_key_is_called_out(browser, story_server):
    url, _ = story_server
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + PAGE)
    assert _state(page)[0] == "first"
    other = SigningKey.generate().public

    def swapped(route: Any) -> None:
        trust = route.fetch().json()
        trust["server"] = {"key_id": other.key_id, "public_key": other.to_b64()}
        route.fulfill(json=trust)

    page.route("**/trust", swapped)
    page.reload()
    state, said = _state(page)
    assert state == "changed" and other.key_id in said and "WARNING" in said, said
    result, text, _ = _verify(page)
    assert result == "untrusted" and "NOT trusted" in text, text


def test_a_bundle_of_made_up_keys_is_not_verified(browser, story_server, forged_bundle):
    url, _ = story_server
    page = browser.new_context().new_page()
    forged = forged_bundle(story.CHANNEL)
    page.route("**/bundle", lambda route: route.fulfill(json=forged))
    page.goto(url + PAGE)
    _state(page)
    result, text, _ = _verify(page)
    assert result == "failed" and "NOT verified" in text, text


def test_a_trust_root_a_party_published_replaces_the_pin(browser, story_server, tmp_path):
    url, _ = story_server
    page = browser.new_context().new_page()
    page.goto(url + PAGE)
    _state(page)
    trust = page.request.get(f"{url}/public/v1/channels/{story.CHANNEL}/trust").json()
    good = tmp_path / "trust.json"
    good.write_text(json.dumps(trust))
    page.set_input_files("#trust-file", str(good))
    page.wait_for_selector("#trust-status:has-text('trust.json')")
    assert _state(page)[0] == "same"
    # A party's file naming another server key: this server's record no longer fits it.
    other = SigningKey.generate().public
    trust["server"] = {"key_id": other.key_id, "public_key": other.to_b64()}
    bad = tmp_path / "other.json"
    bad.write_text(json.dumps(trust))
    page.set_input_files("#trust-file", str(bad))
    page.wait_for_selector("#trust[data-state=changed]")
    result, text, _ = _verify(page)
    assert result == "failed" and "another server key" in text, text
    # A key id that is not its key's is refused outright.
    trust["server"]["key_id"] = "k" + "0" * 24
    (tmp_path / "broken.json").write_text(json.dumps(trust))
    page.set_input_files("#trust-file", str(tmp_path / "broken.json"))
    page.wait_for_selector("#trust[data-state=failed]")
    assert "not a usable trust root" in page.inner_text("#trust-status")


def test_a_log_rebuilt_without_its_last_entries_is_caught_on_the_next_visit(
    tmp_path, browser, people, charter, play_story, make_members
):
    """The operator keeps a copy of the database, server key and all, lets the talks go
    on, then serves the copy: every signature in it is valid, and the page still says
    the log lost entries since this browser's last visit."""
    start = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
    real, copy = tmp_path / "real", tmp_path / "copy"
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--clock-start", start.isoformat()]
    args += ["--embedder", "none"]
    url = f"http://127.0.0.1:{port}"
    proc = start_server(real, port, args)
    try:
        member = make_members(url, people, OffsetClock(start))
        play_story(member, charter)
        copy.mkdir(mode=0o700)
        shutil.copy(real / "server.key", copy / "server.key")
        with sqlite3.connect(real / "parley.db") as src, sqlite3.connect(copy / "parley.db") as dst:
            src.backup(dst)
        for i in range(9):
            member("azerbaijan-member").send(
                story.CHANNEL, to="artsakh", subject=f"r{i}", text="said, and then unsaid"
            )
        page = browser.new_context().new_page()
        page.goto(url + PAGE)
        assert _state(page)[0] == "first"
        page_size = page.evaluate(
            f"JSON.parse(localStorage.getItem('parley.pin.v1:{story.CHANNEL}')).checkpoint.size"
        )
    finally:
        proc.terminate()
        proc.wait(10)
    proc = start_server(copy, port, args)
    try:
        with sqlite3.connect(copy / "parley.db") as db:
            [(kept,)] = db.execute(
                "select max(seq) from entries where channel_id = ?", (story.CHANNEL,)
            ).fetchall()
        assert page_size == kept + 9
        page.reload()
        state, said = _state(page)
        assert state == "rollback", said
        assert f"now has {kept} entries" in said and f"saw {page_size} entries" in said, said
        assert _verify(page)[0] == "untrusted"
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_pages_consistency_check_agrees_with_rfc_9162(browser, story_server):
    """verify.js's consistency check against Python's proofs for every pair of sizes up
    to 33 leaves: each genuine proof holds, and a proof with one hash flipped, a wrong
    old root or a swapped size fails."""
    url, _ = story_server
    page = browser.new_page()
    page.goto(url + PAGE)
    _state(page)
    data = [bytes([i]) * 3 for i in range(33)]
    roots = [root_hash(data[:n]) for n in range(len(data) + 1)]
    cases = []
    for n in range(1, len(data) + 1):
        for m in range(1, n + 1):
            proof = consistency_proof(data[:n], m)
            b = [base64.b64encode(p).decode() for p in proof]
            r = [base64.b64encode(roots[m]).decode(), base64.b64encode(roots[n]).decode()]
            cases.append((m, n, *r, b, True))
            if b:
                flipped = b.copy()
                flipped[len(b) // 2] = base64.b64encode(bytes(32)).decode()
                cases.append((m, n, *r, flipped, False))
            if m < n:
                cases.append((m, n, r[1], r[1], b, False))  # another old root
                if m > 1:
                    cases.append((m - 1, n, *r, b, False))
    got = page.evaluate(
        """async (cases) => {
          const un = (t) => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
          const out = [];
          for (const [m, n, r1, r2, proof] of cases) {
            try { await window.parleyConsistent(m, n, un(r1), un(r2), proof.map(un)); out.push(true); }
            catch (e) { out.push(false); }
          }
          return out; }""",
        [list(c[:5]) for c in cases],
    )
    wrong = [(*c[:2], c[5]) for c, ok in zip(cases, got, strict=True) if ok != c[5]]
    assert not wrong, wrong[:5]
    assert len(cases) > 1000
