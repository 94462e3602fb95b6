"""newsbot's stats: every key under ``newsbot/``, named here once.

Components count through :class:`Stats` (``Stats(crawler).inc("pages/failed")`` adds
``newsbot/pages/failed``); the run summary, the health checks and the end-of-run report
read the same names through :func:`key` and the constants below, never typing them again.
"""

from __future__ import annotations

from typing import Any

from scrapy.statscollectors import MemoryStatsCollector

PREFIX = "newsbot/"


class StatsCollector(MemoryStatsCollector):
    """Scrapy's in-memory stats, without the hook Scrapy 2.13+ runs on every attribute read
    of its collector (to warn when a caller passes the deprecated ``spider`` argument): a
    Python-level ``__getattribute__`` that first looks for a cached wrapper, failing with an
    AttributeError for every ``self._stats``. Each count of a crawl (Scrapy's downloader
    stats, every ``newsbot/`` key) paid it: ~3% of the crawl process's time (py-spy, the
    crawl benchmark). The ``spider`` argument is still accepted, and ignored as Scrapy's is."""

    __getattribute__ = object.__getattribute__  # type: ignore[assignment]


def key(name: str) -> str:
    """``pages/failed`` -> ``newsbot/pages/failed`` (a full key is returned unchanged)."""
    return name if name.startswith(PREFIX) else PREFIX + name


class Stats:
    """Counts under ``newsbot/`` in a crawler's stats; reads ``crawler.stats`` only when
    counting (Scrapy 2.18+: not before the crawl starts); nothing without a crawler."""

    def __init__(self, crawler: Any, prefix: str = "") -> None:
        self.crawler = crawler
        self.prefix = prefix  # e.g. "distributed/": counts of one component

    @property
    def collector(self) -> Any:
        return getattr(self.crawler, "stats", None)

    def key(self, name: str) -> str:
        return key(self.prefix + name)

    def inc(self, name: str, count: int = 1) -> None:
        stats = self.collector
        if stats is not None:
            stats.inc_value(self.key(name), count)

    def get(self, name: str, default: Any = None) -> Any:
        stats = self.collector
        return default if stats is None else stats.get_value(self.key(name), default)


# -- names read elsewhere than where they are counted --------------------------------------
DROPPED = key("dropped")
# a duplicate whose first copy came from another host (a mirror not named in mirror_hosts)
DUPLICATES_OTHER_HOST = key("duplicates/other_host")
PAGES_FAILED = key("pages/failed")
PAGES_UNPARSEABLE = key("pages/unparseable")
TIMES_UNREADABLE = key("timestamps/unreadable")
NOISE_REMOVED = key("noise/removed")
TEXT = key("text/")  # + the kind of damage (newsbot/decoding.py)
ARTICLES_SCHEDULED = key("articles/scheduled")  # every article a spider asks for
SKIPPED_MAX_ARTICLES = key("skipped/max_articles")  # refused: the crawl has its max_articles
LISTING_PAGES = key("listing/pages")
LISTING_EMPTY = key("listing/empty")
# empty listing pages that carry script a browser would run, in a crawl without the browser
LISTING_EMPTY_SCRIPTED = key("listing/empty_with_script")
SKIPPED_SEEN = key("skipped/seen")
RECOVERED_FILES = key("recovered/files")
RECOVERED_ITEMS = key("recovered/items")
RECOVERED_TORN_LINES = key("recovered/torn_lines")
RECOVERED_DISCARDED_FILES = key("recovered/discarded_files")
RECOVERED_JOBDIR_RESET = key("recovered/jobdir_reset")
# a stopped JOBDIR job resumed: the run it continues read (some of) the listings
RESUMED_JOB = key("recovered/resumed_job")
INCREMENTAL = key("incremental/")  # + new, update, unchanged, claimed, expand_only, ...
INCREMENTAL_EXPIRED = key("incremental/expired")
INCREMENTAL_RECORDED = key("incremental/recorded")
DEPTH_UPGRADES = key("incremental/depth_upgrades")
DISTRIBUTED = key("distributed/")  # + claimed, finished, lost, taken_over, ...
