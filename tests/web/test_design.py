"""The pages' one design, in Chromium against one real server (per module):

- the stylesheet's colour tokens: every text colour is ≥ 4.5:1 on each background it is
  drawn on (computed from ``assets/app.css`` itself, so a token changed there is checked);
- every page — each /app view as a party's head and as the mediator, home signed out and
  in, enrolment, the public page — has no sideways scroll at 320, 390, 768, 1280 and
  1440 px, and axe finds no violation of any impact at 1280 and 390 px; each is
  screenshotted at both widths;
- the statement check's evidence is a list of links, each naming the entry's type and
  date, that lead to the cited entry: on the members' page to its card, on the public
  page to the published entry — on two different channels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
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
CH = story.CHANNEL
BASIN = "basin-talks"
CSS = Path(__file__).resolve().parents[2] / "src" / "parley" / "api" / "assets" / "app.css"
WIDTHS = (320, 390, 768, 1280, 1440)
VIEWS = ("overview", "messages", "meetings", "minutes", "commitments", "publication")
VIEWS += ("members", "check")
MEETING = "wg-2023-03-01"
COMMUNIQUE = (
    "On 1 March 2023 the working groups met at the headquarters of the Russian peacekeeping "
    "mission and reached agreements on urgent humanitarian issues."
)

# ---- the tokens ---------------------------------------------------------------------

TEXT = ("text", "muted", "accent", "good", "warn", "bad", "focus", "line")
"""Colours drawn as text or as a mark that must be seen (a field's border, the focus
ring); each must be ≥ 4.5:1 on every background below."""
BACKGROUNDS = ("surface", "surface-alt")
OWN_BACKGROUND = {"accent": "accent-bg", "good": "good-bg", "warn": "warn-bg", "bad": "bad-bg"}
"""A state's colour is also drawn on its own tint (a badge, a note, an overdue card)."""


def tokens() -> dict[str, str]:
    root = re.search(r":root\s*\{(.*?)\n\}", CSS.read_text(), re.S)
    assert root, "app.css has no :root block of tokens"
    found = dict(re.findall(r"--([\w-]+)\s*:\s*([^;]+);", root.group(1)))
    return {k: v.strip() for k, v in found.items()}


def colour(name: str, table: dict[str, str]) -> tuple[float, float, float]:
    value = table[name]
    while value.startswith("var(--"):
        value = table[value[6:-1]]
    m = re.fullmatch(r"#([0-9a-fA-F]{6})", value)
    assert m, f"--{name}: {value} is not a #rrggbb colour"
    return tuple(int(m.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(rgb: tuple[float, float, float]) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_of_the_tokens() -> None:
    table = tokens()
    assert contrast((0, 0, 0), (1, 1, 1)) == pytest.approx(21)
    low = []
    for fg in TEXT:
        for bg in (*BACKGROUNDS, *([OWN_BACKGROUND[fg]] if fg in OWN_BACKGROUND else [])):
            ratio = contrast(colour(fg, table), colour(bg, table))
            if ratio < 4.5:
                low.append(f"--{fg} on --{bg}: {ratio:.2f}")
    ratio = contrast(colour("on-accent", table), colour("accent", table))  # primary buttons
    if ratio < 4.5:
        low.append(f"--on-accent on --accent: {ratio:.2f}")
    for state in ("flash", "urgent", "routine"):
        ratio = contrast(colour(f"priority-{state}", table), colour(f"priority-{state}-bg", table))
        if ratio < 4.5:
            low.append(f"priority {state}: {ratio:.2f}")
    for state in ("ok", "near", "overdue"):
        for bg in BACKGROUNDS:
            ratio = contrast(colour(f"deadline-{state}", table), colour(bg, table))
            if ratio < 4.5:
                low.append(f"deadline {state} on --{bg}: {ratio:.2f}")
    assert low == []


def test_a_low_contrast_token_is_caught() -> None:
    """The check can fail: a pale grey for muted text is found."""
    table = {**tokens(), "muted": "#999999"}
    assert contrast(colour("muted", table), colour("surface", table)) < 4.5


# ---- one server, one browser --------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory, people, charter, basin_charter) -> Iterator[tuple[str, Path]]:
    """The story's channel with every kind of card (a message, minutes, a commitment, a
    published communiqué) and a second story's channel, on one server whose clock starts
    on the story's morning. Yields its URL and a folder of browser key files."""
    data = tmp_path_factory.mktemp("design")
    start = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--clock-start", start.isoformat()]
    proc = start_server(data / "server", port, [*args, "--embedder", "none"])
    url = f"http://127.0.0.1:{port}"
    try:
        clock = OffsetClock(start)
        c = {stem: ParleyClient(url, key, clock=clock) for stem, key in people.items()}
        _story(c, charter)
        _basin(c, basin_charter([]))
        keys = data / "keys"
        keys.mkdir()
        for stem in ("duty-officer", "azerbaijan-head", "artsakh-head"):
            name = next(p[3] for p in story.PEOPLE if p[0] == stem)
            write_private(
                keys / f"{stem}.json", export_browser(KeyFile(name, "", people[stem]), PASS)
            )
        yield url, keys
    finally:
        proc.terminate()
        proc.wait(10)


def _story(c: dict[str, ParleyClient], charter: dict[str, Any]) -> None:
    c["commander"].create_channel(CH, charter)
    for stem in ("artsakh-head", "azerbaijan-head"):
        c[stem].accept_charter(CH)
    c["duty-officer"].talks.propose(
        CH, MEETING, start="2023-03-01T11:00:00+04:00",
        venue="Headquarters of the Russian peacekeeping mission", format="chaired",
        agenda=[{"id": t["id"], "topic": t["id"], "title": t["title"]} for t in story.MANDATE],
    )  # fmt: skip
    for stem in ("artsakh-head", "azerbaijan-head"):
        c[stem].talks.answer(CH, MEETING, True)
    c["commander"].talks.add_commitment(
        CH, "gas-supply", owner="azerbaijan", meeting=MEETING, agenda_item="gas-supply",
        text="Keep the natural gas supply uninterrupted.", due={"days": 2, "after_meeting": MEETING},
    )  # fmt: skip
    c["duty-officer"].disclosures.draft_communique(
        CH, "communique-1", {"en": COMMUNIQUE}, meeting=MEETING
    )
    for stem in ("artsakh-head", "azerbaijan-head", "commander"):
        c[stem].disclosures.sign_communique(CH, "communique-1", 1)
    c["artsakh-head"].send(
        CH, to="azerbaijan", priority="urgent", subject="Gas", text="Gas stopped."
    )
    c["azerbaijan-head"].send(
        CH, to="artsakh", priority="flash", subject="Road", text="Road closed."
    )
    c["duty-officer"].talks.draft_minutes(
        CH, MEETING, [{"item": "gas-supply", "summary": "Discussed.", "outcome": "Kept."}]
    )
    for stem in ("artsakh-head", "azerbaijan-head"):
        c[stem].talks.sign_minutes(CH, MEETING, 1)


def _basin(c: dict[str, ParleyClient], charter: dict[str, Any]) -> None:
    """A second channel of another story: a meeting, held, and a communiqué on it."""
    c["commander"].create_channel(BASIN, charter)
    heads = ("artsakh-head", "azerbaijan-head")  # north's and south's heads there
    for stem in heads:
        c[stem].accept_charter(BASIN)
    topic = charter["mandate"][0]["id"]
    c["duty-officer"].talks.propose(
        BASIN, "basin-1", start="2023-03-01T09:00:00+00:00", venue="The river authority's office",
        format="chaired", agenda=[{"id": topic, "topic": topic, "title": "Water sharing"}],
    )  # fmt: skip
    for stem in heads:
        c[stem].talks.answer(BASIN, "basin-1", True)
    c["duty-officer"].disclosures.draft_communique(
        BASIN, "basin-communique", {"en": "The delegations met at the river authority's office."},
        meeting="basin-1",
    )  # fmt: skip
    for stem in (*heads, "commander"):
        c[stem].disclosures.sign_communique(BASIN, "basin-communique", 1)


def signed_in(chromium: Any, url: str, keys: Path, stem: str, errors: list[str]) -> Any:
    page = chromium.new_context(viewport=DESKTOP).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(keys / f"{stem}.json"))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{CH}/overview']").wait_for()
    return page


def go(page: Any, view: str, channel: str = CH) -> None:
    page.evaluate(f"location.hash = '#/c/{channel}/{view}'")
    page.wait_for_selector(
        f"main[data-view='{view}'] " + ("form" if view == "check" else "[data-live] > *")
    )


WIDE = """() => {
  const w = window.innerWidth, s = document.scrollingElement.scrollWidth;
  if (s <= w) return null;
  const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1)
    .slice(-3).map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
  return `${s} > ${w}: ${wide.join(', ')}`;
}"""


SPLIT = """() => {
  // A key id is read aloud in groups of four ("k 7764 1ddb …"): no such short word of an
  // id may be broken across two lines (between words, and after a hyphen, it may).
  const split = [];
  for (const e of document.querySelectorAll('.code')) {
    for (const node of e.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (const m of node.data.matchAll(/[^\\s-]+/g)) { // words of an id, between hyphens
        if (m[0].length > 12) continue; // an entry id or a digest may wrap
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
  }
  return split.slice(0, 5).join(', ') || null;
}"""


def survey(page: Any, axe: Any) -> list[str]:
    """What is wrong with the page: sideways scrolling at each of :data:`WIDTHS` (with
    what sticks out), and axe's findings at desktop and phone width."""
    out = []
    for width in (1280, 1440, 768, 390, 320):
        page.set_viewport_size(PHONE if width == 390 else {"width": width, "height": 900})
        if found := page.evaluate(WIDE):
            out.append(f"{page.url} at {width}: {found}")
        if width in (390, 320) and (split := page.evaluate(SPLIT)):
            out.append(f"{page.url} at {width}: id words broken across lines: {split}")
        if width in (1280, 390):
            out += [f"{page.url} at {width}: {v}" for v in axe(page)]
    page.set_viewport_size(DESKTOP)
    return out


# ---- every page -------------------------------------------------------------------------


def test_every_page_fits_and_has_no_axe_finding(site, chromium, axe, screenshots) -> None:
    url, keys = site
    errors: list[str] = []
    found: list[str] = []

    def check(page: Any, shot: str | None) -> None:
        found.extend(survey(page, axe))
        if shot:
            screenshots(page, shot)

    # Signed out: home (the key import form), then an invitation opened in a new browser.
    fresh = chromium.new_context(viewport=DESKTOP).new_page()
    fresh.on("pageerror", lambda e: errors.append(str(e)))
    fresh.goto(f"{url}/app")
    fresh.locator("main h1").wait_for()
    check(fresh, "page-home-signed-out")
    invitation = fresh.evaluate(
        """async () => (await import('/assets/parley.js')).encodeCode(
             { c: 'x-channel', s: 'artsakh', n: 'A new member', t: 'Liaison', r: 'member', by: 'k0123456789abcdef01234567' })"""
    )
    fresh.goto(f"{url}/app#/enrol/{invitation}")
    fresh.get_by_role("button").filter(has_text=re.compile(".")).last.wait_for()
    fresh.locator("main button.primary").click()
    fresh.locator("#enrol-code").wait_for()
    check(fresh, "page-enrol")
    fresh.context.close()

    for stem, who in (("azerbaijan-head", "party"), ("duty-officer", "mediator")):
        page = signed_in(chromium, url, keys, stem, errors)
        check(page, f"page-home-{who}" if who == "party" else None)
        for view in VIEWS:
            go(page, view)
            if view == "check":
                page.locator("main textarea").fill("The working groups met in Baku.")
                page.locator("main form button[type=submit]").click()
                page.locator("#check-out li").first.wait_for()
            if view == "messages":  # deadline and priority states, as the stylesheet shows them
                page.locator("[data-deadline][data-when=near]").first.wait_for()
                for priority in ("flash", "urgent"):
                    assert page.locator(f"main .badge.{priority}").count() >= 1, priority
            if who == "party" or view in ("overview", "members"):
                check(page, f"page-{view}-{who}")
            else:
                check(page, None)
        page.context.close()

    public = chromium.new_page(viewport=DESKTOP)
    public.on("pageerror", lambda e: errors.append(str(e)))
    public.goto(f"{url}/public/channels/{CH}")
    public.wait_for_selector("#trust[data-state]")
    public.locator("#statement").fill(
        "The working groups met at the headquarters of the Russian peacekeeping mission."
    )
    public.locator("#check-form button[type=submit]").click()
    public.locator("#check-result li").first.wait_for()
    check(public, "page-public")
    # The survey can fail: something wider than a phone is found.
    public.evaluate(
        """() => { const d = document.createElement('div');
        d.id = 'wide'; d.textContent = 'wide'; d.style.width = '600px';
        document.querySelector('main').append(d); }"""
    )
    caught = survey(public, lambda page: [])
    assert any("at 390" in x and "DIV#wide" in x for x in caught), caught
    public.close()
    assert found == [], "\n".join(found)
    assert errors == []


# ---- evidence as links ----------------------------------------------------------------

CLAIMS = {
    CH: "On 1 March 2023 the working groups met at the headquarters of the Russian "
    "peacekeeping mission.",
    BASIN: "The delegations met at the river authority's office.",
}
CARD_OF = {"meetings": "meeting", "minutes": "minutes", "commitments": "commitment"}
CARD_OF["publication"] = "communique"


def follow_members_evidence(page: Any, channel: str) -> str:
    """Check the channel's claim, follow its first evidence link; the cited card gets
    focus. Returns the link's text."""
    go(page, "check", channel)
    page.locator("main textarea").fill(CLAIMS[channel])
    page.locator("main form button[type=submit]").click()
    link = page.locator("#check-out ul.evidence a").first
    link.wait_for()
    text = link.inner_text()
    entry = link.get_attribute("data-entry")
    assert entry and entry not in text, text  # the type and date in words, not the id
    assert link.locator("time").count() == 1, text
    href = link.get_attribute("href")
    m = re.fullmatch(rf"#/c/{re.escape(channel)}/(\w+)/([^/]+)", href or "")
    assert m and m.group(1) in CARD_OF, href
    link.click()
    page.wait_for_selector(f"main[data-view='{m.group(1)}'] [data-live] > *")
    page.wait_for_function(
        "([a, k]) => document.activeElement && document.activeElement.getAttribute('data-' + a) === k",
        arg=[CARD_OF[m.group(1)], m.group(2)],
    )
    return text


def follow_public_evidence(page: Any, url: str, channel: str) -> str:
    page.goto(f"{url}/public/channels/{channel}")
    page.locator("#statement").fill(CLAIMS[channel])
    page.locator("#check-form button[type=submit]").click()
    link = page.locator("#check-result ul.evidence a:not(.proof)").first
    link.wait_for()
    text = link.inner_text()
    entry = link.locator("xpath=ancestor::li[1]").get_attribute("data-entry")
    assert entry and entry not in text, text
    href = link.get_attribute("href")
    assert href in (f"#entry-{entry}", f"#communique-{entry}"), href
    link.click()
    page.wait_for_function("(h) => location.hash === h", arg=href)
    target = page.locator(f"article{href}")
    assert target.evaluate("(e) => e.matches(':target')")
    assert page.locator("article:target").count() == 1
    return text


def test_check_evidence_links_to_the_entries_it_cites(site, chromium) -> None:
    url, keys = site
    errors: list[str] = []
    page = signed_in(chromium, url, keys, "azerbaijan-head", errors)
    said = [follow_members_evidence(page, ch) for ch in (CH, BASIN)]
    page.context.close()
    public = chromium.new_page(viewport=PHONE)
    public.on("pageerror", lambda e: errors.append(str(e)))
    said += [follow_public_evidence(public, url, ch) for ch in (CH, BASIN)]
    public.close()
    assert all(re.search(r"^\w+ \w+, \d{1,2} \w+ 2023", s) for s in said), said
    assert errors == []


def test_the_stylesheet_is_served_from_the_origin_as_the_scripts_are(site) -> None:
    """One stylesheet, from this server, for both pages; neither carries a <style> of its
    own any more."""
    import httpx

    url, _ = site
    css = httpx.get(f"{url}/assets/app.css")
    assert css.status_code == 200 and css.text == CSS.read_text()
    assert css.headers["content-type"].startswith("text/css")
    script = httpx.get(f"{url}/assets/core.js")
    for header in ("cache-control", "x-content-type-options"):
        assert css.headers[header] == script.headers[header]
    assert httpx.get(f"{url}/assets/nothing.css").status_code == 404
    for page in (f"{url}/app", f"{url}/public/channels/{CH}"):
        html = httpx.get(page).text
        assert "<link rel='stylesheet' href='/assets/app.css'>" in html and "<style" not in html
