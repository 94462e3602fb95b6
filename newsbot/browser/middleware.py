"""Routes pages to the browser: always, or in ``auto`` only the pages that need it.

``auto``: a listing whose plain HTML links to no article page, or a page whose
profile-marked script-filled part came back empty, is fetched again through Playwright. When
the rendered page shows what the plain one lacked, its host is remembered: later requests to
that host go straight to the browser. A host whose renders show nothing more (pages that are
simply empty) is left plain after two tries. Hosts whose pages are complete are never
rendered. When no browser is available, the crawl says so once (ERROR) and goes on with what
plain HTTP gives.

Stats: ``newsbot/browser/rendered``, ``newsbot/browser/rendered/<reason>`` (``always``,
``no_article_links``, ``script_filled``, ``host``), ``newsbot/browser/hosts``,
``newsbot/browser/rendered_in_vain``, ``newsbot/browser/load_more_rounds``,
``newsbot/browser/listing_stopped/<why>``, ``newsbot/browser/failed``,
``newsbot/browser/unavailable``.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response, TextResponse
from scrapy_playwright.page import PageMethod  # type: ignore[import-untyped]

from newsbot.browser.config import page_plan, render_reason, resolve_mode
from newsbot.browser.pagework import settle
from newsbot.profiles import SiteProfile

logger = logging.getLogger(__name__)

# Messages of failures that mean "there is no browser", not "this page failed".
_NO_BROWSER = (
    "BrowserType.launch",
    "Executable doesn't exist",
    "Failed to launch",
    "browser_provider",
    "Browser has been closed",
    "Connection closed while reading from the driver",
)
# This many rendered pages failing in a row, none ever rendered: treat as no browser.
_FAILURE_FUSE = 5
# After this many renders of a host's pages showed nothing more, its pages are left plain.
_IN_VAIN_LIMIT = 2
_BROWSER_META = (
    "playwright",
    "playwright_page_methods",
    "playwright_context",
    "newsbot_plain",
)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")


class BrowserMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.mode = resolve_mode(settings.get("NEWSBOT_BROWSER"), None)
        if self.mode == "never":
            raise NotConfigured("NEWSBOT_BROWSER=never")
        self.problem: str | None = settings.get("NEWSBOT_BROWSER_PROBLEM") or None
        launch = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS") or {}
        self.executable = launch.get("executable_path") or "Playwright's own chromium"
        self.max_pages_setting = settings.getint("NEWSBOT_MAX_PAGES", 0)
        self.timeouts = {
            "entries_timeout_ms": settings.getint("NEWSBOT_BROWSER_ENTRIES_TIMEOUT_MS", 10_000),
            "more_timeout_ms": settings.getint("NEWSBOT_BROWSER_MORE_TIMEOUT_MS", 5_000),
            "scroll_timeout_ms": settings.getint("NEWSBOT_BROWSER_SCROLL_TIMEOUT_MS", 1_200),
            "fill_timeout_ms": settings.getint("NEWSBOT_BROWSER_FILL_TIMEOUT_MS", 5_000),
        }
        self.browser_hosts: set[str] = set()  # hosts whose pages proved to need the browser
        self.in_vain: Counter[str] = Counter()  # renders per host that did not help
        self.reported_unavailable = False
        self.rendered_ok = 0
        self.failures_in_a_row = 0
        self.reasons: Counter[str] = Counter()
        self._plain: dict[int, Response] = {}
        self._tokens = itertools.count(1)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserMiddleware:
        return cls(crawler)

    # -- helpers ---------------------------------------------------------------------------
    @property
    def profile(self) -> SiteProfile | None:
        return getattr(self.crawler.spider, "profile", None)

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"newsbot/browser/{key}", count)

    def _max_pages(self, profile: SiteProfile) -> int:
        return self.max_pages_setting or profile.max_pages

    def _browser_meta(self, request: Request, reason: str, profile: SiteProfile) -> dict[str, Any]:
        kind = request.meta.get("newsbot_kind")
        plan = page_plan(profile, kind, max_pages=self._max_pages(profile), **self.timeouts)
        return {
            **request.meta,
            "playwright": True,
            "playwright_page_methods": [PageMethod(settle, plan)],
            "newsbot_browser": reason,
        }

    def _unavailable(self, url: str, reason: str) -> None:
        self._inc("unavailable")
        if not self.reported_unavailable:
            self.reported_unavailable = True
            logger.error(
                "Page %s needs a browser (%s) but none is available: %s; continuing with "
                "plain HTTP (set NEWSBOT_CHROMIUM, install Debian's chromium, or run "
                "`playwright install chromium`)",
                url,
                reason,
                self.problem,
            )
        else:
            logger.debug("Page %s needs a browser (%s); none available", url, reason)

    # -- downloader middleware -----------------------------------------------------------------
    def process_request(self, request: Request) -> None:
        meta = request.meta
        if meta.get("newsbot_kind") is None or "newsbot_browser" in meta or "playwright" in meta:
            return None
        profile = self.profile
        if profile is None:
            return None
        if self.mode == "always":
            reason = "always"
        elif _host(request.url) in self.browser_hosts:
            reason = "host"
        else:
            return None
        if self.problem:
            self._unavailable(request.url, reason)
            meta["newsbot_browser"] = "unavailable"
            return None
        meta.update(self._browser_meta(request, reason, profile))
        return None

    def process_response(self, request: Request, response: Response) -> Request | Response:
        meta = request.meta
        reason = meta.get("newsbot_browser")
        if reason:
            if "playwright" in response.flags:
                self._rendered(request, response, reason)
            return response
        if self.mode != "auto" or meta.get("newsbot_kind") is None:
            return response
        profile = self.profile
        if profile is None or not isinstance(response, TextResponse) or response.status != 200:
            return response
        why = render_reason(response.selector, response.url, meta.get("newsbot_kind"), profile)
        if why is None:
            return response
        if self.problem:
            self._unavailable(response.url, why)
            return response
        host = _host(response.url)
        if host not in self.browser_hosts and self.in_vain[host] >= _IN_VAIN_LIMIT:
            # rendering this host's pages never showed more: they are just empty
            return response
        logger.info("Rendering %s in a browser (%s)", response.url, why)
        token = next(self._tokens)
        self._plain[token] = response
        new_meta = self._browser_meta(request, why, profile)
        new_meta["newsbot_plain"] = token
        return request.replace(url=response.url, meta=new_meta, dont_filter=True)

    def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        meta = request.meta
        reason = meta.get("newsbot_browser")
        if not reason or not meta.get("playwright"):
            return None
        plain = self._plain.pop(meta.get("newsbot_plain", 0), None)
        message = _first_line(exception)
        self.failures_in_a_row += 1
        no_browser = any(marker in str(exception) for marker in _NO_BROWSER) or (
            not self.rendered_ok and self.failures_in_a_row >= _FAILURE_FUSE
        )
        if no_browser and not self.problem:
            self.problem = f"could not launch {self.executable}: {message}"
        if no_browser:
            self._unavailable(request.url, reason)
        else:
            self._inc("failed")
            logger.warning(
                "Rendering %s failed (%s); using the plain page instead", request.url, message
            )
        if plain is not None:
            return plain
        fallback = {k: v for k, v in meta.items() if k not in _BROWSER_META}
        fallback["newsbot_browser"] = "fallback"
        return request.replace(meta=fallback, dont_filter=True)

    # -- accounting ------------------------------------------------------------------------------
    def _rendered(self, request: Request, response: Response, reason: str) -> None:
        self._plain.pop(request.meta.get("newsbot_plain", 0), None)
        self.rendered_ok += 1
        self.failures_in_a_row = 0
        self.reasons[reason] += 1
        self._inc("rendered")
        self._inc(f"rendered/{reason}")
        report: dict[str, Any] = {}
        for method in request.meta.get("playwright_page_methods") or ():
            if isinstance(getattr(method, "result", None), dict):
                report = method.result
        rounds = int(report.get("rounds", 1))
        if request.meta.get("newsbot_kind") == "listing":
            self._inc("load_more_rounds", max(0, rounds - 1))
            self._inc(f"listing_stopped/{report.get('stopped', 'unknown')}")
        if report.get("unfilled"):
            self._inc("unfilled")
        if reason in ("no_article_links", "script_filled"):
            self._judge(request, response, reason)
        logger.debug(
            "Rendered %s (%s): %s article links, %d page(s) of entries, stopped: %s",
            response.url,
            reason,
            report.get("entries"),
            rounds,
            report.get("stopped"),
        )

    def _judge(self, request: Request, response: Response, reason: str) -> None:
        """Remember the host only when the browser showed what the plain page lacked."""
        host = _host(request.url)
        profile = self.profile
        if profile is None or not isinstance(response, TextResponse):
            return
        kind = request.meta.get("newsbot_kind")
        if render_reason(response.selector, response.url, kind, profile) is None:
            if host not in self.browser_hosts:
                self.browser_hosts.add(host)
                self._inc("hosts")
                logger.info(
                    "%s needs a browser (%s): later pages of %s go straight to the browser",
                    request.url,
                    reason,
                    host,
                )
            return
        self.in_vain[host] += 1
        self._inc("rendered_in_vain")
        logger.info("Rendering %s showed nothing more (%s): kept as it is", request.url, reason)

    def spider_closed(self, spider: Any) -> None:
        total = sum(self.reasons.values())
        why = ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons.items())) or "none needed"
        logger.info(
            "Browser (%s mode): rendered %d page(s) (%s); hosts rendered: %s",
            self.mode,
            total,
            why,
            ", ".join(sorted(self.browser_hosts)) or ("all" if self.mode == "always" else "none"),
        )
