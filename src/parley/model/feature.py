"""A feature declares, in one object, everything the rest of Parley needs to know of it.

A feature module (``model/meetings.py``, ``model/commitments.py``, ...) makes one
:class:`Feature` and registers on it:

- each entry type it owns: the body model (whose ``TYPE`` names the type), the handler
  that folds it, who writes it (a member, or the server for automatic entries) and who
  may read its body (:class:`ReadRule`) — ``@FEATURE.handles(MeetingProposed, read=...)``;
- the state tables it owns (:class:`parley.model.state.Table`), and for each table that
  is shown outside the model, its projection: a *record* (a JSON view per key, stored in
  the ``records`` table) or rows of a dedicated projection table.

``parley.model.registry`` lists the features; the rules, the projections, the audit,
the read filter, the JSON Schemas and the docs test all loop over that list, so a new
entry type is its feature module plus one registration line, and a test fails when a
type lacks a part.

A handler folds one entry into a :class:`Draft` of the state: it reads the draft, raises
a ``ParleyError`` to refuse the entry, and writes new values with :meth:`Draft.put`.
Nothing it does touches the state it started from, so a refused entry changes nothing,
and what an entry changed (for the projections) is exactly what it wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from parley.model.bodies import Body
from parley.model.entry import Header, LoggedEntry
from parley.model.ids import EntryId, SideId
from parley.model.state import ChannelState, ChannelStatus, Charter, Member, StateView, Table

K = TypeVar("K")
V = TypeVar("V")
B = TypeVar("B", bound=Body)
H = TypeVar("H", bound=Callable[..., None])

Touched = set[tuple[str, str]]
"""What entries changed, as (table name, key as text) pairs."""

Row = dict[str, Any]


# --- folding ------------------------------------------------------------------------


class _Overlay(Mapping[K, V]):
    """A table as a draft sees it: its own writes over the table it started from."""

    __slots__ = ("_base", "_writes")

    def __init__(self, base: Mapping[K, V], writes: dict[K, V]) -> None:
        self._base = base
        self._writes = writes

    def __getitem__(self, key: K) -> V:
        if key in self._writes:
            return self._writes[key]
        return self._base[key]

    def __contains__(self, key: object) -> bool:
        return key in self._writes or key in self._base

    def __iter__(self) -> Iterator[K]:
        yield from self._base
        for k in self._writes:
            if k not in self._base:
                yield k

    def __len__(self) -> int:
        return len(self._base) + sum(1 for k in self._writes if k not in self._base)


class Draft(StateView):
    """The state while one entry is folded into it: reads see the entry's own writes;
    :meth:`finish` makes the new state. The state it started from never changes."""

    __slots__ = ("_charter", "_status", "_writes", "base")

    def __init__(self, base: ChannelState) -> None:
        self.base = base
        self._writes: dict[str, tuple[Table[Any, Any], dict[Any, Any]]] = {}
        self._charter: Charter | None = None
        self._status: ChannelStatus | None = None

    def table(self, t: Table[K, V]) -> Mapping[K, V]:
        w = self._writes.get(t.name)
        base = self.base.table(t)
        return base if w is None else _Overlay(base, w[1])

    @property
    def charter(self) -> Charter:
        return self.base.charter if self._charter is None else self._charter

    @property
    def status(self) -> ChannelStatus:
        return self.base.status if self._status is None else self._status

    def put(self, t: Table[K, V], key: K, value: V) -> None:
        """Set ``key`` of table ``t`` to ``value`` (a new value: values are immutable)."""
        w = self._writes.get(t.name)
        if w is None:
            w = self._writes[t.name] = (t, {})
        w[1][key] = value

    def set_charter(self, charter: Charter) -> None:
        self._charter = charter

    def set_status(self, status: ChannelStatus) -> None:
        self._status = status

    def finish(self, size: int, track: bool = True) -> tuple[ChannelState, Touched]:
        """The new state, at ``size``, and what changed (left empty when ``track`` is
        false: for a caller that does not use it)."""
        base = self.base
        tables = base.tables
        touched: Touched = set()
        if self._writes:
            m = tables.mutate()
            for name, (t, writes) in self._writes.items():
                m[name] = t.changed(base.table(t), writes)
                if track:
                    touched.update((name, str(k)) for k in writes)
            tables = m.finish()
        state = ChannelState(
            channel_id=base.channel_id,
            size=size,
            status=self.status,
            charter=self.charter,
            tables=tables,
        )
        return state, touched


@dataclass(frozen=True, slots=True)
class Folding(Generic[B]):
    """An entry being folded: the logged entry and its typed body."""

    logged: LoggedEntry
    body: B

    @property
    def id(self) -> EntryId:
        return self.logged.entry.header.id

    @property
    def seq(self) -> int:
        return self.logged.seq

    @property
    def at(self) -> datetime:
        """When the server received it (the time deadlines count from)."""
        return self.logged.received_at

    @property
    def header(self) -> Header:
        return self.logged.entry.header

    @property
    def raw(self) -> dict[str, Any]:
        """The body exactly as signed (what digests of it are computed over)."""
        body = self.logged.entry.body
        assert body is not None  # the rules refuse an entry without its body first
        return body


@dataclass(frozen=True, slots=True)
class Act(Folding[B]):
    """A member's entry being folded, with its author."""

    author: Member


@dataclass(frozen=True, slots=True)
class Event(Folding[B]):
    """An entry with no member author: the server's automatic entries, and the charter
    (whose author the handler finds in the charter itself)."""


# --- declarations ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReadRule:
    """Who, among the channel's members, may read an entry's body.

    ``parties`` names the entry's two parties (for a message: sender side, recipient
    side); with it, only those sides and the mediator read the body; without it, every
    member does. An entry the rule cannot place is withheld (fail closed). Every member
    always gets every header: members verify the whole log.
    """

    says: str
    parties: Callable[[StateView, EntryId], tuple[SideId, SideId] | None] | None = None

    def may_read(self, state: StateView, entry: EntryId, side: str, is_mediator: bool) -> bool:
        if self.parties is None or is_mediator:
            return True
        found = self.parties(state, entry)
        return found is not None and side in found


EVERY_MEMBER = ReadRule("every member of the channel")

Writer = Literal["member", "server", "founder"]


@dataclass(frozen=True)
class EntryType:
    name: str
    body: type[Body]
    handler: Callable[..., None]
    writer: Writer
    """``member``: signed by a member; ``server``: automatic, signed by the server key the
    charter names; ``founder``: the charter, the first entry of a channel."""
    read: ReadRule
    feature: str
    before_active: bool = False
    """Accepted while the channel waits for the heads' acceptance (the acceptance itself)."""


@dataclass(frozen=True)
class RecordKind:
    """A table shown as JSON records (``GET .../records/{kind}``, the ``records`` table)."""

    table: Table[Any, Any]
    view: Callable[[ChannelState, Any], dict[str, Any]]

    @property
    def name(self) -> str:
        return self.table.name


@dataclass(frozen=True)
class RowKind:
    """A table with a projection table of its own (``messages``, ``members``, ...)."""

    table: Table[Any, Any]
    sql_table: str
    row: Callable[[ChannelState, Any], Row]


@dataclass
class Feature:
    """One feature's declarations; see the module docstring."""

    name: str
    doc: str = ""
    types: dict[str, EntryType] = field(default_factory=dict)
    tables: list[Table[Any, Any]] = field(default_factory=list)
    records: list[RecordKind] = field(default_factory=list)
    rows: list[RowKind] = field(default_factory=list)

    def _register(
        self,
        bodies: tuple[type[Body], ...],
        read: ReadRule,
        writer: Writer,
        before_active: bool = False,
    ) -> Any:
        def decorate(handler: H) -> H:
            for body in bodies:
                name = body.__dict__.get("TYPE")
                if not isinstance(name, str):
                    raise TypeError(f"{body.__name__} declares no TYPE of its own")
                if name in self.types:
                    raise TypeError(f"{name} is registered twice in feature {self.name}")
                self.types[name] = EntryType(
                    name, body, handler, writer, read, self.name, before_active
                )
            return handler

        return decorate

    def handles(
        self, *bodies: type[Body], read: ReadRule, before_active: bool = False
    ) -> Callable[[H], H]:
        """Register a member entry's handler: ``handler(draft, act: Act[Body])``."""
        return self._register(bodies, read, "member", before_active)  # type: ignore[no-any-return]

    def automatic(self, *bodies: type[Body], read: ReadRule) -> Callable[[H], H]:
        """Register an automatic entry's handler: ``handler(draft, event: Event[Body])``."""
        return self._register(bodies, read, "server")  # type: ignore[no-any-return]

    def founding(self, body: type[Body], read: ReadRule) -> Callable[[H], H]:
        """Register the channel's first entry: ``handler(draft, event: Event[Body])``."""
        return self._register((body,), read, "founder")  # type: ignore[no-any-return]

    def table(self, t: Table[K, V]) -> Table[K, V]:
        self.tables.append(t)
        return t

    def record(self, t: Table[K, V], view: Callable[[ChannelState, Any], dict[str, Any]]) -> None:
        """Show table ``t`` as records: one JSON ``view(state, key)`` per key."""
        self.records.append(RecordKind(t, view))

    def projection(
        self, t: Table[K, V], sql_table: str, row: Callable[[ChannelState, Any], Row]
    ) -> None:
        """Project table ``t`` into its own table: one ``row(state, key)`` per key."""
        self.rows.append(RowKind(t, sql_table, row))
