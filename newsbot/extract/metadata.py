"""Standard metadata a page may carry: JSON-LD and OpenGraph / article meta tags."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from parsel import Selector

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "OpinionNewsArticle",
        "LiveBlogPosting",
        "WebPage",
    }
)


@dataclass
class PageMetadata:
    title: str | None = None
    published: list[tuple[str, str]] = field(default_factory=list)  # (slot, text)
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    language: str | None = None


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _objects(item)]
    if isinstance(data, dict):
        found = [data]
        if isinstance(data.get("@graph"), list):
            found.extend(_objects(data["@graph"]))
        return found
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def read_metadata(selector: Selector) -> PageMetadata:
    meta = PageMetadata()
    for script in selector.xpath('//script[@type="application/ld+json"]/text()').getall()[:20]:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            if not _types(obj) & ARTICLE_TYPES:
                continue
            headline = obj.get("headline") or obj.get("name")
            if isinstance(headline, str) and not meta.title:
                meta.title = headline.strip()
            published = obj.get("datePublished")
            if isinstance(published, str) and published.strip():
                meta.published.append(("jsonld", published.strip()))
            section = obj.get("articleSection")
            if isinstance(section, str) and not meta.section:
                meta.section = section.strip()
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                meta.keywords = [k.strip() for k in keywords.split(",") if k.strip()]
            elif isinstance(keywords, list):
                meta.keywords = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
    for prop in ("article:published_time", "og:published_time", "datePublished"):
        value = selector.xpath(
            f'//meta[@property="{prop}" or @name="{prop}" or @itemprop="{prop}"]/@content'
        ).get()
        if value and value.strip():
            meta.published.append(("meta", value.strip()))
    if not meta.title:
        og = selector.xpath('//meta[@property="og:title"]/@content').get()
        meta.title = og.strip() if og and og.strip() else None
    lang = selector.xpath("/html/@lang").get()
    meta.language = lang.split("-")[0].lower() if lang else None
    return meta
