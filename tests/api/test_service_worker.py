"""The members' pages' service worker as the server serves it: allowed to control /app,
keeping the shell, the scripts, the catalogs and the public entry schemas — and no other
API answer (those carry a token and the channel's private record)."""

from __future__ import annotations

import json
import re

from parley.api.pages_common import ASSETS, CATALOGS
from parley.api.routes import pages


def build(body: bytes) -> dict[str, object]:
    m = re.search(r"^const BUILD = (.*);$", body.decode(), re.M)
    assert m, "the server filled in BUILD"
    data: dict[str, object] = json.loads(m.group(1))
    return data


def test_the_service_worker_keeps_the_shell_and_no_private_api_answer(monkeypatch):
    r = pages.asset("sw.js")
    assert r.headers["service-worker-allowed"] == "/app"
    assert r.headers["cache-control"] == "no-cache"
    got = build(r.body)
    shell = got["shell"]
    assert isinstance(shell, list)
    assert "/app" in shell and "/assets/app.js" in shell and "/assets/outbox.js" in shell
    assert {f"/assets/i18n/{name}" for name in CATALOGS} <= set(shell)
    assert [p for p in shell if p.startswith("/v1/")] == ["/v1/schemas/entries"]
    assert "/assets/sw.js" not in shell
    assert re.fullmatch(r"[0-9a-f]{16}", str(got["version"]))
    # Another script: another version (a new cache; the old one is deleted).
    monkeypatch.setitem(ASSETS, "app.js", ASSETS["app.js"] + b"\n// changed\n")
    pages.service_worker.cache_clear()
    try:
        assert build(pages.asset("sw.js").body)["version"] != got["version"]
    finally:
        monkeypatch.undo()
        pages.service_worker.cache_clear()
