"""Checks every export target before the crawl starts (issue 11).

A device, a directory or a symlink out of its folder is an operator's mistake
(:class:`~newsbot.exitcodes.UsageError`, exit 2); a folder that cannot be written (read-only,
immutable, no permission) fails the export (:class:`~newsbot.exitcodes.ExportFailed`, exit 3).
Either way no request goes out and the seen-store is untouched: extensions are built before
the engine starts, and this one comes before the incremental-runs extension.
"""

from __future__ import annotations

from typing import Any

from newsbot.feeds import check_feeds
from newsbot.spiders.arguments import ARGUMENTS, PAGE_ARGUMENTS


class ExportTargets:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExportTargets:
        spider = getattr(crawler, "spider", None)
        if spider is not None:
            # what uri_params offers: the spider's text attributes and the -a arguments given
            # (ops round 12: %(urls_file)s or a %(max_articles)s never given was a KeyError
            # when the export opened: no export, exit 0)
            known = {
                n
                for n in dir(spider)
                if not n.startswith("_")
                and isinstance(getattr(type(spider), n, None), (str, list, tuple, type(None)))
                and isinstance(getattr(spider, n, None), (str, list, tuple))
            } | set(getattr(spider, "given_arguments", None) or {})
        else:
            spidercls = crawler.spidercls
            known = {n for n in dir(spidercls) if not n.startswith("_")}
            known |= {*ARGUMENTS, *PAGE_ARGUMENTS}
        spider_name = crawler.spidercls.name
        settings = crawler.settings
        count = settings.get("FEED_EXPORT_BATCH_ITEM_COUNT") or 0
        feeds = dict(settings.getdict("FEEDS"))
        # Scrapy's older single feed, still read (blind operator round 16)
        if settings.get("FEED_URI"):
            feeds.setdefault(str(settings.get("FEED_URI")), {})
        check_feeds(
            feeds,
            spider_name,
            known,
            batch_item_count=count,
            storages=settings.getwithbase("FEED_STORAGES"),
        )
        return cls(crawler)
