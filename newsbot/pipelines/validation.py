"""First pipeline: an item without url, title or body goes no further."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from newsbot.pipelines.base import CrawlerPipeline


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return any(isinstance(v, str) and v.strip() for v in value)
    return False


class ValidationPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not _has_text(adapter.get("url")):
            raise self.drop(item, "missing url")
        if not _has_text(adapter.get("title")):
            raise self.drop(item, "missing title")
        if not (_has_text(adapter.get("body_blocks")) or _has_text(adapter.get("body"))):
            raise self.drop(item, "missing body")
        return item


class CleanBodyPipeline(ValidationPipeline):
    """After noise removal: an item whose body was nothing but noise has no body."""

    def process_item(self, item: Any) -> Any:
        if not _has_text(ItemAdapter(item).get("body")):
            raise self.drop(item, "missing body")
        return item
