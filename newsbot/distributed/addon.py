"""Switches a crawl to scrapy-redis when ``NEWSBOT_REDIS_URL`` is set; expands ``JOBDIR``.

``JOBDIR`` may contain ``%(name)s`` (the spider name), so one overlay gives every spider its
own job folder (production: ``.newsbot/jobs/%(name)s``).

Runs after the environment add-on, so ``NEWSBOT_ENV=distributed`` (whose overlay sets the
URL), ``-s NEWSBOT_REDIS_URL=...`` and the ``NEWSBOT_REDIS_URL`` environment variable all
work; an explicit ``-s`` wins over the variable, which wins over an overlay.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from newsbot.incremental.store import _safe_url

logger = logging.getLogger(__name__)

CMDLINE = SETTINGS_PRIORITIES["cmdline"]
ATOMIC = "newsbot.feeds.AtomicFileFeedStorage"
FENCED = "newsbot.distributed.storage.FencedFileFeedStorage"


def redis_url(settings: BaseSettings) -> str:
    if (settings.getpriority("NEWSBOT_REDIS_URL") or 0) >= CMDLINE:
        return str(settings.get("NEWSBOT_REDIS_URL") or "")
    return os.environ.get("NEWSBOT_REDIS_URL") or str(settings.get("NEWSBOT_REDIS_URL") or "")


class RedisAddon:
    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisAddon:
        return cls(crawler)

    def update_settings(self, settings: BaseSettings) -> None:
        jobdir = settings.get("JOBDIR")
        spidercls = getattr(self.crawler, "spidercls", None)
        if jobdir and "%(name)s" in str(jobdir) and spidercls is not None:
            priority = settings.getpriority("JOBDIR") or 0
            expanded = str(jobdir).replace("%(name)s", spidercls.name)
            settings.set("JOBDIR", expanded, priority=max(priority, 30))
        url = redis_url(settings)
        if not url:
            return
        try:  # scrapy-redis is the `ops` extra: a single-machine crawl never imports it
            from newsbot.distributed.claims import ClaimLedger
            from newsbot.distributed.connection import redis_params, timeout_of
            from newsbot.distributed.middleware import RedisLostMiddleware
        except ImportError as exc:
            raise RuntimeError(
                "NEWSBOT_REDIS_URL is set but scrapy-redis is not installed: "
                "pip install -e '.[ops]' (or pip install scrapy-redis redis)"
            ) from exc
        values = {
            "NEWSBOT_REDIS_URL": url,
            "REDIS_URL": url,
            # scrapy-redis's scheduler and duplicate filter; newsbot's subclass of the
            # scheduler and its priority queue add claims, heartbeats and re-queueing.
            "SCHEDULER": "newsbot.distributed.scheduler.DistributedScheduler",
            "SCHEDULER_QUEUE_CLASS": "newsbot.distributed.queue.ClaimingPriorityQueue",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,  # workers finish at different times: never flush on close
            "SCHEDULER_QUEUE_KEY": "newsbot:%(spider)s:requests",
            "SCHEDULER_DUPEFILTER_KEY": "newsbot:%(spider)s:dupefilter",
            # requests as JSON data, never pickles: a writable Redis cannot run code here
            "SCHEDULER_SERIALIZER": "newsbot.distributed.serializer",
        }
        for key, value in values.items():
            if (settings.getpriority(key) or 0) < CMDLINE:
                settings.set(key, value, priority="spider")
        # bounded waits instead of scrapy-redis's 30 s twice (newsbot.distributed.connection);
        # REDIS_PARAMS an operator gives are applied over them
        params = redis_params(url, timeout_of(settings))
        params.update(settings.getdict("REDIS_PARAMS"))
        priority = max(settings.getpriority("REDIS_PARAMS") or 0, SETTINGS_PRIORITIES["spider"])
        settings.set("REDIS_PARAMS", params, priority=priority)
        # exports get their final name only after this worker's claims are acked (the fence)
        storages = dict(settings.getdict("FEED_STORAGES"))
        for scheme in ("", "file"):
            if storages.get(scheme) in (None, ATOMIC):
                storages[scheme] = FENCED
        settings.set("FEED_STORAGES", storages, priority="spider")
        settings.set_in_component_priority_dict("EXTENSIONS", ClaimLedger, 505)
        # outermost: sees what any spider middleware or callback raised
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", RedisLostMiddleware, 1)
        feeds = settings.getdict("FEEDS")
        if settings.getint("FEED_EXPORT_BATCH_ITEM_COUNT") or any(
            (options or {}).get("batch_item_count") for options in feeds.values()
        ):
            logger.warning(
                "Batched exports finish files before this worker's claims are acked: with "
                "several workers an article may then be exported twice (see the README)"
            )
        logger.info(
            "newsbot distributed mode: scrapy-redis scheduler and duplicate filter on %s",
            _safe_url(url),
        )
