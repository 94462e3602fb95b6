"""Stop a redirect loop at the first repeat, as a counted failure.

Scrapy's ``RedirectMiddleware`` follows ``A -> B -> A`` and the scheduler's duplicate
filter then drops the second ``A`` silently: no errback, no count, no URL in the log. This
middleware sees the redirect before ``RedirectMiddleware`` does (it sits above it) and
raises ``IgnoreRequest("redirect loop ...")`` when the target was already visited in the
chain, so the request's errback counts ``newsbot/pages/failed/redirect_loop``. Endless
chains of new URLs still end at ``REDIRECT_MAX_TIMES`` ("max redirections reached").
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urldefrag, urljoin

from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy.http import Request, Response

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectLoopMiddleware:
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
        return response
