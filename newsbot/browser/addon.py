"""Turns browser rendering on when the profile or ``NEWSBOT_BROWSER`` may need it.

With ``never`` (Daily8's default) nothing changes: no Playwright, no middleware, plain HTTP.
Otherwise scrapy-playwright becomes the http/https download handler (it renders only requests
marked ``meta["playwright"]``; the rest stay plain HTTP), the :class:`BrowserMiddleware`
decides which requests are marked, and Chromium is launched lazily, on the first page that
needs it, from ``NEWSBOT_CHROMIUM`` (setting or environment variable), else Debian's
``/usr/bin/chromium``, else Playwright's own browser.
"""

from __future__ import annotations

import logging
import os

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from newsbot import settings as newsbot_defaults
from newsbot.browser.cache import render_aware_storage, storage_path
from newsbot.browser.config import (
    executable_problem,
    find_chromium,
    launch_options,
    resolve_mode,
)
from newsbot.browser.middleware import BrowserMiddleware
from newsbot.profiles import ProfileNotFound, SiteProfile, load_profile

logger = logging.getLogger(__name__)

PLAYWRIGHT_HANDLER = "newsbot.browser.handler.SharedPlaywrightDownloadHandler"
MIDDLEWARE_PRIORITY = 80  # process_response runs after retries and redirects


class BrowserAddon:
    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserAddon:
        return cls(crawler)

    def _profile(self) -> SiteProfile | None:
        spidercls = getattr(self.crawler, "spidercls", None)
        name = getattr(spidercls, "profile_name", "") or getattr(spidercls, "name", "")
        if not name:
            return None
        try:
            return load_profile(name)
        except (FileNotFoundError, ProfileNotFound):  # a spider without a profile (reprocess)
            return None

    def update_settings(self, settings: BaseSettings) -> None:
        profile = self._profile()
        mode = resolve_mode(settings.get("NEWSBOT_BROWSER"), profile)
        settings.set("NEWSBOT_BROWSER", mode, priority="addon")
        if mode == "never":
            return
        settings.set_in_component_priority_dict(
            "DOWNLOADER_MIDDLEWARES", BrowserMiddleware, MIDDLEWARE_PRIORITY
        )
        self._cache_apart(settings)
        explicit = settings.get("NEWSBOT_CHROMIUM") or os.environ.get("NEWSBOT_CHROMIUM")
        executable, how = find_chromium(explicit)
        problem = executable_problem(executable)
        if problem:
            settings.set("NEWSBOT_BROWSER_PROBLEM", f"{problem} ({how})", priority="addon")
            logger.warning("Browser mode %s, but %s: pages will be fetched plainly", mode, problem)
            return
        handlers = settings.getdict("DOWNLOAD_HANDLERS")
        for scheme in ("http", "https"):
            handlers.setdefault(scheme, PLAYWRIGHT_HANDLER)
        settings.set(
            "DOWNLOAD_HANDLERS", handlers, max(settings.getpriority("DOWNLOAD_HANDLERS") or 0, 15)
        )
        pages = settings.getint("NEWSBOT_BROWSER_PAGES", newsbot_defaults.NEWSBOT_BROWSER_PAGES)
        defaults = {
            "PLAYWRIGHT_BROWSER_TYPE": "chromium",
            "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(executable),
            "PLAYWRIGHT_ABORT_REQUEST": "newsbot.browser.config.abort_request",
            "PLAYWRIGHT_MAX_CONTEXTS": 1,
            "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": pages,
            "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 20_000,
            "PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER": True,
        }
        for key, value in defaults.items():
            settings.set(key, value, priority="addon")
        logger.info(
            "Browser mode %s: Chromium %s (%s), at most %d page(s) open at once",
            mode,
            executable or "from `playwright install`",
            how,
            pages,
        )

    @staticmethod
    def _cache_apart(settings: BaseSettings) -> None:
        """A rendered page is never answered by a plain cached one: Scrapy's cache storages
        are swapped for ones that key rendered requests apart; any other storage does not
        cache rendered requests at all."""
        configured = settings.get("HTTPCACHE_STORAGE")
        ours = render_aware_storage(configured)
        if ours is not None:
            priority = max(settings.getpriority("HTTPCACHE_STORAGE") or 0, 15)
            settings.set("HTTPCACHE_STORAGE", ours, priority=priority)
            return
        settings.set("NEWSBOT_BROWSER_CACHE_APART", False, priority="addon")
        if settings.getbool("HTTPCACHE_ENABLED"):
            logger.info(
                "HTTP cache storage %s is not one newsbot keys apart: rendered pages are not "
                "cached",
                storage_path(configured),
            )
