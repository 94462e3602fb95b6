"""Drops articles older than the run's ``since`` argument, once their time is known."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter

from newsbot.extensions.context import run_context
from newsbot.pipelines.base import CrawlerPipeline
from newsbot.timestamps import older_than


class FreshnessPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        since = run_context(self.crawler).since
        adapter = ItemAdapter(item)
        published = adapter.get("published_at")
        if since is None or not published:
            return item
        at = datetime.fromisoformat(published.replace("Z", "+00:00"))
        if older_than(at, adapter.get("published_precision"), since):
            raise self.drop(item, "older than since")
        return item
