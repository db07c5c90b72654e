"""The pages in four languages (docs/languages.md).

- every catalog has exactly the English catalog's keys, with the same placeholders and
  the plural categories its language needs (CLDR, through Babel);
- a pseudo-locale (every English string wrapped as ⟦…⟧) walked through every view of
  /app, as several members, and the public page: no visible word outside the markers
  except the record's own data (elements marked ``data-user``, ``translate=no``, times);
- the core of the story — a message sent and acknowledged, a meeting agreed, minutes
  signed — played once in each language chosen through the header's switch: the labels
  are that language's, the signed bodies are the same in all four, axe is clean;
- a time shown in the zone chosen (Asia/Baku: GMT+4) with the UTC time in its title.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from babel import Locale

from parley.api import pages_common, public_page
from parley.api.pages_common import LANGUAGES, negotiate
from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.crypto import SigningKey

CATALOGS = Path(pages_common.__file__).parent / "assets" / "i18n"
PLURAL = re.compile(r"^(?P<base>.+)\.(?P<cat>zero|one|two|few|many|other)$")
PASS = "correct horse battery staple"
TITLE = "Working groups on urgent humanitarian and infrastructure issues"


def catalog(lang: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((CATALOGS / f"{lang}.json").read_text(encoding="utf-8"))
    return data


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


# ---- the catalogs ----------------------------------------------------------------------


def test_every_catalog_has_the_english_keys_placeholders_and_its_plural_forms():
    en = catalog("en")
    assert sorted(p.stem for p in CATALOGS.glob("*.json")) == sorted(LANGUAGES)
    plural_bases = {m["base"] for k in en if (m := PLURAL.match(k)) and f"{m['base']}.other" in en}
    assert plural_bases, "the English catalog has plural keys"
    problems: list[str] = []
    for lang in LANGUAGES:
        cat = catalog(lang)
        needed = set(Locale.parse(lang).plural_form.tags) | {"other"}
        wanted: dict[str, str] = {}  # key -> the English text it translates
        for key, text in en.items():
            m = PLURAL.match(key)
            if m and m["base"] in plural_bases:
                for category in needed:
                    wanted[f"{m['base']}.{category}"] = en[f"{m['base']}.other"]
            else:
                wanted[key] = text
        problems += [f"{lang}: missing {k}" for k in sorted(set(wanted) - set(cat))]
        problems += [f"{lang}: extra {k}" for k in sorted(set(cat) - set(wanted))]
        for key in set(cat) & set(wanted):
            if placeholders(cat[key]) != placeholders(wanted[key]):
                problems.append(f"{lang}: {key} has {placeholders(cat[key])}")
            if not cat[key].strip():
                problems.append(f"{lang}: {key} is empty")
        if lang != "en":
            same = [k for k in cat if cat[k] == en.get(k) and re.search(r"[a-z]{4}", cat[k])]
            assert len(same) < 10, f"{lang}: left in English? {same[:10]}"
    assert not problems, problems


def test_azerbaijani_is_in_latin_script():
    cyrillic = [k for k, v in catalog("az").items() if re.search(r"[\u0400-\u04ff]", v)]
    assert cyrillic == [k for k in cyrillic if k.startswith("zone.")], cyrillic


def test_the_public_page_takes_the_language_from_the_query_then_accept_language():
    assert negotiate("ru", "hy,en;q=0.5") == "ru"
    assert negotiate(None, "de-DE,hy;q=0.8,ru;q=0.9") == "ru"
    assert negotiate("xx", "az-Latn-AZ") == "az"
    assert negotiate(None, "de, fr;q=0.5") == "en"
    assert negotiate(None, None) == "en"
    summary = {"communiques": [], "tree_size": 3, "checkpoint": "cp"}
    html = public_page.render("c-1", summary, [], "hy", {"x": "1", "lang": "hy"})
    assert html.startswith("<!doctype html><html lang='hy'>")
    assert catalog("hy")["public.trust.title"] in html
    assert "href='?x=1&amp;lang=ru'" in html and "<script>" not in html


# ---- browsers: helpers -------------------------------------------------------------------


def browser_key(tmp_path: Path, stem: str, key: SigningKey) -> Path:
    name = next(p[3] for p in story.PEOPLE if p[0] == stem)
    path = tmp_path / f"{stem}.browser.json"
    write_private(path, export_browser(KeyFile(name, "", key), PASS))
    return path


def person(browser: Any, url: str, errors: list[str], **context: Any) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    return page


def sign_in(page: Any, tmp_path: Path, people: dict[str, SigningKey], stem: str) -> None:
    page.locator("input[type=file]").set_input_files(str(browser_key(tmp_path, stem, people[stem])))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{story.CHANNEL}/overview']").wait_for()


def go(page: Any, view: str) -> None:
    page.evaluate(f"location.hash = '#/c/{story.CHANNEL}/{view}'")
    page.wait_for_selector(
        f"main[data-view='{view}'] " + ("form" if view == "check" else "[data-live] > *")
    )


@contextmanager
def channel_server(
    tmp_path: Path, people: dict[str, SigningKey], charter: dict[str, Any]
) -> Iterator[tuple[str, ParleyClient]]:
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--embedder", "none"]
    proc = start_server(tmp_path / "server", port, args)
    url = f"http://127.0.0.1:{port}"
    try:
        commander = ParleyClient(url, people["commander"])
        commander.create_channel(story.CHANNEL, charter)
        for stem in ("artsakh-head", "azerbaijan-head"):
            ParleyClient(url, people[stem]).accept_charter(story.CHANNEL)
        yield url, commander
    finally:
        proc.terminate()
        proc.wait(10)


# ---- the pseudo-locale -------------------------------------------------------------------

WRAP = "⟦{}⟧"

# Every visible text of the page, in document order; the record's data (data-user,
# translate=no, data-server-text: the checker's English explanations) and times count as
# a placeholder. What is left once every ⟦…⟧ is taken out must hold no letter. Labels
# for assistive technology (aria-label, title) are checked the same way.
LEAKS = r"""() => {
  const skip = (e) => e.closest("[data-user], [translate=no], [data-server-text], time, script, style, noscript, head");
  const shown = (e) => e.closest("select") ? e.closest("select").checkVisibility() : e.checkVisibility();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = "";
  let lastSkipped = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || !shown(e)) continue;
    const s = skip(e);
    if (s) { if (s !== lastSkipped) text += "\u0001"; lastSkipped = s; continue; }
    lastSkipped = null;
    text += n.data;
  }
  const strip = (t) => { let before; do { before = t; t = t.replace(/⟦[^⟦⟧]*⟧/g, ""); } while (t !== before); return t; };
  const leaks = [];
  for (const part of strip(text).split("\u0001")) if (/\p{L}/u.test(part)) leaks.push(part.trim().slice(0, 120));
  for (const e of document.body.querySelectorAll("[aria-label], [title]")) {
    if (skip(e)) continue;
    for (const a of ["aria-label", "title"]) {
      const v = e.getAttribute(a);
      if (v && /\p{L}/u.test(strip(v))) leaks.push(`${e.tagName.toLowerCase()}[${a}=${v}]`);
    }
  }
  if (text.includes("⟦") === false) leaks.push("no catalog text at all: was the catalog served?");
  return leaks;
}"""


def pseudo(route: Any) -> None:
    """Serve the English catalog with every string wrapped in ⟦…⟧."""
    english = json.loads(route.fetch().text())
    wrapped = {k: WRAP.format(v) for k, v in english.items()}
    route.fulfill(body=json.dumps(wrapped, ensure_ascii=False), content_type="application/json")


def leaks(page: Any, where: str) -> list[str]:
    page.wait_for_timeout(300)  # live re-renders and the deadline ticker settle
    return [f"{where}: {x}" for x in page.evaluate(LEAKS)]


def test_no_word_outside_the_catalog_on_any_page(
    tmp_path, browser, people, story_server, monkeypatch
):
    """The pseudo-locale walk: every view of /app as the duty officer, a party's head and
    a party's member (with a message, minutes, an opening proposal and a head
    replacement in the record so that every kind of card shows), home signed out and in,
    enrolment, and the public page with its record check, a verified bundle and a
    statement checked."""
    url, member = story_server
    ch = story.CHANNEL
    meeting = "wg-2023-03-01"
    member("artsakh-head").send(
        ch, to="azerbaijan", priority="urgent", subject="Gas", text="Gas stopped."
    )
    member("duty-officer").talks.draft_minutes(
        ch, meeting, [{"item": "gas-supply", "summary": "Discussed.", "outcome": "Kept."}]
    )
    member("duty-officer").talks.draft_minutes(
        ch, meeting, [{"item": "gas-supply", "summary": "Discussed.", "outcome": "Kept!"}]
    )
    first = next(e for e in member("commander").sync(ch) if e.header.type == "meeting.proposed")
    member("artsakh-head").disclosures.propose(
        ch, "open-1", [first.header.id], reason="For the record"
    )
    member("azerbaijan-head").members.propose_head_replacement(
        ch, "artsakh-head-2", "artsakh", people["artsakh-head"].key_id,
        SigningKey.generate().public.to_b64(), "New Secretary", "phone lost",
    )  # fmt: skip
    errors: list[str] = []
    found: list[str] = []
    views = ("overview", "messages", "meetings", "minutes", "commitments", "publication")
    views += ("members", "check")
    for stem in ("duty-officer", "azerbaijan-head", "artsakh-member"):
        page = person(browser, url, errors)
        page.context.route("**/assets/i18n/en.json", pseudo)
        page.reload()
        page.locator("main h1").wait_for()
        found += leaks(page, f"{stem} home, signed out")
        sign_in(page, tmp_path, people, stem)
        found += leaks(page, f"{stem} home")
        for view in views:
            go(page, view)
            if view == "minutes":
                for button in page.locator("button[aria-expanded=false]").all():
                    button.click()
            if view == "members":
                for d in page.locator("details").all():
                    d.evaluate("d => { d.open = true; }")
                if stem == "azerbaijan-head":
                    page.locator("#enrol-paste").fill("not a code")
                    page.locator("form[aria-labelledby=h-add] button").click()
            if view == "check":
                page.locator("main textarea").fill("The working groups met in Baku.")
                page.locator("main form button[type=submit]").click()
                page.locator("#check-out li").first.wait_for()
            found += leaks(page, f"{stem} {view}")
        if stem == "azerbaijan-head":
            go(page, "members")
            page.locator("#h-inv ~ div input").first.fill("Newcomer")
            page.locator("form[aria-labelledby=h-inv] button[type=submit]").click()
            invitation = page.locator("#invite-link").input_value()
            found += leaks(page, "invitation link")
    newcomer = person(browser, url, errors)
    newcomer.context.route("**/assets/i18n/en.json", pseudo)
    newcomer.goto("about:blank")  # the invitation differs from /app only by its hash
    newcomer.goto(invitation)
    newcomer.locator("main button.primary").wait_for()
    found += leaks(newcomer, "enrolment, before the key")
    newcomer.locator("main button.primary").click()
    newcomer.locator("#enrol-code").wait_for()
    found += leaks(newcomer, "enrolment, the code")

    # The public page: its server-rendered words from a pseudo catalog (rendered here with
    # the server's own summary), its scripts' words from the pseudo en.json.
    en = catalog("en")
    monkeypatch.setattr(
        pages_common, "catalog", lambda lang: {k: WRAP.format(v) for k, v in en.items()}
    )
    summary = httpx.get(f"{url}/public/v1/channels/{ch}").json()
    entries = httpx.get(f"{url}/public/v1/channels/{ch}/entries").json()
    html = public_page.render(ch, summary, entries, "en", {})
    public = browser.new_context().new_page()
    public.on("pageerror", lambda e: errors.append(str(e)))
    public.route("**/assets/i18n/en.json", pseudo)
    public.route(
        f"{url}/public/channels/{ch}",
        lambda r: r.fulfill(body=html, content_type="text/html", headers=pages_common.PAGE_HEADERS),
    )
    public.goto(f"{url}/public/channels/{ch}")
    public.wait_for_selector("#trust[data-state]")
    public.locator("button[data-bundle]").first.click()
    public.wait_for_selector(".verify[data-result]")
    public.locator("#statement").fill("The working groups met in Baku.")
    public.locator("#check-form button").click()
    public.wait_for_selector("#check-result li")
    found += leaks(public, "public page")
    assert not found, "\n".join(found)
    assert errors == []


# ---- the story in four languages ---------------------------------------------------------


def choose(page: Any, lang: str) -> dict[str, str]:
    """Choose ``lang`` through the header's switch; wait until the page speaks it."""
    cat = catalog(lang)
    page.locator("#pref-lang").select_option(lang)
    page.wait_for_function(
        """([lang, nav]) => document.documentElement.lang === lang
        && document.querySelector("nav a[aria-current=page]")?.textContent === nav
        && document.querySelector("main[data-view] [data-live] > *")""",
        arg=[lang, cat["nav.messages"]],
    )
    return cat


def recorded(page: Any, cat: dict[str, str], what: str) -> None:
    said = cat["act.recorded"].replace("{what}", cat[what])
    page.locator("#flash p", has_text=said).wait_for()


def test_the_core_of_the_story_in_each_language(
    tmp_path, browser, axe, screenshots, people, charter
):
    errors: list[str] = []
    subject, text = "Gas supply cut at Shusha", "Gas to Stepanakert stopped at 08:40."
    with channel_server(tmp_path, people, charter) as (url, commander):
        officer = person(browser, url, errors)
        a_head = person(browser, url, errors)
        b_head = person(browser, url, errors)
        for page, stem in (
            (officer, "duty-officer"),
            (a_head, "artsakh-head"),
            (b_head, "azerbaijan-head"),
        ):
            sign_in(page, tmp_path, people, stem)
        for lang in LANGUAGES:
            meeting = f"wg-{lang}"
            cats = {}
            for page in (officer, a_head, b_head):
                go(page, "messages")
                if lang == "ru" and page is a_head:  # what is typed survives a switch
                    a_head.locator("#compose input[name=subject]").fill("typed before")
                cats[id(page)] = choose(page, lang)
            cat = cats[id(a_head)]
            if lang == "ru":
                assert (
                    a_head.locator("#compose input[name=subject]").input_value() == "typed before"
                )
            # The labels are this language's.
            for page in (officer, a_head, b_head):
                assert page.evaluate("document.documentElement.lang") == lang
                assert page.locator("nav a[aria-current=page]").inner_text() == cat["nav.messages"]
                assert page.locator("label[for=pref-zone]").inner_text() == cat["prefs.zone"]

            # A message, sent by one head and acknowledged by the other.
            a_head.get_by_label(cat["compose.to"], exact=True).select_option("azerbaijan")
            a_head.locator("#compose input[name=priority][value=urgent]").check()
            a_head.get_by_label(cat["compose.subject"], exact=True).fill(subject)
            a_head.get_by_label(cat["compose.text"], exact=True).fill(text)
            a_head.get_by_role("button", name=cat["messages.compose.send"]).click()
            recorded(a_head, cat, "act.message")
            ack = b_head.get_by_role(
                "button", name=cat["messages.ack.button"].replace("{subject}", subject)
            )
            ack.click()
            recorded(b_head, cat, "act.acknowledgement")
            sent = a_head.locator("#h-out + div article[data-message]").first
            sent.locator("li.done[data-hop=acknowledged]").wait_for()
            done = cat["hop.acknowledged.done"].split("{time}")[0].strip()
            assert done in sent.locator("li[data-hop=acknowledged]").inner_text()
            for page in (a_head, b_head):
                assert axe(page) == [], (lang, page.url)
            screenshots(a_head, f"messages-{lang}")

            # A meeting, proposed by the duty officer and accepted by both heads.
            go(officer, "meetings")
            officer.get_by_label(cat["meetings.propose.id"]).fill(meeting)
            officer.get_by_label(cat["meetings.propose.start"]).fill("2023-03-01T11:00:00+04:00")
            officer.locator("form[aria-labelledby=h-propose]").get_by_label(
                cat["meetings.venue"]
            ).fill("Headquarters of the Russian peacekeeping mission")
            officer.get_by_role("button", name=cat["meetings.propose.button"], exact=True).click()
            recorded(officer, cat, "act.meeting_proposal")
            for page in (a_head, b_head):
                go(page, "meetings")
                page.get_by_role(
                    "button", name=cat["meetings.accept"].replace("{meeting}", meeting)
                ).click()
                recorded(page, cat, "act.acceptance")
            officer.locator(f"article[data-meeting='{meeting}'][data-status=agreed]").wait_for()
            assert (
                cat["status.meeting.agreed"]
                in officer.locator(f"article[data-meeting='{meeting}'] h3").inner_text()
            )
            assert axe(officer) == [], lang
            screenshots(officer, f"meetings-{lang}")

            # Minutes, drafted by the duty officer and signed by both heads.
            go(officer, "minutes")
            officer.get_by_label(cat["minutes.draft.meeting"], exact=True).select_option(meeting)
            officer.locator("fieldset[data-item=gas-supply] [data-k=summary]").fill(
                "The gas supply was discussed."
            )
            officer.locator("fieldset[data-item=gas-supply] [data-k=outcome]").fill(
                "Supply kept uninterrupted."
            )
            officer.get_by_role("button", name=cat["minutes.draft.button"], exact=True).click()
            recorded(officer, cat, "act.minutes_draft")
            for page in (a_head, b_head):
                go(page, "minutes")
                card = page.locator(f"article[data-minutes='{meeting}']")
                card.get_by_role(
                    "button", name=cat["minutes.sign"].replace("{version}", "1")
                ).click()
                recorded(page, cat, "act.minutes_signature")
            assert axe(a_head) == [], lang
            screenshots(a_head, f"minutes-{lang}")
            go(officer, "overview")
            assert axe(officer) == [], lang
            screenshots(officer, f"console-{lang}")

        # The public page in each language (the ?lang= links at its top), once something
        # is public.
        ParleyClient(url, people["duty-officer"]).disclosures.draft_communique(
            story.CHANNEL, "communique-1", {"en": "The working groups met."}
        )
        for stem in ("artsakh-head", "azerbaijan-head", "commander"):
            client = ParleyClient(url, people[stem])
            client.disclosures.sign_communique(story.CHANNEL, "communique-1", 1)
        public = browser.new_page()
        for lang in LANGUAGES:
            public.goto(f"{url}/public/channels/{story.CHANNEL}?lang={lang}")
            assert public.evaluate("document.documentElement.lang") == lang
            assert (
                public.locator("h2#trust-heading").inner_text()
                == catalog(lang)["public.trust.title"]
            )
            public.wait_for_selector("#trust[data-state]")
            assert axe(public) == [], lang
            screenshots(public, f"public-{lang}")

        # What was signed does not depend on the language it was signed in.
        entries = commander.sync(story.CHANNEL)
        bodies: dict[str, list[str]] = {}
        for e in entries:
            body = dict(e.body or {})
            for k in ("meeting", "proposal", "digest", "message"):
                body.pop(k, None)
            bodies.setdefault(e.header.type, []).append(json.dumps(body, sort_keys=True))
        for kind, count in (("message.sent", 4), ("receipt.acknowledged", 4), ("meeting.proposed", 4),
                            ("meeting.accepted", 8), ("minutes.drafted", 4), ("minutes.signed", 8)):  # fmt: skip
            assert len(bodies[kind]) == count, (kind, len(bodies[kind]))
            assert len(set(bodies[kind])) == 1, (kind, set(bodies[kind]))
        sent = json.loads(bodies["message.sent"][0])
        assert sent == {
            "to": "azerbaijan",
            "priority": "urgent",
            "subject": subject,
            "text": text,
            "language": "en",
        }
    assert errors == []


def test_times_are_shown_in_the_zone_chosen_with_utc_in_the_title(
    tmp_path, browser, people, charter
):
    errors: list[str] = []
    with channel_server(tmp_path, people, charter) as (url, _commander):
        ParleyClient(url, people["artsakh-head"]).send(
            story.CHANNEL,
            to="azerbaijan",
            priority="routine",
            subject="Water",
            text="Pressure low.",
        )
        page = person(browser, url, errors, timezone_id="UTC")
        sign_in(page, tmp_path, people, "azerbaijan-head")
        go(page, "messages")
        sent = page.locator("article[data-message] li[data-hop=sent] time").first
        utc_text = sent.inner_text()
        assert utc_text.endswith("UTC"), utc_text
        page.locator("#pref-zone").select_option("Asia/Baku")
        page.wait_for_function(
            """() => document.querySelector("article[data-message] li[data-hop=sent] time")
            .textContent.includes("GMT+4")"""
        )
        sent = page.locator("article[data-message] li[data-hop=sent] time").first
        shown, title, iso = (
            sent.inner_text(),
            sent.get_attribute("title"),
            sent.get_attribute("datetime"),
        )
        assert shown.endswith("GMT+4"), shown
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(UTC\)", title or ""), title
        assert title.startswith(iso or "-")
        utc_hour = int(iso[11:13])
        assert f"{(utc_hour + 4) % 24:02d}:{iso[14:16]}" in shown, (shown, iso)
        # Remembered for this member: a reload keeps Baku.
        page.reload()
        go(page, "messages")
        assert page.locator("#pref-zone").input_value() == "Asia/Baku"
        assert (
            "GMT+4"
            in page.locator("article[data-message] li[data-hop=sent] time").first.inner_text()
        )
    assert errors == []
