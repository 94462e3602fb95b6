"""A page whose handling needs Redis while Redis is away: one line, and the worker stops.

The shared ledgers (depth upgrades, river links, ``max_articles``) are asked while a page's
output goes through the spider middlewares. When Redis does not answer, that page's output is
dropped (its claim is never acked, so another worker crawls it again) and the scheduler stops
the worker (:meth:`newsbot.distributed.scheduler.DistributedScheduler.lost_redis`), instead of
a traceback for every page still in flight.
"""

from __future__ import annotations

import logging
from typing import Any

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class RedisLostMiddleware:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisLostMiddleware:
        return cls(crawler)

    def process_spider_exception(self, response: Any, exception: Exception) -> Any:
        if not isinstance(exception, RedisError):
            return None
        scheduler = getattr(getattr(self.crawler, "engine", None), "scheduler", None)
        lost_redis = getattr(scheduler, "lost_redis", None)
        if lost_redis is not None:
            lost_redis(exception, f"handling {response.url}")
        logger.debug("Dropped the output of %s: Redis failed (%s)", response.url, exception)
        self.crawler.stats.inc_value("newsbot/distributed/pages_dropped_redis_lost")
        return []
