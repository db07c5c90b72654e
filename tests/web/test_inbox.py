"""The Messages page as a duty officer uses it, in Chromium against one real server (per
module), on two different channels — the demo's story and the river-basin commission:

- an urgent message is sent in at most 4 interactions ("New message", the text, Urgent,
  "Sign and send"; the recipient and the subject by default), and the other side
  acknowledges it in at most 2 — from a desktop notification (a click, then Enter on the
  Acknowledge button it focuses), from the message's card, and from the banner (1); the
  record (through the API) then has the acknowledgement;
- replies are threaded under their original and collapsed to the latest; the search finds
  a Russian and an Armenian word whatever their case and diacritics; each filter
  (priority, side, topic, state) shows what the API says it should, and survives a reload;
- the mediator relays a message sent to it, and it reaches the other party;
- axe is clean on the page at desktop and phone width.

Interactions are counted as a person performs them: one click or tap, one field filled,
one key pressed. Waiting for the page is not an interaction.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.model.clock import OffsetClock

pytestmark = pytest.mark.server
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASS = "correct horse battery staple"
# (channel, sending party, receiving party, mediator side, a mandate topic)
CHANNELS = {
    "story": (story.CHANNEL, "artsakh", "azerbaijan", "peacekeepers", "gas-supply"),
    "basin": ("basin", "north", "south", "mission", "dam-release"),
}
SENDER, RECEIVER, OFFICER = "artsakh-head", "azerbaijan-head", "duty-officer"

# Test-only: a stand-in for the desktop Notification API, permission granted; each
# notification kept with its click listeners, so the test can click it as a person would.
SPY = """
window.__notes = [];
class FakeNotification {
  constructor(title, opts) { this.title = title; this.opts = opts; this.clicks = []; window.__notes.push(this); }
  addEventListener(type, fn) { if (type === "click") this.clicks.push(fn); }
  click() { for (const fn of this.clicks) fn(); }
  close() {}
  static requestPermission() { return Promise.resolve("granted"); }
}
FakeNotification.permission = "granted";
window.Notification = FakeNotification;
"""


@pytest.fixture(scope="module")
def hotline(tmp_path_factory, people, charter, basin_charter) -> Iterator[tuple[str, dict[str, ParleyClient]]]:  # fmt: skip
    """One server, two channels; flash deadlines of 2 s so that a message goes overdue."""
    data = tmp_path_factory.mktemp("inbox")
    port = free_port()
    proc = start_server(
        data / "server", port, ["--creator", people["commander"].key_id, "--embedder", "none"]
    )
    url = f"http://127.0.0.1:{port}"
    try:
        c = {stem: ParleyClient(url, key) for stem, key in people.items()}
        fast = {"flash": 2, "urgent": 3600, "routine": 86400}
        c["commander"].create_channel(story.CHANNEL, {**charter, "ack_deadlines": fast})
        c["commander"].create_channel("basin", {**basin_charter([]), "ack_deadlines": fast})
        for ch in (story.CHANNEL, "basin"):
            for stem in ("artsakh-head", "azerbaijan-head"):
                c[stem].accept_charter(ch)
        yield url, c
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def pages(hotline, tmp_path_factory, people, chromium, signed_in_page) -> dict[str, Any]:
    """One Chromium for the module, a signed-in page (its own context) per person."""
    url, _c = hotline
    keys = tmp_path_factory.mktemp("keys")
    out: dict[str, Any] = {"errors": []}
    for stem in (SENDER, RECEIVER, OFFICER):
        name = next(x[3] for x in story.PEOPLE if x[0] == stem)
        path = keys / f"{stem}.browser.json"
        write_private(path, export_browser(KeyFile(name, "", people[stem]), PASS))
        out[stem] = signed_in_page(
            chromium, url, path, PASS, out["errors"], channel=story.CHANNEL, init_script=SPY
        )
    return out


def go(page: Any, ch: str, view: str, query: str = "") -> None:
    """Open a view and wait for it (not for the page shown before, of another channel);
    the same address again is shown afresh (setting it would not fire hashchange)."""
    page.evaluate(
        f"""() => {{
          delete document.getElementById('main').dataset.view;
          const target = '#/c/{ch}/{view}{query}';
          if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
          else location.hash = target;
        }}"""
    )
    page.wait_for_selector(f"main[data-view='{view}'] [data-live] > *")


def until(check: Callable[[], Any], what: str, timeout: float = 15) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out: {what}")


class Person:
    """A page whose interactions are counted."""

    def __init__(self, page: Any) -> None:
        self.page, self.steps = page, 0

    def __call__(self, action: Callable[[], Any]) -> Any:
        self.steps += 1
        return action()


@pytest.mark.parametrize("story_id", CHANNELS)
def test_urgent_sent_in_four_and_acknowledged_in_two(hotline, pages, story_id):
    _url, c = hotline
    ch, _a, b, _mediator, _topic = CHANNELS[story_id]
    sender, receiver = Person(pages[SENDER]), Person(pages[RECEIVER])
    s, r = sender.page, receiver.page
    if story_id == "basin":
        s.set_viewport_size(PHONE)  # a phone: the same four steps
    go(s, ch, "overview")
    if story_id == "basin":  # wherever the reader has scrolled to, "New message" is in view
        s.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        box = s.locator("nav a.new-message").bounding_box()
        assert s.evaluate("scrollY") > 200
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    go(r, ch, "overview")  # the receiving side has the channel open on another page
    notes_before = r.evaluate("window.__notes.length")

    text = f"Shelling reported near the pumping station ({story_id})\nTwo crews sheltering."
    sender(lambda: s.locator("nav").get_by_role("link", name="New message").click())
    s.wait_for_function("() => document.activeElement?.name === 'text'")  # focus in the text
    sender(lambda: s.locator("#compose textarea:focus").fill(text))
    sender(lambda: s.locator("#compose").get_by_role("radio", name="urgent").check())
    sender(lambda: s.locator("#compose").get_by_role("button", name="Sign and send").click())
    subject = text.split("\n")[0]
    s.locator("#h-out + div article[data-message]", has_text=subject).wait_for()
    assert sender.steps <= 4, sender.steps
    s.set_viewport_size(DESKTOP)
    m = next(x for x in c[SENDER].messages(ch) if x["subject"] == subject)
    assert (m["to"], m["priority"], m["text"]) == (b, "urgent", text)  # the only other party

    if story_id == "story":
        # The desktop notification: a click brings the message, its Acknowledge focused.
        r.wait_for_function(f"() => window.__notes.length > {notes_before}")
        assert subject not in r.evaluate("window.__notes.map((n) => n.title).join()")
        receiver(lambda: r.evaluate("window.__notes[window.__notes.length - 1].click()"))
        r.wait_for_function(f"() => document.activeElement?.dataset.ack === '{m['id']}'")
        receiver(lambda: r.keyboard.press("Enter"))
    else:
        # From the message's card: Messages, then its Acknowledge button.
        receiver(lambda: r.locator("nav").get_by_role("link", name="Messages").click())
        card = r.locator(f"article[data-message='{m['id']}']")
        receiver(lambda: card.get_by_role("button", name=f"Acknowledge “{subject}”").click())
    assert receiver.steps <= 2, receiver.steps
    acked = until(
        lambda: next(x for x in c[SENDER].messages(ch) if x["id"] == m["id"])["acknowledged_at"],
        "the acknowledgement in the record",
    )
    assert acked
    if story_id == "basin":
        # From the banner on any other page: one interaction.
        e, _ = c[SENDER].send(ch, to=b, priority="urgent", subject="Gate 3 stuck", text="Open it.")
        go(r, ch, "meetings")
        banner = r.get_by_role("alert")
        one = Person(r)
        one(lambda: banner.get_by_role("button", name="Acknowledge “Gate 3 stuck”").click())
        until(
            lambda: next(x for x in c[SENDER].messages(ch) if x["id"] == str(e.header.id))[
                "acknowledged_at"
            ],
            "the banner's acknowledgement in the record",
        )
        assert one.steps == 1
    assert pages["errors"] == []


def shown(page: Any, expected: set[str] | None = None) -> set[str]:
    """The messages the page shows (their ids) — once they are ``expected``, or after 10 s
    of redraws that never got there."""
    deadline = time.monotonic() + 10
    while True:
        ids = set(page.eval_on_selector_all("main [data-live] article[data-message]", "l => l.map((a) => a.dataset.message)"))  # fmt: skip
        if expected is None or ids == expected or time.monotonic() > deadline:
            return ids
        page.wait_for_timeout(100)


@pytest.mark.parametrize("story_id", CHANNELS)
def test_threads_search_and_filters(hotline, pages, axe, screenshots, story_id):
    _url, c = hotline
    ch, a, b, _mediator, topic = CHANNELS[story_id]
    # A conversation of three: the original (in Russian), an answer, an answer to that.
    orig, _ = c[SENDER].send(
        ch, to=b, priority="routine", subject=f"Ёлки у моста {story_id}", topic=topic,
        text="Давление ВОДЫ упало в северном районе.", language="ru",
    )  # fmt: skip
    c[RECEIVER].acknowledge(ch, str(orig.header.id))
    ans, _ = c[RECEIVER].send(
        ch, to=a, priority="routine", subject="Re: ёлки", text="Проверяем насосы.",
        reply_to=str(orig.header.id), language="ru",
    )  # fmt: skip
    last, _ = c[SENDER].send(
        ch, to=b, priority="routine", subject="Re: Re: ёлки", text="Спасибо.",
        reply_to=str(ans.header.id), language="ru",
    )  # fmt: skip
    arm, _ = c[SENDER].send(
        ch, to=b, priority="flash", subject="Ջրամբարի մակարդակը",
        text="ՋՐԱՄԲԱՐԻ մակարդակը բարձրանում է։", language="hy",
    )  # fmt: skip
    time.sleep(2.2)  # the flash (2 s deadline) is now overdue
    r = pages[RECEIVER]
    go(r, ch, "messages")

    # Threads: the original and the first answer collapsed behind "2 earlier messages".
    thread = r.locator(f"[data-thread='{orig.header.id}']")
    assert thread.locator(":scope > article[data-message]").evaluate_all(
        "l => l.map((a) => a.dataset.message)"
    ) == [str(last.header.id)]  # fmt: skip
    earlier = thread.locator("details.earlier")
    assert earlier.locator(":scope > summary").inner_text() == "2 earlier messages"
    assert not earlier.locator(f"article[data-message='{orig.header.id}']").is_visible()
    earlier.locator(":scope > summary").click()
    assert earlier.locator(f"article[data-message='{orig.header.id}']").is_visible()
    assert "an answer" in r.locator(f"article[data-message='{last.header.id}']").inner_text()

    # Search: case and diacritics folded, in Cyrillic and Armenian.
    search = r.get_by_label("Search subject and text")
    for word, expected in (("елки", (orig, ans, last)), ("воды", (orig,)), ("ջրամբարի", (arm,))):
        search.fill(word)
        r.wait_for_function("() => location.hash.includes('q=')")
        ids = {str(e.header.id) for e in expected}
        assert shown(r, ids) == ids, word
    assert r.locator("#mf-count").inner_text().startswith("Showing 1 of ")
    search.fill("нет такого слова")
    r.locator("[data-empty=filtered]").wait_for()
    r.get_by_role("button", name="Show all messages").click()
    assert search.input_value() == ""

    # Each filter shows exactly what the record says it should.
    msgs = c[RECEIVER].messages(ch)
    everything = {m["id"] for m in msgs}
    assert shown(r, everything) == everything
    cases = [
        ("priority", "flash", lambda m: m["priority"] == "flash"),
        ("side", f"from:{b}", lambda m: m["from_side"] == b),
        ("side", f"to:{b}", lambda m: m["to"] == b),
        ("topic", topic, lambda m: m["topic"] == topic),
        ("state", "awaiting", lambda m: not m["acknowledged_at"]),
        ("state", "acknowledged", lambda m: bool(m["acknowledged_at"])),
        ("state", "answered", lambda m: bool(m["answered_at"])),
        ("state", "overdue", lambda m: m["overdue"] and not m["acknowledged_at"]),
    ]
    for name, value, keep in cases:
        r.locator(f"#mf-{name}").select_option(value)
        expected_ids = {m["id"] for m in msgs if keep(m)}
        assert expected_ids and expected_ids != everything, (name, value)  # the test can fail
        assert shown(r, expected_ids) == expected_ids, (name, value)
        r.locator(f"#mf-{name}").select_option("")

    # Kept in the address: a reload (or a shared link) shows the same.
    r.locator("#mf-state").select_option("overdue")
    r.get_by_label("Search subject and text").fill("ՋՐԱՄԲԱՐ")
    r.wait_for_function("() => location.hash.includes('q=')")
    before = shown(r, {str(arm.header.id)})
    assert before == {str(arm.header.id)}
    r.reload()
    r.wait_for_selector("main[data-view='messages'] [data-live] > *")
    assert r.locator("#mf-state").input_value() == "overdue"
    assert r.get_by_label("Search subject and text").input_value() == "ՋՐԱՄԲԱՐ"
    assert shown(r, before) == before
    assert re.match(rf"Showing 1 of {len(everything)} messages", r.inner_text("#mf-count"))

    if story_id == "story":  # the page, with threads and filters, for everyone
        go(r, ch, "messages")
        r.locator(f"[data-thread='{orig.header.id}'] > details > summary").click()
        for size in (DESKTOP, PHONE):
            r.set_viewport_size(size)
            assert axe(r) == [], size
            if size is PHONE:
                assert r.evaluate("document.documentElement.scrollWidth") <= 390
        r.set_viewport_size(DESKTOP)
        screenshots(r, "inbox-threads")
    assert pages["errors"] == []


@pytest.mark.parametrize("story_id", CHANNELS)
def test_the_mediator_relays_a_message_to_the_other_side(hotline, pages, axe, story_id):
    _url, c = hotline
    ch, _a, b, mediator, _topic = CHANNELS[story_id]
    subject = f"Please tell the other side: convoy at 10:00 ({story_id})"
    e, _ = c[SENDER].send(
        ch, to=mediator, priority="urgent", subject=subject, text="A convoy of 12 trucks."
    )
    officer = Person(pages[OFFICER])
    o = officer.page
    go(o, ch, "messages")
    card = o.locator(f"article[data-message='{e.header.id}']")
    officer(lambda: card.locator(f"button[data-relay-to='{b}']").click())
    form = o.locator("#compose")
    assert form.locator("textarea").evaluate("t => t === document.activeElement")
    assert form.locator("select[name=to]").input_value() == b
    assert form.locator("input[name=priority]:checked").input_value() == "urgent"
    assert subject in form.locator("#compose-about").inner_text()
    if story_id == "story":
        assert axe(o) == []
    officer(lambda: form.get_by_role("button", name="Sign and send").click())
    card.locator(f"[data-relayed='{b}']").wait_for()
    assert officer.steps == 2

    relayed = until(
        lambda: next((m for m in c[RECEIVER].messages(ch) if m["relay_of"] == str(e.header.id)), None),
        "the relay reaching the other side",
    )  # fmt: skip
    assert (relayed["to"], relayed["subject"], relayed["text"]) == (
        b,
        subject,
        "A convoy of 12 trucks.",
    )
    assert relayed["from_side"] == mediator and relayed["priority"] == "urgent"
    r = pages[RECEIVER]
    go(r, ch, "messages")
    got = r.locator(f"article[data-message='{relayed['id']}']")
    assert "relayed by the mediator" in got.inner_text()
    assert pages["errors"] == []


def test_a_message_signed_long_before_it_arrived_says_why_it_may_be(hotline, pages, people):
    """A message signed ten minutes before the server received it — the sender's clock
    behind, or a send queue held while the server was out of reach (the two look the same
    in the record) — is flagged on the receiving side's card with both reasons."""
    url, _c = hotline
    ch, _a, b, _mediator, _topic = CHANNELS["basin"]
    late = ParleyClient(
        url, people[SENDER], clock=OffsetClock(datetime.now(UTC) - timedelta(minutes=10))
    )
    sent, _ = late.send(ch, to=b, subject="Held in the queue", text="Signed offline")
    page = pages[RECEIVER]
    go(page, ch, "messages")
    warning = page.locator(f"[data-message='{sent.id}'] [data-clock=flagged]")
    warning.wait_for()
    text = warning.inner_text()
    assert re.search(r"Signed (9|10) min before the server received it", text), text
    assert "clock was behind" in text and "send queue" in text, text
