"""The pages a duty officer works from, in Chromium against one real server (per module):

- the mediator's side acknowledges a message addressed to it, from the console and from
  Messages, and the sender sees the receipt;
- the browser itself checks ids (the ``pattern`` is valid in Chromium's ``v``-flag mode);
- a message's line breaks are kept; unacknowledged flash and urgent messages come first;
- focus after a signing action lands on the card's status line, never on the body, and
  the result is said next to the button that was pressed;
- a flash message follows the member to any page: a banner until it is acknowledged, a
  count in the tab's title, a tone (switched off in the header, remembered), a desktop
  notification once allowed; for the mediator, an escalation too;
- after an outage the page recovers by itself, and a typed message survives navigation.
"""

from __future__ import annotations

import subprocess
import time
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
FAST = "fast-lane"  # a second channel whose flash deadline is 2 s, with the server's timers
MEDIATOR = "peacekeepers"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Test-only instrumentation, injected before the page's scripts: count the tones the page
# starts, and stand in for the desktop Notification API (permission "default" until the
# page asks; every notification recorded).
SPY = """
window.__tones = 0;
const make = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () {
  const o = make.call(this);
  const start = o.start.bind(o);
  o.start = (...a) => { window.__tones += 1; return start(...a); };
  return o;
};
window.__notes = [];
window.__asked = 0;
class FakeNotification {
  constructor(title, opts) { window.__notes.push({ title, body: (opts || {}).body || "" }); }
  addEventListener() {}
  close() {}
  static requestPermission() { window.__asked += 1; FakeNotification.permission = "granted"; return Promise.resolve("granted"); }
}
FakeNotification.permission = "default";
window.Notification = FakeNotification;
"""


class Server:
    """``parley serve`` that can be stopped and started again on the same data and port."""

    def __init__(self, data: Path, args: list[str]) -> None:
        self.data, self.args, self.port = data, args, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = start_server(self.data, self.port, self.args)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture(scope="module")
def hotline(tmp_path_factory, people, charter) -> Iterator[tuple[Server, dict[str, ParleyClient]]]:
    """One server for the module: the story's channel, and a channel with fast deadlines
    that the server's timers escalate."""
    data = tmp_path_factory.mktemp("duty-officer")
    server = Server(
        data / "server",
        ["--creator", people["commander"].key_id, "--embedder", "none", "--timer-interval", "1"],
    )
    server.start()
    try:
        c = {stem: ParleyClient(server.url, key) for stem, key in people.items()}
        c["commander"].create_channel(CH, charter)
        fast = {
            **charter,
            "title": "Fast lane",
            "server_key": c["commander"].server_key().to_b64(),
            "ack_deadlines": {"flash": 2, "urgent": 3600, "routine": 86400},
        }
        c["commander"].create_channel(FAST, fast)
        for stem in ("artsakh-head", "azerbaijan-head"):
            c[stem].accept_charter(CH)
            c[stem].accept_charter(FAST)
        yield server, c
    finally:
        server.stop()


def sign_in(
    chromium: Any, url: str, key_dir: Path, people: dict[str, SigningKey], stem: str,
    errors: list[str], spy: bool = False,
) -> Any:  # fmt: skip
    """A page in a browser context of its own, signed in as ``stem``, on the channel list."""
    name = next(p[3] for p in story.PEOPLE if p[0] == stem)
    path = key_dir / f"{stem}.browser.json"
    write_private(path, export_browser(KeyFile(name, "", people[stem]), PASS))
    page = chromium.new_context(viewport=DESKTOP).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    if spy:
        page.add_init_script(SPY)
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{CH}/overview']").wait_for()
    return page


def go(page: Any, view: str, channel: str = CH) -> None:
    page.evaluate(f"location.hash = '#/c/{channel}/{view}'")
    page.wait_for_selector(f"main[data-view='{view}'] [data-live] > *")


def focus_is_sensible(page: Any) -> str:
    """What has focus; fails if it is the page's body (or nothing)."""
    page.wait_for_timeout(400)  # live re-renders from the stream settle
    tag = page.evaluate(
        """() => { const a = document.activeElement;
        return !a || a === document.body ? 'BODY' : a.tagName + '.' + a.className; }"""
    )
    assert tag != "BODY", "focus fell to the page's body"
    return str(tag)


def in_viewport(locator: Any) -> bool:
    return bool(
        locator.evaluate(
            """(e) => { const r = e.getBoundingClientRect();
            return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.height > 0; }"""
        )
    )


def clean_at_both_widths(page: Any, axe: Any) -> None:
    """axe finds nothing serious at desktop and phone width; at 390 px the page does not
    scroll sideways."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert axe(page) == [], (size, page.url)
        if size is PHONE:
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (page.url, width)
    page.set_viewport_size(DESKTOP)


def test_the_mediator_acknowledges_from_the_console_and_from_messages(
    hotline, chromium, axe, tmp_path, people
):
    server, c = hotline
    errors: list[str] = []
    text = "Shots heard near the bridge.\nTwo vehicles turned back.\nNobody hurt."
    flash, _ = c["artsakh-head"].send(
        CH, to=MEDIATOR, priority="flash", subject="Shots near the bridge", text=text
    )
    officer = sign_in(chromium, server.url, tmp_path, people, "duty-officer", errors)
    go(officer, "overview")
    waiting = officer.locator("section[aria-labelledby=h-wait]")
    card = waiting.locator(f"article[data-message='{flash.header.id}']")
    card.wait_for()
    clean_at_both_widths(officer, axe)  # the console, with the banner showing

    # One interaction: the Acknowledge button on the console's card.
    card.get_by_role("button", name="Acknowledge “Shots near the bridge”").click()
    card.wait_for(state="detached")
    note = waiting.get_by_role("status")
    note.wait_for()
    assert note.inner_text() == "Acknowledgement: signed and recorded."
    focus_is_sensible(officer)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the sender sees the receipt (the SDK's view)
        sent = next(m for m in c["artsakh-head"].messages(CH) if m["id"] == flash.header.id)
        if sent["acknowledged_at"]:
            break
        time.sleep(0.2)
    assert sent["acknowledged_at"], sent
    ack = next(r for r in sent["receipts"] if r["kind"] == "acknowledged")
    assert ack["side"] == MEDIATOR and ack["member"] == people["duty-officer"].key_id

    # From Messages, with the keyboard: focus then goes to the card's status line.
    urgent, _ = c["azerbaijan-head"].send(
        CH, to=MEDIATOR, priority="urgent", subject="Convoy at the checkpoint", text=text
    )
    go(officer, "messages")
    mcard = officer.locator(f"article[data-message='{urgent.header.id}']")
    shown = mcard.locator("p[data-user]").first
    # (found afresh each time: the list is redrawn as the push stream brings entries, and
    # a card's paragraph read after it was replaced has no computed style at all)
    officer.wait_for_function(
        """id => { const p = document.querySelector(`article[data-message='${id}'] p[data-user]`);
                   return !!p && getComputedStyle(p).whiteSpace === "pre-wrap"; }""",
        arg=urgent.header.id,
    )
    assert shown.inner_text() == text  # the line breaks are kept
    assert mcard.get_by_role("button", name="Answer “Convoy at the checkpoint”").count() == 1
    clean_at_both_widths(officer, axe)
    mcard.get_by_role("button", name="Acknowledge “Convoy at the checkpoint”").focus()
    officer.keyboard.press("Enter")
    mcard.locator("li.done[data-hop=acknowledged]").wait_for()
    assert "act-note" in focus_is_sensible(officer)
    assert mcard.get_by_role("status").inner_text() == "Acknowledgement: signed and recorded."
    # Answering an urgent message answers it as urgent (the form starts at routine).
    mcard.get_by_role("button", name="Answer “Convoy at the checkpoint”").click()
    assert officer.locator("#compose input[name=priority][value=urgent]").is_checked()
    assert errors == []


def test_ids_are_checked_by_the_browser(hotline, chromium, tmp_path, people):
    server, _c = hotline
    errors: list[str] = []
    head = sign_in(chromium, server.url, tmp_path, people, "azerbaijan-head", errors)
    console: list[str] = []
    head.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    for view in ("meetings", "publication", "members"):
        go(head, view)
        every = head.locator("main input[pattern]:not([pattern^=k])")
        assert every.count() >= 1, view
        for ids in every.all():
            if not ids.is_visible():
                continue  # in a closed <details>
            for value, wrong in (("Bad id!", True), ("-x", True), ("wg-2023-03-01", False)):
                ids.fill(value)
                flagged = ids.evaluate("e => e.validity.patternMismatch")
                assert flagged is wrong, (view, value)
            ids.fill("Bad id!")
            assert ids.evaluate("e => (e.form || e).checkValidity()") is False, view
    assert console == [], console
    assert errors == []


def test_unacknowledged_flash_and_urgent_messages_come_first(
    hotline, chromium, axe, tmp_path, people
):
    server, c = hotline
    errors: list[str] = []
    sender, reader = c["artsakh-head"], c["azerbaijan-head"]
    ids = {}
    for subject, priority, acked in (
        ("S5 routine, acknowledged", "routine", True),
        ("S4 flash, acknowledged", "flash", True),
        ("S3 urgent", "urgent", False),
        ("S2 routine", "routine", False),
        ("S1 flash", "flash", False),
    ):
        e, _ = sender.send(CH, to="azerbaijan", priority=priority, subject=subject, text="x")
        if acked:
            reader.acknowledge(CH, str(e.header.id))
        ids[subject] = str(e.header.id)
    head = sign_in(chromium, server.url, tmp_path, people, "azerbaijan-head", errors)
    go(head, "messages")
    inbox = head.locator("#h-in + div article[data-message] h3")
    shown = [s.split(" ", 1)[1] for s in inbox.all_inner_texts() if " S" in s]
    expected = ["S1 flash", "S3 urgent", "S2 routine", "S4 flash, acknowledged"]
    expected.append("S5 routine, acknowledged")
    assert [x for x in shown if x in expected] == expected, shown

    # Acknowledged with the keyboard, it moves down among the acknowledged (newest first);
    # focus goes to its status line.
    first = head.locator(f"article[data-message='{ids['S1 flash']}']")
    first.get_by_role("button", name="Acknowledge “S1 flash”").focus()
    head.keyboard.press("Enter")
    first.locator("li.done[data-hop=acknowledged]").wait_for()
    assert "act-note" in focus_is_sensible(head)
    assert (
        head.evaluate("document.activeElement.closest('article').dataset.message")
        == ids["S1 flash"]
    )
    head.wait_for_function(
        """(id) => [...document.querySelectorAll('#h-in + div article[data-message]')]
        .map((a) => a.dataset.message).indexOf(id) === 2""",
        arg=ids["S1 flash"],
    )
    assert errors == []


def test_a_flash_message_follows_the_duty_officer_to_any_page(
    hotline, chromium, axe, tmp_path, people
):
    server, c = hotline
    errors: list[str] = []
    officer = sign_in(chromium, server.url, tmp_path, people, "duty-officer", errors, spy=True)
    go(officer, "minutes")
    assert officer.title() == "Parley"
    banner = officer.locator("#alerts")
    assert banner.is_hidden()
    # Notifications are asked for only when the member presses the button.
    ask = officer.get_by_role("button", name="Turn on desktop notifications")
    assert ask.is_visible() and officer.evaluate("window.__asked") == 0
    ask.click()
    ask.wait_for(state="hidden")
    assert officer.evaluate("window.__asked") == 1

    flash, _ = c["azerbaijan-head"].send(
        CH, to=MEDIATOR, priority="flash", subject="Artillery at dawn", text="Reported."
    )
    alert = officer.get_by_role("alert")
    alert.locator(f"li[data-alert='{flash.header.id}']").wait_for()
    assert "Artillery at dawn" in alert.inner_text()
    officer.wait_for_function("() => document.title === '(1) Parley'")
    assert officer.locator("main[data-view=minutes]").count() == 1  # still on Minutes
    officer.wait_for_function("() => window.__tones >= 1")  # a tone (flash: two)
    notes = officer.evaluate("window.__notes")
    assert len(notes) == 1 and "azerbaijan" in notes[0]["title"], notes
    assert "Artillery" not in str(notes)  # the subject stays off the desktop
    link = alert.get_by_role("link", name="Open “Artillery at dawn”")
    assert link.get_attribute("href") == f"#/c/{CH}/messages/{flash.header.id}"
    assert axe(officer) == []

    alert.get_by_role("button", name="Acknowledge “Artillery at dawn”").click()
    banner.wait_for(state="hidden")
    officer.wait_for_function("() => document.title === 'Parley'")
    focus_is_sensible(officer)
    acked = next(m for m in c["azerbaijan-head"].messages(CH) if m["id"] == flash.header.id)
    assert acked["acknowledged_at"]

    # The sound switch, remembered for this member like the language.
    sound = officer.get_by_label("Alert sound")
    assert sound.is_checked()
    sound.uncheck()
    officer.reload()
    officer.locator("main[data-view=minutes] [data-live] > *").wait_for()
    assert not officer.get_by_label("Alert sound").is_checked()
    tones = officer.evaluate("window.__tones")
    assert tones == 0  # a fresh page: nothing played yet

    # An escalation: a flash between the parties not acknowledged in time (2 s here).
    go(officer, "overview", FAST)
    late, _ = c["artsakh-head"].send(
        FAST, to="azerbaijan", priority="flash", subject="Unanswered flash", text="x"
    )
    escalated = alert.locator(f"li[data-alert='{late.header.id}']", has_text="Escalated")
    escalated.wait_for(timeout=20_000)
    assert escalated.get_by_role("button").count() == 0  # the parties acknowledge it
    assert officer.evaluate("window.__tones") == 0  # the sound is off
    assert errors == []


def test_the_page_recovers_after_an_outage_and_keeps_the_draft(hotline, chromium, tmp_path, people):
    server, _c = hotline
    errors: list[str] = []
    head = sign_in(chromium, server.url, tmp_path, people, "artsakh-head", errors)
    go(head, "messages")
    head.evaluate("window.__notReloaded = true")
    form = head.locator("#compose")
    form.get_by_label("To", exact=True).select_option("azerbaijan")
    form.get_by_role("radio", name="urgent").check()
    form.get_by_label("Subject").fill("Water pressure")
    form.get_by_label("Message", exact=True).fill("Pressure low in the north.\nPumps checked.")
    form.get_by_label("Topic of the mandate").select_option(index=1)
    form.get_by_label("Language the message is written in").select_option("ru")
    typed = form.evaluate(
        "f => [...f.querySelectorAll('input, select, textarea')].map((e) => e.value)"
    )

    server.stop()
    head.locator("#live[data-state=reconnecting]").wait_for()
    # (Sending while the server is down signs and keeps the message: test_offline.py.)
    head.evaluate(f"location.hash = '#/c/{CH}/meetings'")
    head.get_by_role("heading", name="Something went wrong").wait_for()

    server.start()
    head.locator("main[data-view=meetings] [data-live] > *").wait_for(timeout=20_000)
    head.locator("#live[data-state=live]").wait_for()
    assert head.evaluate("window.__notReloaded") is True  # recovered without a reload
    go(head, "messages")
    assert form.evaluate(
        "f => [...f.querySelectorAll('input, select, textarea')].map((e) => e.value)"
    ) == typed  # fmt: skip
    form.get_by_role("button", name="Sign and send").click()
    # Said next to the button, where the member is looking.
    done = form.get_by_role("status")
    done.wait_for()
    assert done.inner_text() == "Message: signed and recorded.", done.inner_text()
    assert in_viewport(done), done.evaluate(
        "e => [JSON.stringify(e.getBoundingClientRect()), innerHeight, scrollY, e.outerHTML]"
    )
    head.locator("#h-out + div article[data-message]", has_text="Water pressure").wait_for()
    go(head, "meetings")
    go(head, "messages")
    assert form.get_by_label("Subject").input_value() == ""  # sent: the draft is gone
    assert errors == []
