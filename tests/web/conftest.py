"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium, installed by
.ci/run; `playwright install` cannot download browsers here) against a real server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from parley.cli.demo import free_port, start_server
from parley.model.clock import OffsetClock


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests run in `make test`'s serial pass, alone: beside another worker a
    page's stylesheet or script can arrive after a test's 30 s wait (a CI run at 4d76033
    failed two duty-officer tests so, computed white-space still '')."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.serial)


CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(os.environ.get("PARLEY_SCREENSHOTS") or ROOT / "build" / "screenshots")
"""Where the tests save screenshots: an ignored folder, so `make test` leaves the checkout
clean; `make screenshots` points it at docs/screenshots/ to refresh the committed ones."""
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def _chromium() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (dev extra)"
    )
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(
                f"no Chromium at {CHROMIUM}: .ci/run installs it (apt-get install chromium)"
            )
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    """A Chromium for one test."""
    with _chromium() as b:
        yield b


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One Chromium for a module's tests (start-up is paid once per module)."""
    with _chromium() as b:
        yield b


def open_app(
    b: Any,
    url: str,
    key_file: Path,
    passphrase: str,
    errors: list[str],
    *,
    channel: str | None = None,
    viewport: dict[str, int] = DESKTOP,
    init_script: str | None = None,
) -> Any:
    """A page in a browser context of its own (its own IndexedDB: its own key) with
    ``key_file`` imported; waits for ``channel`` in the channel list when one is named.
    The page's uncaught errors go into ``errors``."""
    page = b.new_context(viewport=viewport).new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    if init_script:
        page.add_init_script(init_script)
    page.goto(f"{url}/app")
    page.locator("input[type=file]").set_input_files(str(key_file))
    page.locator("input[type=password]").fill(passphrase)
    page.locator("form button[type=submit]").click()
    if channel:
        page.locator(f"main a[href='#/c/{channel}/overview']").wait_for()
    return page


@pytest.fixture(scope="session")
def signed_in_page() -> Callable[..., Any]:
    """:func:`open_app`, for test modules (conftest is not imported by them)."""
    return open_app


@pytest.fixture
def axe() -> Callable[[Any], list[str]]:
    """``axe(page)``: every violation axe-core (npm, test-only) finds inside the page, of
    any impact (minor and moderate too)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: `make test` runs `npm ci` first")
        pytest.skip("axe-core is not installed (npm ci)")

    def run(page: Any) -> list[str]:
        # Evaluated through the DevTools protocol, which the pages' Content-Security-Policy
        # (scripts from the server only) does not cover; a <script> tag would be refused.
        # Once per document: the members' pages change view without loading a new one.
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(AXE.read_text() + "\n;0")
        result = page.evaluate("async () => await axe.run(document)")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def screenshots() -> Callable[[Any, str], None]:
    """``screenshots(page, name)``: save the page at desktop and phone width under
    :data:`SHOTS`, leaving it at the width it had."""

    def save(page: Any, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        before = page.viewport_size
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(before)

    return save


@pytest.fixture
def story_server(tmp_path, people, charter, play_story, make_members):
    """A real server whose clock starts on the story's morning, with the story's core
    played through it; yields its URL and ``member(stem)``."""
    start = datetime(2023, 3, 1, 5, 0, tzinfo=UTC)
    port = free_port()
    args = ["--creator", people["commander"].key_id, "--clock-start", start.isoformat()]
    proc = start_server(tmp_path, port, [*args, "--embedder", "none"])
    url = f"http://127.0.0.1:{port}"
    try:
        member = make_members(url, people, OffsetClock(start))
        play_story(member, charter)
        yield url, member
    finally:
        proc.terminate()
        proc.wait(10)
