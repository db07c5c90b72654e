"""validate + apply: the rules of a channel.

``apply(state, logged)`` checks that an entry may follow the state and folds it in,
returning the new state and what changed; the state passed in never changes (it is
immutable), so a refused entry leaves nothing behind. What is common to every entry
(channel, order, signature, disclosure ceiling, references, the channel being active)
is checked here; what is particular to a type, by the handler its feature registered
(``parley.model.registry``). ``fold(entries)`` is ``apply`` over a log from the start.
"""

from __future__ import annotations

from collections.abc import Iterable

from parley.errors import Conflict, Rejected
from parley.model.bodies import parse_body
from parley.model.entry import Disclosure, LoggedEntry
from parley.model.feature import Act, Draft, Event, Touched
from parley.model.ids import ChannelId
from parley.model.registry import entry_type
from parley.model.state import CREATED_LEVELS, ENTRY_SEQ, ChannelState, ChannelStatus


def fold(channel: ChannelId, entries: Iterable[LoggedEntry], verify: bool = True) -> ChannelState:
    """Fold a channel's log from its first entry. Raises what :func:`apply` raises."""
    state = ChannelState(channel_id=channel)
    for logged in entries:
        state, _ = apply(state, logged, verify=verify, track=False)
    return state


def apply(
    state: ChannelState, logged: LoggedEntry, verify: bool = True, *, track: bool = True
) -> tuple[ChannelState, Touched]:
    """Check ``logged`` against ``state`` and fold it in: the new state, and what changed
    as (table, key) pairs.

    ``verify=False`` skips the Ed25519 and digest checks, for entries this process
    already verified; the rules are always checked. ``track=False`` leaves what changed
    empty, for a caller that only wants the state (the audit).

    Raises:
        Rejected, Conflict, NotFound: the entry breaks a rule.
        VerificationError: a signature or body digest does not verify.
        InvalidInput: unknown type, or the body does not match its type.
    """
    entry = logged.entry
    h = entry.header
    if h.channel != state.channel_id:
        raise Rejected(
            "entry.wrong_channel",
            f"entry is signed for channel {h.channel!r}, not {state.channel_id!r}",
        )
    if h.id in state[ENTRY_SEQ]:
        raise Conflict("entry.duplicate", f"entry {h.id} is already in the log")
    if logged.seq != state.size + 1:
        raise Rejected(
            "log.out_of_order", f"entry {h.id} has sequence {logged.seq}, expected {state.size + 1}"
        )
    if entry.body is None:
        raise Rejected("entry.body_missing", "an entry must be submitted with its body and salt")
    if verify:
        entry.verify_body()
    kind = entry_type(h.type)
    body = parse_body(kind.body, h.type, entry.body)
    d = Draft(state)

    if state.size == 0 or kind.writer == "founder":
        if state.size != 0:
            raise Rejected("channel.exists", f"channel {state.channel_id!r} already exists")
        if kind.writer != "founder":
            raise Rejected(
                "channel.not_found",
                f"channel {state.channel_id!r} does not exist; its first entry must be channel.created",
            )
        kind.handler(d, Event(logged, body))
        if verify:
            entry.verify_signature(d.members[h.author].key)  # the handler found the author
    elif kind.writer == "server":
        key = state.charter.server_key
        if key is None or h.author != key.key_id:
            raise Rejected(
                "timer.not_server",
                "automatic entries are written only by the server key the charter names",
            )
        if verify:
            entry.verify_signature(key)
        if state.status is not ChannelStatus.ACTIVE:
            raise Rejected("channel.not_active", "the channel is not active")
        kind.handler(d, Event(logged, body))
    else:
        author = state.members.get(h.author)
        if author is None or not author.active:
            raise Rejected(
                "entry.not_member",
                f"key {h.author} is not an active member of channel {state.channel_id!r}",
            )
        if verify:
            entry.verify_signature(author.key)
        if Disclosure(h.disclosure).rank > state.charter.default_disclosure.rank:
            raise Rejected(
                "disclosure.too_open",
                f"an entry may not be created more open than the charter's default "
                f"({state.charter.default_disclosure.value}); opening needs joint consent",
            )
        seqs = state[ENTRY_SEQ]
        for ref in h.refs:
            if ref not in seqs:
                raise Rejected(
                    "entry.unknown_ref", f"entry refers to {ref}, which is not in the log"
                )
        if state.status is not ChannelStatus.ACTIVE and not kind.before_active:
            raise Rejected(
                "channel.not_active",
                "the channel is not active until every party head has accepted the charter",
            )
        kind.handler(d, Act(logged, body, author))
    d.put(ENTRY_SEQ, h.id, logged.seq)
    d.put(CREATED_LEVELS, h.id, Disclosure(h.disclosure))
    return d.finish(logged.seq, track)
