"""One record per article id, whichever listing, related entry or mirror led to it (in a
distributed crawl, whichever worker found it: :mod:`newsbot.distributed.articles`)."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter

from newsbot import stats as names
from newsbot.distributed.articles import SharedArticleUrls
from newsbot.distributed.connection import timeout_of
from newsbot.pipelines.base import CrawlerPipeline

logger = logging.getLogger(__name__)

# A copy found at another host than the first is counted apart: the article was scheduled
# once, by id, so the health check's "due" count does not include the copy.
OTHER_HOST = names.DUPLICATES_OTHER_HOST


class DedupePipeline(CrawlerPipeline):
    def __init__(self, crawler: Any = None) -> None:
        super().__init__(crawler)
        self.seen: dict[str, str] = {}  # article id -> the host it first came from
        self.hosts: dict[str, str] = {}  # each host's name, kept once (not once per article)
        self.hinted: set[tuple[str, str]] = set()
        self.shared: SharedArticleUrls | None = None  # a distributed crawl's workers' record
        redis_url = crawler.settings.get("NEWSBOT_REDIS_URL") if crawler is not None else None
        if redis_url:
            spider = getattr(crawler.spidercls, "name", None) or "spider"
            self.shared = SharedArticleUrls(redis_url, spider, timeout_of(crawler.settings))

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        key = str(adapter.get("id") or adapter.get("url"))
        url = str(adapter.get("url") or "")
        host = urlsplit(url).netloc
        host = self.hosts.setdefault(host, host)
        first_host = self.seen.get(key)
        if first_host is None:
            self.seen[key] = host
            other = self._first_url_elsewhere(key, url)
            if other is None:
                return item
            first_host = urlsplit(other).netloc
        if first_host != host:
            self.stat(OTHER_HOST)
            self._hint(first_host, host)
        raise self.drop(item, "duplicate")

    def _first_url_elsewhere(self, key: str, url: str) -> str | None:
        """Distributed: the other URL another worker exported this article from, if any (the
        same URL again is a page fetched once more after its worker died: not a copy)."""
        if self.shared is None or not url:
            return None
        try:
            first = self.shared.first_url(key, url)
        except Exception as exc:  # redis errors: each worker then drops its own copies only
            logger.warning("Duplicates across workers not checked from now on: %s", exc)
            self.shared = None
            return None
        return None if first == url else first

    def _hint(self, first: str, again: str) -> None:
        """Once per pair of hosts: the same articles at two hosts look like a mirror."""
        pair = (min(first, again), max(first, again))
        if pair in self.hinted:
            return
        self.hinted.add(pair)
        hosts = [first, again]
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
