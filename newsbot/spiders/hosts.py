"""Which links a crawl may fetch, and which hosts are mirrors of the site: decided per origin.

A crawl meets the same few origins (scheme and host) in tens of thousands of links, so the
decision is made once per origin with ``urlsplit`` and then looked up by the URL's prefix up
to the end of its authority. That prefix splits exactly as the whole URL does (``urlsplit``
ends the authority at the first ``/``, ``?`` or ``#`` after ``//``), so the answer is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

_AUTHORITY_END = re.compile(r"[/?#]")
# hostile pages can hold any number of distinct hosts: the cache is cleared when it is full
MAX_CACHED_ORIGINS = 4096


@dataclass(frozen=True, slots=True)
class Origin:
    scheme: str
    netloc: str  # lower-cased, with a port if any
    host: str  # lower-cased, no port; "" when the URL has none or it cannot be read


def _origin_key(url: str) -> str:
    start = url.find("//")
    if start < 0:
        return url
    end = _AUTHORITY_END.search(url, start + 2)
    return url if end is None else url[: end.start()]


def _read_origin(key: str) -> Origin:
    try:
        parts = urlsplit(key)
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. a broken IPv6 literal
        return Origin("", "", "")
    return Origin(parts.scheme.lower(), parts.netloc.lower(), host)


def in_domains(host: str, domains: Iterable[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one."""
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in domains)


class HostPolicy:
    """Allowed domains (and their subdomains) and mirror hosts of one crawl.

    ``copy_of``: the site's own domains when the crawl runs on a copy of it (a staging host,
    a snapshot on loopback) whose pages still link to the site by its full address (Laravel's
    ``APP_URL``, WordPress's ``siteurl``): links to them are the copy's own, read as on the
    host the crawl came from, as a mirror's are; a crawl of a copy never leaves it."""

    def __init__(
        self,
        allowed_domains: Iterable[str],
        mirror_hosts: Iterable[str],
        canonical_host: str = "",
        copy_of: Iterable[str] = (),
    ) -> None:
        self.allowed_domains = tuple(d.lower() for d in allowed_domains if d)
        self.mirror_hosts = frozenset(h.lower() for h in mirror_hosts if h)
        self.canonical_host = canonical_host
        self.copy_of = tuple(d.lower() for d in copy_of if d)
        self._origins: dict[str, Origin] = {}
        self._fetchable: dict[Origin, bool] = {}

    def origin(self, url: str) -> Origin:
        key = _origin_key(url)
        found = self._origins.get(key)
        if found is None:
            if len(self._origins) >= MAX_CACHED_ORIGINS:
                self._origins.clear()
                self._fetchable.clear()
            found = self._origins[key] = _read_origin(key)
        return found

    def fetchable(self, url: str) -> bool:
        """http(s) on an allowed host (or a subdomain), as Scrapy's offsite filter decides."""
        origin = self.origin(url)
        allowed = self._fetchable.get(origin)
        if allowed is None:
            allowed = self._fetchable[origin] = self._decide(origin)
        return allowed

    def _decide(self, origin: Origin) -> bool:
        if origin.scheme not in ("http", "https") or not origin.host:
            return False
        return not self.allowed_domains or in_domains(origin.host, self.allowed_domains)

    def is_mirror(self, url: str) -> bool:
        origin = self.origin(url)
        if self.copy_of and in_domains(origin.host, self.copy_of):
            return True
        return bool(self.mirror_hosts) and (
            origin.netloc in self.mirror_hosts or origin.host in self.mirror_hosts
        )

    def canonical_url(self, url: str, referrer: str) -> str:
        """A URL on a mirror host (or, on a copy, on the site's), rewritten to the host the
        crawl came from."""
        if not self.is_mirror(url):
            return url
        parts = urlsplit(url)
        ref = urlsplit(referrer)
        # from a mirror page: the site's canonical host; else the host the crawl is on
        from_mirror = self.is_mirror(referrer)
        netloc = (self.canonical_host or parts.netloc) if from_mirror else ref.netloc
        return urlunsplit((ref.scheme or parts.scheme, netloc, parts.path, parts.query, ""))
