"""Incremental runs: drop articles unchanged since the last export, mark changed ones.

The seen-store and its bookkeeping live in ``newsbot.extensions.incremental.IncrementalRuns``;
this pipeline (390, just before dedupe) only asks it how an item compares with the store.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsbot.extensions.incremental import IncrementalRuns
from newsbot.pipelines.base import CrawlerPipeline


class UnchangedItem(DropItem):
    """Not an error: the article was exported before with the same content."""

    newsbot_unchanged = True


class ClaimedElsewhere(DropItem):
    """Not an error: another run sharing the seen-store is exporting this article now."""


class IncrementalPipeline(CrawlerPipeline):
    def __init__(self, crawler: Any = None) -> None:
        super().__init__(crawler)
        self._runs: Any = None

    @property
    def runs(self) -> Any:
        if self._runs is None and self.crawler is not None:
            self._runs = self.crawler.get_extension(IncrementalRuns)
        return self._runs

    def process_item(self, item: Any) -> Any:
        runs = self.runs
        if runs is None:
            return item
        adapter = ItemAdapter(item)
        verdict = runs.classify(adapter)  # read-only: no deep copy of the item
        if verdict not in ("new", "update"):  # those two are counted once exported
            self.stat(f"incremental/{verdict}")
        if verdict == "expand_only":  # fetched again only to follow its related articles
            raise UnchangedItem(f"already exported: {adapter.get('url')}", log_level="DEBUG")
        if verdict == "claimed":  # another run sharing the seen-store exports it now
            raise ClaimedElsewhere(
                f"exported by another run now: {adapter.get('url')}", log_level="DEBUG"
            )
        if verdict == "unchanged":
            raise UnchangedItem(
                f"unchanged since the last export: {adapter.get('url')}", log_level="DEBUG"
            )
        if verdict == "update":
            adapter["update"] = True
        return item
