"""What every site's spider shares, whatever its kind: its profile, its ``-a`` arguments.

A spider of a kind (``AggregatorSpider``, ``HeadlineRiverSpider``) subclasses
:class:`SiteSpider`; a site's spider names its profile with ``profile_name`` (or is made from
the profile alone by ``newsbot.spiders.loader``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import scrapy

from newsbot.profiles import SiteProfile, load_profile
from newsbot.spiders.arguments import CrawlArguments, parse_arguments
from newsbot.spiders.failures import PageFailures
from newsbot.timestamps import older_than, parse_timestamp


class SiteSpider(PageFailures, scrapy.Spider):
    profile_name: str = ""

    def __init__(
        self,
        name: str | None = None,
        *,
        start_urls: object = None,
        related_depth: object = None,
        max_articles: object = None,
        since: object = None,
        mirror_hosts: object = None,
        fresh: object = None,
        **kwargs: Any,
    ) -> None:
        # checked before Scrapy sets the other keyword arguments as attributes: an unknown
        # (misspelled) -a name is an error, not an attribute nobody reads
        others = {k: v for k, v in kwargs.items() if not k.startswith("_")}
        self.profile: SiteProfile = load_profile(self.profile_name or name or self.name)
        self.args: CrawlArguments = parse_arguments(
            start_urls=start_urls,
            default_start_urls=self.profile.start_urls,
            related_depth=related_depth,
            max_articles=max_articles,
            since=since,
            mirror_hosts=mirror_hosts,
            fresh=fresh,
            now=self.now(),
            others=others,
        )
        super().__init__(name, **kwargs)
        self.start_urls = list(self.args.start_urls)
        # the -a arguments as typed: what an export path's %(max_articles)s names
        # (newsbot.feeds.uri_params); one not given is no placeholder (ops round 12)
        typed = {"start_urls": start_urls, "related_depth": related_depth,
                 "max_articles": max_articles, "since": since, "mirror_hosts": mirror_hosts,
                 "fresh": fresh}  # fmt: skip
        self.given_arguments = {k: str(v) for k, v in typed.items() if v is not None}

    @classmethod
    def claims_url(cls, url: str) -> bool:
        """The URL is on this spider's site (its profile's domains): for ``scrapy parse``."""
        host = (urlsplit(url).hostname or "").lower()
        domains = load_profile(cls.profile_name or cls.name).allowed_domains
        return any(host == d or host.endswith("." + d) for d in domains)

    @staticmethod
    def now() -> datetime:
        return datetime.now(timezone.utc)

    @property
    def since(self) -> datetime | None:
        return self.args.since

    def _old(self, entry: Any, anchor: datetime) -> bool:
        """True when a listing or story entry's own age says it is older than ``since``."""
        if self.since is None or not entry.age:
            return False
        parsed = parse_timestamp(
            entry.age, anchor, timezone=self.profile.timezone, day_first=self.profile.day_first
        )
        return parsed is not None and older_than(
            parsed.at, parsed.precision, self.since, anchor=anchor
        )
