"""Big pages stay cheap (issue 11, item 7): each piece that kept extra copies of a page.
The whole-crawl figure is a benchmark (python -m benchmarks.memory), not a test."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from scrapy.http import HtmlResponse, Request

from newsbot.middlewares.meta_refresh import HeadOnlyMetaRefreshMiddleware
from newsbot.profiles import load_profile
from newsbot.workers import pool as pool_module
from newsbot.workers.pool import WorkerPool
from newsbot.workers.tasks import read_bytes, without_bulk

PROFILE = load_profile("daily8")
ARTICLE = "https://www.daily8.com/en/article/" + "e" * 32
ANCHOR = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)


def _middleware():
    from scrapy.utils.test import get_crawler

    return HeadOnlyMetaRefreshMiddleware.from_crawler(get_crawler())


def test_meta_refresh_of_a_big_page_is_found_without_decoding_it():
    head = b'<html><head><meta http-equiv="refresh" content="0; url=/elsewhere"></head><body>'
    big = HtmlResponse(ARTICLE, body=head + b"<p>x</p>" * 400_000, request=Request(ARTICLE))
    outcome = _middleware().process_response(big.request, big)
    assert isinstance(outcome, Request) and outcome.url == "https://www.daily8.com/elsewhere"
    assert big._cached_ubody is None  # the 3 MB body was never decoded into a second copy
    plain = HtmlResponse(ARTICLE, body=b"<html><body>" + b"<p>x</p>" * 400_000,
                         request=Request(ARTICLE))  # fmt: skip
    assert _middleware().process_response(plain.request, plain) is plain
    assert plain._cached_ubody is None


def test_a_small_page_without_a_refresh_is_not_decoded_and_one_with_it_still_redirects():
    """Scrapy decodes every page's text to look for a refresh; an article page's text is
    otherwise decoded only in the worker that reads it."""
    plain = HtmlResponse(ARTICLE, body=b"<html><body><p>The council met.</p></body></html>",
                         request=Request(ARTICLE))  # fmt: skip
    assert _middleware().process_response(plain.request, plain) is plain
    assert plain._cached_ubody is None
    for encoding in ("utf-8", "utf-16"):
        html = '<html><head><META HTTP-EQUIV="Refresh" CONTENT="0;URL=/moved"></head></html>'
        page = HtmlResponse(ARTICLE, body=html.encode(encoding), encoding=encoding,
                            request=Request(ARTICLE))  # fmt: skip
        outcome = _middleware().process_response(page.request, page)
        assert isinstance(outcome, Request), encoding
        assert outcome.url.startswith("https://www.daily8.com/moved")


def test_a_huge_page_is_read_without_its_bulk_and_keeps_its_article():
    page = (
        "<html><head><script type='application/ld+json'>"
        '{"@type":"NewsArticle","datePublished":"2026-11-25T10:00:00Z"}</script>'
        "<script>var blob='" + "A" * (2 << 20) + "';</script><style>p{}</style></head>"
        "<body><h1>Mayor backs plan</h1><p>Independent2 hours ago</p>"
        "<p>The council voted on Tuesday to approve the new plan.</p>"
        "<!--" + "x" * (1 << 20) + "--></body></html>"
    )
    assert len(without_bulk(page)) < 1000
    parsed, decoded = read_bytes(page.encode(), "text/html; charset=utf-8", "article", ARTICLE,
                                 "html", ANCHOR, PROFILE)  # fmt: skip
    assert parsed.title == "Mayor backs plan"
    assert any("council voted" in block for block in parsed.body_blocks)
    assert ("jsonld", "2026-11-25T10:00:00Z") in parsed.metadata.published  # JSON-LD kept
    assert decoded.text == "" and not decoded.damaged  # the text is not sent back


def test_pages_wait_for_the_worker_as_they_are_not_as_pickled_copies(monkeypatch):
    """With 4 MiB in flight at most, three 3 MiB pages go to the worker one at a time."""
    sent_while_busy = []
    original = pool_module._Worker.send

    def send(self, task_id, payload):
        sent_while_busy.append(len(self.inflight))
        return original(self, task_id, payload)

    monkeypatch.setattr(pool_module._Worker, "send", send)
    workers = WorkerPool(1, 60.0, max_inflight_bytes=4 << 20)
    workers.provide("profile", PROFILE)
    body = b"<html><body><h1>T</h1>" + b"<p>words and more words</p>" * 120_000 + b"</body>"

    async def three():
        return await asyncio.gather(*(
            workers.run(read_bytes, body, None, "article", ARTICLE, "html", ANCHOR)
            for _ in range(3)
        ))  # fmt: skip

    try:
        results = asyncio.run(three())
    finally:
        workers.close()
    assert [page.title for page, _ in results] == ["T", "T", "T"]
    assert sent_while_busy == [0, 0, 0]  # never a second page in the pipe
    assert workers._inflight_bytes == 0
