"""Injected clocks. Time is always timezone-aware UTC; tests advance a fake clock."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from parley.errors import InvalidInput


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class OffsetClock:
    """Real time shifted to start at ``start``: used by the demo to replay 1 March 2023."""

    def __init__(self, start: datetime) -> None:
        self._start = start.astimezone(UTC)
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._t0)


class UnsafeFileClock:
    """Time read from a file that someone else writes: for demos only.

    The file holds an ISO date-time; the clock runs at real speed from it, and jumps when
    the file changes. Whoever can write the file controls the server's time, deadlines
    included — hence the name, and ``parley serve`` warns when it is used.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = ""
        self._base = datetime.now(UTC)
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        try:
            text = self.path.read_text().strip()
        except OSError:
            text = self._seen
        if text and text != self._seen:
            self._seen = text
            self._base = datetime.fromisoformat(text).astimezone(UTC)
            self._t0 = time.monotonic()
        return self._base + timedelta(seconds=time.monotonic() - self._t0)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)


_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def format_time(t: datetime) -> str:
    """RFC 3339 in UTC with milliseconds: ``2023-03-01T07:00:00.000Z``."""
    if t.tzinfo is None:
        raise InvalidInput("time.naive", "a time must carry a time zone")
    # In UTC, isoformat ends in "+00:00" and truncates to milliseconds as we do: the
    # fields ``f"{year:04d}-{month:02d}-...{microsecond // 1000:03d}Z"``, written in C.
    return t.astimezone(UTC).isoformat(timespec="milliseconds")[:-6] + "Z"


def parse_time(text: str) -> datetime:
    """Parse the form :func:`format_time` writes, and only that form.

    Raises:
        InvalidInput: ``time.malformed`` when the text is not exactly that form.
    """
    if not isinstance(text, str) or not _TIME.match(text):
        raise InvalidInput(
            "time.malformed", f"time {text!r} is not of the form 2023-03-01T07:00:00.000Z"
        )
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput("time.malformed", f"time {text!r} is not a valid date and time") from exc


def parse_zoned(text: str) -> datetime:
    """An ISO 8601 date-time that carries its UTC offset (``2023-03-01T11:00:00+04:00``):
    how people write a meeting's start or a commitment's due date, in their own zone.

    Raises:
        InvalidInput: ``time.no_zone`` without an offset, ``time.impossible`` for a date
            or time that does not exist.
    """
    try:
        t = datetime.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput("time.impossible", f"{text!r} is not a valid date and time") from exc
    if t.tzinfo is None or t.utcoffset() is None:
        raise InvalidInput(
            "time.no_zone", f"{text!r} has no time zone; write it like 2023-03-01T11:00:00+04:00"
        )
    return t


SKEW_WINDOW = timedelta(minutes=5)
"""How far an author's clock (the signed header's ``time``) may be from the server's (the
relay receipt's ``received``) before the entry is flagged. Both times are signed, so
anyone can recompute the flag from the log. Deadlines never use the author's clock."""


def clock_skew(author_time: str, received: str) -> tuple[int, bool]:
    """Seconds the author's clock was ahead of the server's (negative: behind), and
    whether that is outside :data:`SKEW_WINDOW`."""
    delta = parse_time(author_time) - parse_time(received)
    return round(delta.total_seconds()), abs(delta) > SKEW_WINDOW
