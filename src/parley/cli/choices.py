"""What the server's "no such thing" refusals leave out: the valid choices.

The server says ``there is no side 'nowhere' in this channel``; the CLI, as a member,
can read the channel and add ``; the sides are: basin (mediator), upper, lower``. Only
when the server's own sentence does not already name them, and never at the cost of the
original error: if the choices cannot be read, the refusal is shown as it came.
"""

from __future__ import annotations

from collections.abc import Callable

from parley.client import ApiError, ParleyClient
from parley.errors import InvalidInput, ParleyError

MAX_SHOWN = 12


def _sides(c: ParleyClient, channel: str) -> list[str]:
    return [
        f"{s['id']} ({s['kind']})" if s["kind"] == "mediator" else s["id"]
        for s in c.channel(channel)["sides"]
    ]


def _topics(c: ParleyClient, channel: str) -> list[str]:
    return list(c.channel(channel)["mandate"])


def _meetings(c: ParleyClient, channel: str) -> list[str]:
    return [m["id"] for m in c.talks.meetings(channel)]


def _commitments(c: ParleyClient, channel: str) -> list[str]:
    return [x["id"] for x in c.talks.commitments(channel)]


def _members(c: ParleyClient, channel: str) -> list[str]:
    return [
        f"{m['key_id']} ({m['name']}, {s['id']})"
        for s in c.channel(channel)["sides"]
        for m in s["members"]
        if m["active"]
    ]


def _channels(c: ParleyClient, channel: str) -> list[str]:
    return [x["channel"] for x in c.channels()]


CHOICES: dict[str, tuple[str, Callable[[ParleyClient, str], list[str]]]] = {
    "side.unknown": ("the sides are", _sides),
    "agenda.off_mandate": ("the mandate's topics are", _topics),
    "message.topic_not_in_mandate": ("the mandate's topics are", _topics),
    "meeting.unknown": ("the meetings are", _meetings),
    "minutes.unknown": ("the meetings are", _meetings),
    "commitment.unknown": ("the commitments are", _commitments),
    "member.unknown": ("the active members are", _members),
    "channel.not_found": ("your channels are", _channels),
}
"""Error code -> how the list is introduced, and how to read it as a member."""


def with_choices(c: ParleyClient, channel: str, exc: ParleyError) -> ParleyError:
    """``exc`` with the valid choices added to its sentence, when the CLI can know them
    and the sentence does not name them; otherwise ``exc`` itself."""
    if exc.code not in CHOICES:
        return exc
    intro, read = CHOICES[exc.code]
    try:
        found = read(c, channel)
    except ParleyError:
        return exc  # e.g. not a member: nothing more to say than the server did
    names = [f.split(" ", 1)[0] for f in found]
    if names and all(n in exc.message for n in names):
        return exc
    shown = ", ".join(found[:MAX_SHOWN]) + (" …" if len(found) > MAX_SHOWN else "")
    message = f"{exc.message}; {intro}: {shown or 'none yet'}"
    if isinstance(exc, ApiError):
        return ApiError(exc.code, message, exc.status)
    return (InvalidInput if isinstance(exc, InvalidInput) else ParleyError)(exc.code, message)


def explain(c: ParleyClient, channel: str | None, exc: object) -> ParleyError | None:
    """For a client's ``__exit__``: the error to raise instead of ``exc``, or None."""
    if channel is None or not isinstance(exc, ParleyError):
        return None
    better = with_choices(c, channel, exc)
    return None if better is exc else better
