"""The state of a channel, as folded from its entries: immutable, so a reader never sees
it change.

A :class:`ChannelState` is a value. Folding an entry never changes it; it makes a new
state that shares every untouched part with the old one (persistent maps), so keeping
the state before an entry, or handing the state after a commit to any number of readers
while the appender goes on, costs nothing and needs no lock.

The state is a few scalar fields (size, status, the charter's settings) and **tables**:
keyed parts, each owned by one feature (``model/messages.py`` owns ``MESSAGES``,
``model/meetings.py`` owns ``MEETINGS``, ...). The core tables every feature reads —
sides, members, the mandate, where each entry sits — are defined here; this module
imports no feature. Values in tables are frozen dataclasses whose collections are
tuples and :class:`FrozenDict`; features change them with ``dataclasses.replace`` inside
a :class:`parley.model.feature.Draft`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar, cast

from immutables import Map

from parley.crypto.keys import KeyId, VerifyKey
from parley.model.entry import Disclosure
from parley.model.ids import ChannelId, EntryId, SideId, TopicId

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(Mapping[K, V]):
    """A small insertion-ordered mapping that cannot change; :meth:`set` returns a copy.

    For the small collections inside state values (who accepted, a meeting's agenda
    items), where order is part of what a view shows and copying a few entries is cheaper
    than any persistent structure.
    """

    __slots__ = ("_d",)

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._d: dict[K, V] = {} if items is None else dict(items)

    def __getitem__(self, key: K) -> V:
        return self._d[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __contains__(self, key: object) -> bool:
        return key in self._d

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._d == other._d
        return isinstance(other, Mapping) and self._d == dict(other)

    def __hash__(self) -> int:
        return hash(tuple(self._d.items()))

    def __repr__(self) -> str:
        return f"FrozenDict({self._d!r})"

    def set(self, key: K, value: V) -> FrozenDict[K, V]:
        d = dict(self._d)
        d[key] = value
        return FrozenDict(d)

    def updated(self, items: Mapping[K, V]) -> FrozenDict[K, V]:
        d = dict(self._d)
        d.update(items)
        return FrozenDict(d)


def _text_key(text: str) -> Any:
    return text


@dataclass(frozen=True, eq=False)
class Table(Generic[K, V]):
    """One keyed part of the channel state, named once and owned by one feature.

    ``ordered`` tables keep insertion order (a copy per change: for small tables whose
    order a view shows); the others are persistent hash maps (a change costs O(log n)
    whatever the size). ``key`` turns a key's text form (as a projection row stores it)
    back into the key.
    """

    name: str
    ordered: bool = False
    key: Callable[[str], Any] = _text_key

    def empty(self) -> Mapping[K, V]:
        return FrozenDict() if self.ordered else Map()

    def changed(self, current: Mapping[K, V], writes: Mapping[K, V]) -> Mapping[K, V]:
        """``current`` with ``writes`` applied, as a new mapping of the same kind."""
        if isinstance(current, FrozenDict):
            return current.updated(writes)
        assert isinstance(current, Map)
        if len(writes) == 1:
            ((k, v),) = writes.items()
            return current.set(k, v)
        m = current.mutate()
        for k, v in writes.items():
            m[k] = v
        return cast(Mapping[K, V], m.finish())


class ChannelStatus(StrEnum):
    PENDING = "pending"  # created; waiting for every party head to accept the charter
    ACTIVE = "active"


@dataclass(frozen=True, slots=True)
class Member:
    key_id: KeyId
    key: VerifyKey
    side: SideId
    role: str
    name: str
    title: str
    active: bool = True
    added_seq: int = 0
    removed_seq: int | None = None


@dataclass(frozen=True, slots=True)
class Side:
    id: SideId
    name: str
    kind: str  # "party" | "mediator"
    accepted_by: KeyId | None = None
    accepted_seq: int | None = None


@dataclass(frozen=True, slots=True)
class Charter:
    """The settings the charter (``channel.created``) fixes for the channel's life."""

    title: str = ""
    created_id: EntryId | None = None
    digest: str = ""
    default_disclosure: Disclosure = Disclosure.CONFIDENTIAL
    ack_deadlines: FrozenDict[str, int] = field(default_factory=FrozenDict)
    server_key: VerifyKey | None = None  # signs automatic (timer) entries
    created_at: datetime = datetime.min
    check_interval: int | None = None
    daily_check_hour: int | None = None
    escalation_contacts: tuple[KeyId, ...] = ()
    public_checkpoint: bool = False


SIDES: Table[SideId, Side] = Table("side", ordered=True)
MEMBERS: Table[KeyId, Member] = Table("member", ordered=True)
MANDATE: Table[TopicId, str] = Table("mandate", ordered=True)
ENTRY_SEQ: Table[EntryId, int] = Table("entry_seq")
"""Where each entry sits in the log."""
CREATED_LEVELS: Table[EntryId, Disclosure] = Table("created_level")
"""The disclosure level in each entry's signed header."""


class StateView:
    """Reading a channel's state: by table, plus what every feature asks of it.

    Implemented by :class:`ChannelState` and by a draft being folded (which shows its own
    changes over the state it started from).
    """

    __slots__ = ()

    def table(self, t: Table[K, V]) -> Mapping[K, V]:
        raise NotImplementedError

    def __getitem__(self, t: Table[K, V]) -> Mapping[K, V]:
        return self.table(t)

    @property
    def charter(self) -> Charter:
        raise NotImplementedError

    @property
    def sides(self) -> Mapping[SideId, Side]:
        return self.table(SIDES)

    @property
    def members(self) -> Mapping[KeyId, Member]:
        return self.table(MEMBERS)

    @property
    def mandate(self) -> Mapping[TopicId, str]:
        return self.table(MANDATE)

    def mediator_side(self) -> SideId:
        return next(s.id for s in self.sides.values() if s.kind == "mediator")

    def party_sides(self) -> list[SideId]:
        return [s.id for s in self.sides.values() if s.kind == "party"]

    def escalation_targets(self) -> list[KeyId]:
        """Who an escalation notifies: the charter's contacts that are still active, else
        the mediator's active heads."""
        members = self.members
        active = [k for k in self.charter.escalation_contacts if k in members and members[k].active]
        if active:
            return active
        side = self.mediator_side()
        return sorted(
            m.key_id for m in members.values() if m.side == side and m.role == "head" and m.active
        )


_NO_TABLES: Map[str, Mapping[Any, Any]] = Map()


@dataclass(frozen=True, slots=True)
class ChannelState(StateView):
    """A channel's folded state at one size. Immutable: see the module docstring."""

    channel_id: ChannelId
    size: int = 0
    status: ChannelStatus = ChannelStatus.PENDING
    charter: Charter = field(default_factory=Charter)
    tables: Map[str, Mapping[Any, Any]] = _NO_TABLES

    def table(self, t: Table[K, V]) -> Mapping[K, V]:
        found = self.tables.get(t.name)
        return t.empty() if found is None else found
