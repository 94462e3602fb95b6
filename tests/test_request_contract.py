"""The request contract (newsbot/spiders/requests.py) is all the incremental middleware needs:
a spider that is not an AggregatorSpider, emitting requests with the same meta, gets
unchanged articles skipped and depth upgrades asked for, against a real SQLite seen-store."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsbot.extensions.incremental import IncrementalRuns
from newsbot.incremental.hashing import listing_fingerprint
from newsbot.incremental.middleware import IncrementalMiddleware
from newsbot.incremental.store import SeenRecord, open_store
from newsbot.spiders.requests import (
    ARTICLE,
    KIND,
    article_meta,
    article_of,
    expand_only,
    is_expand_only,
)

LISTING = "http://river.test/topic/world"


class OtherSpider(scrapy.Spider):
    """Not an AggregatorSpider: only its requests follow the contract."""

    name = "other"
    args = SimpleNamespace(related_depth=1, fresh=False, since=None, max_articles=None)

    async def parse_story(self, response):  # pragma: no cover - never called here
        yield {}


def _request(
    article_id: str, depth: int, title: str, source: str = "Wire", follows: bool = True
) -> scrapy.Request:
    hint = {"title": title, "source": source, "slot": "listing" if depth == 0 else "related"}
    found_via = {"kind": "listing", "url": LISTING}
    return scrapy.Request(
        f"http://river.test/story/{article_id}",
        callback=OtherSpider.parse_story,
        meta={
            KIND: "article" if depth == 0 else "related",
            ARTICLE: article_meta(article_id, depth, hint, found_via, follows_related=follows),
        },
    )


def _middleware(tmp_path, records=()):
    store = tmp_path / "seen.sqlite"
    with_records = open_store(str(store), OtherSpider.name)
    with_records.put_many(records)
    with_records.close()
    crawler = get_crawler(
        OtherSpider,
        {"NEWSBOT_SEEN_STORE": str(store), "NEWSBOT_INCREMENTAL": True, "FEEDS": {}},
    )
    crawler.spider = OtherSpider.from_crawler(crawler)
    runs = IncrementalRuns(crawler)
    return IncrementalMiddleware(crawler, runs), runs


def _through(middleware, response, outputs):
    async def result():
        for output in outputs:
            yield output

    async def collect():
        return [o async for o in middleware.process_spider_output(response, result())]

    return asyncio.run(collect())


def _listing_response():
    return HtmlResponse(LISTING, body=b"<html></html>", request=scrapy.Request(LISTING))


def test_unchanged_entries_are_skipped_and_changed_or_unexpanded_ones_fetched(tmp_path):
    now = time.time()
    seen = {"title": "Storm hits coast", "source": "Wire"}
    records = [
        SeenRecord("same", "h1", listing_fingerprint(seen), True, now),
        SeenRecord("retitled", "h2", listing_fingerprint(seen), True, now),
        # fetched last time as related only: its related articles were not followed then
        SeenRecord("unexpanded", "h3", listing_fingerprint(seen), False, now),
    ]
    middleware, runs = _middleware(tmp_path, records)
    requests = [
        _request("same", 0, "Storm hits coast"),
        _request("retitled", 0, "Storm hits coast, thousands evacuated"),
        _request("unexpanded", 0, "Storm hits coast"),
        _request("new", 0, "Markets open higher"),
    ]
    out = _through(middleware, _listing_response(), requests)
    assert [article_of(r)["id"] for r in out] == ["retitled", "unexpanded", "new"]
    assert runs.crawler.stats.get_value("newsbot/skipped/seen") == 1
    assert set(runs.touched) == {"same"}  # kept from expiring at the commit


def test_an_article_parsed_without_its_related_is_asked_again_when_a_listing_shows_it(tmp_path):
    middleware, runs = _middleware(tmp_path)
    # fetched as related (depth 1 = related_depth): its related entries were not followed
    related = _request("story", 1, "Storm hits coast")
    page = HtmlResponse(related.url, body=b"<html></html>", request=related)
    out = _through(middleware, page, [{"id": "story", "url": related.url}])
    assert out == [{"id": "story", "url": related.url}]
    # then a listing shows it: the article is asked for again, only to follow its related
    listed = _request("story", 0, "Storm hits coast")
    out = _through(middleware, _listing_response(), [listed])
    again = [r for r in out if is_expand_only(article_of(r)["found_via"])]
    assert len(out) == 2 and len(again) == 1
    assert again[0].dont_filter and article_of(again[0])["depth"] == 0
    assert again[0].callback == listed.callback and again[0].url == related.url
    assert runs.crawler.stats.get_value("newsbot/incremental/depth_upgrades") == 1


def test_an_article_found_on_a_listing_elsewhere_is_asked_again_when_parsed_unexpanded(tmp_path):
    middleware, runs = _middleware(tmp_path)
    out = _through(middleware, _listing_response(), [_request("story", 0, "Storm hits coast")])
    assert len(out) == 1  # nothing known yet: the request goes on as it is
    related = _request("story", 1, "Storm hits coast")
    page = HtmlResponse(related.url, body=b"<html></html>", request=related)
    out = _through(middleware, page, [{"id": "story", "url": related.url}])
    assert isinstance(out[0], dict) and is_expand_only(article_of(out[1])["found_via"])
    assert "story" in runs.expanded_elsewhere  # recorded as expanded at the commit


def test_articles_whose_related_come_from_elsewhere_are_never_asked_again(tmp_path):
    """A river's related articles come from story pages, not the article's page: whether an
    article was "expanded" means nothing there, and only the entry decides."""
    seen = {"title": "Storm hits coast", "source": "Wire"}
    record = SeenRecord("story", "h1", listing_fingerprint(seen), False, time.time())
    middleware, runs = _middleware(tmp_path, [record])
    listed = _request("story", 0, "Storm hits coast", follows=False)
    assert _through(middleware, _listing_response(), [listed]) == []  # skipped as seen
    related = _request("other", 1, "Markets open higher", follows=False)
    page = HtmlResponse(related.url, body=b"<html></html>", request=related)
    out = _through(middleware, page, [{"id": "other", "url": related.url}])
    again = _through(middleware, _listing_response(), [_request("other", 0, "M", follows=False)])
    assert len(out) == 1 and len(again) == 1  # nothing asked for again
    assert runs.crawler.stats.get_value("newsbot/incremental/depth_upgrades") is None


def test_expand_only_keeps_only_the_contract_meta():
    request = _request("story", 2, "Storm")
    request.meta["playwright"] = True
    again = expand_only(request)
    assert set(again.meta) == {KIND, ARTICLE}
    assert article_of(again)["depth"] == 0 and article_of(request)["depth"] == 2
