"""The members' pages in real browsers (Debian's Chromium via Playwright) against a real
server: the core of the story played by people each in their own browser context —
their keys made or imported there, every action signed there.

- the duty officer imports a key file made by ``parley keygen`` (+ ``key export-browser``);
- the Artsakh head imports theirs and invites a new member, who opens the link in a fresh
  browser that creates the key; the head checks the key id and signs the member in;
- the new member sends an urgent message and watches its receipts change on the page
  (no reload) as the Azerbaijani head's page receives and acknowledges it;
- a meeting is proposed and accepted, minutes drafted and signed, a communiqué drafted,
  signed and published; the public page's verify button passes, and fails for a bundle
  the test alters.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
MEETING = "wg-2023-03-01"
TITLE = "Working groups on urgent humanitarian and infrastructure issues"
TEXT = (
    "On 1 March 2023 the working groups met at the headquarters of the Russian "
    "peacekeeping mission and reached agreements on urgent humanitarian issues."
)


def browser_key(tmp_path: Path, stem: str, key: SigningKey) -> Path:
    name = next(p[3] for p in story.PEOPLE if p[0] == stem)
    path = tmp_path / f"{stem}.browser.json"
    write_private(path, export_browser(KeyFile(name, "", key), PASS))
    return path


def person(browser: Any, url: str, errors: list[str]) -> Any:
    """A page in a browser context of its own (its own IndexedDB: its own key)."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    return page


def sign_in_with_key_file(page: Any, path: Path, passphrase: str = PASS) -> None:
    page.get_by_label("Browser key file").set_input_files(str(path))
    page.get_by_label("Its passphrase").fill(passphrase)
    page.get_by_role("button", name="Import key").click()


def recorded(page: Any, what: str) -> None:
    """Wait for the page to report the action ``what``; it must have been recorded."""
    said = page.locator("#flash p", has_text=f"{what}")
    said.wait_for()
    assert said.inner_text() == f"{what}: signed and recorded.", said.inner_text()


def go(page: Any, view: str) -> None:
    """Navigate within the app and wait until that view has rendered its data."""
    page.evaluate(f"location.hash = '#/c/{story.CHANNEL}/{view}'")
    page.wait_for_selector(
        f"main[data-view='{view}'] " + ("form" if view == "check" else "[data-live] > *")
    )


@contextmanager
def channel_server(
    tmp_path: Path, people: dict[str, SigningKey], charter: dict[str, Any], args: tuple[str, ...] = (),
    timers: bool = False, **changes: Any,
) -> Iterator[tuple[str, ParleyClient]]:  # fmt: skip
    """A real server with the story's channel created (the charter with ``changes``; with
    ``timers``, the server's key in it, so it signs escalations and checks) and accepted by
    both heads. Yields the URL and the commander's client."""
    port = free_port()
    proc = start_server(tmp_path / "server", port, ["--creator", people["commander"].key_id, *args])
    url = f"http://127.0.0.1:{port}"
    try:
        commander = ParleyClient(url, people["commander"])
        if timers:
            changes["server_key"] = commander.server_key().to_b64()
        commander.create_channel(story.CHANNEL, {**charter, **changes})
        for stem in ("artsakh-head", "azerbaijan-head"):
            ParleyClient(url, people[stem]).accept_charter(story.CHANNEL)
        yield url, commander
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_story_in_four_browsers(tmp_path, browser, axe, screenshots, people, charter):
    errors: list[str] = []
    with channel_server(tmp_path, people, charter, ("--embedder", "none")) as (url, commander):
        play(browser, url, tmp_path, people, commander, errors, axe, screenshots, charter["title"])
    assert errors == []


def play(browser, url, tmp_path, people, commander, errors, axe, screenshots, title) -> None:
    ch = story.CHANNEL
    officer = person(browser, url, errors)
    a_head = person(browser, url, errors)
    b_head = person(browser, url, errors)
    newcomer = person(browser, url, errors)

    # --- keys: two imported key files, a wrong passphrase refused, one new key ----------
    sign_in_with_key_file(officer, browser_key(tmp_path, "duty-officer", people["duty-officer"]))
    officer.get_by_role("heading", name="Your channels").wait_for()
    a_file = browser_key(tmp_path, "artsakh-head", people["artsakh-head"])
    sign_in_with_key_file(a_head, a_file, "wrong passphrase")
    a_head.get_by_text("Import failed: wrong passphrase").wait_for()
    # The focus goes back to the passphrase, not to the page's body.
    assert a_head.evaluate("document.activeElement.type") == "password"
    sign_in_with_key_file(a_head, a_file)
    sign_in_with_key_file(
        b_head, browser_key(tmp_path, "azerbaijan-head", people["azerbaijan-head"])
    )
    for page, stem in ((officer, "duty-officer"), (a_head, "artsakh-head")):
        page.get_by_role("link", name=title).wait_for()
        # The private key is not extractable: the browser refuses to export it.
        refused = page.evaluate(
            """async () => { const m = await import('/assets/parley.js');
            const me = await m.loadIdentity();
            try { await crypto.subtle.exportKey('jwk', me.private); return 'exported'; }
            catch (e) { return e.name; } }"""
        )
        assert refused == "InvalidAccessError", refused
        assert people[stem].key_id.replace("k", "", 1)[:4] in page.inner_text("#who")

    go(a_head, "members")
    a_head.get_by_label("Their name").fill("Artsakh liaison officer")
    a_head.get_by_role("button", name="Make invitation link").click()
    invitation = a_head.locator("#invite-link").input_value()
    assert invitation.startswith(f"{url}/app#/enrol/")

    newcomer.goto(invitation)
    newcomer.get_by_role("button", name="Create my key in this browser").click()
    code = newcomer.locator("#enrol-code").input_value()
    spoken = newcomer.inner_text("#enrol-key-id")
    assert axe(newcomer) == []
    screenshots(newcomer, "enrol")

    a_head.get_by_label("Enrolment code", exact=True).fill(code)
    a_head.get_by_role("button", name="Read the code").click()
    assert a_head.inner_text("#enrol-check-id") == spoken  # read aloud, compared
    a_head.get_by_role("button", name="Sign: add Artsakh liaison officer").click()
    recorded(a_head, "New member")
    screenshots(a_head, "members")
    newcomer.get_by_role("link", name="Open the channel").click()
    newcomer.get_by_role("heading", name="Inbox").wait_for()
    newcomer_id = "k" + spoken.replace(" ", "")[1:]
    assert any(
        m["key_id"] == newcomer_id and m["name"] == "Artsakh liaison officer"
        for s in commander.channel(ch)["sides"]
        for m in s["members"]
    )

    # --- an urgent message; its receipts change on the sender's page, live ---------------
    go(officer, "overview")
    newcomer.evaluate("window.__notReloaded = true")
    newcomer.get_by_label("To", exact=True).select_option("azerbaijan")
    newcomer.get_by_role("radio", name="urgent").check()
    newcomer.get_by_label("Subject", exact=True).fill("Gas supply cut at Shusha")
    newcomer.get_by_label("Message", exact=True).fill("Gas to Stepanakert stopped at 08:40.")
    newcomer.get_by_role("button", name="Sign and send").click()
    sent = newcomer.locator("article[data-message]").filter(has_text="Gas supply cut")
    sent.locator("li.done[data-hop=relayed]").wait_for()
    assert sent.locator("li.pending[data-hop=acknowledged]").count() == 1
    assert "left" in sent.inner_text()  # the deadline counts down
    officer.locator("#h-wait + div article[data-message]").wait_for()  # the console sees it
    assert axe(officer) == []
    screenshots(officer, "console")

    go(b_head, "messages")  # opening the inbox receipts the message as delivered
    sent.locator("li.done[data-hop=delivered]").wait_for()
    assert axe(b_head) == []
    screenshots(b_head, "inbox")
    assert b_head.evaluate("document.activeElement.tagName") == "H1"  # focus on the page heading
    b_head.get_by_role("button", name="Acknowledge “Gas supply cut at Shusha”").focus()
    b_head.keyboard.press("Enter")  # by keyboard
    sent.locator("li.done[data-hop=acknowledged]").wait_for()
    # ... and said in the status line a screen reader reads out.
    newcomer.locator("#flash p", has_text="acknowledged by azerbaijan").wait_for()
    assert newcomer.evaluate("window.__notReloaded") is True
    assert "Acknowledged" in sent.inner_text()
    assert axe(newcomer) == []
    screenshots(newcomer, "messages")
    officer.get_by_text("Nothing overdue.").wait_for()
    officer.locator(".feed li[data-type='receipt.acknowledged']").wait_for()

    # --- a meeting: proposed by the duty officer, accepted by both heads ----------------
    go(officer, "meetings")
    officer.get_by_label("Meeting id").fill(MEETING)
    officer.get_by_label("Start (ISO time with UTC offset)").fill("2023-03-01T11:00:00+04:00")
    officer.get_by_label("Venue").fill("Headquarters of the Russian peacekeeping mission")
    officer.get_by_role("button", name="Sign proposal").click()
    card = officer.locator(f"article[data-meeting='{MEETING}']")
    card.wait_for()
    for page in (a_head, b_head):
        go(page, "meetings")
        if page is b_head:
            assert axe(b_head) == []
            screenshots(b_head, "meetings")
        page.get_by_role("button", name=f"Accept {MEETING}").click()
        recorded(page, "Acceptance")
    officer.locator(f"article[data-meeting='{MEETING}'][data-status=agreed]").wait_for()

    # --- minutes: drafted by the duty officer, signed by both heads and the commander ------
    go(officer, "minutes")
    officer.locator("fieldset[data-item=gas-supply] [data-k=summary]").fill(
        "The parties discussed the gas supply."
    )
    officer.locator("fieldset[data-item=gas-supply] [data-k=outcome]").fill("Supply to be kept.")
    officer.get_by_role("button", name="Sign draft").click()
    officer.locator(f"article[data-minutes='{MEETING}']").wait_for()
    officer.locator("fieldset[data-item=gas-supply] [data-k=outcome]").fill(
        "Supply kept uninterrupted."
    )
    officer.get_by_role("button", name="Sign draft").click()  # version 2
    officer.locator(f"article[data-minutes='{MEETING}'] [data-version='2']").wait_for()
    for page in (a_head, b_head):
        go(page, "minutes")
        if page is b_head:
            page.get_by_role("button", name="Compare with version 1").click()
            shown = page.locator("pre[aria-label='changes from version 1']", has_text="outcome")
            shown.wait_for()  # visible once the diff has arrived
            diff = shown.inner_text()
            assert "-  outcome: Supply to be kept." in diff, diff
            assert "+  outcome: Supply kept uninterrupted." in diff, diff
            # The same change word by word: only the words that changed are marked.
            words = page.locator("div.wdiff[aria-label='changed words from version 1']")
            removed, added = (words.locator(t).all_inner_texts() for t in ("del", "ins"))
            assert " ".join(removed).split() == ["to", "be", "kept."], removed
            assert "uninterrupted." in " ".join(added) and "Supply" not in " ".join(added + removed)
            assert "The parties discussed the gas supply." in words.inner_text()
            assert axe(b_head) == []
            screenshots(b_head, "minutes")
        assert page.get_by_role("button", name="Sign minutes version 1").count() == 0
        page.get_by_role("button", name="Sign minutes version 2").click()
        recorded(page, "Minutes signature")
    commander.talks.sign_minutes(ch, MEETING, 2)
    a_head.get_by_text("Agreed: version 2").wait_for()  # live, from the commander's entry

    # --- a communiqué: drafted, signed by every side, published --------------------------
    go(officer, "publication")
    officer.get_by_label("Communiqué id").fill("communique-1")
    officer.get_by_label("Text (English)").fill(TEXT)
    officer.get_by_role("button", name="Sign draft communiqué").click()
    officer.locator("article[data-communique='communique-1']").wait_for()
    for page in (a_head, b_head):
        go(page, "publication")
        if page is b_head:
            assert axe(b_head) == []
            screenshots(b_head, "publication")
        page.get_by_role("button", name="Sign communiqué communique-1").click()
        recorded(page, "Communiqué signature")
    commander.disclosures.sign_communique(ch, "communique-1", 1)
    b_head.get_by_text("Published: version 1").wait_for()

    # --- a member checks a public statement against the record ---------------------------
    go(a_head, "check")
    a_head.get_by_label("A public statement").fill("The next meeting will take place in Ganja.")
    a_head.get_by_role("button", name="Check").click()
    verdict = a_head.locator("#check-out li").first
    verdict.wait_for()
    assert verdict.get_attribute("data-verdict") == "contradicted", verdict.inner_text()

    # --- the public page: verify in the browser; an altered bundle fails ------------------
    public = browser.new_page()
    public.goto(f"{url}/public/channels/{ch}")
    assert TEXT in public.inner_text("body")
    verify = public.get_by_role("button", name="Verify communiqué communique-1 in this browser")
    out = public.locator(f"#{verify.get_attribute('aria-controls')}")
    verify.click()
    public.wait_for_selector(f"#{verify.get_attribute('aria-controls')}[data-result]")
    assert out.get_attribute("data-result") == "verified", out.inner_text()

    def altered(route: Any) -> None:
        bundle = route.fetch().json()
        bundle["entry"]["body"]["texts"]["en"] = "The working groups did not meet."
        route.fulfill(body=json.dumps(bundle), content_type="application/json")

    public.route("**/bundle", altered)
    public.reload()
    public.get_by_role("button", name="Verify communiqué communique-1 in this browser").click()
    public.wait_for_selector(f"#{verify.get_attribute('aria-controls')}[data-result]")
    assert out.get_attribute("data-result") == "failed"

    # Every entry the browsers signed verifies like any other: the whole log audits.
    entries = commander.sync(ch)
    signed_in_browsers = {
        e.header.author for e in entries if e.header.author != people["commander"].key_id
    }
    assert newcomer_id in signed_in_browsers and people["duty-officer"].key_id in signed_in_browsers


def test_an_unacknowledged_flash_message_is_unmistakable_on_the_console(
    tmp_path, browser, axe, screenshots, people, charter
):
    """A flash message past its deadline: outlined in red, "OVERDUE by …" ticking, listed
    first under "To handle now" — and the server's escalation entry appears in the feed."""
    errors: list[str] = []
    fast = {"flash": 2, "urgent": 3600, "routine": 86400}
    with channel_server(
        tmp_path, people, charter, ("--timer-interval", "1"), timers=True, ack_deadlines=fast
    ) as (url, _commander):
        ParleyClient(url, people["artsakh-head"]).send(
            story.CHANNEL, to="azerbaijan", priority="flash", subject="Shots near Lachin",
            text="Small-arms fire reported near the corridor.",
        )  # fmt: skip
        officer = person(browser, url, errors)
        sign_in_with_key_file(
            officer, browser_key(tmp_path, "duty-officer", people["duty-officer"])
        )
        officer.get_by_role("link", name=charter["title"]).click()
        officer.get_by_role("heading", name="Duty officer console").wait_for()
        officer.locator("[data-escalation]", has_text="Shots near Lachin").wait_for()
        card = officer.locator("article.overdue[data-message]", has_text="Shots near Lachin")
        card.wait_for()
        officer.wait_for_selector("article.overdue .overdue-text")
        assert "OVERDUE by" in card.inner_text()
        officer.locator(".feed li[data-type='timer.unacknowledged']").wait_for()
        assert axe(officer) == []
        screenshots(officer, "console-overdue")
    assert errors == []


def test_commitments_and_the_statement_check_on_the_story(
    tmp_path, browser, axe, screenshots, story_server, people
):
    """The duty officer's view of the story's commitment, and a member checking the
    story's false claim — with evidence and the disclosure warning only members get."""
    url, _member = story_server
    errors: list[str] = []
    officer = person(browser, url, errors)
    sign_in_with_key_file(officer, browser_key(tmp_path, "duty-officer", people["duty-officer"]))
    officer.get_by_role("link", name=TITLE).click()
    go(officer, "commitments")
    card = officer.locator("article[data-commitment='gas-supply']")
    assert "Keep the natural gas supply uninterrupted." in card.inner_text()
    assert axe(officer) == []
    screenshots(officer, "commitments")
    go(officer, "check")
    officer.get_by_label("A public statement").fill(
        "The working groups met in Baku. The parties agreed to discuss integration."
    )
    officer.get_by_role("button", name="Check").click()
    officer.locator("#check-out li").first.wait_for()
    verdicts = [li.get_attribute("data-verdict") for li in officer.locator("#check-out li").all()]
    assert verdicts[0] == "contradicted", verdicts
    assert "Reveals what the parties have not agreed to publish." in officer.inner_text(
        "#check-out"
    )
    assert axe(officer) == []
    screenshots(officer, "check")
    assert errors == []


def test_a_delegation_page_answers_communication_checks(tmp_path, browser, axe, people, charter):
    """An open page is a live client: it answers ordinary checks on its own; the daily
    check needs a person, who answers it with one click. The server's clock is a file
    the test moves forward (the demo's clock)."""
    clock = tmp_path / "clock"
    clock.write_text("2023-03-01T05:59:00+00:00\n")
    errors: list[str] = []
    args = ("--unsafe-clock-file", str(clock), "--timer-interval", "0.5")
    with channel_server(
        tmp_path, people, charter, args, timers=True, check_interval=60, daily_check_hour=6
    ) as (url, commander):
        head = person(browser, url, errors)
        sign_in_with_key_file(head, browser_key(tmp_path, "artsakh-head", people["artsakh-head"]))
        head.get_by_role("link", name=TITLE).click()
        head.get_by_text("No check waiting for your side.").wait_for()

        clock.write_text("2023-03-01T06:00:05+00:00\n")  # check 1: the daily, personal one
        button = head.get_by_role("button", name="I am here — answer check #1")
        button.wait_for()
        assert axe(head) == []
        button.click()
        recorded(head, "Check answer")

        clock.write_text("2023-03-01T06:01:05+00:00\n")  # check 2: answered by the page
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            checks = {c["number"]: c for c in commander.talks._records(story.CHANNEL, "check")}
            if 2 in checks and "artsakh" in checks[2]["answers"]:
                break
            time.sleep(0.2)
        assert checks[1]["answers"]["artsakh"]["personal"] is True
        assert checks[2]["answers"]["artsakh"]["personal"] is False
        assert "azerbaijan" not in checks[2]["answers"]  # nobody's page open there
    assert errors == []


def test_revoking_a_member_and_replacing_a_lost_head_in_the_browser(
    tmp_path, browser, axe, screenshots, people, charter
):
    """A head revokes a member of its side; the other party's head proposes a new head for
    a side whose head lost the key; a member of that side confirms it on its page, and it
    takes effect with the mediator head's signature."""
    errors: list[str] = []
    with channel_server(tmp_path, people, charter) as (url, commander):
        b_head = person(browser, url, errors)
        sign_in_with_key_file(
            b_head, browser_key(tmp_path, "azerbaijan-head", people["azerbaijan-head"])
        )
        b_head.get_by_role("link", name=TITLE).click()
        go(b_head, "members")
        gone = people["azerbaijan-member"].key_id
        row = b_head.locator(f"tr[data-key='{gone}']")
        row.get_by_text("Revoke…").click()
        row.get_by_label("Reason (recorded)").fill("device lost")
        row.get_by_role("button", name="Revoke Azerbaijani working group member").click()
        recorded(b_head, "Revocation")
        b_head.locator(f"tr[data-key='{gone}'] td", has_text="removed").wait_for()

        new_head = SigningKey.generate()
        code = base64.urlsafe_b64encode(
            json.dumps(
                {"c": story.CHANNEL, "s": "artsakh", "n": "New Secretary", "t": "", "r": "head",
                 "key": new_head.public.to_b64()}
            ).encode()
        ).decode().rstrip("=")  # fmt: skip
        b_head.get_by_label("Side", exact=True).select_option("artsakh")
        b_head.get_by_label("Lost head's key id").fill(people["artsakh-head"].key_id)
        b_head.get_by_label("New head's enrolment code").fill(code)
        b_head.get_by_label("What happened (recorded)").fill("phone lost at a checkpoint")
        b_head.get_by_label("A name for this replacement").fill("artsakh-head-2")
        b_head.get_by_role("button", name="Sign proposal").click()
        recorded(b_head, "Replacement proposal")

        member = person(browser, url, errors)
        sign_in_with_key_file(
            member, browser_key(tmp_path, "artsakh-member", people["artsakh-member"])
        )
        member.get_by_role("link", name=TITLE).click()
        go(member, "members")
        card = member.locator("article[data-replacement='artsakh-head-2']")
        card.wait_for()
        assert new_head.key_id[1:5] in card.inner_text()  # the key id to compare by voice
        assert axe(member) == []
        screenshots(member, "replace-head")
        member.get_by_role("button", name="Sign replacement artsakh-head-2").click()
        recorded(member, "Replacement signature")
        commander.members.sign_head_replacement(story.CHANNEL, "artsakh-head-2")
        member.locator("article[data-replacement]").wait_for(state="detached")  # live
        member.locator(f"tr[data-key='{new_head.key_id}'] td", has_text="active").wait_for()
        lost = member.locator(f"tr[data-key='{people['artsakh-head'].key_id}']")
        assert "removed" in lost.inner_text()
    assert errors == []
