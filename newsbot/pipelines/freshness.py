"""Drops articles older than the spider's ``since`` argument, once their time is known."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter

from newsbot.pipelines.base import CrawlerPipeline


class FreshnessPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        spider = (
            getattr(getattr(self.crawler, "engine", None), "spider", None) if self.crawler else None
        )
        since = getattr(spider, "since", None)
        published = ItemAdapter(item).get("published_at")
        if since is None or not published:
            return item
        if datetime.fromisoformat(published.replace("Z", "+00:00")) < since:
            raise self.drop(item, "older than since")
        return item
