"""What kinds of aggregator newsbot can crawl, and the spider class each kind is crawled by.

A site profile's ``kind`` names one of these; a profile without a spider class of its own
gets a spider made from its kind's class (:mod:`newsbot.spiders.loader`). Classes are named
by import path so that reading a profile never imports Scrapy.
"""

from __future__ import annotations

#: kind -> import path of the spider class a profile of that kind is crawled with.
SPIDER_KINDS: dict[str, str] = {
    # the aggregator's own article pages carry the article (Daily8)
    "republisher": "newsbot.spiders.aggregator.AggregatorSpider",
    # headlines that link to the publishers' own pages, grouped into stories (river.md)
    "river": "newsbot.spiders.river.HeadlineRiverSpider",
}

DEFAULT_KIND = "republisher"
