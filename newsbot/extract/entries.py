"""Entries of a listing or a "Related Articles" block: one per linked article.

An entry is the run of blocks from the first link to an article up to the next link to
another article, or up to page chrome the entry is not in (a rail, the footer: the last
entry of a feed does not run on into the footer's link lists; a card's own ``<footer>``,
inside the ``<article>`` or ``<li>`` that holds the entry's link, is still the entry's).
Inside it, what a reader sees is sorted into title, source, age,
category and teaser, whatever the markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsbot.extract.blocks import SECTION_CHROME, Block
from newsbot.extract.text import (
    AgeReader,
    fold,
    is_echo,
    looks_like_name,
    safe_urljoin,
    strip_age_prefix,
    strip_bullet,
)
from newsbot.profiles import SiteProfile


@dataclass(slots=True)
class Entry:
    """What a listing or related entry says about an article."""

    article_id: str
    url: str
    language: str
    title: str | None = None
    source: str | None = None
    age: str | None = None
    age_datetime: str | None = None
    category: str | None = None
    teaser: str | None = None

    def hint(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "source": self.source,
            "age": self.age,
            "age_datetime": self.age_datetime,
            "category": self.category,
        }


@dataclass
class _Group:
    article_id: str
    url: str
    language: str
    chrome: str = ""  # the page chrome the entry's first link sits in ("" for the main column)
    blocks: list[Block] = field(default_factory=list)
    titles: list[Block] = field(default_factory=list)


# the id of an entry whose link may lead to an article (a permanent link the site redirects):
# the spider asks where it leads before the entry is used (newsbot.spiders.permalinks)
UNRESOLVED = "?"


def _article_link(
    block: Block, base_url: str, profile: SiteProfile, may_lead: Callable[[str], bool]
) -> tuple[str, str, str] | None:
    """The article a block's links name, or one they may lead to (``may_lead``: asked)."""
    maybe: tuple[str, str, str] | None = None
    for href in block.links:
        url = safe_urljoin(base_url, href)  # "" for mailto:, javascript:, broken URLs
        found = profile.article_id(url)
        if found:
            return found[0], profile.article_url(url), found[1]
        if maybe is None and url and may_lead(url):
            maybe = UNRESOLVED + url, url, ""
    return maybe


# Elements that hold one card of a feed: a header or footer inside one is the card's own.
_CARD_TAGS = frozenset({"article", "li"})


def _leaves_entry(block: Block, group: _Group, tags: dict[int, str]) -> bool:
    """Whether ``block`` is page chrome that the entry's box does not run on into."""
    if block.chrome == group.chrome or block.chrome not in SECTION_CHROME:
        return False
    first = group.blocks[0].path
    for mine, theirs in zip(first, block.path, strict=False):
        if mine != theirs:
            break
        if tags.get(mine) in _CARD_TAGS:
            return False  # both inside one card: the card's own header or footer
    return True


def group_entries(
    blocks: list[Block],
    base_url: str,
    profile: SiteProfile,
    tags: dict[int, str] | None = None,
    related: bool = False,
) -> list[_Group]:
    """Blocks grouped by the article they tell of; ``tags`` (block-level element id -> tag,
    from :func:`page_layout`) tells a card's own footer from the page's. In a related list
    (``related``), any page of the site's own may lead to an article."""
    if related:
        page_host = urlsplit(base_url).hostname or ""

        def may_lead(url: str) -> bool:
            return profile.may_lead_from_related(url, page_host)

    else:
        may_lead = profile.may_lead_to_article
    groups: list[_Group] = []
    seen: set[str] = set()
    current: _Group | None = None
    for block in blocks:
        link = _article_link(block, base_url, profile, may_lead)
        if link and (current is None or link[0] != current.article_id):
            if link[0] in seen:  # a second link to an earlier entry: not a new entry
                current = None
                continue
            seen.add(link[0])
            current = _Group(*link, chrome=block.chrome)
            groups.append(current)
        if current is None:
            continue
        if current.blocks and _leaves_entry(block, current, tags or {}):
            current = None  # the entry's box ended: a rail or the footer starts
            continue
        if link and link[0] == current.article_id:
            current.titles.append(block)
        current.blocks.append(block)
    return groups


# a pager's link back, which the profile's labels (links to more entries) do not list
_BACK_LABELS = frozenset(
    {"previous", "prev", "previous page", "newer", "newer posts", "« previous", "‹ previous",
     "«", "‹", "السابق", "الصفحة السابقة"}
)  # fmt: skip


def entry_from_group(group: _Group, profile: SiteProfile, read_age: AgeReader) -> Entry:
    entry = Entry(group.article_id, group.url, group.language)
    linked = [b for b in group.titles if not profile.is_pagination_label(b.text)]
    headings = [b for b in linked if b.is_heading]
    entry.title = (headings or linked)[0].text if linked else None
    teaser: list[str] = []
    for block in group.blocks:
        text, bulleted = strip_bullet(block.text)
        if not text or is_echo(text, entry.title):
            continue
        if profile.is_pagination_label(text) or fold(text) in _BACK_LABELS:
            continue  # the listing's pager after its last entry (`التالي`: blind site 81)
        if block.datetimes and entry.age_datetime is None:
            entry.age_datetime = block.datetimes[0]
        if entry.age is None and len(text) <= 160:
            found = read_age(text)
            if found is not None:
                prefix = strip_age_prefix(found[0], profile.age_prefix)
                entry.age = found[1]
                if prefix and entry.source is None and looks_like_name(prefix):
                    entry.source = prefix
                continue
        if bulleted or block.tag == "li":
            if fold(text) in profile.categories and entry.category is None:
                entry.category = text
            elif entry.source is None and (not teaser or entry.age) and looks_like_name(text):
                entry.source = text  # before the teaser, or the source again after the age
            elif (
                entry.source
                and entry.category is None
                and fold(text) != fold(entry.source)
                and looks_like_name(text, max_words=3)
            ):
                entry.category = text
            continue
        if entry.category is None and fold(text) in profile.categories:
            entry.category = text  # a category's name is never the source (a card's kicker)
            continue
        if entry.source is None and entry.age is None and not teaser and looks_like_name(text):
            entry.source = text  # before the teaser: a name line after it is the next box's
            continue
        if entry.source and fold(text) == fold(entry.source):
            continue
        teaser.append(text)
    if entry.source is None and len(teaser) > 1:
        # the source printed after the age: a short name line before the teaser
        longest = max(teaser, key=len)
        for text in teaser[: teaser.index(longest)]:
            if looks_like_name(text, max_words=5, max_chars=40):
                entry.source = text
                teaser.remove(text)
                break
    if teaser:
        entry.teaser = max(teaser, key=len)
    return entry


def parse_entries(
    blocks: list[Block],
    base_url: str,
    profile: SiteProfile,
    read_age: AgeReader,
    tags: dict[int, str] | None = None,
    related: bool = False,
) -> list[Entry]:
    """Entries among ``blocks`` (a listing page, or the blocks after "Related Articles":
    ``related``, where every entry is a story's)."""
    groups = group_entries(blocks, base_url, profile, tags, related)
    return [entry_from_group(g, profile, read_age) for g in groups]
