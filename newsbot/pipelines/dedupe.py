"""One record per article id, whichever listing, related entry or mirror led to it."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from newsbot.pipelines.base import CrawlerPipeline


class DedupePipeline(CrawlerPipeline):
    def __init__(self, crawler: Any = None) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        key = ItemAdapter(item).get("id") or ItemAdapter(item).get("url")
        if key in self.seen:
            raise self.drop(item, "duplicate")
        self.seen.add(key)
        return item
