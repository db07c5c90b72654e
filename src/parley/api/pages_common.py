"""What every page the server renders shares: its scripts, its message catalogs, the
reader's language, and its security headers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import cache
from html import escape
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_time

_HERE = Path(__file__).parent

ASSETS = {
    path.name: path.read_bytes()
    for pattern in ("*.js", "*.css")
    for path in sorted((_HERE / "assets").glob(pattern))
}
"""The pages' hand-written scripts and their one stylesheet (``app.css``), by file name
(served from this origin only)."""

CATALOGS = {
    path.name: path.read_bytes() for path in sorted((_HERE / "assets" / "i18n").glob("*.json"))
}
"""The pages' message catalogs by file name ("ru.json"), served at /assets/i18n/<name>:
flat JSON objects of catalog key → text, one per language (docs/languages.md)."""

LANGUAGES = {"en": "English", "ru": "Русский", "hy": "Հայերեն", "az": "Azərbaycan dili"}
"""The languages of the pages, each named in itself; English is the fallback."""

_FORMAT_LOCALE = {"en": "en_GB", "ru": "ru", "hy": "hy", "az": "az"}
"""The CLDR locale dates are written with (as the browser pages do: "6 Dec 2026")."""

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


@cache
def catalog(lang: str) -> dict[str, str]:
    """The catalog of ``lang`` (a key of :data:`LANGUAGES`)."""
    data: dict[str, str] = json.loads(CATALOGS[f"{lang}.json"])
    return data


def negotiate(asked: str | None, accept_language: str | None) -> str:
    """The page's language: ``?lang=`` if the pages speak it, else the best of the
    browser's Accept-Language they speak, else English."""

    def base(tag: str) -> str | None:
        code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
        return code if code in LANGUAGES else None

    if asked and (found := base(asked)):
        return found
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.partition(";")
        q = 1.0
        if m := re.search(r"q\s*=\s*([0-9.]+)", params):
            try:
                q = float(m.group(1))
            except ValueError:
                q = 0.0
        if q > 0 and (found := base(tag)):
            ranked.append((-q, i, found))
    return sorted(ranked)[0][2] if ranked else "en"


class Html(str):
    """Markup already safe to put in a page (a parameter of :func:`tr` kept as it is)."""

    __slots__ = ()


def _text(lang: str, key: str, count: object) -> str:
    cat, english = catalog(lang), catalog("en")
    if key in cat or key in english:
        return cat.get(key, english.get(key, key))
    if isinstance(count, int):
        form = Locale.parse(lang).plural_form(count)
        for k in (f"{key}.{form}", f"{key}.other"):
            if k in cat or k in english:
                return cat.get(k, english.get(k, k))
    return key


def has(lang: str, key: str) -> bool:
    return key in catalog(lang) or key in catalog("en")


def tr(lang: str, key: str, **params: object) -> Html:
    """The catalog text ``key`` in ``lang`` as HTML: the text escaped, ``{name}`` filled
    with ``params`` (:class:`Html` as it is, anything else escaped). A numeric ``count``
    picks the entry of its CLDR plural category ("key.few") when there is no plain one."""
    text = _text(lang, key, params.get("count"))
    out: list[str] = []
    at = 0
    for m in re.finditer(r"\{(\w+)\}", text):
        if m.group(1) not in params:
            continue
        out.append(escape(text[at : m.start()]))
        v = params[m.group(1)]
        out.append(v if isinstance(v, Html) else escape(str(v)))
        at = m.end()
    out.append(escape(text[at:]))
    return Html("".join(out))


def fmt_time(lang: str, iso: str) -> Html:
    """A time as a ``<time>`` element: date and time in UTC in the language's way, the
    zone shown, the exact UTC time in its title."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return Html(escape(iso))
    locale = Locale.parse(_FORMAT_LOCALE.get(lang, lang))
    joined = str(locale.datetime_formats["medium"])  # "{1}, {0}": the date, then the time
    shown = joined.replace("{1}", format_date(when, "medium", locale=locale)).replace(
        "{0}", format_time(when, "HH:mm", tzinfo=UTC, locale=locale)
    )
    utc = when.isoformat().replace("+00:00", "Z")
    return Html(f"<time datetime='{utc}' title='{utc} (UTC)'>{escape(shown)} UTC</time>")
