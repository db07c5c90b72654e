"""The pure domain: entries, bodies, channel state and the rules that fold one into the other."""

from parley.model.bodies import BODY_TYPES, charter_digest, parse_body
from parley.model.entry import Disclosure, Entry, Header, LoggedEntry, make_entry
from parley.model.ids import ChannelId, EntryId, SideId, TopicId
from parley.model.rules import apply, fold
from parley.model.state import ChannelState, ChannelStatus, Member, Message, MessageStatus

__all__ = [
    "BODY_TYPES",
    "ChannelId",
    "ChannelState",
    "ChannelStatus",
    "Disclosure",
    "Entry",
    "EntryId",
    "Header",
    "LoggedEntry",
    "Member",
    "Message",
    "MessageStatus",
    "SideId",
    "TopicId",
    "apply",
    "charter_digest",
    "fold",
    "make_entry",
    "parse_body",
]
