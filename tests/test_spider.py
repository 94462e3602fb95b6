"""The daily8 spider on fixture pages: what it yields and what it follows."""

import asyncio
import weakref
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newsbot.middlewares.articles import ArticleStateMiddleware
from newsbot.spiders.arguments import ArgumentError, changed_arguments
from newsbot.spiders.daily8 import Daily8Spider
from newsbot.spiders.requests import article_meta

FIXTURES = Path(__file__).parent / "fixtures"
DATE = b"Wed, 25 Nov 2026 12:00:00 GMT"
ARTICLE = "https://www.daily8.com/en/article/" + "e" * 32
LISTING = "https://www.daily8.com/en/hashtag/Transport"


_STATE: "weakref.WeakKeyDictionary[Daily8Spider, ArticleStateMiddleware]" = (
    weakref.WeakKeyDictionary()
)


def _state(spider):
    """The crawl state of the spider's run (newsbot.middlewares.articles), one per spider."""
    if spider not in _STATE:
        spider.crawler.spider = spider  # as in a crawl: the run context reads its arguments
        _STATE[spider] = ArticleStateMiddleware(spider.crawler)
    return _STATE[spider]


def sync(callback):
    """A spider callback (an async generator) called as a function returning its outputs,
    through the spider middleware that keeps the run's crawl state, as in a crawl."""
    middleware = _state(callback.__self__)

    def call(response, *args, **kwargs):
        middleware.process_spider_input(response)

        async def outputs():
            result = callback(response, *args, **kwargs)
            return [o async for o in middleware.process_spider_output(response, result)]

        return asyncio.run(outputs())

    return call


def _spider(**kwargs):
    # pages read in the test process; tests/test_workers.py checks workers read the same
    crawler = get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test", "NEWSBOT_WORKERS": 0})
    return Daily8Spider.from_crawler(crawler, **kwargs)


def _response(url, fixture, date=DATE, article=None):
    body = (FIXTURES / fixture).read_bytes()
    meta = {} if article is None else {"newsbot_article": article}
    return HtmlResponse(url, body=body, headers={"Date": date}, request=Request(url, meta=meta))


def test_article_item_and_related_requests():
    spider = _spider(related_depth=1)
    out = list(
        sync(spider.parse_article_page)(
            _response(
                ARTICLE,
                "article_cards.html",
                article=article_meta(
                    "e" * 32,
                    0,
                    {
                        "source": "Ignored",
                        "category": None,
                        "title": None,
                        "age": "6 days ago",
                        "age_datetime": None,
                        "slot": "listing",
                        "anchor": "2026-11-25T11:00:00Z",
                    },
                    {"kind": "listing", "url": LISTING},
                ),
            )
        )
    )
    items = [o for o in out if isinstance(o, dict)]
    requests = [o for o in out if isinstance(o, scrapy.Request)]
    assert len(items) == 1
    item = items[0]
    assert item["id"] == "e" * 32 and item["url"] == ARTICLE
    assert item["source"] == "9 News"  # the page beats the hint
    assert item["crawled_at"] == "2026-11-25T12:00:00Z"
    assert item["related"] == ["a" * 32, "b" * 32]
    assert {c["slot"] for c in item["time_candidates"]} == {"header", "listing"}
    # the mirror link is rewritten to the host the crawl came from
    assert [r.url for r in requests] == [
        "https://www.daily8.com/en/article/" + "a" * 32,
        "https://www.daily8.com/en/article/" + "b" * 32,
    ]
    # the request contract (newsbot/spiders/requests.py) that middlewares rely on
    articles = [r.meta["newsbot_article"] for r in requests]
    assert [a["id"] for a in articles] == ["a" * 32, "b" * 32]
    assert all(a["depth"] == 1 for a in articles)
    assert articles[0]["found_via"] == {"kind": "related", "url": ARTICLE}
    assert articles[0]["hint"]["slot"] == "related"
    assert all(r.meta["newsbot_kind"] == "related" for r in requests)


def test_related_articles_beyond_the_depth_are_not_followed():
    spider = _spider(related_depth=1)
    out = list(
        sync(spider.parse_article_page)(
            _response(
                ARTICLE,
                "article_cards.html",
                article=article_meta("e" * 32, 1, None, {"kind": "related", "url": LISTING}),
            )
        )
    )
    assert [o for o in out if isinstance(o, scrapy.Request)] == []


def test_listing_requests_articles_once_and_loads_more():
    spider = _spider()
    out = list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    urls = [r.url for r in out]
    assert urls == [
        "https://www.daily8.com/en/article/" + "c" * 32,
        "https://www.daily8.com/en/article/" + "d" * 32,
        LISTING + "?page=2",
    ]
    again = list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    assert [r.url for r in again] == [LISTING + "?page=2"]


def test_since_skips_old_entries_before_fetching():
    spider = _spider(since="2026-11-25T00:00:00Z")
    out = list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    assert [r.url for r in out] == [
        "https://www.daily8.com/en/article/" + "c" * 32,
        LISTING + "?page=2",
    ]


def test_max_articles_bounds_what_is_scheduled():
    spider = _spider(max_articles=1)
    out = list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    assert [r.url for r in out if "/article/" in r.url] == [
        "https://www.daily8.com/en/article/" + "c" * 32
    ]
    assert [r.url for r in out if "page=" in r.url] == []  # enough: no next listing page
    assert _spider(max_articles=50).crawler is not None
    more = list(sync(_spider(max_articles=50).parse_listing_page)(
        _response(LISTING, "listing.html"), LISTING, 1))  # fmt: skip
    assert [r.url for r in more if "page=" in r.url] == [LISTING + "?page=2"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start_urls": "ftp://example.com/"}, "start_urls"),
        ({"related_depth": "-1"}, "related_depth"),
        ({"related_depth": "two"}, "related_depth"),
        ({"max_articles": "0"}, "max_articles"),
        ({"since": "last tuesday-ish"}, "since"),
    ],
)
def test_bad_arguments_fail_before_any_request(kwargs, message):
    with pytest.raises(ArgumentError, match=message):
        _spider(**kwargs)


def test_since_accepts_durations_and_iso_times():
    assert _spider(since="24h").since is not None
    assert _spider(since="2026-11-01").since.isoformat().startswith("2026-11-01T00:00:00")


def test_an_article_seen_many_times_keeps_a_few_distinct_hints():
    spider = _spider()
    list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    article = "c" * 32
    assert _state(spider).pending_hints[article] == []
    for hour in range(1, 10):
        date = f"Wed, 25 Nov 2026 {hour:02d}:00:00 GMT".encode()
        list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html", date), LISTING, 1))
        list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html", date), LISTING, 1))
    hints = _state(spider).pending_hints[article]
    assert len(hints) == 3
    assert len({h["anchor"] for h in hints}) == 3  # distinct sightings, no copies


def test_every_request_names_its_site():
    """The request contract: components that need the site take it from the request."""
    spider = _spider()
    out = list(sync(spider.parse_listing_page)(_response(LISTING, "listing.html"), LISTING, 1))
    assert out and {r.meta["newsbot_site"] for r in out} == {"daily8"}

    async def start():
        return [request async for request in spider.start()]

    starts = asyncio.run(start())
    assert starts and {r.meta["newsbot_site"] for r in starts} == {"daily8"}


def test_a_changed_argument_is_named_once():
    """ops3: `related_depth 1 -> 3, related_depth 1 -> 3` (a set difference read before the
    union named each changed crawl argument twice)."""
    before = {"start_urls": ["http://127.0.0.1/en"], "related_depth": 1}
    now = {"start_urls": ["http://127.0.0.1/en"], "related_depth": 3}
    assert changed_arguments(before, now) == "related_depth 1 -> 3"
    assert changed_arguments({**before, "extra": "a"}, {**now, "extra": "b"}) == (
        "related_depth 1 -> 3, extra a -> b"
    )
