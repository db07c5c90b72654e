"""Limits by cost, for work anyone may ask for: a request is not a unit of load when one
anonymous statement check costs what a thousand reads do.

``CostGate`` runs expensive public work one (``slots``; 0: no gate at all) at a time, in a worker thread,
with at most ``queue`` requests waiting — in the event loop, holding no thread, so the
thread pool stays free for members. Beyond the queue: 429 ``public.busy``. Each client
address also has a budget of CPU seconds, refilled at ``cpu_rate`` per second up to
``cpu_burst``: the thread CPU time each piece of work actually took is charged to the
address that asked, and an address in debt is refused (429 ``rate.cost``) until the
budget has refilled.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

from parley.api.limits import retry_after, tarpit
from parley.errors import RateLimited

T = TypeVar("T")


class CostGate:
    def __init__(
        self,
        slots: int = 1,
        queue: int = 8,
        cpu_rate: float = 0.05,
        cpu_burst: float = 2.0,
        size: int = 100_000,
    ) -> None:
        self.slots = slots
        self.queue = queue
        self.cpu_rate = cpu_rate
        self.cpu_burst = cpu_burst
        self.size = size
        self._sem: asyncio.Semaphore | None = None
        self._waiting = 0
        self._budgets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def _budget(self, address: str, spend: float = 0.0) -> float:
        """The address's budget now, after spending ``spend`` CPU seconds."""
        now = time.monotonic()
        with self._lock:
            budget, last = self._budgets.pop(address, (self.cpu_burst, now))
            budget = min(self.cpu_burst, budget + (now - last) * self.cpu_rate) - spend
            self._budgets[address] = (budget, now)
            while len(self._budgets) > self.size:
                self._budgets.popitem(last=False)
        return budget

    async def run(self, address: str, work: Callable[[], T]) -> T:
        """Run ``work`` under the gate, charging its CPU time to ``address``.

        Raises:
            RateLimited: ``rate.cost`` (the address spent its budget) or ``public.busy``
                (the queue is full).
        """
        if self.slots == 0:  # no gate (parley serve --public-checks 0)
            return await run_in_threadpool(work)
        if self.cpu_rate > 0:
            budget = self._budget(address)
            if budget < 0:
                await tarpit()
                raise RateLimited(
                    "rate.cost",
                    "this address has used its share of the server's time for checks; "
                    "wait and retry",
                    retry_after=retry_after(-budget / self.cpu_rate),
                )
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.slots)
        if self._waiting >= self.queue + self.slots:
            await tarpit()
            raise RateLimited(
                "public.busy", "the server is busy with other checks; retry shortly", retry_after=2
            )
        self._waiting += 1
        try:
            async with self._sem:
                spent: list[float] = []

                def timed() -> T:
                    t0 = time.thread_time()
                    try:
                        return work()
                    finally:
                        spent.append(time.thread_time() - t0)

                try:
                    return await run_in_threadpool(timed)
                finally:
                    if self.cpu_rate > 0 and spent:
                        self._budget(address, spent[0])
        finally:
            self._waiting -= 1
