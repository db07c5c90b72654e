"""The channel's public page: server-rendered HTML, no sign-in.

It shows exactly what the public API shows — communiqués, entries the parties opened
(with "recorded on … published on …"), the latest cosigned checkpoint — with a link to
each item's offline proof bundle, and a form to check a statement against the public
record (``assets/check.js``), and a "verify" button per item that checks its proof
bundle in the browser against the channel's trust root, which the page pins on first visit
and compares on every later one, saying when the keys changed or the log lost entries
(``assets/verify.js``). Small hand-written scripts; the page reads fine without them.

Every word comes from the pages' catalogs (``assets/i18n/<lang>.json``, keys under
``public.*``) in the reader's language: ``?lang=``, else Accept-Language, else English
(:func:`parley.api.pages_common.negotiate`); links at the top switch it, keeping the rest
of the query. Times are in UTC, written the language's way, with the zone shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

from babel import Locale, UnknownLocaleError

from parley.api.pages_common import LANGUAGES, Html, catalog, fmt_time, has, tr


def render(
    channel: str,
    summary: dict[str, Any],
    entries: list[dict[str, Any]],
    lang: str = "en",
    query: Mapping[str, str] | None = None,
) -> str:
    def t(key: str, **params: object) -> Html:
        return tr(lang, key, **params)

    def entry_type(kind: str) -> Html:
        return t(f"entry.{kind}") if has(lang, f"entry.{kind}") else Html(escape(kind))

    def ident(text: str) -> Html:
        return Html(f"<code translate='no' data-user>{escape(text)}</code>")

    base = f"/public/v1/channels/{escape(channel)}"
    trust_link = Html(f"<a href='{base}/trust'>{t('public.trust.link')}</a>")
    parts = [
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{t('public.title', channel=channel)}</title><link rel='icon' href='data:,'>",
        "<link rel='stylesheet' href='/assets/app.css'>"
        "<script type='module' src='/assets/check.js'></script>"
        "<script type='module' src='/assets/verify.js'></script></head><body class='public'>",
        _languages(lang, query or {}, t("public.languages")),
        "<main>",
        f"<h1>{t('public.heading', channel=Html(f'<code translate=no data-user>{escape(channel)}</code>'))}</h1>",
        f"<p>{t('public.intro', command=Html('<code translate=no>parley verify-bundle --trust trust.json</code>'))}</p>",
        f"<section id='trust' aria-labelledby='trust-heading' data-channel='{escape(channel)}' "
        f"data-base='{base}'><h2 id='trust-heading'>{t('public.trust.title')}</h2>"
        f"<p id='trust-status' role='status' aria-live='polite'>{t('public.trust.checking')}</p>"
        "<p><label for='trust-file'>"
        + t(
            "public.trust.load",
            file=Html("<code translate=no>trust.json</code>"),
            command=Html("<code translate=no>parley trust export --public</code>"),
        )
        + "</label> <input type='file' id='trust-file' accept='.json,application/json'></p>"
        f"<p class='meta'>{t('public.trust.server', link=trust_link)}</p>"
        "</section>",
        f"<h2>{t('public.communiques')}</h2>",
    ]
    if not summary["communiques"]:
        parts.append(f"<p>{t('public.communiques.none')}</p>")
    for c in summary["communiques"]:
        bundle = f"{base}/entries/{escape(c['entry_id'])}/bundle"
        parts.append(
            f"<article id='communique-{escape(c['entry_id'])}' tabindex='-1'><h3>{ident(c['id'])}</h3>"
        )
        parts.append(
            "<p class='meta'>"
            + t(
                "public.communique.meta",
                sides=Html(", ".join(str(ident(s)) for s in c["signed_by_sides"])),
                time=fmt_time(lang, c["published_at"]),
            )
            + f" <a href='{bundle}'>{t('public.bundle')}</a></p>"
            + _verify_button(
                base, c["entry_id"], t("public.verify.communique", id=c["id"]), "c", lang
            )
        )
        if len(c["texts"]) > 1 or c.get("authentic"):
            authentic = c.get("authentic") or []
            said = (
                t("public.authentic", languages=", ".join(_language(lang, x) for x in authentic))
                if authentic
                else t("translations.all_authentic")
            )
            parts.append(
                f"<p class='meta' data-authentic='{escape(' '.join(authentic))}'>{said}</p>"
            )
        for text_lang, text in c["texts"].items():
            if len(c["texts"]) > 1:
                parts.append(f"<p class='meta'>{escape(_language(lang, text_lang))}</p>")
            parts.append(f"<p lang='{escape(text_lang)}' dir='auto' data-user>{escape(text)}</p>")
        parts.append("</article>")
    names = summary.get("names") or []
    if names:
        # The texts stay as signed; where they use one side's name, the agreed one is here.
        parts.append(
            f"<section aria-labelledby='names-heading' id='names'><h2 id='names-heading'>"
            f"{t('public.names.title')}</h2><p class='meta'>{t('public.names.intro')}</p><ul>"
        )
        for n in names:
            agreed = n["names"].get(lang) or n["names"].get("en") or next(iter(n["names"].values()))
            found = Html(
                ", ".join(f"<span data-user dir='auto'>{escape(f)}</span>" for f in n["found"])
            )
            shown = Html(f"<strong data-user dir='auto'>{escape(agreed)}</strong>")
            parts.append(
                f"<li data-term='{escape(n['id'])}'>{t('public.names.row', found=found, name=shown)}</li>"
            )
        parts.append("</ul></section>")
    parts.append(f"<h2>{t('public.entries')}</h2>")
    if not entries:
        parts.append(f"<p>{t('public.entries.none')}</p>")
    for e in entries:
        h = e["entry"]["header"]
        body = escape(json.dumps(e["entry"]["body"], indent=2, ensure_ascii=False))
        parts.append(
            f"<article id='entry-{escape(h['id'])}' tabindex='-1' data-type='{escape(h['type'])}'><h3>{entry_type(h['type'])}</h3><p class='meta'>"
            + t(
                "public.entry.meta",
                recorded=fmt_time(lang, e["recorded_at"]),
                published=fmt_time(lang, e["published_at"]),
            )
            + (
                " · " + t("public.entry.by", side=ident(e["author_side"]))
                if e.get("author_side")
                else ""
            )
            + f" — <a href='{base}/entries/{escape(h['id'])}/bundle'>{t('public.bundle')}</a></p>"
            + (
                "<p class='meta'>"
                + t(
                    "public.entry.source",
                    source=Html(
                        f"<span dir='auto' data-user>{escape(e['entry']['body']['source'])}</span>"
                    ),
                )
                + "</p>"
                if isinstance(e["entry"]["body"], dict) and e["entry"]["body"].get("source")
                else ""
            )
            + _verify_button(
                base, h["id"], t("public.verify.entry", type=entry_type(h["type"])), "e", lang
            )
            + _readable(e["entry"]["body"])
            + f"<details><summary>{t('public.entry.details')}</summary>"
            f"<pre tabindex='0' translate='no' dir='auto' data-user>{body}</pre></details></article>"
        )
    parts.append(
        f"<h2 id='check-heading'>{t('public.check.title')}</h2>"
        f"<form id='check-form' data-channel='{escape(channel)}' aria-labelledby='check-heading'>"
        f"<label for='statement'>{t('public.check.label')}</label>"
        "<textarea id='statement' name='statement' rows='4' maxlength='5000' dir='auto'></textarea>"
        f"<p><button type='submit'>{t('public.check.button')}</button></p></form>"
        "<div id='check-result' role='status' aria-live='polite' tabindex='-1'></div>"
    )
    parts.append(f"<h2>{t('public.checkpoint.title')}</h2>")
    parts.append(f"<p class='meta'>{t('public.checkpoint.text', count=summary['tree_size'])}</p>")
    parts.append(
        f"<pre tabindex='0' translate='no' data-user aria-label='{t('public.checkpoint.label')}'>"
        f"{escape(summary['checkpoint'])}</pre></main></body></html>"
    )
    return "".join(parts)


READABLE = ("subject", "title", "text", "general", "summary", "outcome", "reason", "note")
"""Body fields people wrote, shown as text on the public page (the rest is in the JSON)."""


def _readable(body: Any) -> str:
    """What a person wrote in a published entry, as paragraphs in its own direction."""
    if not isinstance(body, dict):
        return ""
    out = []
    for key in READABLE:
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            tag = "h4" if key in ("subject", "title") else "p"
            out.append(f"<{tag} dir='auto' data-user class='written'>{escape(value)}</{tag}>")
    items = body.get("items")
    if isinstance(items, list):  # minutes: each item's summary and outcome
        out.extend(
            _readable({k: v for k, v in i.items() if k != "items"})
            for i in items
            if isinstance(i, dict)
        )
    return "".join(out)


def _language(lang: str, code: str) -> str:
    """A language's name in the page's language: the catalogs', else CLDR's, else its code."""
    if has(lang, f"language.{code}"):  # the catalog's text as it is: escaped where it is used
        return catalog(lang).get(f"language.{code}") or catalog("en")[f"language.{code}"]
    try:
        return str(Locale.parse(lang).languages.get(code.split("-")[0], code))
    except (ValueError, UnknownLocaleError):
        return code


def _languages(lang: str, query: Mapping[str, str], label: str) -> str:
    """Links to this page in each language, each named in itself; the rest of the query
    is kept."""
    items = []
    for code, name in LANGUAGES.items():
        href = "?" + urlencode({**{k: v for k, v in query.items() if k != "lang"}, "lang": code})
        current = " aria-current='true'" if code == lang else ""
        items.append(
            f"<li><a href='{escape(href)}' lang='{code}' hreflang='{code}' translate='no'{current}>"
            f"{name}</a></li>"
        )
    return f"<nav class='langs' aria-label='{label}'><ul>{''.join(items)}</ul></nav>"


def _verify_button(base: str, entry_id: str, what: str, section: str, lang: str) -> str:
    """A button that checks the item's proof bundle in the browser (assets/verify.js).
    ``section`` keeps ids unique when an item is shown twice (a communiqué's entry)."""
    out = f"verify-{section}-{escape(entry_id)}"
    label = tr(lang, "public.verify.button", what=Html(what))
    return (
        f"<p><button type='button' data-bundle='{base}/entries/{escape(entry_id)}/bundle' "
        f"aria-controls='{out}'>{label}</button></p>"
        f"<div id='{out}' class='verify' role='status' aria-live='polite'></div>"
    )
