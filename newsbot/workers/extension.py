"""The crawl's worker pool as a Scrapy extension: ``crawler.get_extension(CrawlWorkers)``.

Built with the other extensions (after the spider, before the engine): the spider hands
its context to the pool at ``spider_opened`` and the pipelines when they are built; the
workers start at ``engine_started`` (after both) and stop when the spider closes, their
counts and peak memory added to the stats under ``newsbot/workers/``.
``NEWSBOT_WORKERS = 0`` switches it off (everything is read in the crawl process).
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsbot import settings as defaults
from newsbot.stats import Stats
from newsbot.workers.pool import WorkerPool, worker_count, worker_limit


class CrawlWorkers:
    def __init__(self, crawler: Any, pool: WorkerPool) -> None:
        self.pool = pool
        self.stats = Stats(crawler, "workers/")

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlWorkers:
        settings = crawler.settings
        asked = settings.get("NEWSBOT_WORKERS", defaults.NEWSBOT_WORKERS)
        count = worker_count(asked)
        if not count:
            raise NotConfigured("NEWSBOT_WORKERS is 0: pages are read in the crawl process")
        pool = WorkerPool(
            count,
            settings.getfloat("NEWSBOT_WORKER_TIMEOUT", defaults.NEWSBOT_WORKER_TIMEOUT),
            settings.getint("NEWSBOT_WORKER_MAX_INFLIGHT", defaults.NEWSBOT_WORKER_MAX_INFLIGHT),
            grow_to=worker_limit(asked),
        )
        ext = cls(crawler, pool)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        # after the spider and pipelines have handed over their context
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        return ext

    async def engine_started(self) -> None:
        await self.pool.warm_up()

    def spider_closed(self) -> None:
        pool = self.pool
        peak = pool.close()
        for key, count in pool.counts.items():
            self.stats.inc(key, count)
        stats = self.stats.collector
        if stats is None:
            return
        if pool.restarts:
            stats.set_value(self.stats.key("restarts"), pool.restarts)
        if peak:
            stats.max_value(self.stats.key("peak_memory_mb"), round(peak, 1))
