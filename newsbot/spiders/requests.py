"""Every request the spiders make is classified once; the kind carries its priority."""

from __future__ import annotations

from enum import Enum


class PageKind(str, Enum):
    """What a page is, decided when the request is made, never re-decided."""

    LISTING = "listing"  # a start listing or one of its further pages
    ARTICLE = "article"  # an article found on a listing or given as a start URL
    RELATED = "related"  # an article found as a related entry of another article

    @property
    def priority(self) -> int:
        # Articles first, so a crawl streams items out instead of queueing pages in memory;
        # deeper related hops after the articles that led to them.
        return {"listing": 0, "article": 20, "related": 10}[self.value]
