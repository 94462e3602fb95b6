"""Stop a redirect loop at the first repeat, as a counted failure.

Scrapy's ``RedirectMiddleware`` follows ``A -> B -> A`` and the scheduler's duplicate
filter then drops the second ``A`` silently: no errback, no count, no URL in the log. This
middleware sees the redirect before ``RedirectMiddleware`` does (it sits above it) and
raises ``IgnoreRequest("redirect loop ...")`` when the target was already visited in the
chain, so the request's errback counts ``newsbot/pages/failed/redirect_loop``. Endless
chains of new URLs still end at ``REDIRECT_MAX_TIMES`` ("max redirections reached").

A redirect to a host outside the spider's ``allowed_domains`` would likewise vanish in the
offsite filter; it fails here as ``offsite`` instead, with the URL in the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectLoopMiddleware:
    crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        middleware = cls()
        middleware.crawler = crawler
        return middleware

    def _offsite(self, url: str) -> bool:
        spider = self.crawler.spider if self.crawler is not None else None
        allowed = [d for d in getattr(spider, "allowed_domains", None) or () if d]
        if not allowed:
            return False
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            return True
        if parts.scheme not in ("http", "https"):
            return False  # Scrapy's RedirectMiddleware leaves these alone (an HTTP error)
        return not any(host == d or host.endswith("." + d) for d in allowed)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in REDIRECT_STATUSES or request.meta.get("dont_redirect"):
            return response
        location = response.headers.get(b"Location")
        if not location:
            return response
        try:
            target = urljoin(request.url, location.decode("latin-1").strip())
        except ValueError:
            return response
        target = urldefrag(target)[0]
        chain = [urldefrag(u)[0] for u in (*request.meta.get("redirect_urls", ()), request.url)]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        if self._offsite(target):
            raise IgnoreRequest(f"offsite redirect: {request.url} -> {target}")
        return response
