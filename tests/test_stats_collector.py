"""The crawl's stats collector: Scrapy's in-memory one without its per-read hook (see
newsbot/stats.py); it must count, read and keep the stats exactly as Scrapy's does."""

from __future__ import annotations

import warnings

from scrapy import Spider
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newsbot import settings as project_settings
from newsbot.stats import StatsCollector


class _Spider(Spider):
    name = "stats_check"


def _crawler():
    values = {k: getattr(project_settings, k) for k in dir(project_settings) if k.isupper()}
    return get_crawler(_Spider, values)


def test_the_project_counts_with_it_and_it_counts_as_scrapys_does():
    crawler = _crawler()
    assert type(crawler.stats) is StatsCollector
    ours, scrapys = crawler.stats, MemoryStatsCollector(crawler)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to warn about: no spider argument here
        for stats in (ours, scrapys):
            stats.inc_value("a")
            stats.inc_value("a", 2)
            stats.inc_value("b", start=10)
            stats.max_value("m", 3)
            stats.max_value("m", 1)
            stats.min_value("n", 3)
            stats.min_value("n", 1)
            stats.set_value("s", "x")
    assert ours.get_stats() == scrapys.get_stats() == {
        "a": 3, "b": 11, "m": 3, "n": 1, "s": "x"
    }  # fmt: skip
    assert ours.get_value("missing", 7) == 7


def test_the_spider_argument_older_callers_pass_is_still_accepted():
    stats = _crawler().stats
    spider = _Spider()
    stats.inc_value("a", spider=spider)
    stats.set_value("b", 2, spider=spider)
    assert stats.get_value("a", spider=spider) == 1
    assert stats.get_stats(spider) == {"a": 1, "b": 2}
