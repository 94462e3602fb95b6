"""The crawl's worker processes: CPU-heavy pure work runs there while Scrapy keeps fetching.

Scrapy runs a crawl on one core, and reading a page (HTML parse, visible-text walk, entries)
and cleaning its body cost about as much CPU as fetching it. With ``NEWSBOT_WORKERS``
processes (default "auto": one when the machine has two cores or more) the spider and the
noise pipeline hand that work to a worker and the crawl process goes on downloading.

A worker is also a fence around hostile input: a task that runs past ``NEWSBOT_WORKER_TIMEOUT``
seconds or kills its process costs that page only (the caller counts and logs it), the pool
is started again, and tasks that were only waiting in the dead pool run again. After
``MAX_RESTARTS`` restarts the crawl process does the work itself (``active`` turns False).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsbot.workers.tasks import peak_memory_mb, start_worker

logger = logging.getLogger(__name__)

MAX_RESTARTS = 10
DEFAULT_TIMEOUT = 60.0
STATS_PREFIX = "newsbot/workers"


class TaskFailed(Exception):
    """A worker gave no result for this task: it timed out, or its process died."""


class _Broken(Exception):
    """The pool broke while the task was in it (maybe another task's doing)."""


def worker_count(value: object, cpus: int | None = None) -> int:
    """``NEWSBOT_WORKERS``: a number, or "auto" (one worker when there are 2+ cores)."""
    text = str(value if value is not None else "auto").strip().lower()
    if text in ("", "auto"):
        return 1 if (cpus if cpus is not None else os.cpu_count() or 1) >= 2 else 0
    try:
        count = int(text)
    except ValueError:
        raise ValueError(f"NEWSBOT_WORKERS must be a number or 'auto', not {value!r}") from None
    if count < 0:
        raise ValueError(f"NEWSBOT_WORKERS must not be negative, not {value!r}")
    return count


def in_event_loop() -> bool:
    """Tasks are awaited on asyncio's loop (Scrapy's default asyncio reactor)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class WorkerPool:
    """``workers`` processes, each started with the context given to ``provide``."""

    def __init__(self, workers: int, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.workers = workers
        self.timeout = timeout
        self.restarts = 0
        self.counts: dict[str, int] = {}
        self._context: dict[str, Any] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False
        self._alone = asyncio.Lock()
        self._inflight: dict[Future[Any], tuple[float, ProcessPoolExecutor]] = {}
        self._timed_out: set[Future[Any]] = set()
        self._watchdog: asyncio.Task[None] | None = None

    @property
    def active(self) -> bool:
        """False once closed or given up on: callers then do the work themselves."""
        return (
            self.workers > 0
            and not self._closed
            and self.restarts <= MAX_RESTARTS
            and in_event_loop()
        )

    def provide(self, name: str, value: Any) -> None:
        """Hand ``value`` to every worker as ``name`` (workers started later get it too)."""
        self._context[name] = value
        if self._pool is not None:  # started without it: the next task starts a new pool
            old, self._pool = self._pool, None
            old.shutdown(wait=False)

    def _count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def _current_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: the crawl process runs threads and an event loop, unsafe to fork
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=start_worker,
                initargs=(dict(self._context), os.getpid()),
            )
            self._count("started")
        return self._pool

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self._pool is not broken:
            return  # another task already started a new pool
        self._pool = None
        self.restarts += 1
        _kill(broken)
        # no cancel_futures: the dead pool fails its tasks itself, with BrokenProcessPool
        broken.shutdown(wait=False)
        if self.restarts > MAX_RESTARTS:
            logger.error(
                "Workers restarted %d times: the crawl process works alone now", MAX_RESTARTS
            )

    async def run(self, task: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``task(*args, **kwargs)`` in a worker. Exceptions the task raises are re-raised.

        Raises ``TaskFailed`` when it ran past the timeout, or when its worker died both when
        it ran among others and when it ran again alone (so it was the one that killed it).
        """
        try:
            return await self._attempt(task, args, kwargs)
        except _Broken:
            pass
        async with self._alone:  # again, alone: a task that kills its worker only kills itself
            try:
                return await self._attempt(task, args, kwargs)
            except _Broken:
                raise TaskFailed("its worker process died") from None

    async def _attempt(self, task: Callable[..., Any], args: Any, kwargs: Any) -> Any:
        if not self.active:
            raise TaskFailed("the workers were given up on")
        pool = self._current_pool()
        try:
            future: Future[Any] = pool.submit(task, *args, **kwargs)
        except BrokenProcessPool:  # broken before this task got in
            self._restart(pool)
            raise _Broken from None
        loop = asyncio.get_running_loop()
        self._inflight[future] = (loop.time(), pool)
        self._watch(loop)
        try:
            result = await _result(future)
        except BrokenProcessPool:
            if future in self._timed_out:
                self._timed_out.discard(future)
                self._count("timeouts")
                raise TaskFailed(f"took longer than {self.timeout:g} s in a worker") from None
            self._count("died")
            self._restart(pool)
            raise _Broken from None
        finally:
            self._inflight.pop(future, None)
        self._count("tasks")
        return result

    def _watch(self, loop: asyncio.AbstractEventLoop) -> None:
        """One watchdog for all tasks in flight (cheaper than a timer per task)."""
        if self._watchdog is None or self._watchdog.done():
            self._watchdog = loop.create_task(self._watchdog_loop())

    async def _watchdog_loop(self) -> None:
        loop = asyncio.get_running_loop()
        every = min(1.0, max(0.05, self.timeout / 4))
        while self._inflight:  # ends when nothing is in flight; the next task restarts it
            await asyncio.sleep(every)
            now = loop.time()
            for future, (since, pool) in list(self._inflight.items()):
                if now - since > self.timeout and not future.done():
                    # kill the stuck worker: every task in the pool breaks, this one is
                    # reported as timed out, the others run again
                    self._timed_out.add(future)
                    self._restart(pool)

    def close(self) -> float:
        """Stop the workers; the peak memory of one of them in MB (0 if none ran)."""
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is None:
            return 0.0
        peak = 0.0
        with contextlib.suppress(Exception):  # a broken pool has no memory to report
            peak = float(pool.submit(peak_memory_mb).result(timeout=10))
        pool.shutdown(wait=True, cancel_futures=True)
        return peak


async def _result(future: Future[Any]) -> Any:
    try:
        return await asyncio.wrap_future(future)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        caller_cancelled = task is not None and task.cancelling() > 0
        if future.cancelled() and not caller_cancelled:  # a pool shutting down, not our caller
            raise BrokenProcessPool("the pool was shut down") from None
        raise


def _kill(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now (a worker stuck on a task would never take the next)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError):
            process.kill()


# -- one pool per crawl -------------------------------------------------------------------------
def crawl_workers(crawler: Any) -> WorkerPool | None:
    """The crawl's pool (made on first use, stopped when the spider closes), None when
    ``NEWSBOT_WORKERS`` is 0."""
    if crawler is None:
        return None
    if not hasattr(crawler, "_newsbot_workers"):
        settings = crawler.settings
        count = worker_count(settings.get("NEWSBOT_WORKERS", "auto"))
        pool = None
        if count:
            pool = WorkerPool(count, settings.getfloat("NEWSBOT_WORKER_TIMEOUT", DEFAULT_TIMEOUT))
            from scrapy import signals  # only a crawl needs Scrapy here

            close = _closer(crawler, pool)
            crawler.signals.connect(close, signal=signals.spider_closed, weak=False)
        crawler._newsbot_workers = pool
    return crawler._newsbot_workers


def _closer(crawler: Any, pool: WorkerPool) -> Callable[[], None]:
    def close() -> None:
        peak = pool.close()
        stats = getattr(crawler, "stats", None)
        if stats is None:
            return
        for key, count in pool.counts.items():
            stats.inc_value(f"{STATS_PREFIX}/{key}", count)
        if pool.restarts:
            stats.set_value(f"{STATS_PREFIX}/restarts", pool.restarts)
        if peak:
            stats.max_value(f"{STATS_PREFIX}/peak_memory_mb", round(peak, 1))

    return close
