"""The public page's statement check, in a real browser (Debian's Chromium, driven by
Playwright) against a real server process: a visitor types the story's false claim and
reads the verdicts with their evidence; a confidential detail never appears."""

from __future__ import annotations

import pytest

from parley.cli import story
from parley.client import Witness

pytestmark = pytest.mark.server


def test_a_visitor_checks_a_statement_on_the_public_page(browser, axe, screenshots, story_server):
    url, _ = story_server
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(f"{url}/public/channels/{story.CHANNEL}")
    assert page.inner_text("h1").startswith("Public record of channel")
    assert "reached agreements" in page.inner_text("body")
    page.get_by_label("A public statement about these talks").fill(
        "The working groups met in Baku on 1 March 2023. "
        "The next meeting may take place in Ganja or Aghdam."
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Check button, reached by keyboard
    page.wait_for_selector("#check-result li")
    items = page.locator("#check-result ol.claims > li")
    assert items.count() == 2
    first, second = items.nth(0), items.nth(1)
    assert first.get_attribute("data-verdict") == "contradicted"
    assert "communiqué" in first.inner_text()
    assert second.get_attribute("data-verdict") == "not_in_record"
    assert "is not “false”" in page.inner_text("#check-result")
    link = first.locator("a.proof")
    if link.count():  # evidence with an offline proof bundle
        bundle = page.request.get(url + link.first.get_attribute("href")).json()
        assert bundle["format"].startswith("parley")
    text = page.inner_text("body")
    for secret in ("Integration", "Milli Majlis", "Outside the mandate", "uninterrupted"):
        assert secret not in text
    assert axe(page) == []
    screenshots(page, "public-page")
    # A statement with markup is shown as text, never run.
    page.get_by_label("A public statement about these talks").fill(
        "<img src=x onerror=alert(1)> The meeting took place in Baku."
    )
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("#check-result li")
    assert page.locator("#check-result img").count() == 0


def test_the_verify_button_checks_a_bundle_in_the_browser_and_rejects_an_altered_one(
    tmp_path, browser, story_server
):
    url, member = story_server
    for stem in ("artsakh-head", "azerbaijan-head"):  # the parties' witnesses cosign
        Witness(member(stem), story.CHANNEL, tmp_path / f"{stem}.witness.json").observe()
    page = browser.new_page()
    page.goto(f"{url}/public/channels/{story.CHANNEL}")
    button = page.get_by_role("button", name="Verify communiqué communique-1 in this browser")
    out_id = button.get_attribute("aria-controls")
    button.click()
    page.wait_for_selector(f"#{out_id}[data-result]")
    out = page.locator(f"#{out_id}")
    assert out.get_attribute("data-result") == "verified", out.inner_text()
    said = out.inner_text()
    for step in (
        "signed by",
        "relay receipt",
        "checkpoint signed by the server",
        "inclusion proof",
    ):
        assert step in said, said

    # The same button, with the bundle altered on its way to the browser.
    def altered(route):
        bundle = route.fetch().json()
        bundle["entry"]["body"]["texts"]["en"] = "The working groups met in Baku."
        route.fulfill(json=bundle)

    page.route("**/bundle", altered)
    page.reload()
    button = page.get_by_role("button", name="Verify communiqué communique-1 in this browser")
    button.click()
    page.wait_for_selector(f"#{out_id}[data-result]")
    assert out.get_attribute("data-result") == "failed"
    assert "NOT verified" in out.inner_text() and "digest" in out.inner_text()
