"""The append queue: submissions wait per channel, and one writer thread per busy channel
commits them group by group (each group one transaction, one fsync).

A submitter hands over its checked entry and is answered once its group has committed —
a thread through a :class:`threading.Event`, a coroutine through an asyncio future that
the writer resolves on the submitter's event loop (one ``call_soon_threadsafe`` per loop
and group). No request thread waits for a lock or takes turns at leading: the writer is
the only one that appends. It starts with the first submission to an idle channel and
ends after the channel has been idle for :data:`IDLE_SECONDS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from parley.crypto.keys import KeyId
from parley.model.entry import Entry
from parley.model.relay import RelayReceipt

log = logging.getLogger("parley.append")

MAX_GROUP = 256
"""Most entries committed in one transaction."""

IDLE_SECONDS = 1.0
"""A channel's writer thread ends after this long without submissions."""

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


@dataclass(eq=False)
class _Queue:
    cond: threading.Condition = field(default_factory=threading.Condition)
    items: list[Pending] = field(default_factory=list)
    writing: bool = False
    """A writer thread serves this queue (and will see what is added)."""


class Writer:
    """Queues per channel and their writer threads.

    ``commit(channel, group)`` appends a group in one transaction (under ``lock(channel)``,
    taken here), fills in each pending's result or error and returns the new tree size, or
    0 when nothing was appended; ``appended(channel, size)`` runs after each group that
    appended, once its submitters have been answered.
    """

    def __init__(
        self,
        commit: Callable[[str, list[Pending]], int],
        lock: Callable[[str], threading.Lock],
        appended: Callable[[str, int], None],
    ) -> None:
        self._commit = commit
        self._lock = lock
        self._appended = appended
        self._queues: dict[str, _Queue] = {}
        self._guard = threading.Lock()

    def queue(self, channel: str) -> _Queue:
        with self._guard:
            return self._queues.setdefault(channel, _Queue())

    def put(self, channel: str, items: list[Pending]) -> None:
        """Queue ``items`` in this order, as one run (nothing queues between them)."""
        q = self.queue(channel)
        with q.cond:
            q.items.extend(items)
            if q.writing:
                q.cond.notify()
                return
            q.writing = True
        threading.Thread(
            target=self._run, args=(channel, q), name=f"parley-append-{channel}", daemon=True
        ).start()

    def _run(self, channel: str, q: _Queue) -> None:
        while True:
            with q.cond:
                if not q.items:
                    q.cond.wait(IDLE_SECONDS)
                if not q.items:
                    q.writing = False
                    return
            with self._lock(channel):
                # Taken under the channel lock: whatever queued while the previous group
                # was committing goes into this one.
                with q.cond:
                    group = q.items[:MAX_GROUP]
                    del q.items[:MAX_GROUP]
                size = 0
                try:
                    size = self._commit(channel, group)
                except BaseException as exc:  # never leave a submitter waiting
                    log.exception("append to %s failed", channel)
                    for p in group:
                        if p.result is None and p.error is None:
                            p.error = exc
                finally:
                    _answer(group)
            if size:
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
