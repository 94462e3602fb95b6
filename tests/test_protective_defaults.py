"""Defaults that protect users and the sites they crawl, and the pieces that enforce them."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from types import SimpleNamespace

import pytest
import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionLost

from newsbot.extensions.context import RunContext
from newsbot.feeds import uri_params
from newsbot.middlewares import retry_after as retry_after_module
from newsbot.middlewares.failures import failure_kind
from newsbot.middlewares.redirect_loop import RedirectLoopMiddleware
from newsbot.middlewares.retry_after import RetryAfterMiddleware, retry_after_seconds
from newsbot.profiles import load_toml
from newsbot.replica import build_site
from newsbot.replica.faults import FaultServer
from newsbot.spiders.daily8 import Daily8Spider
from tests.conftest import CLOCK, ROOT

URL = "http://127.0.0.1/en/article/" + "a" * 32


@pytest.fixture(scope="module")
def project():
    return get_project_settings()


def test_project_defaults_protect_sites_and_users(project):
    assert project.getbool("ROBOTSTXT_OBEY")
    assert 0 < project.getint("DOWNLOAD_MAXSIZE") <= 16 * 1024 * 1024
    assert 0 < project.getint("DOWNLOAD_WARNSIZE") < project.getint("DOWNLOAD_MAXSIZE")
    assert 0 < project.getint("DOWNLOAD_TIMEOUT") <= 60
    assert 0 < project.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 8
    assert 0 < project.getint("REDIRECT_MAX_TIMES") <= 10
    assert project.getint("RETRY_TIMES") >= 1
    middlewares = project.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert "newsbot.middlewares.retry_after.RetryAfterMiddleware" in middlewares
    assert "newsbot.middlewares.redirect_loop.RedirectLoopMiddleware" in middlewares
    assert 0 < project.getfloat("NEWSBOT_RETRY_AFTER_MAX") <= 300


def test_production_is_polite():
    overlay = load_toml("environments/production.toml")["settings"]
    assert overlay["AUTOTHROTTLE_ENABLED"] is True
    assert overlay["ROBOTSTXT_OBEY"] is True
    assert 0 < overlay["CONCURRENT_REQUESTS_PER_DOMAIN"] <= 4
    assert overlay.get("HTTPCACHE_ENABLED") is False


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"120", 120.0),
        ("0", 0.0),
        (" 2.5 ", 2.5),
        ("-3", 0.0),
        ("soon", None),
        ("nan", None),
        ("inf", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value) == seconds


def test_retry_after_http_date():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds(later, now) == 90.0
    assert retry_after_seconds(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0


def _retry_middleware(monkeypatch, **settings):
    crawler = get_crawler(scrapy.Spider, {"RETRY_TIMES": 2, **settings})
    crawler.spider = crawler._create_spider("t")
    middleware = RetryAfterMiddleware.from_crawler(crawler)
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(retry_after_module, "sleep", fake_sleep)
    return middleware, waits


def test_retry_after_is_waited_for_capped_and_retries_end(monkeypatch):
    middleware, waits = _retry_middleware(monkeypatch, NEWSBOT_RETRY_AFTER_MAX=5)
    request = Request(URL)
    limited = Response(URL, status=429, headers={"Retry-After": "3"}, request=request)
    retry = asyncio.run(middleware.process_response(request=request, response=limited))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    hour = Response(URL, status=503, headers={"Retry-After": "3600"}, request=retry)
    again = asyncio.run(middleware.process_response(request=retry, response=hour))
    assert waits == [3.0, 5.0]  # min(Retry-After, NEWSBOT_RETRY_AFTER_MAX)
    gave_up = asyncio.run(middleware.process_response(request=again, response=hour))
    assert gave_up is hour and waits == [3.0, 5.0]  # RETRY_TIMES=2: no third retry, no wait
    fine = Response(URL, status=200, request=request)
    assert asyncio.run(middleware.process_response(request=request, response=fine)) is fine
    plain = Response(URL, status=500, request=request)
    assert isinstance(
        asyncio.run(middleware.process_response(request=request, response=plain)), Request
    )
    assert waits == [3.0, 5.0]  # no Retry-After: retried at once, as Scrapy does


def test_redirect_loops_stop_at_the_first_repeat():
    middleware = RedirectLoopMiddleware()
    first = Request(URL)
    hop = Response(URL, status=302, headers={"Location": URL + "?loop=1"}, request=first)
    assert middleware.process_response(first, hop) is hop  # a new URL: Scrapy follows it
    second = Request(URL + "?loop=1", meta={"redirect_urls": [URL]})
    back = Response(second.url, status=301, headers={"Location": URL}, request=second)
    with pytest.raises(IgnoreRequest, match="redirect loop"):
        middleware.process_response(second, back)
    itself = Response(URL, status=307, headers={"Location": URL + "#x"}, request=first)
    with pytest.raises(IgnoreRequest):
        middleware.process_response(first, itself)


def test_failures_are_named_by_kind():
    response = HtmlResponse(URL, status=503)
    assert failure_kind(HttpError(response)) == "http_503"
    assert failure_kind(DownloadTimeoutError("took longer")) == "timeout"
    assert failure_kind(CannotResolveHostError("x")) == "dns"
    assert failure_kind(ResponseDataLossError()) == "connection_reset"
    assert failure_kind(ConnectionLost()) == "connection_reset"
    assert failure_kind(DownloadCancelledError("larger than download max size")) == "too_large"
    assert failure_kind(IgnoreRequest("... exceeded DOWNLOAD_MAXSIZE (8 B) ...")) == "too_large"
    assert failure_kind(IgnoreRequest("max redirections reached")) == "redirect_loop"
    assert failure_kind(IgnoreRequest("Forbidden by robots.txt")) == "robots"
    assert failure_kind(SimpleNamespace(value=ValueError("x"))) == "value_error"


def test_offsite_and_non_http_links_are_not_followed():
    crawler = get_crawler(Daily8Spider, {"NEWSBOT_ENV": "test"})
    spider = Daily8Spider.from_crawler(crawler, start_urls="http://127.0.0.1:8008/en")
    assert spider._fetchable("http://127.0.0.1:8008/en/article/" + "a" * 32)
    assert spider._fetchable("https://www.daily8.com/en/article/" + "a" * 32)
    for url in (
        "http://example.invalid/en/article/" + "a" * 32,
        "ftp://127.0.0.1/en/article/" + "a" * 32,
        "file:///en/article/" + "a" * 32,
        "javascript:/en/article/" + "a" * 32,
        "http://[::1/en/article/" + "a" * 32,
        "http://evil-daily8.com/en/article/" + "a" * 32,
    ):
        assert not spider._fetchable(url), url


def test_user_output_paths_cannot_escape_their_folder():
    context = RunContext(started_at=CLOCK)
    spider = SimpleNamespace(crawler=SimpleNamespace(get_extension=lambda cls: context))
    params = uri_params(
        {"name": "../../etc/passwd", "batch": "/abs/path", "x": 1,
         "start_urls": ["http://127.0.0.1:8008/en", "http://127.0.0.1:8008/en/hashtag/X"]},
        spider,
    )  # fmt: skip
    assert "/" not in params["name"] and ".." not in params["name"]
    assert "/" not in params["batch"]
    # a spider argument given as a list (`-a start_urls`) is one component too
    assert params["start_urls"] == "http_127.0.0.1_8008_en_http_127.0.0.1_8008_en_hashtag_X"
    assert params["time"] == "20261125T120000Z"


@pytest.mark.parametrize(
    "argument",
    ["since=last tuesday-ish", "related_depth=-1", "start_urls=file:///etc/passwd"],
)
def test_bad_arguments_stop_the_crawl_before_any_request(argument, tmp_path):
    site = build_site(seed=8, articles=12, clock=CLOCK)
    with FaultServer(site) as server:
        command = [sys.executable, "-m", "scrapy", "crawl", "daily8", "-s", "NEWSBOT_ENV=test",
                   "-s", f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}",
                   "-a", f"start_urls={server.base_url}/en", "-a", argument]  # fmt: skip
        env = {"NEWSBOT_EXPORTS_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
        proc = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("scrapy crawl: error:")]
    assert len(errors) == 1 and argument.split("=")[0] in errors[0]
    assert "Traceback" not in proc.stderr
    assert server.log == []  # not even robots.txt was fetched
