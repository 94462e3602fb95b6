"""scrapy-redis's scheduler for several workers that share one crawl, stall, or get killed.

Every worker of one crawl (same spider, same Redis):

- registers in ``newsbot:<spider>:workers`` (worker id -> last heartbeat, in Redis server
  time, and whether it has work in progress) and refreshes that every
  ``NEWSBOT_REDIS_HEARTBEAT`` seconds from its own thread;
- takes a request from Redis only when it is about to download it: Scrapy's engine asks the
  scheduler for requests until ``CONCURRENT_REQUESTS`` are in the downloader, where they may
  wait out a download delay (AutoThrottle) for many seconds; this scheduler hands out a new
  one only while fewer than ``NEWSBOT_REDIS_PREFETCH`` (1) of this worker's requests wait
  there, so what one worker cannot start yet stays in the queue for the others;
- is woken when requests arrive (Redis pub/sub, :mod:`newsbot.distributed.queue`) and when
  one of its requests starts downloading, instead of waiting for Scrapy's 5-second heartbeat;
- pops requests as claims with a fencing token
  (:class:`~newsbot.distributed.queue.ClaimingPriorityQueue`), and acks them before its
  export gets its final name (:class:`~newsbot.distributed.claims.ClaimLedger`);
- re-queues the claims of any worker whose heartbeat is older than
  ``NEWSBOT_REDIS_WORKER_TIMEOUT`` (killed, its machine died, or stalled): a live worker
  crawls them again; a stalled one that comes back finds its tokens gone and leaves those
  results out of its export, so every article ends up in exactly one finished export;
- stays open while the queue has requests or another live worker still has work in
  progress (that work may add requests), and, once it finds nothing left, while another
  live worker that is not finishing too holds claims (killed while idle, it would leave
  them for nobody: they come back when its heartbeat times out); the last worker to finish
  a complete crawl clears the duplicate filter so the next scheduled run starts afresh.

A worker stopped gracefully (Ctrl-C) puts the requests it had claimed but not downloaded back
and leaves the queue and the duplicate filter in Redis: the next run with the same Redis
resumes the crawl (like ``JOBDIR`` on one machine).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from collections import deque
from typing import Any

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from newsbot import settings as defaults
from newsbot.distributed.claims import ClaimLedger
from newsbot.distributed.expansion import expansion_keys
from newsbot.distributed.joining import arguments_key, write_down
from newsbot.distributed.queue import BEAT, CLAIM_META, REAP, CrawlKeys
from newsbot.feeds import stop_failed_export
from newsbot.incremental.store import _safe_url
from newsbot.outcome import export_failed
from newsbot.spiders.arguments import worker_arguments
from newsbot.stats import Stats

logger = logging.getLogger(__name__)

REDIS_LOST = "redis_unavailable"  # the finish reason of a worker whose Redis went away
NUDGE_EVERY = 0.2  # seconds: how soon a freed download slot or a wake-up message is acted on


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
        scheduler.heartbeat_every = settings.getfloat(
            "NEWSBOT_REDIS_HEARTBEAT", defaults.NEWSBOT_REDIS_HEARTBEAT
        )
        scheduler.worker_timeout = settings.getfloat(
            "NEWSBOT_REDIS_WORKER_TIMEOUT", defaults.NEWSBOT_REDIS_WORKER_TIMEOUT
        )
        scheduler.prefetch = max(
            1, settings.getint("NEWSBOT_REDIS_PREFETCH", defaults.NEWSBOT_REDIS_PREFETCH)
        )
        scheduler.ledger = crawler.get_extension(ClaimLedger) or ClaimLedger(crawler)
        scheduler.done = False
        scheduler.redis_lost = False
        scheduler.local = deque()  # requests that cannot be stored as JSON
        scheduler.loops = []
        scheduler.busy = True  # since the last spider_idle: tells others to wait
        scheduler.was_registered = False
        scheduler.state_lost = False  # the crawl's keys vanished: Redis emptied under it
        scheduler.maybe_work = True  # the queue may have requests for us
        scheduler.told_waiting = False  # logged once: waiting for a peer's claims
        scheduler.wake = threading.Event()
        scheduler.stop_beating = threading.Event()
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(scheduler.feed_exporter_closed, signal=signals.feed_exporter_closed)
        return scheduler

    # -- lifecycle -------------------------------------------------------------------------
    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        self.keys = CrawlKeys(spider.name, self.worker)
        self.queue.keys = self.keys
        self.queue.on_claim = self.ledger.claimed
        self.queue.on_refused = self.ledger.refused
        self.ledger.bind(self.server, self.keys, self.queue.key)
        self._beat = self.server.register_script(BEAT)
        self._reap = self.server.register_script(REAP)
        requeued = self.reap()
        live = [w for w in self._workers() if w != self.worker]
        if not live and not len(self.queue) and not requeued:
            self.df.clear()  # a new crawl: the previous one finished or died with nothing left
            self.server.delete(*expansion_keys(spider.name), self.keys.reassigned)
            self._clear_crawl_state()
            write_down(self.server, spider.name, self._arguments(spider), replace=True)
            logger.info("Distributed crawl: first worker, starting a new crawl (%s)", self.worker)
        else:
            write_down(self.server, spider.name, self._arguments(spider), replace=False)
            logger.info(
                "Distributed crawl: joining (%d other worker(s), %d queued requests) as %s",
                len(live),
                len(self.queue),
                self.worker,
            )
        self.beat(busy=True)
        # Heartbeat and wake-ups have their own threads: a reactor busy parsing pages must
        # not look dead, and a blocking wait for messages must not block the reactor.
        threading.Thread(target=self._heartbeat, name="newsbot-heartbeat", daemon=True).start()
        threading.Thread(target=self._listen, name="newsbot-wake", daemon=True).start()
        for every, call in ((self.heartbeat_every, self._tick), (NUDGE_EVERY, self._nudge)):
            loop = task.LoopingCall(call)
            loop.start(every, now=False)
            self.loops.append(loop)
        return result

    # -- taking requests -------------------------------------------------------------------
    def _waiting(self) -> int:
        """This worker's requests in the downloader that have not started downloading."""
        downloader = getattr(getattr(self.crawler, "engine", None), "downloader", None)
        if downloader is None:
            return 0
        transferring = sum(len(slot.transferring) for slot in downloader.slots.values())
        return max(0, len(downloader.active) - transferring)

    def enqueue_request(self, request: Any) -> bool:
        # scrapy-redis's enqueue_request and next_request, without its deprecated stats calls
        if self.redis_lost:
            return False  # its page's claim is never acked: crawled again, links and all
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
            self._scrapy_stat("scheduler/enqueued/redis")
            return True
        except RedisError as exc:
            self.lost_redis(exc, "queueing a request")
            return False
        except TypeError as exc:  # meta that JSON cannot hold (e.g. a browser re-render's
            # PageMethod): a follow-up of a page this worker holds; it stays here, and if the
            # worker dies, the claim of the page it came from is crawled again elsewhere
            logger.debug("Distributed crawl: keeping %s in this worker: %s", request, exc)
            self._stat("kept_local")
            self.local.append(request)
            return True

    def has_pending_requests(self) -> bool:
        if self.local:
            return True
        if self.redis_lost:
            return False
        try:
            return bool(super().has_pending_requests())
        except RedisError as exc:
            self.lost_redis(exc, "counting the queue")
            return False

    def next_request(self) -> Any:
        if self.local:
            return self.local.popleft()
        if self.redis_lost or self._waiting() >= self.prefetch:
            return None  # the rest stays in Redis for other workers
        try:
            request = self.queue.pop()  # marks this worker busy in Redis (the pop)
        except RedisError as exc:
            self.lost_redis(exc, "taking a request")
            return None
        if request is not None:
            self._scrapy_stat("scheduler/dequeued/redis")
        self.maybe_work = request is not None
        self.busy = self.busy or request is not None
        return request

    def _nudge(self) -> None:
        """Ask the engine for requests when a wake-up came, or when one of ours started
        downloading and more may be in the queue (Scrapy's own heartbeat is 5 s)."""
        woken = self.wake.is_set()
        if not (woken or (self.maybe_work and self._waiting() < self.prefetch)):
            return
        self.wake.clear()
        if woken:
            self.maybe_work = True
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def _listen(self) -> None:
        pubsub = None
        while not self.stop_beating.is_set():
            try:
                if pubsub is None:
                    pubsub = self.server.pubsub(ignore_subscribe_messages=True)
                    pubsub.subscribe(self.keys.wake)
                if pubsub.get_message(timeout=1.0) is not None:
                    self.wake.set()
            except Exception:  # Redis away for a moment: Scrapy's heartbeat still polls
                logger.debug("Distributed crawl: wake-up channel failed", exc_info=True)
                pubsub = None
                self.stop_beating.wait(self.heartbeat_every)
        if pubsub is not None:
            pubsub.close()

    # -- heartbeat and dead workers --------------------------------------------------------
    def _heartbeat(self) -> None:
        failing = False
        while not self.stop_beating.wait(self.heartbeat_every):
            try:
                self.beat(busy=None)
            except RedisError as exc:  # Redis away: said once; the reactor side decides
                if not failing:
                    logger.warning("Distributed crawl: heartbeat failed (%s)", exc)
                failing = True
            except Exception:
                logger.warning("Distributed crawl: heartbeat failed", exc_info=True)
            else:
                failing = False

    def beat(self, busy: bool | None, closing: bool = False) -> None:
        if self.stop_beating.is_set():
            return
        flag = "2" if closing else "" if busy is None else str(int(busy))
        known = self._beat(keys=[self.keys.workers], args=[self.worker, flag])
        if self.was_registered and not known and not self._crawl_recorded():
            # not taken for dead: the whole crawl is gone (ops round 6: a Redis restarted
            # without its data, or flushed; the workers gave up what they had fetched and
            # ended 0 with 7 of 52 articles exported). The reactor's tick stops this worker.
            self.state_lost = True
            return
        if self.was_registered and not known:
            logger.warning(
                "Distributed crawl: this worker (%s) was silent longer than "
                "NEWSBOT_REDIS_WORKER_TIMEOUT (%gs) and was taken for dead: the requests it "
                "had claimed went to other workers, and their results will not be exported here",
                self.worker,
                self.worker_timeout,
            )
            self._stat("declared_dead")
        self.was_registered = True

    def _workers(self) -> dict[str, dict[str, Any]]:
        workers = {}
        for key, value in self.server.hgetall(self.keys.workers).items():
            try:
                state = json.loads(value)
            except ValueError:
                state = None
            workers[key.decode()] = state if isinstance(state, dict) else {"at": 0}
        return workers

    def _now(self) -> float:
        seconds, micros = self.server.time()
        return float(seconds) + micros / 1e6

    def _crawl_recorded(self) -> bool:
        """Whether the crawl's arguments are still in Redis (written by its first worker,
        cleared only with the crawl)."""
        return bool(self.server.exists(arguments_key(self.keys.spider)))

    def _tick(self) -> None:
        if self.redis_lost:
            return
        if self.state_lost:
            self.lost_state()
            return
        try:
            self.reap()
        except RedisError as exc:
            self.lost_redis(exc, "looking for dead workers")
        except Exception:
            logger.exception("Distributed crawl: looking for dead workers failed")

    def lost_redis(self, error: BaseException, doing: str) -> None:
        """Redis did not answer (NEWSBOT_REDIS_TIMEOUT) or refused for seconds: stop.

        Nothing this worker did since its last ack can be acked, so its export is not
        finished (exit status 3) and its claims stay in Redis; once its heartbeat is older
        than NEWSBOT_REDIS_WORKER_TIMEOUT, another worker, or the next run, puts them back in
        the queue. Requests it found meanwhile are not queued: the pages they came from are
        crawled again, and with them their links."""
        where = self._give_up_on_redis("redis_lost")
        if where is None:
            return
        logger.error(
            "Distributed crawl: Redis %s failed while %s (%s: %s). This worker stops; its "
            "export is not finished and its claims stay in Redis for another worker or the "
            "next run (after NEWSBOT_REDIS_WORKER_TIMEOUT, %gs)",
            where,
            doing,
            type(error).__name__,
            error,
            self.worker_timeout,
        )
        stop_failed_export(
            self.crawler, f"Redis {where} failed while {doing}: {error}", reason=REDIS_LOST
        )

    def _give_up_on_redis(self, stat: str) -> str | None:
        """Stop working with Redis (once): the URL to name in the message, or None when this
        worker already had."""
        if self.redis_lost:
            return None
        self.redis_lost = True
        self.stop_beating.set()
        self._stat(stat)
        return _safe_url(str(self.crawler.settings.get("REDIS_URL") or ""))

    def lost_state(self) -> None:
        """The crawl's keys vanished from Redis while it ran (a restart without its data, a
        flush): its queue, claims and seen requests are gone, so nothing can be acked or
        handed over. This worker stops like a worker that lost Redis (exit status 3, its
        export not finished); the next run starts the crawl again."""
        where = self._give_up_on_redis("redis_state_lost")
        if where is None:
            return
        message = (
            f"the {self.keys.spider} crawl's keys are gone from Redis {where} (restarted "
            "without its data, or flushed): its queue and claims are lost"
        )
        logger.error(
            "Distributed crawl: %s. This worker stops; its export is not finished and the "
            "next run crawls again (give redis-server persistence: appendonly yes)",
            message,
        )
        stop_failed_export(self.crawler, message, reason=REDIS_LOST)

    def reap(self) -> int:
        """Re-queue the claims of dead workers; the number of requests put back."""
        owners = set(self._workers())
        for key in self.server.scan_iter(match=self.keys.claims_prefix + "*", count=100):
            owners.add(key.decode().removeprefix(self.keys.claims_prefix))
        owners.discard(self.worker)
        requeued = 0
        for owner in sorted(owners):
            count = int(
                self._reap(
                    keys=[
                        self.keys.workers,
                        self.keys.claims_of(owner),
                        self.queue.key,
                        self.keys.reassigned,
                        self.keys.wake,
                    ],
                    args=[owner, self.worker_timeout],
                )  # fmt: skip
            )
            if count:
                requeued += count
                self._stat("requeued", count)
                logger.warning(
                    "Distributed crawl: worker %s is gone (no heartbeat for %gs); put its %d "
                    "claimed request(s) back in the queue",
                    owner,
                    self.worker_timeout,
                    count,
                )
        return requeued

    def _stat(self, key: str, count: int = 1) -> None:
        Stats(self.crawler, "distributed/").inc(key, count)

    def _scrapy_stat(self, key: str) -> None:
        """One of Scrapy's own scheduler counts (what its memory/disk queues count)."""
        stats = getattr(self.crawler, "stats", None)
        if stats is not None:
            stats.inc_value(key)

    @staticmethod
    def _arguments(spider: Any) -> dict[str, object]:
        settings = getattr(getattr(spider, "crawler", None), "settings", None)
        max_pages = settings.getint("NEWSBOT_MAX_PAGES", 0) or None if settings else None
        return worker_arguments(getattr(spider, "args", None), max_pages)

    def _clear_crawl_state(self) -> None:
        keys = list(self.server.scan_iter(match=self.keys.crawl_prefix + "*"))
        if keys:
            self.server.delete(*keys)

    def others_at_work(self) -> bool:
        """Requests are queued, or another live worker is busy (its work may add some)."""
        if len(self.queue):
            return True
        now = self._now()
        for worker, state in self._workers().items():
            if worker == self.worker:
                continue
            if state.get("busy") and now - float(state.get("at", 0)) <= self.worker_timeout:
                return True
        return False

    def spider_idle(self, spider: Any) -> None:
        if self.redis_lost:
            return None
        try:
            self._idle()
        except RedisError as exc:
            self.lost_redis(exc, "looking for more work")

    def _idle(self) -> None:
        if self.state_lost or not self._crawl_recorded():
            # before ending as if the crawl were done: an emptied Redis has no queue either
            self.lost_state()
            return
        if self.busy:
            self.server.publish(self.keys.wake, "idle")  # others waiting on us look again
        self.busy = False
        self.beat(busy=False)
        self.reap()
        if len(self.queue):
            raise DontCloseSpider
        if self.others_at_work():
            self._stat("waited")
            raise DontCloseSpider  # its work may add requests, or it may die
        self.beat(busy=False, closing=True)
        holders = self.peers_holding_claims()
        if holders:
            # ops round 9: a worker killed while idle (its results only in its unfinished
            # export) held claims that nobody re-queued, since this one ended first
            self._stat("waited_for_claims")
            if not self.told_waiting:
                logger.info(
                    "Distributed crawl: waiting for %s, which hold(s) claims and has not "
                    "finished (a killed worker's claims come back after "
                    "NEWSBOT_REDIS_WORKER_TIMEOUT, %gs)",
                    ", ".join(holders),
                    self.worker_timeout,
                )
                self.told_waiting = True
            raise DontCloseSpider
        return None

    def peers_holding_claims(self) -> list[str]:
        """Other workers, alive by their heartbeat and not finishing themselves, that hold
        claims: their results are only in an export not yet finished. If one was killed, its
        claims come back to the queue once its heartbeat is older than the worker timeout
        (``reap``); the last worker to end must be there to crawl them. A worker that is
        finishing too is not waited for (two idle workers would wait for each other)."""
        now = self._now()
        holders = []
        for worker, state in self._workers().items():
            if worker == self.worker or state.get("closing"):
                continue
            if now - float(state.get("at", 0)) > self.worker_timeout:
                continue  # reap puts its claims back
            if self.server.hlen(self.keys.claims_of(worker)):
                holders.append(worker)
        return holders

    # -- closing ---------------------------------------------------------------------------
    def close(self, reason: str) -> Any:
        # Never flush on close: other workers may still be crawling. Requests this worker
        # claimed but never downloaded (a graceful stop) go back to the queue at settle.
        downloader = getattr(getattr(self.crawler, "engine", None), "downloader", None)
        for request in (*getattr(downloader, "active", ()), *self.local):
            token = request.meta.get(CLAIM_META)
            if token:
                self.ledger.release.add(token)
        return None

    def spider_closed(self, spider: Any, reason: str) -> None:
        if not self.crawler.settings.getdict("FEEDS"):
            self._finish(exports_ok=not self.redis_lost)

    def feed_exporter_closed(self) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        self._finish(exports_ok=not export_failed(stats))

    def _finish(self, exports_ok: bool) -> None:
        if self.done:
            return
        self.done = True
        for loop in self.loops:
            if loop.running:
                loop.stop()
        if not exports_ok or not self._settled():
            self.stop_beating.set()
            logger.error("Exports not finished: claims of %s stay for re-queueing", self.worker)
            return  # the heartbeat goes stale and another worker re-queues the claims
        self.stop_beating.set()
        self.server.hdel(self.keys.workers, self.worker)
        self.server.publish(self.keys.wake, "left")
        others = self._workers()
        claims = any(True for _ in self.server.scan_iter(match=self.keys.claims_prefix + "*"))
        if not others and not len(self.queue) and not claims:
            self.df.clear()
            self.server.delete(*expansion_keys(self.spider.name), self.keys.reassigned)
            self._clear_crawl_state()
            logger.info("Distributed crawl: last worker done; duplicate filter cleared")

    def _settled(self) -> bool:
        """Settle now if no fenced export did (no file feeds); False if that failed."""
        try:
            self.ledger.settle()
        except Exception:
            logger.exception("Distributed crawl: could not ack the claims of %s", self.worker)
            return False
        return self.ledger.settled
