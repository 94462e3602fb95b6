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

from newsbot.exitcodes import UsageError
from newsbot.incremental.store import _safe_url

logger = logging.getLogger(__name__)

CMDLINE = SETTINGS_PRIORITIES["cmdline"]
ATOMIC = "newsbot.feeds.AtomicFileFeedStorage"
FENCED = "newsbot.distributed.storage.FencedFileFeedStorage"


def redis_url(settings: BaseSettings) -> str:
    if (settings.getpriority("NEWSBOT_REDIS_URL") or 0) >= CMDLINE:
        return str(settings.get("NEWSBOT_REDIS_URL") or "")
    return os.environ.get("NEWSBOT_REDIS_URL") or str(settings.get("NEWSBOT_REDIS_URL") or "")


# what the distributed mode sets itself: a worker given its own would not share the crawl
# (another queue or spider's queue, pickles in Redis, a flush or a depth limit of its own)
_SHARED = ("SCHEDULER", "SCHEDULER_QUEUE_CLASS", "DUPEFILTER_CLASS", "SCHEDULER_PERSIST",
           "SCHEDULER_QUEUE_KEY", "SCHEDULER_DUPEFILTER_KEY", "SCHEDULER_SERIALIZER")  # fmt: skip


def check_own_settings(settings: BaseSettings, values: dict[str, object]) -> None:
    """:class:`UsageError` for a setting a distributed worker may not have of its own (ops
    round 11: a river worker given daily8's queue key took and dropped its requests; a
    joining worker's ``SCHEDULER_FLUSH_ON_START`` wiped the crawl in progress; a
    ``DEPTH_LIMIT`` on one worker dropped the articles it found for every worker)."""
    for key in _SHARED:
        if (settings.getpriority(key) or 0) >= CMDLINE and settings.get(key) != values[key]:
            raise UsageError(
                f"{key}={settings.get(key)!r}: the distributed mode sets it itself (every "
                "worker shares one queue per spider, stored as data); leave it unset"
            )
    if settings.getbool("SCHEDULER_FLUSH_ON_START"):
        raise UsageError(
            "SCHEDULER_FLUSH_ON_START: a worker that flushes wipes the crawl the others are "
            "running; a worker that finds no crawl in progress starts a new one by itself"
        )
    if settings.getint("DEPTH_LIMIT"):
        raise UsageError(
            f"DEPTH_LIMIT={settings.get('DEPTH_LIMIT')}: in a distributed crawl one worker's "
            "limit drops the articles it finds for every worker; use -a related_depth, -a "
            "max_articles or -s NEWSBOT_MAX_PAGES, which every worker is held to"
        )


def check_no_bare_scrapy_redis(settings: BaseSettings) -> None:
    """scrapy-redis set up as its own docs say, without ``NEWSBOT_REDIS_URL``: requests as
    pickles, none of the claims that keep an article in one export (ops round 11)."""
    named = [
        key
        for key in ("SCHEDULER", "DUPEFILTER_CLASS")
        if str(settings.get(key) or "").startswith("scrapy_redis.")
    ]
    if named or (settings.getpriority("REDIS_URL") or 0) >= CMDLINE:
        given = ", ".join(named) if named else "REDIS_URL"
        raise UsageError(
            f"{given}: scrapy-redis is set up by newsbot's distributed mode, not by hand; set "
            "NEWSBOT_REDIS_URL=redis://host:6379/0 (or NEWSBOT_ENV=distributed) and leave "
            "SCHEDULER, DUPEFILTER_CLASS and REDIS_URL unset"
        )


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
        if not url or settings.getbool("NEWSBOT_TOOL_COMMAND"):
            check_no_bare_scrapy_redis(settings)
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
        check_own_settings(settings, values)
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
