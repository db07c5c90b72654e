"""The members' pages through an outage, in Chromium against a real server process that is
stopped and started again on the same port and data directory:

- with the server down, a member writes and signs (a message and an acknowledgement on
  one channel, an acknowledgement pressed twice on another): each action says it is
  signed and will be sent, and the header counts what waits;
- a reload with the server still down shows the page (the service worker keeps the
  shell) and the outbox survives it;
- when the server is back the page sends everything by itself, oldest first, from two
  tabs at once, and the log holds exactly one copy of each entry, in the order signed;
- the second acknowledgement, which the rules refuse once online, is shown as refused
  with the server's code and can be discarded;
- a resend of an entry whose answer was lost appends nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.crypto import SigningKey

pytestmark = pytest.mark.server
PASS = "correct horse battery staple"
CH = story.CHANNEL
BASIN = "tarn-basin"  # a second story: sides mission / north / south
ME = "artsakh-head"  # the story's artsakh head; "north"'s head in the basin's charter


class Server:
    """``parley serve`` that can be stopped and started again on the same data and port
    (as in test_duty_officer.py)."""

    def __init__(self, data: Path, args: list[str]) -> None:
        self.data, self.args, self.port = data, args, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: Any = None

    def start(self) -> None:
        self.proc = start_server(self.data, self.port, self.args)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture(scope="module")
def served(
    tmp_path_factory, people, charter, basin_charter
) -> Iterator[tuple[Server, dict[str, ParleyClient]]]:
    data = tmp_path_factory.mktemp("offline")
    server = Server(
        data / "server", ["--creator", people["commander"].key_id, "--embedder", "none"]
    )
    server.start()
    try:
        c = {stem: ParleyClient(server.url, key) for stem, key in people.items()}
        c["commander"].create_channel(CH, charter)
        c["commander"].create_channel(BASIN, basin_charter([]))
        for stem in ("artsakh-head", "azerbaijan-head"):
            c[stem].accept_charter(CH)
            c[stem].accept_charter(BASIN)
        yield server, c
    finally:
        server.stop()


def sign_in(chromium: Any, url: str, key_dir: Path, key: SigningKey, errors: list[str]) -> Any:
    path = key_dir / "me.browser.json"
    write_private(path, export_browser(KeyFile("Me", "", key), PASS))
    page = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{CH}/overview']").wait_for()
    # The service worker controls the page (it keeps the shell for a reload offline).
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return page


def go(page: Any, view: str, channel: str) -> None:
    page.evaluate(f"location.hash = '#/c/{channel}/{view}'")
    page.wait_for_selector(f"main[data-view='{view}'] [data-live] > *")


def note(page: Any, where: Any) -> str:
    line = where.locator(".act-note")
    line.wait_for()
    return str(line.inner_text())


def logged(client: ParleyClient, channel: str, author: str) -> list[tuple[int, str, str]]:
    """(seq, entry id, type) of the author's entries in the log, in log order."""
    return [
        (e["seq"], e["entry"]["header"]["id"], e["entry"]["header"]["type"])
        for e in client.entries(channel)
        if e["entry"]["header"]["author"] == author
    ]


def test_signed_offline_sent_once_in_order_when_back(
    served, chromium, tmp_path, people, axe, screenshots
):
    server, c = served
    me = people[ME].key_id
    _, asked = c["azerbaijan-head"].send(
        CH, to="artsakh", priority="routine", subject="Checkpoint hours", text="Please confirm."
    )
    _, basin_asked = c["azerbaijan-head"].send(
        BASIN, to="north", priority="urgent", subject="Gate levels", text="Gate 3 at 40%."
    )
    before = {ch: logged(c[ME], ch, me) for ch in (CH, BASIN)}
    errors: list[str] = []
    page = sign_in(chromium, server.url, tmp_path, people[ME], errors)
    other = page.context.new_page()  # a second tab of the same browser, on the other channel
    other.on("pageerror", lambda e: errors.append(str(e)))
    other.goto(f"{server.url}/app")
    go(other, "messages", BASIN)
    go(page, "messages", CH)
    page.evaluate("window.__notReloaded = true")
    other.evaluate("window.__notReloaded = true")

    server.stop()
    page.locator("#live[data-state=reconnecting]").wait_for()
    # Written and signed with the server away: kept, and said so (not an error).
    form = page.locator("#compose")
    form.get_by_label("To", exact=True).select_option("azerbaijan")
    form.get_by_label("Subject").fill("Written offline")
    form.get_by_label("Message", exact=True).fill("Signed while the server was down.")
    form.get_by_role("button", name="Sign and send").click()
    queued = note(page, form)
    assert queued == "Message: signed; it will be sent when the server is reachable.", queued
    assert form.get_by_label("Subject").input_value() == ""  # signed: the draft is done
    card = page.locator(f"#h-in + div article[data-message='{asked.entry_id}']")
    card.get_by_role("button", name="Acknowledge “Checkpoint hours”").click()
    assert "will be sent when the server is reachable" in note(page, card)
    outbox = page.locator("#outbox-button")
    outbox.filter(has_text="2 waiting to send").wait_for()
    # The other tab: the same acknowledgement pressed twice (the second will be refused).
    other.locator("#live[data-state=reconnecting]").wait_for()
    basin_card = other.locator(f"article[data-message='{basin_asked.entry_id}']")
    ack = basin_card.get_by_role("button", name="Acknowledge “Gate levels”")
    ack.click()
    other.locator("#outbox-button", has_text="3 waiting to send").wait_for()
    ack.click()
    other.locator("#outbox-button", has_text="4 waiting to send").wait_for()

    # A reload with the server still down: the shell from the service worker, the page
    # as last seen in this tab, the outbox from IndexedDB — and the member still writes
    # and signs.
    page.reload()
    outbox.filter(has_text="4 waiting to send").wait_for()
    page.locator("#live[data-state=reconnecting]").wait_for()
    form.get_by_label("Subject").fill("After the reload")
    form.get_by_label("Message", exact=True).fill("Still down.")
    form.get_by_role("button", name="Sign and send").click()
    assert "will be sent when the server is reachable" in note(page, form)
    outbox.filter(has_text="5 waiting to send").wait_for()
    outbox.click()
    items = page.locator("#outbox li[data-outbox]")
    items.nth(4).wait_for()
    assert items.count() == 5
    signed = items.evaluate_all("l => l.map((e) => e.dataset.outbox)")
    assert items.nth(0).locator("strong").inner_text() == "Message sent"
    assert items.nth(1).locator("strong").inner_text() == "Message acknowledged"
    assert "After the reload" in items.nth(4).inner_text()
    assert all(s == "pending" for s in items.evaluate_all("l => l.map((e) => e.dataset.state)"))
    assert axe(page) == []
    screenshots(page, "outbox")
    # In the reader's language, with its plural forms.
    page.select_option("#pref-lang", "ru")
    outbox.filter(has_text="5 записей ждут отправки").wait_for()
    page.locator("#outbox h2", has_text="Очередь отправки").wait_for()
    page.select_option("#pref-lang", "en")
    outbox.filter(has_text="5 waiting to send").wait_for()

    server.start()
    # Sent by themselves, oldest first, from both tabs; the duplicate acknowledgement is
    # refused by the rules and stays, shown with the server's code.
    outbox.filter(has_text="1 refused").wait_for(timeout=40_000)
    assert outbox.get_attribute("data-waiting") == "0"
    refused = page.locator("#outbox li[data-state=failed]")
    assert refused.count() == 1
    assert refused.get_attribute("data-outbox") == signed[3]
    assert "receipt.duplicate" in refused.inner_text()
    after = {ch: logged(c[ME], ch, me) for ch in (CH, BASIN)}
    # (The delivered receipts the pages sent when they showed the messages, before the
    # outage, are not the outbox's: those go at once or not at all.)
    new = [
        x
        for ch in (CH, BASIN)
        for x in after[ch]
        if x not in before[ch] and x[2] != "receipt.delivered"
    ]
    # Each exactly once, in the order signed (in each channel's log, and across them).
    assert sorted(i for _, i, _ in new) == sorted(signed[:3] + signed[4:])
    for ch in (CH, BASIN):
        mine = [i for _, i, t in after[ch] if i in signed]
        assert mine == [i for i in signed if i in mine], ch
    assert [t for _, i, t in new if i in signed[:3]] == [
        "message.sent",
        "receipt.acknowledged",
        "receipt.acknowledged",
    ]
    # The page came back by itself (no reload in the other tab; a fresh render here).
    page.locator("main[data-view=messages] [data-live] > *").wait_for(timeout=20_000)
    page.locator("#h-out + div article", has_text="Written offline").wait_for()
    page.locator("#h-out + div article", has_text="After the reload").wait_for()
    other.locator("#live[data-state=live]").wait_for(timeout=20_000)
    assert other.evaluate("window.__notReloaded") is True

    # Discarded: gone from the outbox and the header.
    refused.get_by_role("button", name="Discard").click()
    outbox.wait_for(state="hidden")
    assert page.evaluate(
        "async (me) => (await (await import('/assets/outbox.js')).list(me)).length", me
    ) == 0  # fmt: skip
    assert errors == []


def test_a_resend_after_a_lost_answer_appends_nothing(served, chromium, tmp_path, people):
    server, c = served
    me = people[ME].key_id
    errors: list[str] = []
    page = sign_in(chromium, server.url, tmp_path, people[ME], errors)
    before = logged(c[ME], BASIN, me)
    sent = page.evaluate(
        """async (channel) => {
          const p = await import('/assets/parley.js');
          const o = await import('/assets/outbox.js');
          const s = new p.Session(await p.loadIdentity());
          const e = await s.sign(channel, 'message.sent',
            { to: 'south', priority: 'routine', subject: 'Twice', text: 'Once only.', language: 'en' });
          const first = await s.post(e);  // it arrived; say its answer was lost
          await o.keep(e);                // so it is still in the outbox
          const [a, b] = await Promise.all([s.flush(), new p.Session(s.me).flush()]);
          const left = (await o.list(s.me.keyId)).length;
          // Two sends of one entry at the same moment (two tabs without Web Locks): the
          // server appends it once and answers both with the same receipt.
          const e2 = await s.sign(channel, 'message.sent',
            { to: 'south', priority: 'routine', subject: 'At once', text: 'Once only.', language: 'en' });
          const both = await Promise.all([s.post(e2), new p.Session(s.me).post(e2)]);
          return { id: e.header.id, seq: first.seq, a, b, left, id2: e2.header.id, seqs: both.map((r) => r.seq) };
        }""",
        BASIN,
    )
    assert sent["a"]["sent"] + sent["b"]["sent"] == 1
    assert sent["left"] == 0
    assert sent["seqs"][0] == sent["seqs"][1]
    new = [x for x in logged(c[ME], BASIN, me) if x not in before]
    assert [(s, i) for s, i, _ in new] == [
        (sent["seq"], sent["id"]),
        (sent["seqs"][0], sent["id2"]),
    ]
    assert errors == []
