"""One record per article id, whichever listing, related entry or mirror led to it."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter

from newsbot import stats as names
from newsbot.pipelines.base import CrawlerPipeline

logger = logging.getLogger(__name__)

# A copy found at another host than the first is counted apart: the article was scheduled
# once, by id, so the health check's "due" count does not include the copy.
OTHER_HOST = names.DUPLICATES_OTHER_HOST


class DedupePipeline(CrawlerPipeline):
    def __init__(self, crawler: Any = None) -> None:
        super().__init__(crawler)
        self.seen: dict[str, int] = {}  # article id -> index of its host in self.hosts
        self.hosts: dict[str, int] = {}
        self.hinted: set[tuple[int, int]] = set()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        key = str(adapter.get("id") or adapter.get("url"))
        host = urlsplit(str(adapter.get("url") or "")).netloc
        host_index = self.hosts.setdefault(host, len(self.hosts))
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = host_index
            return item
        if first != host_index:
            self.stat(OTHER_HOST)
            self._hint(first, host_index)
        raise self.drop(item, "duplicate")

    def _hint(self, first: int, again: int) -> None:
        """Once per pair of hosts: the same articles at two hosts look like a mirror."""
        pair = (min(first, again), max(first, again))
        if pair in self.hinted:
            return
        self.hinted.add(pair)
        names = {index: host for host, index in self.hosts.items()}
        hosts = [names[first], names[again]]
        mirrors = [host for host in hosts if host not in self._start_hosts()]
        mirror = mirrors[0] if len(mirrors) == 1 else "<the mirror's host>"
        logger.warning(
            "The same article came from %s and from %s: if one mirrors the other, name it "
            "with -a mirror_hosts=%s (its links are then read as the crawled host's)",
            *hosts,
            mirror,
        )

    def _start_hosts(self) -> set[str]:
        spider = getattr(self.crawler, "spider", None)
        urls = getattr(spider, "start_urls", None) or ()
        if isinstance(urls, str):
            urls = urls.split(",")
        return {urlsplit(str(url).strip()).netloc for url in urls}
