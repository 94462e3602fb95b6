"""Field coverage counted for the rules' fields only gives spidermon's figures for them.

spidermon walks every field of every item on the crawl's event loop (half a millisecond an
article); newsbot counts only the fields ``SPIDERMON_FIELD_COVERAGE_RULES`` names. The
coverage the monitor judges must be the same either way.
"""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from newsbot.health.extension import HealthChecks

RULES = {
    "dict/title": 1.0,
    "dict/body": 1.0,
    "dict/published_at": 0.5,
    "dict/found_via/kind": 0.5,
    "dict/category": 0.1,
}

ITEMS = [
    {"title": "Pier reopens", "body": "Crowds came.", "published_at": "2026-11-25T10:00:00Z",
     "category": "Local", "found_via": {"kind": "listing", "url": "/en"}},
    {"title": "-", "body": "Text.", "published_at": None, "category": "",
     "found_via": {"kind": "", "url": "/en"}},
    {"title": "N/A", "body": "", "published_at": None, "category": None, "found_via": None},
    {"title": "Council votes", "body": "It voted.", "published_at": "2026-11-25T09:00:00Z",
     "found_via": {"url": "/en"}, "hashtags": []},
    {"title": 0, "body": False, "published_at": "2026-11-24T09:00:00Z", "category": "N/A",
     "found_via": "listing"},
]  # fmt: skip


def _coverage(all_fields: bool, skip_none: bool = True) -> dict[str, float]:
    settings = {
        "SPIDERMON_ENABLED": True,
        "SPIDERMON_ADD_FIELD_COVERAGE": True,
        "SPIDERMON_FIELD_COVERAGE_SKIP_NONE": skip_none,
        "SPIDERMON_FIELD_COVERAGE_RULES": RULES,
        "NEWSBOT_FIELD_COVERAGE_ALL_FIELDS": all_fields,
    }
    crawler = get_crawler(Spider, settings)
    crawler.stats.open_spider()
    spider = Spider("coverage")
    spider.crawler = crawler
    extension = HealthChecks.from_crawler(crawler)
    for item in ITEMS:
        extension.item_scraped(dict(item), None, spider)
    extension._add_field_coverage_to_stats()
    return crawler.stats.get_stats()


@pytest.mark.parametrize("skip_none", [True, False])
def test_the_rules_fields_have_spidermons_coverage(skip_none):
    ours, spidermons = _coverage(False, skip_none), _coverage(True, skip_none)
    for rule in RULES:
        key = f"spidermon_field_coverage/{rule}"
        assert ours.get(key) == spidermons.get(key), rule
    assert ours["spidermon_field_coverage/dict/title"] == 2 / 5  # "-", "N/A" and 0 skipped
    assert ours["spidermon_item_scraped_count/dict"] == 5
    # the fields no rule names are spidermon's alone
    assert "spidermon_field_coverage/dict/found_via/url" not in ours
    assert "spidermon_field_coverage/dict/found_via/url" in spidermons
