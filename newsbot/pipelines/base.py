"""What every newsbot pipeline shares: the crawler, its stats and a way to drop an item."""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsbot.outcome import record_sample
from newsbot.stats import Stats

logger = logging.getLogger(__name__)


class CrawlerPipeline:
    """Keeps the crawler from ``from_crawler``; stats are read lazily (Scrapy 2.18+)."""

    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlerPipeline:
        return cls(crawler)

    @property
    def settings(self) -> Any:
        return self.crawler.settings

    def stat(self, key: str, count: int = 1) -> None:
        Stats(self.crawler).inc(key, count)

    def drop(self, item: Any, reason: str, detail: str = "") -> DropItem:
        """Count and log a dropped item, and return the exception to raise. ``reason`` is
        counted (a fixed phrase); ``detail``, if any, is only logged with it."""
        url = ItemAdapter(item).get("url") or "(no url)"
        self.stat("dropped")
        key = f"dropped/{reason.replace(' ', '_')}"
        self.stat(key)
        if self.crawler is not None:
            record_sample(self.crawler.stats, key, url)
        said = f"{reason} ({detail})" if detail else reason
        logger.warning("Dropped %s: %s", url, said)
        return DropItem(f"{said}: {url}")
