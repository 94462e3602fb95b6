"""Drops articles older than the run's ``since`` argument, once their time is known.

An age read off the page (``a day ago``) was counted back from the time the page was read
(``crawled_at``): it stands for the unit around that time (:func:`older_than`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter

from newsbot.extensions.context import run_context
from newsbot.pipelines.base import CrawlerPipeline
from newsbot.timestamps import older_than


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class FreshnessPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        since = run_context(self.crawler).since
        adapter = ItemAdapter(item)
        published = adapter.get("published_at")
        if since is None or not published:
            return item
        at = _instant(published)
        crawled = adapter.get("crawled_at")
        anchor = _instant(crawled) if isinstance(crawled, str) and crawled else None
        if older_than(at, adapter.get("published_precision"), since, anchor=anchor):
            raise self.drop(item, "older than since")
        return item
