"""What a delegation does from the CLI, done on the members' pages (Chromium, one real
server and one browser for the module), on two channels — the demo's story and a
river-basin commission with other sides and topics:

- a head records a commitment; proposes an agenda item on a meeting's card, which the
  other party's head accepts; a member records an item raised outside the mandate,
  which the other head declines with a reason;
- a head proposes a mandate extension that every party head signs on the page;
- a head proposes opening an entry chosen by what it is, not by its id; a party member
  logs a unilateral statement;
- the mediator's "new version" starts from the latest minutes, with a position per side.

Each action is then checked in the record through the SDK: the entry is there, signed by
that member, its body valid for its type. Whoever the rules do not allow does not see
the control; one bad input per form is refused on the page, with a typed error next to
the button, and appends nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.model.bodies import parse_body
from parley.model.registry import entry_type

pytestmark = pytest.mark.server
PASS = "correct horse battery staple"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BASIN = "tarn-basin"
STEMS = ("artsakh-head", "azerbaijan-head", "artsakh-member", "duty-officer")


@dataclass
class Story:
    """One channel as the test plays it: who is who, and a topic and meeting in it."""

    channel: str
    a_side: str  # artsakh-head's side
    b_side: str  # azerbaijan-head's side
    topic: str  # a mandate topic
    meeting: str  # an agreed meeting with minutes (version 1)
    item: str  # an item of that meeting, in the minutes


STORY = Story(story.CHANNEL, "artsakh", "azerbaijan", "gas-supply", "wg-1", "gas-supply")
BASIN_STORY = Story(BASIN, "north", "south", "dam-release", "m-1", "dam-release")


@pytest.fixture(scope="module")
def server(tmp_path_factory, people, charter, basin_charter) -> Iterator[tuple[str, dict[str, ParleyClient]]]:  # fmt: skip
    """Both channels, each with a meeting every side agreed and its minutes' version 1."""
    data = tmp_path_factory.mktemp("delegation")
    port = free_port()
    proc = start_server(data / "server", port, ["--creator", people["commander"].key_id, "--embedder", "none"])  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        c = {stem: ParleyClient(url, key) for stem, key in people.items()}
        for s, ch in ((STORY, charter), (BASIN_STORY, basin_charter([]))):
            c["commander"].create_channel(s.channel, ch)
            for stem in ("artsakh-head", "azerbaijan-head"):
                c[stem].accept_charter(s.channel)
            topics = ch["mandate"]
            c["duty-officer"].talks.propose(
                s.channel, s.meeting, start="2023-03-01T11:00:00+04:00", venue="Mission HQ",
                format="chaired", agenda=[{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in topics],
            )  # fmt: skip
            for stem in ("artsakh-head", "azerbaijan-head"):
                c[stem].talks.answer(s.channel, s.meeting, True)
            c["duty-officer"].talks.draft_minutes(
                s.channel, s.meeting,
                [{"item": s.item, "summary": "The parties discussed the schedule.", "outcome": "Experts to meet."}],
            )  # fmt: skip
        yield url, c
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def pages(server, people, tmp_path_factory, chromium, signed_in_page) -> dict[str, Any]:
    """One Chromium; one signed-in page per person (their own context: their own key)."""
    url, _ = server
    keys = tmp_path_factory.mktemp("keys")
    out: dict[str, Any] = {"errors": []}
    for stem in STEMS:
        name = next(x[3] for x in story.PEOPLE if x[0] == stem)
        path = keys / f"{stem}.browser.json"
        write_private(path, export_browser(KeyFile(name, "", people[stem]), PASS))
        # the key files open together: wait for them all afterwards
        out[stem] = signed_in_page(chromium, url, path, PASS, out["errors"])
    for stem in STEMS:
        out[stem].locator(f"main a[href='#/c/{BASIN}/overview']").wait_for()
    return out


def go(page: Any, channel: str, view: str) -> None:
    page.evaluate(f"location.hash = '#/c/{channel}/{view}'")
    page.wait_for_selector(f"main[data-view='{view}'] [data-live] > *")


def recorded(page: Any, what: str) -> None:
    """The page reports ``what`` signed and recorded (else the test shows what it said)."""
    try:
        page.locator("#flash p", has_text=f"{what}: signed and recorded.").wait_for(timeout=15_000)
    except Exception:
        pytest.fail(f"not recorded: {page.locator('#flash').inner_text()}")


def refused(page: Any, host: Any, code: str) -> None:
    """The page refused before signing: a typed error next to the button."""
    note = host.locator(".act-note.bad")
    note.wait_for()
    assert f"[{code}]" in note.inner_text(), note.inner_text()


def signed(client: ParleyClient, channel: str, type_: str, by: ParleyClient, after: int = 0) -> dict[str, Any]:  # fmt: skip
    """The one entry of ``type_`` after ``after``: signed by ``by``, its body valid."""
    found = [
        r["entry"] for r in client.entries(channel, after, 1000) if r["entry"]["header"]["type"] == type_
    ]  # fmt: skip
    assert len(found) == 1, (type_, len(found))
    e = found[0]
    assert e["header"]["author"] == by.key.key_id
    parse_body(entry_type(type_).body, type_, e["body"])
    return dict(e)


def size(client: ParleyClient, channel: str) -> int:
    return int(client.entries(channel, 0, 1000)[-1]["seq"])


def clean(page: Any, axe: Any) -> None:
    for vp in (DESKTOP, PHONE):
        page.set_viewport_size(vp)
        assert axe(page) == [], (vp, page.url)
        if vp is PHONE:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url
    page.set_viewport_size(DESKTOP)


def play(s: Story, url: str, c: dict[str, ParleyClient], pages: dict[str, Any], axe: Any) -> None:
    ch = s.channel
    a, b, member, officer = (pages[x] for x in STEMS)
    watch = c["commander"]

    # --- a commitment, recorded by a head (a bad due date first: refused, nothing logged)
    go(a, ch, "commitments")
    form = a.locator("form[aria-labelledby='h-add-commitment']")
    form.get_by_label("Commitment id").fill("water-2")
    form.get_by_label("Party that commits").select_option(s.b_side)
    form.get_by_label("What it commits to").fill("Open the valve for inspection.")
    form.get_by_label("Meeting it comes from").select_option(s.meeting)
    form.get_by_label("Agenda item it serves").select_option(s.item)
    form.get_by_label("Due (date").fill("tomorrow")
    before = size(watch, ch)
    form.get_by_role("button", name="Sign commitment").click()
    refused(a, form, "commitment.bad_due")
    assert size(watch, ch) == before
    form.get_by_label("Or: days after the meeting").fill("3")
    form.get_by_role("button", name="Sign commitment").click()
    recorded(a, "Commitment")
    e = signed(watch, ch, "commitment.added", c["artsakh-head"], before)
    assert e["body"]["due"] == {"days": 3, "after_meeting": s.meeting}
    assert e["body"]["agenda_item"] == s.item
    a.locator("article[data-commitment='water-2']").wait_for()
    commitment_entry = e["header"]["id"]
    go(member, ch, "commitments")
    assert member.locator("form[aria-labelledby='h-add-commitment']").count() == 0

    # --- agenda: a head proposes an item (a bad id first), the other head accepts it ---
    go(a, ch, "meetings")
    card = a.locator(f"article[data-meeting='{s.meeting}']")
    card.get_by_text("Add an agenda item").click()
    card.get_by_label("Mandate topic").first.select_option(s.topic)
    card.get_by_label("Item id (lowercase, e.g.").fill("Second Round")
    card.get_by_label("Item title", exact=True).fill("Second round on the schedule")
    before = size(watch, ch)
    card.get_by_role("button", name=f"Sign item proposal for {s.meeting}").click()
    refused(a, card.locator("details[id^='agenda-add']"), "input.bad_id")
    assert size(watch, ch) == before
    card.get_by_label("Item id (lowercase, e.g.").fill("second-round")
    card.get_by_role("button", name=f"Sign item proposal for {s.meeting}").click()
    recorded(a, "Agenda item proposal")
    assert card.get_by_label("Item id (lowercase, e.g.").input_value() == ""  # emptied once signed
    signed(watch, ch, "agenda.item_proposed", c["artsakh-head"], before)
    clean(a, axe)

    go(b, ch, "meetings")
    item = b.locator(f"[data-item='{s.meeting}/second-round']")
    item.get_by_role("button", name="Accept item “Second round on the schedule”").click()
    recorded(b, "Agenda item acceptance")
    b.locator(f"[data-item='{s.meeting}/second-round'][data-on-agenda='true']").wait_for()
    signed(watch, ch, "agenda.item_accepted", c["azerbaijan-head"], before)

    # --- a member records an item raised outside the mandate; it cannot be accepted ------
    go(member, ch, "meetings")
    mcard = member.locator(f"article[data-meeting='{s.meeting}']")
    assert mcard.get_by_role("button", name=f"Sign item proposal for {s.meeting}").count() == 0
    assert mcard.get_by_role("button", name="Decline item “Second round on the schedule”").count() == 0  # fmt: skip
    mcard.get_by_text("Add an agenda item").click()
    mcard.get_by_label("Raised item id").fill("borders")
    mcard.get_by_label("What was raised").fill("Borders")
    mcard.get_by_label("What was said").fill("The question of borders was raised.")
    before = size(watch, ch)
    mcard.get_by_role("button", name=f"Sign raised item for {s.meeting}").click()
    recorded(member, "Raised item")
    signed(watch, ch, "agenda.item_raised", c["artsakh-member"], before)

    raised = b.locator(f"[data-item='{s.meeting}/borders']")
    raised.wait_for()  # live
    assert raised.get_by_role("button", name="Accept item “Borders”").count() == 0
    raised.get_by_role("button", name="Decline item “Borders”").click()
    refused(b, raised, "agenda.reason_needed")
    assert size(watch, ch) == before + 1
    raised.get_by_label("Reason for declining").fill("Outside the mandate")
    raised.get_by_role("button", name="Decline item “Borders”").click()
    recorded(b, "Agenda item decline")
    e = signed(watch, ch, "agenda.item_declined", c["azerbaijan-head"], before)
    assert e["body"]["reason"] == "Outside the mandate"

    # --- the mandate: a head proposes a topic (no title first), both heads sign ---------
    ext = a.locator("form[aria-labelledby='h-extend']")
    go(a, ch, "meetings")
    ext.get_by_label("New topic id").fill("water-quality")
    before = size(watch, ch)
    ext.get_by_role("button", name="Sign extension proposal").click()
    refused(a, ext, "mandate.title_needed")
    assert size(watch, ch) == before
    ext.get_by_label("Topic title").fill("Water quality monitoring")
    ext.get_by_role("button", name="Sign extension proposal").click()
    recorded(a, "Mandate extension proposal")
    signed(watch, ch, "mandate.extension_proposed", c["artsakh-head"], before)
    for page, stem in ((a, "artsakh-head"), (b, "azerbaijan-head")):
        page.get_by_role("button", name="Sign extension water-quality").click()
        recorded(page, "Mandate extension signature")
        signed(watch, ch, "mandate.extension_signed", c[stem], size(watch, ch) - 1)
    assert watch.channel(ch)["mandate"]["water-quality"] == "Water quality monitoring"
    a.locator("#mandate li[data-topic='water-quality']").wait_for()
    assert member.get_by_role("button", name="Sign extension water-quality").count() == 0

    # --- publication: a head proposes opening the commitment, chosen in words -----------
    go(a, ch, "publication")
    dis = a.locator("form[aria-labelledby='h-disclose']")
    dis.get_by_label("Proposal id").fill("open-water")
    before = size(watch, ch)
    dis.get_by_role("button", name="Sign disclosure proposal").click()
    refused(a, dis, "disclose.no_entries")
    assert size(watch, ch) == before
    dis.locator("label", has_text="Open the valve for inspection.").click()
    dis.get_by_role("button", name="Sign disclosure proposal").click()
    recorded(a, "Disclosure proposal")
    e = signed(watch, ch, "disclosure.proposed", c["artsakh-head"], before)
    assert e["body"]["entries"] == [commitment_entry]
    opening = a.locator("article[data-opening='open-water'] li", has_text="Open the valve")
    opening.wait_for()  # what the other heads consent to, in words
    assert "Commitment recorded" in opening.inner_text()
    clean(a, axe)

    # --- a party member logs a unilateral statement (empty first) ----------------------
    go(member, ch, "publication")
    assert member.locator("form[aria-labelledby='h-disclose']").count() == 0  # heads only
    st = member.locator("form[aria-labelledby='h-statement']")
    before = size(watch, ch)
    st.get_by_role("button", name="Sign unilateral statement").click()
    refused(member, st, "statement.empty")
    assert size(watch, ch) == before
    st.get_by_label("The statement").fill("Our side will keep the valve open.")
    st.get_by_label("Where it was said").fill("Press conference")
    st.get_by_role("button", name="Sign unilateral statement").click()
    recorded(member, "Unilateral statement")
    e = signed(watch, ch, "statement.unilateral", c["artsakh-member"], before)
    assert e["body"]["source"] == "Press conference"
    member.locator(f"li[data-statement='{e['header']['id']}']").wait_for()
    go(officer, ch, "publication")
    assert officer.locator("form[aria-labelledby='h-statement']").count() == 0  # a party's

    # --- minutes: the next version starts from the latest, a position per side ---------
    go(a, ch, "minutes")
    assert a.get_by_role("button", name="Draft version 2 from this one").count() == 0
    go(officer, ch, "minutes")
    officer.get_by_role("button", name="Draft version 2 from this one").click()
    draft = officer.locator("#minutes-draft")
    row = draft.locator(f"fieldset[data-item='{s.item}']")
    summary = row.get_by_label("Summary", exact=True)
    assert summary.input_value() == "The parties discussed the schedule."
    assert row.get_by_label("Outcome", exact=True).input_value() == "Experts to meet."
    positions = row.locator("[data-k=position]")
    assert positions.count() == 2
    positions.first.fill("Wants a weekly schedule.")
    before = size(watch, ch)
    draft.get_by_role("button", name="Sign draft").click()
    recorded(officer, "Minutes draft")
    e = signed(watch, ch, "minutes.drafted", c["duty-officer"], before)
    got = next(i for i in e["body"]["items"] if i["item"] == s.item)
    assert got["summary"] == "The parties discussed the schedule."
    assert got["positions"] == {s.a_side: "Wants a weekly schedule."}
    officer.get_by_role("button", name="Compare with version 1").click()
    officer.locator(f"[data-minutes='{s.meeting}'] .wdiff ins").first.wait_for()
    clean(officer, axe)


def test_delegation_actions_on_the_story(server, pages, axe):
    url, c = server
    play(STORY, url, c, pages, axe)
    assert pages["errors"] == []


def test_delegation_actions_on_a_second_channel(server, pages, axe):
    url, c = server
    play(BASIN_STORY, url, c, pages, axe)
    assert pages["errors"] == []
