"""Agreed names and translations in a real browser, on two channels whose sides name one
place differently (the demo's Stepanakert/Khankendi; a river basin's Tarnmouth/Lowtarn):

- each side's pages show the place as that side names it, the mediator the neutral name,
  the public page the agreed name beside the text as signed, and the statement checker
  takes either side's name for the same place;
- a person's translation of a message, verified by the side that received it, and a
  machine draft from the server's (test) model, labelled a draft — both entries that the
  audit replays, the original untouched;
- minutes drafted in two languages in the page and signed as one, the authentic one shown.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from parley.cli import story
from parley.cli.demo import free_port, start_server
from parley.client import ParleyClient
from parley.client.keystore import KeyFile, export_browser, write_private
from parley.translate import untranslate

pytestmark = pytest.mark.server
PASS = "correct horse battery staple"
CH = story.CHANNEL


BASIN_GLOSSARY = [
    {
        "id": "tarn-town",
        "kind": "place",
        "names": {"en": "Tarn Mouth", "ru": "Устье Тарна"},
        "forms": {"north": {"en": "Tarnmouth"}, "south": {"en": "Lowtarn"}},
    }
]


STORIES = {
    # (glossary of a basin charter, or None: the demo's charter; side a, side b, a's name, b's name, neutral name, a mandate topic)
    "demo": (None, "artsakh", "azerbaijan", "Stepanakert", "Khankendi", "Stepanakert / Khankendi", "gas-supply"),
    "basin": (BASIN_GLOSSARY, "north", "south", "Tarnmouth", "Lowtarn", "Tarn Mouth", "dam-release"),
}  # fmt: skip


def sign_in(
    browser: Any, url: str, tmp_path: Any, people: dict[str, Any], stem: str, errors: list[str]
) -> Any:
    path = tmp_path / f"{stem}.browser.json"
    write_private(path, export_browser(KeyFile(stem, "", people[stem]), PASS))
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator("input[type=password]").fill(PASS)
    page.locator("form button[type=submit]").click()
    page.locator(f"main a[href='#/c/{CH}/overview']").wait_for()
    return page


def go(page: Any, view: str) -> None:
    page.evaluate(f"location.hash = '#/c/{CH}/{view}'")
    page.wait_for_selector(f"main[data-view='{view}'] [data-live] > *")


@pytest.mark.parametrize("which", sorted(STORIES))
def test_names_translations_and_bilingual_minutes(
    which, tmp_path, browser, axe, screenshots, people, charter, basin_charter
):
    glossary, _a, b, a_name, b_name, neutral, topic = STORIES[which]
    full = charter if glossary is None else basin_charter(glossary)
    models = tmp_path / "models"
    models.mkdir()
    (models / "parley-test-backend.json").write_text(
        json.dumps({"pairs": [["en", "ru"], ["en", "az"]]})
    )
    port = free_port()
    proc = start_server(
        tmp_path / "server",
        port,
        [
            "--creator",
            people["commander"].key_id,
            "--embedder",
            "none",
            "--translation-models",
            str(models),
        ],
    )
    url = f"http://127.0.0.1:{port}"
    errors: list[str] = []
    try:
        c = {s: ParleyClient(url, k) for s, k in people.items()}
        c["commander"].create_channel(CH, full)
        c["artsakh-head"].accept_charter(CH)
        c["azerbaijan-head"].accept_charter(CH)
        # The meeting is proposed at the place as side b names it.
        c["duty-officer"].talks.propose(
            CH, "m-1", start="2031-05-10T10:00:00+04:00", venue=b_name,
            agenda=[{"id": "i-1", "topic": topic, "title": "The first item"}],
        )  # fmt: skip
        c["artsakh-head"].talks.answer(CH, "m-1", True)
        c["azerbaijan-head"].talks.answer(CH, "m-1", True)

        a_head = sign_in(browser, url, tmp_path, people, "artsakh-head", errors)
        b_head = sign_in(browser, url, tmp_path, people, "azerbaijan-head", errors)
        officer = sign_in(browser, url, tmp_path, people, "duty-officer", errors)

        # --- each side reads the place in its own words; the signed text on hover ---------
        for page, shown in ((a_head, a_name), (b_head, b_name), (officer, neutral)):
            go(page, "meetings")
            venue = page.locator("article[data-meeting='m-1'] p", has_text=shown).first
            venue.wait_for()
            if shown != b_name:
                assert (
                    page.locator(f"article[data-meeting='m-1'] span[title*='{b_name}']").count()
                    == 1
                )
        assert b_name not in a_head.locator("article[data-meeting='m-1']").inner_text()

        # --- a person's translation, verified by the side that received the message ------
        text = "Open the second gate at six.\nKeep the gauges read hourly."
        sent, _ = c["artsakh-member"].send(
            CH, to=b, priority="urgent", subject="Gate", text=text, language="en"
        )
        mid = str(sent.header.id)
        go(a_head, "messages")
        card = a_head.locator(f"article[data-message='{mid}']")
        card.locator("summary", has_text="Add a translation").click()
        card.get_by_label("Into").select_option("ru")
        card.get_by_label("Translation", exact=True).fill(
            "Откройте второй затвор в шесть.\nСнимайте показания ежечасно."
        )
        card.get_by_role("button", name="Sign the translation").click()
        a_head.locator("#flash p", has_text="Translation: signed and recorded.").wait_for()
        go(b_head, "messages")
        card = b_head.locator(f"article[data-message='{mid}']")
        human = card.locator("section.translation", has=b_head.locator("[data-method=human]"))
        human.wait_for()
        assert "Not verified" in human.inner_text()
        human.get_by_role("button", name="Verify the Russian translation").click()
        b_head.locator("#flash p", has_text="Verification: signed and recorded.").wait_for()
        card.locator(f"section.translation [data-verified='{b}']").wait_for()

        # --- a machine draft, labelled a draft wherever it is shown -----------------------
        card.locator("summary", has_text="Add a translation").click()
        card.get_by_label("Into").select_option("az")
        card.get_by_role("button", name="Machine draft").click()
        box = card.get_by_label("Translation", exact=True)
        # (the first draft loads the translation model: slow on a loaded machine)
        b_head.wait_for_function(
            "(e) => e.value.length > 0", arg=box.element_handle(), timeout=120_000
        )
        assert untranslate(box.input_value()) == text
        card.get_by_role("button", name="Sign the translation").click()
        b_head.locator("#flash p", has_text="Translation: signed and recorded.").wait_for()
        machine = card.locator("section.translation", has=b_head.locator("[data-method=machine]"))
        machine.wait_for()
        assert "Machine draft (test, parley-test-backend@reverse-words)" in machine.inner_text()
        assert axe(b_head) == []
        screenshots(b_head, f"translations-{which}")

        # Both are entries every member's client replays and verifies; the original stands.
        entries = c["commander"].sync(CH)
        kinds = [e.header.type for e in entries]
        assert kinds.count("translation.added") == 2 and kinds.count("translation.verified") == 1
        found = {t["method"]: t for t in c["azerbaijan-member"].languages.translations(CH, mid)}
        assert (
            found["machine"]["draft"]
            and found["machine"]["model"] == "parley-test-backend@reverse-words"
        )
        assert found["human"]["verified_by"] and not found["machine"]["verified_by"]
        assert next(m for m in c["artsakh-member"].messages(CH) if m["id"] == mid)["text"] == text

        # --- minutes in two languages, drafted in the page, signed as one -----------------
        go(officer, "minutes")
        officer.get_by_label("Also in").select_option("ru")
        officer.get_by_label("Authentic version").select_option("main")
        item = officer.locator("fieldset[data-item='i-1']")
        item.get_by_label("Summary", exact=True).fill("Release agreed.")
        item.get_by_label("Summary (Russian)").fill("Сброс согласован.")
        officer.get_by_role("button", name="Sign draft", exact=True).click()
        officer.locator("#flash p", has_text="signed and recorded").wait_for()
        for head in ("artsakh-head", "azerbaijan-head", "commander"):
            c[head].talks.sign_minutes(CH, "m-1", 1)
        body = c["commander"].talks.minutes(CH, "m-1")["versions"][0]["body"]
        assert body["parallel"]["ru"]["items"][0]["summary"] == "Сброс согласован."
        assert body["authentic"] == ["en"] and body["language"] == "en"
        go(a_head, "minutes")
        version = a_head.locator("article[data-minutes='m-1'] [data-version='1']")
        version.locator("[data-lang='ru']", has_text="Сброс согласован.").wait_for()
        assert version.locator("[data-authentic='en']").inner_text() == "Authentic: English"
        assert axe(a_head) == []

        # --- the public: the agreed name beside the text as signed ------------------------
        communique = f"The working groups met in {b_name} on 10 May."
        c["duty-officer"].disclosures.draft_communique(CH, "c-1", {"en": communique}, meeting="m-1")
        for head in ("artsakh-head", "azerbaijan-head", "commander"):
            c[head].disclosures.sign_communique(CH, "c-1", 1)
        public = browser.new_context().new_page()
        public.on("pageerror", lambda e: errors.append(str(e)))
        public.goto(f"{url}/public/channels/{CH}?lang=en")
        assert communique in public.locator("article").first.inner_text()
        row = public.locator("#names li")
        assert row.inner_text() == f"“{b_name}” — agreed name: {neutral}"
        assert axe(public) == []

        # --- the checker takes either side's name for the same place ----------------------
        for name in (a_name, b_name):
            [v] = c["artsakh-member"].check_statements(
                CH, [f"The 10 May meeting took place in {name}."]
            )
            assert v["claims"][0]["verdict"] == "supported", (name, v)
    finally:
        proc.terminate()
        proc.wait(10)
    assert errors == []
