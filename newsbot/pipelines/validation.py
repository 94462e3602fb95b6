"""First pipeline: an item without url, title or body goes no further."""

from __future__ import annotations

from collections import Counter
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
    """After noise removal: an item whose body was nothing but noise has no body. The drop
    names the rules that removed its lines (a rule written too wide shows at once)."""

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if _has_text(adapter.get("body")):
            return item
        rules = Counter(r.get("rule") for r in adapter.get("removed") or () if isinstance(r, dict))
        if not rules:
            raise self.drop(item, "missing body")
        named = ", ".join(f"{rule}: {count}" for rule, count in rules.most_common(3))
        more = f" and {len(rules) - 3} more" if len(rules) > 3 else ""
        raise self.drop(item, "body all noise", f"lines removed by {named}{more}")
