"""A listing page: its entries and the links that load more of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from newsbot.extract.blocks import page_blocks
from newsbot.extract.entries import Entry, parse_entries
from newsbot.extract.text import AgeReader
from newsbot.profiles import SiteProfile


@dataclass
class ListingPage:
    entries: list[Entry] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def next_page_links(selector: Selector, url: str, profile: SiteProfile) -> list[str]:
    """Links to more entries: ``rel=next`` or a link labelled "Load more", "Next"...

    Only links that stay on the listing's own host and are not article pages count.
    """
    host = urlsplit(url).netloc
    found: list[str] = []
    candidates = selector.xpath('//link[@rel="next"]/@href | //a[contains(@rel, "next")]/@href')
    hrefs = list(candidates.getall())
    for anchor in selector.xpath("//a[@href]"):
        text = " ".join(anchor.xpath("normalize-space(string(.))").get("").split())
        label = text or anchor.xpath("@aria-label").get("") or anchor.xpath("@title").get("")
        if label and profile.is_pagination_label(label):
            hrefs.append(anchor.xpath("@href").get(""))
    for href in hrefs:
        target = urljoin(url, href.strip())
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.netloc != host:
            continue
        if profile.article_id(target) or target == url or target in found:
            continue
        found.append(target)
    return found


def parse_listing(
    selector: Selector, url: str, profile: SiteProfile, read_age: AgeReader
) -> ListingPage:
    blocks = page_blocks(selector.root)
    return ListingPage(
        entries=parse_entries(blocks, url, profile, read_age),
        next_pages=next_page_links(selector, url, profile),
    )
