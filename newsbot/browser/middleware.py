"""Routes pages to the browser: always, or in ``auto`` only the pages that need it.

``auto``: every plainly fetched page is asked what it lacks (:mod:`newsbot.browser.needs`):
a listing without article links, an article page without a readable title or body or with
an empty "Related Articles" block, a profile-marked script-filled part left empty. Such a
page is fetched again through Playwright. When the rendered page shows what the plain one
lacked, its host is remembered for that group of pages (listings, or article pages): later
requests of the group go straight to the browser. A host whose renders show nothing more
(pages that are simply empty) is left plain after two tries. Hosts whose pages are complete
are never rendered. When no browser is available, the crawl says so once (ERROR) and goes on
with what plain HTTP gives.

Rendered requests carry ``meta["playwright"]``; the HTTP cache keys them apart from plain ones
(:mod:`newsbot.browser.cache`), so a plain cached page never answers a render.

Stats: ``newsbot/browser/rendered``, ``newsbot/browser/rendered/<reason>`` (``always``,
``host``, ``no_article_links``, ``no_title``, ``no_body``, ``empty_related``,
``script_filled``), ``newsbot/browser/rendered/from_cache``, ``newsbot/browser/hosts``,
``newsbot/browser/rendered_in_vain``, ``newsbot/browser/empty_after_bound`` (and
``/<kind>``), ``newsbot/browser/load_more_rounds``, ``newsbot/browser/listing_stopped/<why>``,
``newsbot/browser/failed``, ``newsbot/browser/unavailable``.
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

from newsbot import settings as defaults
from newsbot.browser.config import page_plan, resolve_mode
from newsbot.browser.needs import missing_parts, page_group, render_reasons
from newsbot.browser.pagework import settle
from newsbot.profiles import ProfileNotFound, SiteProfile, load_profile
from newsbot.spiders.requests import KIND, SITE
from newsbot.stats import Stats

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
    "playwright_page_init_callback",
    "newsbot_plain",
    "newsbot_lacked",
    "dont_cache",
)
WATCH_CALLBACK = "newsbot.browser.pagework.watch"
REASONS = (
    "always",
    "host",
    "no_article_links",
    "no_title",
    "no_body",
    "empty_related",
    "script_filled",
)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _key(url: str, kind: str | None) -> tuple[str, str]:
    return _host(url), page_group(kind)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")


class BrowserMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.mode = resolve_mode(settings.get("NEWSBOT_BROWSER"), None)
        if self.mode == "never":
            raise NotConfigured("NEWSBOT_BROWSER=never")
        self.problem: str | None = settings.get("NEWSBOT_BROWSER_PROBLEM") or None
        launch = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS") or {}
        self.executable = launch.get("executable_path") or "Playwright's own chromium"
        self.max_pages_setting = settings.getint("NEWSBOT_MAX_PAGES", 0)
        self.timeouts = {
            key: settings.getint(name, getattr(defaults, name))
            for key, name in (
                ("settle_timeout_ms", "NEWSBOT_BROWSER_SETTLE_TIMEOUT_MS"),
                ("quiet_ms", "NEWSBOT_BROWSER_QUIET_MS"),
                ("more_timeout_ms", "NEWSBOT_BROWSER_MORE_TIMEOUT_MS"),
                ("scroll_timeout_ms", "NEWSBOT_BROWSER_SCROLL_TIMEOUT_MS"),
            )
        }
        # False when the HTTP cache storage is not one newsbot keys apart (see the add-on):
        # rendered pages are then not cached at all
        self.cache_apart = settings.getbool("NEWSBOT_BROWSER_CACHE_APART", True)
        # (host, page group) that proved to need the browser; renders of them that did not help
        self.browser_hosts: set[tuple[str, str]] = set()
        self.in_vain: Counter[tuple[str, str]] = Counter()
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
    def profile(self, request: Request) -> SiteProfile | None:
        """The site the request was made for (``meta["newsbot_site"]``, the request
        contract), else the spider's profile (a spider that does not say)."""
        site = request.meta.get(SITE)
        if isinstance(site, str) and site:
            try:
                return load_profile(site)
            except (FileNotFoundError, ProfileNotFound):
                logger.debug("Request %s names an unknown site %r", request.url, site)
        return getattr(self.crawler.spider, "profile", None)

    def _judged(self, request: Request) -> tuple[bool, SiteProfile | None]:
        """Whether the browser may take this page, and the profile it is judged by: the
        site's, or none for a publisher's article page read by the generic reader (the
        ``article`` spider), which is judged on its title and body alone."""
        profile = self.profile(request)
        if profile is None and page_group(request.meta.get(KIND)) != "article":
            return False, None
        return True, profile

    def _inc(self, key: str, count: int = 1) -> None:
        Stats(self.crawler, "browser/").inc(key, count)

    def _max_pages(self, profile: SiteProfile | None) -> int:
        if profile is None:
            return 1
        return self.max_pages_setting or profile.max_pages

    def _browser_meta(
        self, request: Request, reason: str, profile: SiteProfile | None
    ) -> dict[str, Any]:
        kind = request.meta.get(KIND)
        plan = page_plan(profile, kind, max_pages=self._max_pages(profile), **self.timeouts)
        meta = {
            **request.meta,
            "playwright": True,
            "playwright_page_init_callback": WATCH_CALLBACK,
            "playwright_page_methods": [PageMethod(settle, plan)],
            "newsbot_browser": reason,
        }
        if not self.cache_apart:
            meta["dont_cache"] = True
        return meta

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
        if meta.get(KIND) is None or "newsbot_browser" in meta or "playwright" in meta:
            return None
        wanted, profile = self._judged(request)
        if not wanted:
            return None
        if self.mode == "always":
            reason = "always"
        elif _key(request.url, meta[KIND]) in self.browser_hosts:
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
            cached = "cached" in response.flags
            if "playwright" in response.flags or (cached and meta.get("playwright")):
                if cached:  # rendered by an earlier run (the cache may or may not keep flags)
                    self._inc("rendered/from_cache")
                self._rendered(request, response, reason)
            return response
        if self.mode != "auto" or meta.get(KIND) is None:
            return response
        wanted, profile = self._judged(request)
        if not wanted or not isinstance(response, TextResponse) or response.status != 200:
            return response
        key = _key(response.url, meta.get(KIND))
        if key not in self.browser_hosts and self.in_vain[key] >= _IN_VAIN_LIMIT:
            # rendering this host's pages never showed more: they are just empty
            return response
        lacking = render_reasons(response.selector, response.url, meta.get(KIND), profile)
        if not lacking:
            return response
        why = lacking[0]
        if self.problem:
            self._unavailable(response.url, why)
            return response
        logger.info("Rendering %s in a browser (%s)", response.url, why)
        token = next(self._tokens)
        self._plain[token] = response
        new_meta = self._browser_meta(request, why, profile)
        new_meta["newsbot_plain"] = token
        new_meta["newsbot_lacked"] = lacking
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
        kind = request.meta.get(KIND)
        rounds = int(report.get("rounds", 1))
        if kind == "listing" and report:
            self._inc("load_more_rounds", max(0, rounds - 1))
            self._inc(f"listing_stopped/{report.get('stopped', 'unknown')}")
        if report.get("missing"):
            self._inc("empty_after_bound")
            self._inc(f"empty_after_bound/{page_group(kind)}")
            logger.warning(
                "Rendered page %s still lacks %s after %.1f s (the bound): handed over as it is",
                response.url,
                ", ".join(report["missing"]),
                report.get("bound_ms", 0) / 1000,
            )
        if reason not in ("always", "host"):
            self._judge(request, response, reason)
        logger.debug(
            "Rendered %s (%s) in %s ms: %s article links, %d page(s) of entries, stopped: %s",
            response.url,
            reason,
            report.get("waited_ms"),
            report.get("entries"),
            rounds,
            report.get("stopped"),
        )

    def _judge(self, request: Request, response: Response, reason: str) -> None:
        """Remember the host (for this page group) when the browser showed what the plain
        page lacked."""
        kind = request.meta.get(KIND)
        key = _key(request.url, kind)
        wanted, profile = self._judged(request)
        if not wanted or not isinstance(response, TextResponse):
            return
        lacked = set(request.meta.get("newsbot_lacked") or (reason,))
        if lacked - set(missing_parts(response.selector, response.url, kind, profile)):
            # at least one part the plain page lacked is there now
            if key not in self.browser_hosts:
                self.browser_hosts.add(key)
                self._inc("hosts")
                logger.info(
                    "%s needs a browser (%s): later %s pages of %s go straight to the browser",
                    request.url,
                    reason,
                    key[1],
                    key[0],
                )
            return
        self.in_vain[key] += 1
        self._inc("rendered_in_vain")
        logger.info("Rendering %s showed nothing more (%s): kept as it is", request.url, reason)

    def spider_closed(self, spider: Any) -> None:
        total = sum(self.reasons.values())
        parts = [f"{k}: {v}" for k, v in sorted(self.reasons.items())]
        unavailable = Stats(self.crawler, "browser/").get("unavailable", 0)
        if unavailable:  # not "none needed": they were, and no browser could be had
            parts.append(f"{unavailable} needed one but none was available")
        why = ", ".join(parts) or "none needed"
        logger.info(
            "Browser (%s mode): rendered %d page(s) (%s); hosts rendered: %s",
            self.mode,
            total,
            why,
            ", ".join(f"{h} ({g})" for h, g in sorted(self.browser_hosts))
            or ("all" if self.mode == "always" else "none"),
        )
