"""Nothing on the app's origin loads anything from elsewhere: the members' signing keys
live in this origin's IndexedDB, so a script from a CDN would hold them. Every HTML route
is crawled; each must carry the strict Content-Security-Policy and reference no other
origin, and FastAPI's CDN-backed /docs and /redoc are not served."""

from __future__ import annotations

import re

from parley.api import fastapi_app
from parley.api.access import routes

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def test_no_page_loads_anything_from_another_origin(http, play_story, member, charter):
    play_story(member, charter)
    pages = 0
    for method, path, _ in routes(fastapi_app(http.app)):
        if method != "GET":
            continue
        url = path.replace("{channel_id}", "artsakh-azerbaijan-wg").replace("{name}", "app.js")
        url = re.sub(r"\{\w+\}", "x", url)
        r = http.get(url)
        if "text/html" not in r.headers.get("content-type", ""):
            continue
        pages += 1
        csp = r.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "default-src 'self'" in csp, url
        assert not EXTERNAL.search(r.text), (url, EXTERNAL.search(r.text))
    assert pages >= 2
    for gone in ("/docs", "/redoc"):
        assert http.get(gone).status_code == 404
    assert http.get("/openapi.json").status_code == 200
