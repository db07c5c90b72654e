"""What every page the server renders shares: its scripts and its security headers."""

from __future__ import annotations

from pathlib import Path

ASSETS = {
    path.name: path.read_bytes() for path in sorted((Path(__file__).parent / "assets").glob("*.js"))
}
"""The pages' hand-written scripts, by file name (served from this origin only)."""

PAGE_HEADERS = {
    # Scripts only from this server, no inline script, no framing: a page that holds a
    # signing key must not run anyone else's code.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
