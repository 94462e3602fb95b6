"""scrapy-redis's scheduler for several workers that may be killed.

Every worker of one crawl (same spider, same Redis):

- registers in ``newsbot:<spider>:workers`` (worker id -> last heartbeat and whether it has
  work in progress) and refreshes that every ``NEWSBOT_REDIS_HEARTBEAT`` seconds;
- pops requests through :class:`~newsbot.distributed.queue.ClaimingPriorityQueue`, so each
  request it takes stays claimed by it until its items are in a finished export;
- acks (deletes) its claims at ``feed_exporter_closed``, after its export was renamed;
- re-queues the claims of any worker whose heartbeat is older than
  ``NEWSBOT_REDIS_WORKER_TIMEOUT`` (killed, or its machine died): those requests are crawled
  again by a live worker, and since the dead worker never finished its export, every
  article still ends up in exactly one finished export;
- stays open while the queue has requests or another live worker still has work in
  progress (that work may add requests); the last worker to finish a complete crawl clears
  the duplicate filter so the next scheduled run starts afresh.

A worker stopped gracefully (Ctrl-C) leaves the queue and the duplicate filter in Redis: the
next run with the same Redis resumes the crawl (like ``JOBDIR`` on one machine).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from newsbot.distributed.expansion import expansion_keys
from newsbot.distributed.queue import requeue_claims

logger = logging.getLogger(__name__)


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class DistributedScheduler(Scheduler):
    crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> DistributedScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        settings = crawler.settings
        scheduler.worker = worker_id()
        scheduler.heartbeat_every = settings.getfloat("NEWSBOT_REDIS_HEARTBEAT", 1.0)
        scheduler.worker_timeout = settings.getfloat("NEWSBOT_REDIS_WORKER_TIMEOUT", 15.0)
        scheduler.acked = False
        scheduler.loop = None
        scheduler.busy = True
        scheduler.stop_beating = threading.Event()
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(scheduler.feed_exporter_closed, signal=signals.feed_exporter_closed)
        return scheduler

    # -- keys ------------------------------------------------------------------------------
    def _keys(self, spider_name: str) -> None:
        base = f"newsbot:{spider_name}"
        self.workers_key = f"{base}:workers"
        self.claims_prefix = f"{base}:inflight:"
        self.claims_key = self.claims_prefix + self.worker

    # -- lifecycle -------------------------------------------------------------------------
    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        self._keys(spider.name)
        self.queue.claims_key = self.claims_key
        requeued = self.reap(startup=True)
        live = [w for w in self._workers() if w != self.worker]
        if not live and not len(self.queue) and not requeued:
            self.df.clear()  # a new crawl: the previous one finished or died with nothing left
            self.server.delete(*expansion_keys(spider.name))
            logger.info("Distributed crawl: first worker, starting a new crawl (%s)", self.worker)
        else:
            logger.info(
                "Distributed crawl: joining (%d other worker(s), %d queued requests) as %s",
                len(live),
                len(self.queue),
                self.worker,
            )
        self.beat(busy=True)
        # The heartbeat has its own thread: a reactor busy parsing pages must not look dead.
        threading.Thread(target=self._heartbeat, name="newsbot-heartbeat", daemon=True).start()
        self.loop = task.LoopingCall(self._tick)
        self.loop.start(self.heartbeat_every, now=False)
        return result

    def _heartbeat(self) -> None:
        while not self.stop_beating.wait(self.heartbeat_every):
            try:
                self.beat(busy=self.busy)
            except Exception:  # Redis away for a moment: try again next beat
                logger.warning("Distributed crawl: heartbeat failed", exc_info=True)

    def _workers(self) -> dict[str, dict[str, Any]]:
        raw = self.server.hgetall(self.workers_key)
        workers = {}
        for key, value in raw.items():
            try:
                workers[key.decode()] = json.loads(value)
            except ValueError:
                workers[key.decode()] = {"at": 0, "busy": False}
        return workers

    def _busy(self) -> bool:
        engine = getattr(self.crawler, "engine", None)
        try:
            return engine is not None and not engine.spider_is_idle()
        except Exception:  # the engine is closing
            return False

    def beat(self, busy: bool) -> None:
        if self.stop_beating.is_set():
            return
        state = {"at": time.time(), "busy": busy}
        self.server.hset(self.workers_key, self.worker, json.dumps(state))

    def _tick(self) -> None:
        try:
            self.busy = self._busy()
            self.reap()
        except Exception:
            logger.exception("Distributed crawl: heartbeat failed")

    def reap(self, startup: bool = False) -> int:
        """Re-queue the claims of dead workers; the number of requests put back."""
        workers = self._workers()
        now = time.time()
        dead = {w for w, s in workers.items() if now - float(s.get("at", 0)) > self.worker_timeout}
        dead.discard(self.worker)
        requeued = 0
        for key in self.server.scan_iter(match=self.claims_prefix + "*", count=100):
            owner = key.decode().removeprefix(self.claims_prefix)
            if owner == self.worker or (owner in workers and owner not in dead):
                continue
            count = requeue_claims(self.server, key.decode(), self.queue.key)
            if count:
                requeued += count
                self._stat("distributed/requeued", count)
                logger.warning(
                    "Distributed crawl: worker %s is gone; put its %d claimed request(s) back "
                    "in the queue",
                    owner,
                    count,
                )
        if dead:
            self.server.hdel(self.workers_key, *dead)
        return requeued

    def _stat(self, key: str, count: int = 1) -> None:
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            stats.inc_value(f"newsbot/{key}", count)

    def spider_idle(self, spider: Any) -> None:
        self.busy = False
        self.beat(busy=False)
        self.reap()
        if len(self.queue):
            raise DontCloseSpider
        now = time.time()
        for worker, state in self._workers().items():
            if worker == self.worker:
                continue
            if state.get("busy") and now - float(state.get("at", 0)) <= self.worker_timeout:
                self._stat("distributed/waited")
                raise DontCloseSpider  # its work may add requests, or it may die
        return None

    def close(self, reason: str) -> Any:
        # Never flush on close: other workers may still be crawling. Claims are acked at
        # feed_exporter_closed, once this worker's items are in a finished export.
        return None

    def spider_closed(self, spider: Any, reason: str) -> None:
        feeds = self.crawler.settings.getdict("FEEDS")
        if not feeds:
            self._ack(exports_ok=True)

    def feed_exporter_closed(self) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        failed = any(k.startswith("feedexport/failed_count/") for k in stats)
        self._ack(exports_ok=not failed)

    def _ack(self, exports_ok: bool) -> None:
        if self.acked:
            return
        self.acked = True
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.stop_beating.set()
        if exports_ok:
            claimed = self.server.hlen(self.claims_key)
            self.server.delete(self.claims_key)
            logger.info("Distributed crawl: acked %d request(s) of %s", claimed, self.worker)
        else:
            logger.error("Exports not finished: claims of %s stay for re-queueing", self.worker)
            return  # the heartbeat goes stale and another worker re-queues the claims
        self.server.hdel(self.workers_key, self.worker)
        others = self._workers()
        claims = any(True for _ in self.server.scan_iter(match=self.claims_prefix + "*"))
        if not others and not len(self.queue) and not claims:
            self.df.clear()
            self.server.delete(*expansion_keys(self.spider.name))
            logger.info("Distributed crawl: last worker done; duplicate filter cleared")
