"""The per-run crawl state lives in a spider middleware (newsbot/middlewares/articles.py) and
works from the request contract alone: a spider that is not an AggregatorSpider, yielding
requests with the contract's meta and items with ``id`` and ``related``, gets its articles
scheduled once, its related entries cut at ``related_depth`` and followed again when a
shorter path turns up, and the other sightings' hints handed to its callback."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsbot.middlewares.articles import MAX_EXTRA_HINTS, ArticleStateMiddleware
from newsbot.spiders.requests import (
    ARTICLE,
    EXTRA_HINTS,
    KIND,
    OLDER_THAN_SINCE,
    article_meta,
    article_of,
)

SITE = "http://wire.test"
LISTING = f"{SITE}/latest"


class WireSpider(scrapy.Spider):
    """Not an AggregatorSpider: only its requests and items follow the contract."""

    name = "wire"

    def __init__(self, related_depth=1, max_articles=None, **kwargs):
        super().__init__(**kwargs)
        self.args = SimpleNamespace(
            related_depth=related_depth, max_articles=max_articles, since=None, fresh=False
        )

    async def parse_story(self, response):  # pragma: no cover - never called here
        yield {}

    def on_error(self, failure):  # pragma: no cover - never called here
        return None


def _middleware(**arguments):
    crawler = get_crawler(WireSpider, {"NEWSBOT_ENV": "test"})
    crawler.spider = WireSpider.from_crawler(crawler, **arguments)
    return ArticleStateMiddleware(crawler), crawler


def _request(article_id, depth, referrer=LISTING, title="Storm", anchor="2026-11-25T12:00:00Z"):
    slot = "listing" if depth == 0 else "related"
    hint = {"title": title, "source": "Wire", "age": "2 hours ago", "slot": slot}
    hint["anchor"] = anchor
    found_via = {"kind": slot, "url": referrer}
    return scrapy.Request(
        f"{SITE}/story/{article_id}",
        callback=WireSpider.parse_story,
        errback=WireSpider.on_error,
        priority=20 if depth == 0 else 10,
        meta={
            KIND: "article" if depth == 0 else "related",
            ARTICLE: article_meta(article_id, depth, hint, found_via, follows_related=True),
        },
    )


def _page(request):
    """The response to a request that went through the middleware (its meta travels)."""
    return HtmlResponse(request.url, body=b"<html></html>", request=request)


async def _through(middleware, response, outputs):
    async def result():
        for output in outputs:
            yield output

    return [o async for o in middleware.process_spider_output(response, result())]


def _parse(middleware, response, outputs):
    """The callback's outputs through the middleware, as Scrapy passes them."""
    middleware.process_spider_input(response)
    if callable(outputs):
        outputs = outputs(article_of(response))
    return asyncio.run(_through(middleware, response, outputs))


def _listing(middleware, requests):
    listing = HtmlResponse(LISTING, body=b"<html></html>", request=scrapy.Request(LISTING))
    return _parse(middleware, listing, requests)


def _article(middleware, request, related):
    """An article page: its item, then a request for each related entry at its depth + 1,
    as a spider following the contract yields them (the depth read before the callback)."""
    article_id = article_of(request)["id"]

    def outputs(article):
        yield {"id": article_id, "related": list(related)}
        for other in related:
            yield _request(other, article["depth"] + 1, referrer=request.url)

    return _parse(middleware, _page(request), outputs)


def _ids(outputs):
    return [article_of(o)["id"] for o in outputs if isinstance(o, scrapy.Request)]


def test_articles_are_scheduled_once_and_related_entries_stop_at_the_depth():
    middleware, crawler = _middleware(related_depth=1)
    first = _listing(middleware, [_request("a", 0), _request("b", 0), _request("a", 0)])
    assert _ids(first) == ["a", "b"]
    out = _article(middleware, first[0], ["c", "b"])
    assert _ids(out) == ["c"]  # b is scheduled already
    assert article_of(out[1])["depth"] == 1
    deeper = _article(middleware, out[1], ["d", "e"])
    assert _ids(deeper) == []  # depth 2 > related_depth
    assert crawler.stats.get_value("newsbot/articles/scheduled") == 3


def test_a_shorter_path_follows_the_related_entries_that_were_cut():
    middleware, _ = _middleware(related_depth=1)
    listed = _listing(middleware, [_request("a", 0)])
    related = _ids(_article(middleware, listed[0], ["c"]))
    assert related == ["c"]
    c_request = _request("c", 1, referrer=f"{SITE}/story/a")
    page = _page(c_request)
    c_out = _article(middleware, c_request, ["d", "e"])
    assert _ids(c_out) == []
    # then a listing shows c: its related entries d and e are followed from depth 0
    again = _listing(middleware, [_request("c", 0)])
    assert _ids(again) == ["d", "e"]
    for request in again:
        article = article_of(request)
        assert article["depth"] == 1 and request.meta[KIND] == "related"
        assert article["found_via"] == {"kind": "related", "url": c_request.url}
        assert article["hint"]["title"] == "Storm"
        assert request.callback == WireSpider.parse_story
        assert request.errback == WireSpider.on_error
    # and c's meta says its related articles were followed (the seen-store records it)
    assert article_of(page)["depth"] == 0
    assert "c" not in middleware.unexpanded  # followed at depth 0: nothing left to do
    assert _ids(_listing(middleware, [_request("c", 0)])) == []


def test_an_article_turned_away_is_asked_for_again_when_its_parent_is_found_closer():
    """related_depth 2: p, found as a related entry, is read at depth 1 and asks for c at
    depth 2; c never comes back (the duplicate filter of a resumed JOBDIR job or the
    seen-store turned it away: an earlier run read c at depth 2). Then a listing shows p:
    c is asked for again at depth 1, so the middlewares after this one (the incremental
    middleware) can fetch it again to follow c's own related articles."""
    middleware, _ = _middleware(related_depth=2)
    (x,) = _listing(middleware, [_request("x", 0)])
    (p,) = [o for o in _article(middleware, x, ["p"]) if isinstance(o, scrapy.Request)]
    assert _ids(_article(middleware, p, ["c"])) == ["c"]  # depth 2: c is turned away

    again = _listing(middleware, [_request("p", 0)])
    assert _ids(again) == ["c"]
    (c,) = again
    assert article_of(c)["depth"] == 1 and c.url == f"{SITE}/story/c"
    assert article_of(c)["found_via"] == {"kind": "related", "url": p.url}
    # when c is read, its related articles are followed (depth 2)
    followed = [o for o in _article(middleware, c, ["d"]) if isinstance(o, scrapy.Request)]
    assert [(article_of(r)["id"], article_of(r)["depth"]) for r in followed] == [("d", 2)]


def _read_while_a_listing_shows_it(before_the_item):
    """c (related, depth 1) is parsed while a listing shows it, before or after its item."""
    middleware, _ = _middleware(related_depth=1)
    listed = _listing(middleware, [_request("a", 0)])
    _article(middleware, listed[0], ["c"])
    c_request = _request("c", 1, referrer=f"{SITE}/story/a")
    response = _page(c_request)
    middleware.process_spider_input(response)  # c's page is read (in a worker)...

    async def show_c():
        listing = HtmlResponse(LISTING, body=b"<html></html>", request=scrapy.Request(LISTING))
        shown = await _through(middleware, listing, [_request("c", 0)])
        assert _ids(shown) == ["c"]  # asked for again: the duplicate filter drops it

    async def callback():
        if before_the_item:
            await show_c()
        depth = article_of(response)["depth"]  # read when the page has been read
        yield {"id": "c", "related": ["d"]}
        if not before_the_item:
            await show_c()
        yield _request("d", depth + 1, referrer=c_request.url)

    async def collect():
        return [o async for o in middleware.process_spider_output(response, callback())]

    return asyncio.run(collect()), response


def test_a_shorter_path_found_while_the_page_is_read_counts_for_its_callback():
    out, response = _read_while_a_listing_shows_it(before_the_item=True)
    assert _ids(out) == ["d"] and article_of(out[1])["depth"] == 1
    assert article_of(response)["depth"] == 0


def test_a_shorter_path_found_while_the_callback_runs_is_caught_up():
    out, response = _read_while_a_listing_shows_it(before_the_item=False)
    # d came at depth 2 (cut), then was followed from c's shorter path
    assert _ids(out) == ["d"] and article_of(out[-1])["depth"] == 1
    assert article_of(response)["depth"] == 0


def test_other_sightings_reach_the_callback_as_a_few_distinct_hints():
    middleware, _ = _middleware()
    listed = _listing(middleware, [_request("a", 0)])
    for hour in range(10, 20):  # the same entry seen on many listings and pages
        anchor = f"2026-11-25T{hour}:00:00Z"
        assert _listing(middleware, [_request("a", 0, anchor=anchor)]) == []
        _listing(middleware, [_request("a", 0, anchor=anchor)])
    response = _page(listed[0])
    middleware.process_spider_input(response)
    hints = article_of(response)[EXTRA_HINTS]
    assert len(hints) == MAX_EXTRA_HINTS
    assert len({h["anchor"] for h in hints}) == MAX_EXTRA_HINTS
    _parse(middleware, response, [{"id": "a", "related": []}])
    assert "a" not in middleware.pending_hints  # parsed: nothing more is kept for it


def test_max_articles_and_entries_older_than_since():
    middleware, crawler = _middleware(max_articles=2)
    old = _request("old", 0)
    article_of(old)[OLDER_THAN_SINCE] = True
    out = _listing(middleware, [old, _request("a", 0), _request("b", 0), _request("c", 0)])
    assert _ids(out) == ["a", "b"]
    assert crawler.stats.get_value("newsbot/skipped/older_than_since") == 1
    assert crawler.stats.get_value("newsbot/skipped/max_articles") == 1
    assert OLDER_THAN_SINCE not in article_of(out[0])


def test_an_old_entry_of_a_scheduled_article_still_counts_as_a_shorter_path():
    middleware, _ = _middleware(related_depth=1)
    listed = _listing(middleware, [_request("a", 0)])
    related = _article(middleware, listed[0], ["c"])
    old = _request("c", 0)
    article_of(old)[OLDER_THAN_SINCE] = True
    again = _listing(middleware, [old])
    assert _ids(again) == ["c"] and article_of(again[0])["depth"] == 0
    assert OLDER_THAN_SINCE not in article_of(again[0])
    assert related  # c was on its way at depth 1


def test_requests_whose_related_come_from_elsewhere_pass_untouched():
    """A river's articles (follows_related false) keep their own spider's bookkeeping."""
    middleware, crawler = _middleware(related_depth=1)
    river = _request("r", 3)
    article_of(river)["follows_related"] = False
    twice = _listing(middleware, [river, river])
    assert twice == [river, river]
    assert crawler.stats.get_value("newsbot/articles/scheduled") is None


def _spelled(request, path):
    """The same article's request at another address (a link spelled another way)."""
    return request.replace(url=f"{SITE}{path}")


def _fetched_later(crawler):
    """What the middleware handed straight to the engine (not through the spider)."""
    crawler.engine = SimpleNamespace(fetched=[])
    crawler.engine.crawl = crawler.engine.fetched.append
    return crawler.engine.fetched


def test_an_article_that_fails_at_one_address_is_fetched_at_another_it_was_linked_at():
    """Site 71 linked articles as `<id>/index.html` and as `<id>`: had the first address
    been a 404, the article was lost although a good link to it was on the same page."""
    middleware, crawler = _middleware(related_depth=1)
    fetched = _fetched_later(crawler)
    broken = _spelled(_request("a", 0), "/story/a/index.html")
    good = _request("a", 0)
    out = _listing(middleware, [broken, _request("b", 0), good, good])
    assert [o.url for o in out] == [broken.url, f"{SITE}/story/b"]  # a once, as first linked
    middleware.article_failed(out[0], "http_404")
    assert [r.url for r in fetched] == [good.url]
    assert crawler.stats.get_value("newsbot/articles/fetched_elsewhere") == 1
    # fetched there, parsed: a later link at a third address is not fetched again
    _article(middleware, fetched[0], [])
    third = _listing(middleware, [_spelled(_request("a", 0), "/story/a?ref=home")])
    assert third == []


def test_a_link_seen_after_every_address_failed_is_fetched_when_seen():
    middleware, crawler = _middleware(related_depth=1)
    fetched = _fetched_later(crawler)
    first = _listing(middleware, [_spelled(_request("a", 0), "/story/a.html")])
    middleware.article_failed(first[0], "http_410")
    assert fetched == []  # no other address known yet
    # a listing page read later links it as the site means it; the first spelling again
    # is not asked for twice
    later = _listing(middleware, [_spelled(_request("a", 0), "/story/a.html"), _request("a", 0)])
    assert [o.url for o in later] == [f"{SITE}/story/a"]
    assert crawler.stats.get_value("newsbot/articles/scheduled") == 1  # one article found


def test_a_server_that_is_down_is_not_asked_again_at_every_spelling():
    middleware, crawler = _middleware(related_depth=1)
    fetched = _fetched_later(crawler)
    out = _listing(middleware, [_spelled(_request("a", 0), "/story/a/"), _request("a", 0)])
    for kind in ("http_503", "http_429", "timeout", "connection_refused"):
        middleware.article_failed(out[0], kind)
    assert fetched == []
    assert _listing(middleware, [_spelled(_request("a", 0), "/story/a?x=1")]) == []
