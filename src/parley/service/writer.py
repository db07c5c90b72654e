"""The append queue: submissions wait per channel, and one writer thread for the whole
server commits whatever is queued, across channels, group by group — each group one
transaction and one fsync, however many channels it holds.

A submitter hands over its checked entry and is answered once its group has committed —
a thread through a :class:`threading.Event`, a coroutine through an asyncio future that
the writer resolves on the submitter's event loop (one ``call_soon_threadsafe`` per loop
and group). No request thread waits for a lock or takes turns at leading: the writer is
the only one that appends. It starts with the first submission while it is not running
and ends after the server has been idle for :data:`IDLE_SECONDS`.

A group takes the channels' queues in turn, one entry each per pass, up to
:data:`MAX_GROUP` entries: a channel with a long backlog gets no more of a group than any
other busy channel, and the channels it left waiting go first in the next group. Within a
channel the queue order is kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from parley.crypto.keys import KeyId
from parley.model.entry import Entry
from parley.model.relay import RelayReceipt

log = logging.getLogger("parley.append")

MAX_GROUP = 256
"""Most entries committed in one transaction (over all its channels)."""

IDLE_SECONDS = 1.0
"""The writer thread ends after this long without submissions."""

Outcome = tuple[RelayReceipt, bool]
"""The server's relay receipt and whether the entry was already in the log."""


@dataclass(eq=False)
class Pending:
    """One submission waiting for its group to commit."""

    entry: Entry
    submitter: KeyId
    verified_with: bytes | None
    """The author's key the signature was checked with before queueing, if any."""
    result: Outcome | None = None
    error: BaseException | None = None
    done: threading.Event | None = None
    """Set when the group has committed (a submitter in a thread waits on it)."""
    future: asyncio.Future[None] | None = None
    """Done, on its loop, when the group has committed (a coroutine awaits it; the
    outcome is in ``result`` or ``error`` as for a thread)."""

    def outcome(self) -> Outcome:
        """The receipt, or the error this entry got."""
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


Group = dict[str, list[Pending]]
"""A group's entries by channel, each channel's in its queue order."""


class Writer:
    """The channels' queues and the one thread that commits them.

    ``commit(group)`` appends a group in one transaction, fills in each pending's result
    or error and returns the new tree size of each channel that appended anything;
    ``appended(channel, size)`` runs for each of those once the whole group's submitters
    have been answered. ``started()`` and ``ended()`` run in the writer thread when it
    starts and before it ends (the appender keeps one database connection meanwhile).
    """

    def __init__(
        self,
        commit: Callable[[Group], dict[str, int]],
        appended: Callable[[str, int], None],
        started: Callable[[], None] = lambda: None,
        ended: Callable[[], None] = lambda: None,
    ) -> None:
        self._commit = commit
        self._appended = appended
        self._started = started
        self._ended = ended
        self.lock = threading.Lock()
        """Held by the writer while it takes and commits a group (whoever else holds it
        makes submissions queue up meanwhile)."""
        self._cond = threading.Condition()
        self._queues: dict[str, deque[Pending]] = {}
        """Channels with queued entries, in the order their turns come."""
        self._writing = False
        """The writer thread runs (and will see what is added)."""

    def put(self, channel: str, items: list[Pending]) -> None:
        """Queue ``items`` in this order, as one run (nothing queues between them)."""
        with self._cond:
            self._queues.setdefault(channel, deque()).extend(items)
            if self._writing:
                self._cond.notify()
                return
            self._writing = True
        threading.Thread(target=self._run, name="parley-append", daemon=True).start()

    def queued(self, channel: str) -> int:
        """How many of the channel's entries wait for a group."""
        with self._cond:
            return len(self._queues.get(channel, ()))

    def _take(self) -> Group:
        """Up to :data:`MAX_GROUP` queued entries, one per channel per pass (taken under
        ``_cond``). A channel served and not emptied moves to the back of the turns."""
        group: Group = {}
        left = MAX_GROUP
        while left and self._queues:
            for channel in list(self._queues):
                if not left:
                    break
                q = self._queues.pop(channel)
                group.setdefault(channel, []).append(q.popleft())
                left -= 1
                if q:
                    self._queues[channel] = q
        return group

    def _run(self) -> None:
        try:
            self._started()
        except Exception:  # the writer runs without whatever it would have kept
            log.exception("append writer start hook failed")
        try:
            self._groups()
        finally:
            try:
                self._ended()
            except Exception:
                log.exception("append writer end hook failed")

    def _groups(self) -> None:
        while True:
            with self._cond:
                if not self._queues:
                    self._cond.wait(IDLE_SECONDS)
                if not self._queues:
                    self._writing = False
                    return
            with self.lock:
                # Taken under the lock: whatever queued while the previous group was
                # committing goes into this one.
                with self._cond:
                    group = self._take()
                sizes: dict[str, int] = {}
                try:
                    sizes = self._commit(group)
                except BaseException as exc:  # never leave a submitter waiting
                    log.exception("append to %s failed", ", ".join(group))
                    for items in group.values():
                        for p in items:
                            if p.result is None and p.error is None:
                                p.error = exc
                finally:
                    _answer([p for items in group.values() for p in items])
            for channel, size in sizes.items():
                try:
                    self._appended(channel, size)
                except Exception:  # a listener's fault is not the writer's end
                    log.exception("append listener failed for %s", channel)


def _answer(group: list[Pending]) -> None:
    """Wake each submitter of a settled group: threads at once, coroutines on their loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[Pending]] = {}
    for p in group:
        if p.result is None and p.error is None:
            p.error = RuntimeError("the append was interrupted")
        if p.done is not None:
            p.done.set()
        if p.future is not None:
            by_loop.setdefault(p.future.get_loop(), []).append(p)
    for loop, waiting in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
            loop.call_soon_threadsafe(_resolve, waiting)


def _resolve(waiting: list[Pending]) -> None:
    for p in waiting:
        if p.future is not None and not p.future.done():  # done: cancelled, client gone
            p.future.set_result(None)
