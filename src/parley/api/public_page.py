"""The channel's public page: server-rendered HTML, no sign-in.

It shows exactly what the public API shows — communiqués, entries the parties opened
(with "recorded on … published on …"), the latest cosigned checkpoint — with a link to
each item's offline proof bundle, and a form to check a statement against the public
record (``assets/check.js``), and a "verify" button per item that checks its proof
bundle in the browser against the channel's trust root, which the page pins on first visit
and compares on every later one, saying when the keys changed or the log lost entries
(``assets/verify.js``). Small hand-written scripts; the page reads fine without them.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any


def render(channel: str, summary: dict[str, Any], entries: list[dict[str, Any]]) -> str:
    base = f"/public/v1/channels/{escape(channel)}"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Public record — {escape(channel)}</title><link rel='icon' href='data:,'>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}"
        "pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem;overflow-x:auto}"
        ".meta{color:#444;font-size:.9rem}textarea{width:100%;font:inherit}"
        ".verdict.contradicted,.bad{color:#a00000}.verdict.supported{color:#006100}"
        ".verdict.not_in_record{color:#5c4a00}button{font:inherit;padding:.3rem 1rem}"
        ":focus{outline:3px solid #1a5fb4}.good{color:#006100}.warn{color:#5c4a00}"
        "#trust{border:1px solid #ccc;padding:.25rem 1rem;margin:1rem 0}"
        "#trust[data-state=changed],#trust[data-state=rollback],#trust[data-state=fork]"
        "{border:3px solid #a00000}</style>"
        "<script src='/assets/check.js' defer></script>"
        "<script src='/assets/verify.js' defer></script></head><body><main>",
        f"<h1>Public record of channel <code>{escape(channel)}</code></h1>",
        "<p>Only what every side agreed to publish appears here. Each item links to an offline proof "
        "bundle; check it with <code>parley verify-bundle --trust trust.json</code>. Publication "
        "cannot be undone.</p>",
        f"<section id='trust' aria-labelledby='trust-heading' data-channel='{escape(channel)}' "
        f"data-base='{base}'><h2 id='trust-heading'>Is this the record you saw before?</h2>"
        "<p id='trust-status' role='status' aria-live='polite'>Checking in this browser…</p>"
        "<p><label for='trust-file'>Load the trust root a party published "
        "(<code>trust.json</code>, from <code>parley trust export --public</code>):</label> "
        "<input type='file' id='trust-file' accept='.json,application/json'></p>"
        f"<p class='meta'>The server's own statement: <a href='{base}/trust'>trust root</a>.</p>"
        "</section>",
        "<h2>Joint communiqués</h2>",
    ]
    if not summary["communiques"]:
        parts.append("<p>None published.</p>")
    for c in summary["communiques"]:
        parts.append(f"<article><h3>{escape(c['id'])}</h3>")
        parts.append(
            f"<p class='meta'>Signed by: {escape(', '.join(c['signed_by_sides']))}; "
            f"published {escape(c['published_at'])}. "
            f"<a href='{base}/entries/{escape(c['entry_id'])}/bundle'>proof bundle</a></p>"
            + _verify_button(base, c["entry_id"], f"communiqué {c['id']}", "c")
        )
        for lang, text in c["texts"].items():
            parts.append(f"<p lang='{escape(lang)}'>{escape(text)}</p>")
        parts.append("</article>")
    parts.append("<h2>Published entries</h2>")
    if not entries:
        parts.append("<p>None.</p>")
    for e in entries:
        h = e["entry"]["header"]
        parts.append(
            f"<article><h3>{escape(h['type'])}</h3><p class='meta'>recorded on {escape(e['recorded_at'])}, "
            f"published on {escape(e['published_at'])} — "
            f"<a href='{base}/entries/{escape(h['id'])}/bundle'>proof bundle</a></p>"
            + _verify_button(base, h["id"], h["type"], "e")
            + f"<pre tabindex='0'>{escape(json.dumps(e['entry']['body'], indent=2, ensure_ascii=False))}</pre></article>"
        )
    parts.append(
        "<h2 id='check-heading'>Check a statement</h2>"
        f"<form id='check-form' data-channel='{escape(channel)}' aria-labelledby='check-heading'>"
        "<label for='statement'>A public statement about these talks (an interview, a post, an "
        "article). Each claim is checked against the public record above.</label>"
        "<textarea id='statement' name='statement' rows='4' maxlength='5000'></textarea>"
        "<p><button type='submit'>Check</button></p></form>"
        "<div id='check-result' role='status' aria-live='polite' tabindex='-1'></div>"
    )
    parts.append("<h2>Latest checkpoint</h2>")
    parts.append(
        f"<p class='meta'>The log holds {summary['tree_size']} entries; this is all the public learns "
        "about the ones that are not published.</p>"
    )
    parts.append(
        f"<pre tabindex='0' aria-label='latest checkpoint'>{escape(summary['checkpoint'])}</pre></main></body></html>"
    )
    return "".join(parts)


def _verify_button(base: str, entry_id: str, what: str, section: str) -> str:
    """A button that checks the item's proof bundle in the browser (assets/verify.js).
    ``section`` keeps ids unique when an item is shown twice (a communiqué's entry)."""
    out = f"verify-{section}-{escape(entry_id)}"
    return (
        f"<p><button type='button' data-bundle='{base}/entries/{escape(entry_id)}/bundle' "
        f"aria-controls='{out}'>Verify {escape(what)} in this browser</button></p>"
        f"<div id='{out}' class='verify' role='status' aria-live='polite'></div>"
    )
