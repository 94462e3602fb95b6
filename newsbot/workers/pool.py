"""The crawl's worker processes: CPU-heavy pure work runs there while Scrapy keeps fetching.

Scrapy runs a crawl on one core, and reading a page (HTML parse, visible-text walk, entries)
and cleaning its body cost about as much CPU as fetching it. With ``NEWSBOT_WORKERS``
processes the spider and the noise pipeline hand that work to a worker and the crawl process
goes on downloading. The default, "auto", starts one worker when the machine has two cores
or more, and adds one (up to one per core, at most ``AUTO_MAX``) when every worker has been
busy for ``GROW_BUSY`` of the last ``GROW_WINDOW`` seconds and the machine had
``GROW_SPARE`` of a core idle (the crawl process's CPU and the workers' busy time counted):
big pages make the worker the crawl's bottleneck (a 290 KB page costs it 2-3 times what it
costs the crawl process). On small pages the one worker is the bottleneck too, but not by a
core: on two cores (measured on the crawl benchmark's 5-7 KB pages) the worker was busy 93%
of the time, the crawl process 65%, and a second worker only took the crawl process's CPU
and added its own start-up. So the crawl process shares the work instead (:meth:`WorkerPool.
share`): while every worker holds more than ``SHARE_BACKLOG`` tasks and the crawl process was
busy at most ``SHARE_BUSY_MAX`` of the last ``SHARE_WINDOW`` seconds, it reads the next page
(no bigger than ``SHARE_MAX_BYTES``) itself.

Tasks and results travel as pickles over two pipes per worker, read and written by the
crawl's own event loop (no helper threads competing with Scrapy for the interpreter).

A worker is also a fence around hostile input: a task that runs past ``NEWSBOT_WORKER_TIMEOUT``
seconds or kills its process costs that page only (the caller counts and logs it), the worker
is started again, and tasks that were only waiting in the dead worker run again, alone. After
``MAX_RESTARTS`` restarts the crawl process does the work itself (``active`` turns False).

A forced shutdown (Ctrl-C or SIGTERM twice: Scrapy stops at once, the spider never closes)
kills the workers when the crawl process exits.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import itertools
import logging
import multiprocessing
import os
import pickle
import struct
import time
from collections.abc import Callable
from typing import Any

from newsbot import settings as defaults
from newsbot.exitcodes import UsageError
from newsbot.memory import peak_memory_mb
from newsbot.workers.tasks import serve

logger = logging.getLogger(__name__)

MAX_RESTARTS = 10
AUTO_MAX = 4  # "auto" never grows past this many workers
GROW_WINDOW = 3.0  # seconds over which the workers' busy time is measured
GROW_BUSY = 0.9  # the share of that time every worker must have been busy to add one
GROW_SPARE = 0.5  # cores the machine must have had idle in that time
# Work sharing: when every live worker holds more than this many tasks, the caller does the
# next one itself (the crawl process's CPU would idle while the worker is behind), if it is
# no bigger than SHARE_MAX_BYTES (a big page stays behind the workers' timeout fence).
SHARE_BACKLOG = 6
SHARE_MAX_BYTES = 512 * 1024
SHARE_WINDOW = 0.25  # seconds over which the crawl process's own CPU use is measured
SHARE_BUSY_MAX = 0.85  # busier than this in the last window: it shares nothing
# Defaults: NEWSBOT_WORKER_TIMEOUT and NEWSBOT_WORKER_MAX_INFLIGHT in newsbot/settings.py
DEFAULT_TIMEOUT = float(defaults.NEWSBOT_WORKER_TIMEOUT)
DEFAULT_MAX_INFLIGHT_BYTES = defaults.NEWSBOT_WORKER_MAX_INFLIGHT
_HEADER = struct.Struct("!Q")


class TaskFailed(Exception):
    """A worker gave no result for this task: it timed out, or its process died."""


class WorkersUnavailable(TaskFailed):
    """No worker can take the task (none could be started, or they were given up on): the
    caller should do the work itself."""


class _TimedOut(TaskFailed):
    """The task ran past the timeout (its worker was killed)."""


class _Broken(Exception):
    """The worker died while the task was in it (maybe another task's doing)."""


def task_size(args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """Roughly what a task's pickle weighs: the length of its text and bytes arguments."""
    size = 0
    for value in (*args, *kwargs.values()):
        if isinstance(value, (str, bytes, bytearray)):
            size += len(value)
        elif isinstance(value, (list, tuple)):
            size += sum(len(v) for v in value if isinstance(v, (str, bytes)))
    return size


def _auto(value: object) -> bool:
    return str(value if value is not None else "auto").strip().lower() in ("", "auto")


WORKERS_PER_CORE_MAX = 4


def worker_count(value: object, cpus: int | None = None) -> int:
    """``NEWSBOT_WORKERS``: a number, or "auto" (one worker when there are 2+ cores)."""
    if _auto(value):
        return 1 if (cpus if cpus is not None else os.cpu_count() or 1) >= 2 else 0
    text = str(value).strip()
    try:
        count = int(text)
    except ValueError:
        raise UsageError(
            f"NEWSBOT_WORKERS={value!r}: not a number; expected auto, 0 (no worker) or more"
        ) from None
    if count < 0:
        raise UsageError(f"NEWSBOT_WORKERS={value!r}: negative; expected auto, 0 or more")
    cores = cpus if cpus is not None else os.cpu_count() or 1
    if count > WORKERS_PER_CORE_MAX * cores:
        # each is a process that loads the reader and the cleaner before it takes a page:
        # 100 on 2 cores read nothing for two minutes, which looked like a hang
        raise UsageError(
            f"NEWSBOT_WORKERS={value!r}: more than {WORKERS_PER_CORE_MAX} per core on this "
            f"machine's {cores} core(s); expected auto or at most {WORKERS_PER_CORE_MAX * cores}"
        )
    return count


def worker_limit(value: object, cpus: int | None = None) -> int:
    """How many workers ``NEWSBOT_WORKERS`` may grow to: a number is fixed; "auto" grows
    up to one per core (at most ``AUTO_MAX``) when the workers are all busy."""
    start = worker_count(value, cpus)
    if start and _auto(value):
        return max(start, min(cpus if cpus is not None else os.cpu_count() or 1, AUTO_MAX))
    return start


def in_event_loop() -> bool:
    """Tasks are awaited on asyncio's loop (Scrapy's default asyncio reactor)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Results(asyncio.Protocol):
    """Reads length-prefixed result pickles from one worker."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                return
            payload = bytes(self.buffer[_HEADER.size : _HEADER.size + size])
            del self.buffer[: _HEADER.size + size]
            self.worker.finished(payload)

    def connection_lost(self, exc: Exception | None) -> None:
        self.worker.died()


class _Worker:
    """One worker process, its two pipes and the tasks it holds."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.inflight: dict[int, tuple[asyncio.Future[Any], float]] = {}
        self.timed_out: set[int] = set()
        self.dead = False
        self.process: Any = None
        self.tasks: asyncio.WriteTransport | None = None
        self.results: asyncio.ReadTransport | None = None
        self._busy_since: float | None = None  # holding tasks since (the loop's clock)
        self._busy_total = 0.0  # seconds spent holding tasks before that

    def busy(self, now: float) -> float:
        """Seconds this worker has held tasks (a proxy for its CPU: tasks wait nowhere else)."""
        since = self._busy_since
        return self._busy_total + (now - since if since is not None else 0.0)

    def took(self, now: float) -> None:
        """A task was sent at ``now``: the worker is busy from then, if it was idle."""
        if self._busy_since is None:
            self._busy_since = now

    def freed(self) -> None:
        """A task left the worker: if none is left, its busy time ends now."""
        if not self.inflight and self._busy_since is not None:
            with contextlib.suppress(RuntimeError):  # no running loop: nothing to measure
                now = asyncio.get_running_loop().time()
                self._busy_total += now - self._busy_since
            self._busy_since = None

    async def start(self, context: dict[str, Any]) -> None:
        # The context (the noise rules: ~5 MB pickled) goes as the task pipe's first frame,
        # not as the process's argument: multiprocessing writes its arguments to the new
        # process with a blocking write while this process still holds that pipe's other
        # end, so a worker that died as it started (ops round 13: its scrapyd egg deleted)
        # left the crawl blocked in that write for ever, deaf to SIGTERM.
        bootstrap = pickle.dumps(context, pickle.HIGHEST_PROTOCOL)
        spawn = multiprocessing.get_context("spawn")  # never fork a process running threads
        task_read, task_write = spawn.Pipe(duplex=False)
        result_read, result_write = spawn.Pipe(duplex=False)
        self.process = spawn.Process(
            target=serve,
            args=(task_read, result_write),
            name="newsbot-worker",
            daemon=True,
        )
        try:
            self.process.start()
        except BaseException:
            for end in (task_read, task_write, result_read, result_write):
                end.close()
            raise
        task_read.close()  # the worker's ends: closing ours lets us see it die as EOF
        result_write.close()
        # a forced shutdown (Ctrl-C twice) ends the crawl process with the pool never closed:
        # multiprocessing's exit hook would wait forever for a worker that ignores SIGTERM and
        # reads a pipe still open here. Hooks run last registered first: it is killed before.
        atexit.register(self.kill)
        loop = asyncio.get_running_loop()
        writer = os.fdopen(os.dup(task_write.fileno()), "wb", buffering=0)
        reader = os.fdopen(os.dup(result_read.fileno()), "rb", buffering=0)
        task_write.close()
        result_read.close()
        self.tasks, _ = await loop.connect_write_pipe(asyncio.Protocol, writer)
        self.results, _ = await loop.connect_read_pipe(lambda: _Results(self), reader)
        # written as the worker reads it (the transport buffers it): never blocks the crawl
        self.tasks.write(_HEADER.pack(_HEADER.size + len(bootstrap)) + _HEADER.pack(0))
        self.tasks.write(bootstrap)

    def send(self, task_id: int, payload: bytes) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.dead or self.tasks is None or self.tasks.is_closing():
            future.set_exception(_Broken())
            return future
        now = asyncio.get_running_loop().time()
        self.took(now)
        self.inflight[task_id] = (future, now)
        # a frame: its length, the task's id, the pickle (written apart: no joined copy)
        self.tasks.write(_HEADER.pack(_HEADER.size + len(payload)) + _HEADER.pack(task_id))
        self.tasks.write(payload)
        return future

    def finished(self, frame: bytes) -> None:
        (task_id,) = _HEADER.unpack_from(frame)
        entry = self.inflight.pop(task_id, None)
        self.freed()
        if entry is None or entry[0].done():
            return
        try:
            ok, value = pickle.loads(frame[_HEADER.size :])
        except Exception as exc:  # e.g. an exception class that cannot be rebuilt here
            ok, value = False, TaskFailed(f"its result could not be read: {exc!r}")
        if not ok and not isinstance(value, Exception):  # never a KeyboardInterrupt here
            value = TaskFailed(f"the worker reported {value!r}")
        if ok:
            entry[0].set_result(value)
        else:
            entry[0].set_exception(value)

    def died(self) -> None:
        if self.dead:
            return
        self.dead = True
        for task_id, (future, _) in self.inflight.items():
            if not future.done():
                future.set_exception(
                    _TimedOut(f"took longer than {self.pool.timeout:g} s in a worker")
                    if task_id in self.timed_out
                    else _Broken()
                )
        self.inflight.clear()
        self.freed()
        self.kill()

    def kill(self) -> None:
        if self.tasks is not None and not self.tasks.is_closing():
            with contextlib.suppress(RuntimeError, AttributeError):  # the loop is closed
                self.tasks.abort()
        if self.process is not None and self.process.is_alive():
            with contextlib.suppress(OSError, AttributeError):
                self.process.kill()

    def stop(self, timeout: float = 10.0) -> None:
        """Close the task pipe (the worker finishes and exits) and wait for it."""
        _close(self.tasks)
        if self.process is not None:
            self.process.join(timeout)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(5)
        _close(self.results)
        atexit.unregister(self.kill)


def _close(transport: asyncio.BaseTransport | None) -> None:
    """Close a pipe transport and its pipe now (a transport closes its pipe only on a later
    turn of the event loop, which a crawl shutting down may not give it)."""
    if transport is None:
        return
    if not transport.is_closing():
        with contextlib.suppress(RuntimeError, AttributeError):  # loop closed already
            transport.abort()
    pipe = transport.get_extra_info("pipe")
    if pipe is not None:
        with contextlib.suppress(OSError):
            pipe.close()


class WorkerPool:
    """``workers`` processes, each started with the context given to ``provide``."""

    def __init__(
        self,
        workers: int,
        timeout: float = DEFAULT_TIMEOUT,
        max_inflight_bytes: int = DEFAULT_MAX_INFLIGHT_BYTES,
        grow_to: int | None = None,
    ) -> None:
        self.workers = workers
        self.grow_to = max(workers, grow_to or 0)  # more workers when all are busy
        # (loop time, each worker's busy seconds, the crawl process's CPU seconds) at the
        # start of the window that decides whether to grow
        self._window: tuple[float, dict[int, float], float] | None = None
        self.cpus = os.cpu_count() or 1
        self.timeout = timeout
        self.max_inflight_bytes = max_inflight_bytes
        self._inflight_bytes = 0
        self._room: asyncio.Event | None = None
        self.restarts = 0
        self.counts: dict[str, int] = {}
        self._context: dict[str, Any] = {}
        self._live: list[_Worker] = []
        self._starting: asyncio.Future[None] | None = None
        self._closed = False
        self._ids = itertools.count()
        self._alone: asyncio.Lock | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._waited_for_room = False  # a task waited for room in the bytes in flight (window)
        # (loop time, process CPU time, this process's busy share of the window before)
        self._share_window: tuple[float, float, float] = (0.0, 0.0, 1.0)

    @property
    def active(self) -> bool:
        """False once closed or given up on: callers then do the work themselves."""
        return self.usable and in_event_loop()

    @property
    def usable(self) -> bool:
        return self.workers > 0 and not self._closed and self.restarts <= MAX_RESTARTS

    def provide(self, name: str, value: Any) -> None:
        """Hand ``value`` to every worker as ``name`` (workers started later get it too)."""
        self._context[name] = value
        for worker in self._live:  # started without it: they are replaced on the next task
            worker.stop(timeout=0)
        self._live = []

    def _count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def share(self, size: int) -> bool:
        """Whether the caller should do a task of ``size`` bytes itself, now: every worker
        holds more than ``SHARE_BACKLOG`` tasks (it is the crawl's bottleneck, and this
        process has CPU to spare) and the task is small. Counted as ``shared``."""
        live = self._live
        if not live or size > SHARE_MAX_BYTES or not self.active:
            return False
        if min(len(w.inflight) for w in live) <= SHARE_BACKLOG:
            return False
        now, cpu = asyncio.get_running_loop().time(), time.process_time()
        start, cpu_start, busy = self._share_window
        if now - start >= SHARE_WINDOW:
            busy = (cpu - cpu_start) / (now - start) if start else 1.0
            self._share_window = (now, cpu, busy)
        if busy > SHARE_BUSY_MAX:
            return False
        self._count("shared")
        return True

    async def warm_up(self) -> None:
        """Start the worker processes now, so they boot while the crawl starts."""
        if self.active:
            with contextlib.suppress(WorkersUnavailable):  # logged; tasks then run here
                await self._ensure_workers()

    async def _ensure_workers(self) -> None:
        """As many live workers as asked for; none at all from now on if one cannot start."""
        try:
            await self._start_missing_workers()
        except WorkersUnavailable:
            raise
        except Exception as exc:  # no process (OSError), a context that does not pickle...
            self._closed = True
            logger.error("No worker process could be started (%s): working alone", exc)
            raise WorkersUnavailable(f"no worker process could be started: {exc}") from None

    async def _start_missing_workers(self) -> None:
        self._live = [w for w in self._live if not w.dead]
        while len(self._live) < self.workers:
            if self._closed:  # another task's start failed (or the crawl is over)
                raise WorkersUnavailable("the workers were given up on")
            if self._starting is not None:  # another task is starting one: wait for it
                await asyncio.shield(self._starting)
                continue
            self._starting = asyncio.get_running_loop().create_future()
            try:
                worker = _Worker(self)
                await worker.start(dict(self._context))
                self._live.append(worker)
                self._count("started")
            finally:
                self._starting.set_result(None)
                self._starting = None

    async def run(self, task: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``task(*args, **kwargs)`` in a worker. Exceptions the task raises are re-raised.

        Raises ``TaskFailed`` when it ran past the timeout, or when its worker died both when
        it ran among others and when it ran again alone (so it was the one that killed it).
        """
        size = task_size(args, kwargs)
        await self._reserve(size)  # big pages wait here as they are, not as pickled copies
        try:
            payload = pickle.dumps((task, args, kwargs), pickle.HIGHEST_PROTOCOL)
            try:
                return await self._attempt(payload)
            except _Broken:
                pass
            if self._alone is None:
                self._alone = asyncio.Lock()
            async with self._alone:  # again, alone: a task that kills its worker kills itself
                try:
                    return await self._attempt(payload)
                except _Broken:
                    if not self.usable:
                        raise WorkersUnavailable("the workers were given up on") from None
                    raise TaskFailed("its worker process died") from None
        finally:
            self._release(size)

    async def _reserve(self, size: int) -> None:
        """Wait until ``size`` bytes fit in ``max_inflight_bytes`` (a task always may run
        when none is in flight, whatever its size)."""
        while self._inflight_bytes and self._inflight_bytes + size > self.max_inflight_bytes:
            self._waited_for_room = True
            if self._room is None:
                self._room = asyncio.Event()
            self._room.clear()
            await self._room.wait()
        self._inflight_bytes += size

    def _release(self, size: int) -> None:
        self._inflight_bytes -= size
        if self._room is not None:
            self._room.set()

    async def _attempt(self, payload: bytes) -> Any:
        if not self.usable:
            raise WorkersUnavailable("the workers were given up on")
        self._maybe_grow()
        await self._ensure_workers()
        # the least busy worker (alone: only other first attempts can share it with this task)
        worker = min(self._live, key=lambda w: len(w.inflight))
        task_id = next(self._ids)
        future = worker.send(task_id, payload)
        self._watch()
        try:
            result = await future
        except _Broken:
            self._count("died")
            self._replace(worker)
            raise
        except _TimedOut as exc:
            self._count("timeouts")
            self._replace(worker)
            raise TaskFailed(str(exc)) from None
        finally:
            worker.inflight.pop(task_id, None)
            worker.freed()
        self._count("tasks")
        return result

    def _maybe_grow(self) -> None:
        """One more worker when every live one was busy ``GROW_BUSY`` of the last window and
        the machine has half a core to spare for it (the crawl process's CPU plus the
        workers' busy time): where the crawl process is the bottleneck (small pages), a
        worker more only takes its CPU."""
        if self.workers >= self.grow_to or not self._live:
            return
        now = asyncio.get_running_loop().time()
        window = self._window
        if window is None or now - window[0] < GROW_WINDOW:
            if window is None:
                self._window = (now, self._busy_now(now), time.process_time())
            return
        start, before, cpu_before = window
        cpu_now = time.process_time()
        self._window = (now, self._busy_now(now), cpu_now)
        capped, self._waited_for_room = self._waited_for_room, False
        span = now - start
        # a worker started within the window counts as idle: no growth on its account
        shares = [
            (w.busy(now) - before[id(w)]) / span if id(w) in before else 0.0 for w in self._live
        ]
        spare = self.cpus - (cpu_now - cpu_before) / span - sum(shares)
        # a page waited for room in the bytes in flight: that cap, not the workers, holds pages
        # back (pages of megabytes go one at a time), and a worker more would only hold its own
        # copy of the rules (benchmarks.memory: 577 MB with it, 475 without)
        if min(shares) >= GROW_BUSY and spare >= GROW_SPARE and not capped:
            self.workers += 1
            self._count("added")
            logger.info(
                "Workers: %d (every worker was busy %.0f%% of the last %.0f s; %.1f cores spare)",
                self.workers, 100 * min(shares), span, spare,
            )  # fmt: skip

    def _busy_now(self, now: float) -> dict[int, float]:
        return {id(w): w.busy(now) for w in self._live}

    def _replace(self, worker: _Worker) -> None:
        if worker in self._live:
            self._live.remove(worker)
            self.restarts += 1
            if worker.dead and not worker.timed_out:
                # killed from outside (the OOM killer, an operator's kill -9) or by a page:
                # its pages are read again; said once here, not only in the stats (ops8)
                process = worker.process
                logger.warning(
                    "A worker process died (pid %s, exit code %s); its pages are read again "
                    "and a new worker takes its place",
                    getattr(process, "pid", "?"),
                    getattr(process, "exitcode", None),
                )
            if self.restarts > MAX_RESTARTS:
                logger.error(
                    "Workers restarted %d times: the crawl process works alone now", MAX_RESTARTS
                )
        worker.kill()

    def _watch(self) -> None:
        """One watchdog for all tasks in flight (cheaper than a timer per task)."""
        if self._watchdog is None or self._watchdog.done():
            self._watchdog = asyncio.get_running_loop().create_task(self._watchdog_loop())

    async def _watchdog_loop(self) -> None:
        loop = asyncio.get_running_loop()
        every = min(1.0, max(0.05, self.timeout / 4))
        while any(w.inflight for w in self._live):  # ends when idle; the next task restarts it
            await asyncio.sleep(every)
            now = loop.time()
            for worker in list(self._live):
                stuck = [
                    task for task, (_, since) in worker.inflight.items()
                    if now - since > self.timeout
                ]  # fmt: skip
                if stuck:  # kill it: this task times out, the others in it run again
                    worker.timed_out.update(stuck)
                    worker.died()

    def close(self) -> float:
        """Stop the workers; their peak memory in MB, summed (what they may hold at once; 0
        if none ran)."""
        self._closed = True
        workers, self._live = self._live, []
        if self._watchdog is not None:
            self._watchdog.cancel()
        peak = 0.0
        for worker in workers:
            if worker.process is not None and worker.process.pid:
                peak += peak_memory_mb(worker.process.pid) or 0.0
            worker.stop()
        return peak


def crawl_workers(crawler: Any) -> WorkerPool | None:
    """The crawl's pool (``crawler.get_extension(CrawlWorkers)``, newsbot/workers/
    extension.py); None when ``NEWSBOT_WORKERS`` is 0, or before the crawler has built its
    extensions (a spider built by hand in a test reads pages itself)."""
    from newsbot.workers.extension import CrawlWorkers  # Scrapy: only in the crawl process

    get = getattr(crawler, "get_extension", None)
    if get is None:
        return None
    try:
        ext = get(CrawlWorkers)
    except RuntimeError:  # extensions not built yet
        return None
    return ext.pool if ext is not None else None
