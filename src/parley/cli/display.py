"""How the command line shows what it reads from the record: the language for dates and
agreed names (``--lang``/``PARLEY_LANG``) and the time zone (``--tz``/``PARLEY_TZ``).

Only the display changes: nothing signed, nothing sent. Without either option times stay
``2023-03-01 05:00:00 UTC`` and names as recorded, so scripts see what they always did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime

from parley.errors import InvalidInput
from parley.model.glossary import all_names, fold, pick_name


@dataclass(frozen=True)
class Display:
    lang: str | None = None
    tz: str | None = None


_current = Display()


def set_display(lang: str | None, tz: str | None) -> None:
    """Check and set the display language and zone.

    Raises:
        InvalidInput: ``cli.bad_lang`` or ``cli.bad_tz``.
    """
    global _current
    if lang:
        try:
            Locale.parse(lang.replace("-", "_"))
        except (UnknownLocaleError, ValueError) as exc:
            raise InvalidInput(
                "cli.bad_lang", f"unknown language {lang!r}: use a tag such as en, ru, hy or az"
            ) from exc
    if tz:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidInput(
                "cli.bad_tz", f"unknown time zone {tz!r}: use a name such as Asia/Baku or UTC"
            ) from exc
    _current = Display(lang or None, tz or None)


def current() -> Display:
    return _current


def when(stamp: str) -> str:
    """A server time as people read it. By default ``2023-03-01 05:00:00 UTC``; with a
    zone, the local time with its offset and the UTC time beside it
    (``2023-03-01 09:00:00 +04 (05:00:00 UTC)``); with a language, dates in its words
    (``1 мар. 2023 г., 09:00:00 GMT+4``). Anything that is not a time is shown as it is."""
    try:
        at = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    if at.tzinfo is None:
        return stamp
    d = _current
    at_utc = at.astimezone(UTC)
    if d.tz is None and d.lang is None:
        return at_utc.strftime("%Y-%m-%d %H:%M:%S UTC")
    zone = ZoneInfo(d.tz or "UTC")
    local = at.astimezone(zone)
    if d.lang is None:
        offset = local.strftime("%z")
        short = offset[:3] if offset.endswith("00") else f"{offset[:3]}:{offset[3:]}"
        shown = local.strftime("%Y-%m-%d %H:%M:%S ") + ("UTC" if d.tz in (None, "UTC") else short)
    else:
        shown = (
            format_datetime(local, "medium", tzinfo=zone, locale=d.lang.replace("-", "_"))
            + " "
            + format_datetime(local, "ZZZZ", tzinfo=zone, locale=d.lang.replace("-", "_"))
        )
    if d.tz in (None, "UTC"):
        return shown
    return f"{shown} ({at_utc.strftime('%H:%M:%S')} UTC)"


def as_written(stamp: str) -> str:
    """A time as its author wrote it (``2023-03-01T11:00:00+04:00``), or, with ``--tz``
    or ``--lang``, as :func:`when` shows it."""
    return stamp if _current == Display() else when(stamp)


def namer(glossary: Mapping[str, Any], side: str | None) -> Callable[[str], str]:
    """``name(text)``: a name from the record as this reader sees it — if ``text`` is any
    form of a glossary term (any side's, any language, or its id for a side or topic),
    the reader's side's own form in the display language, else the agreed neutral name;
    other text unchanged. ``glossary`` is the ``GET /glossary`` view."""
    lang = _current.lang or "en"
    index: dict[str, dict[str, Any]] = {}
    for term in glossary.get("terms", []):
        forms = all_names(term["names"], term.get("forms", {}))
        if term["kind"] in ("side", "topic"):
            forms.append(term["id"])
        for f in forms:
            index.setdefault(fold(f), term)

    def name(text: str) -> str:
        term = index.get(fold(text))
        if term is None:
            return text
        return pick_name(term["names"], term.get("forms", {}), lang, side)

    return name
