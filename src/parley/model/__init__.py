"""The pure domain: entries, bodies, channel state and the rules that fold one into the other."""

from parley.model.channel import charter_digest
from parley.model.entry import Disclosure, Entry, Header, LoggedEntry, make_entry
from parley.model.ids import ChannelId, EntryId, SideId, TopicId
from parley.model.messages import Message, MessageStatus
from parley.model.rules import apply, fold
from parley.model.state import ChannelState, ChannelStatus, Member

__all__ = [
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
]
