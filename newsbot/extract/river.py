"""A headline river's pages read from links and text, not from one site's markup.

A river page (front page, topic page, story page) is a list of entries: a headline link that
leaves the river (to a publisher, or through one of the river's redirect or consent URLs),
the outlet's name and a compact age near it (``Reuters · 45m``, ``BBC News3h``,
``Yesterday 14:05``), sometimes a snippet. Links to story pages (``/story/<id>``, or a link
labelled "More coverage" / "+ 3 more sources") lead to every outlet's article on a story; links
labelled "More headlines" (the profile's pagination labels) lead to the next page.

Everything site-specific (which hosts are the river's, URL patterns, labels, the site's
timezone) comes in a :class:`RiverRules`, built from the site profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from newsbot.timestamps import parse_timestamp, split_trailing_age

_SPACES = re.compile(r"\s+")
_SEPARATORS = " \t\u00a0·•|-–—,:/"
_MORE_SOURCES = re.compile(r"^\+?\s*\d+\s+more\b", re.IGNORECASE)
MAX_AGE_WORDS = 4  # an age slot is short text: "Yesterday 14:05", "Nov 28, 2026"
MAX_OUTLET_WORDS = 6


@dataclass(frozen=True)
class RiverRules:
    """What a river looks like (from its profile): hosts, URL patterns, labels, clock."""

    hosts: frozenset[str]  # the river's own hosts (host or host:port), lower case
    listing: tuple[re.Pattern[str], ...] = ()
    story: re.Pattern[str] | None = None
    redirects: tuple[re.Pattern[str], ...] = ()
    redirect_params: tuple[str, ...] = ("u", "url")
    interstitials: tuple[re.Pattern[str], ...] = ()
    story_labels: frozenset[str] = frozenset()
    pagination_labels: frozenset[str] = frozenset()
    continue_labels: frozenset[str] = frozenset()
    min_headline_words: int = 3
    timezone: str = "UTC"
    day_first: bool = True

    def on_river(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        netloc = parts.netloc.lower()
        return any(netloc == h or host == h or host.endswith("." + h) for h in self.hosts)

    def _path(self, url: str) -> str:
        return urlsplit(url).path or "/"

    def is_story(self, url: str) -> bool:
        return (
            self.story is not None
            and self.on_river(url)
            and bool(self.story.match(self._path(url)))
        )

    def story_key(self, url: str) -> str:
        """A story page's id (the pattern's ``story`` group), else its path."""
        match = self.story.match(self._path(url)) if self.story is not None else None
        if match and "story" in match.groupdict():
            return match.group("story")
        return self._path(url)

    def is_listing(self, url: str) -> bool:
        return self.on_river(url) and any(p.match(self._path(url)) for p in self.listing)

    def is_outlink(self, url: str) -> bool:
        """The link leaves the river: to a publisher, or through a redirect or consent URL."""
        if urlsplit(url).scheme not in ("http", "https"):
            return False
        if not self.on_river(url):
            return True
        path = self._path(url)
        return any(p.match(path) for p in (*self.redirects, *self.interstitials))

    def target(self, url: str) -> str | None:
        """Where a link leads when the link says so itself: a publisher URL, or the URL in a
        redirect's query (``/click?u=<encoded>``); None for an opaque redirect (``/r/123``)."""
        if not self.on_river(url):
            return url
        parts = urlsplit(url)
        if any(p.match(parts.path or "/") for p in self.redirects):
            query = parse_qs(parts.query)
            for name in self.redirect_params:
                for value in query.get(name, ()):
                    if value.startswith(("http://", "https://")) and not self.on_river(value):
                        return value
        return None


@dataclass
class RiverEntry:
    url: str  # the headline link, absolute, as the page gives it
    title: str
    source: str | None = None
    age: str | None = None
    story: str | None = None  # the story page of the cluster it is shown in

    def hint(self) -> dict[str, str | None]:
        return {"title": self.title, "source": self.source, "age": self.age}


@dataclass
class RiverPage:
    entries: list[RiverEntry] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # story page URLs, in page order
    next_pages: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)  # other listing pages it links to


def _text(node: etree._Element) -> str:
    return _SPACES.sub(" ", "".join(node.itertext())).strip()


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _links(root: etree._Element, base: str) -> list[tuple[etree._Element, str, str]]:
    found = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        try:
            url = urljoin(base, href)
        except ValueError:
            continue
        found.append((a, url, _text(a)))
    return found


def read_river_page(selector: Selector, url: str, rules: RiverRules, anchor: datetime) -> RiverPage:
    """The entries, story links and next pages of one river page. Never raises on odd markup."""
    root = selector.root
    page = RiverPage()
    if not isinstance(root, etree._Element):
        return page
    # lxml makes a Python proxy per element on demand; keeping them all alive while the page
    # is read keeps their id() stable (the headline counts are keyed by it)
    alive = list(root.iter())
    base = url
    for href in root.xpath("//base/@href"):
        base = urljoin(url, str(href))
        break
    links = _links(root, base)
    headlines: list[tuple[etree._Element, str, str]] = []
    story_links: list[tuple[etree._Element, str]] = []
    for a, link, text in links:
        label = _fold(text)
        if (
            rules.on_river(link)
            and (rules.is_story(link) or label in rules.story_labels or _MORE_SOURCES.match(label))
            and not rules.is_outlink(link)
        ):
            story_links.append((a, link))
            if link not in page.stories:
                page.stories.append(link)
            continue
        if rules.on_river(link) and (
            label in rules.pagination_labels or "next" in (a.get("rel") or "").split()
        ):
            if link != url and link not in page.next_pages:
                page.next_pages.append(link)
            continue
        if rules.is_outlink(link) and len(text.split()) >= rules.min_headline_words:
            headlines.append((a, link, text))
        elif rules.is_listing(link) and link != url and link not in page.listings:
            page.listings.append(link)
    headline_nodes = {id(a) for a, _, _ in headlines}
    counts = _counts(root, headline_nodes)
    story_counts = _counts(root, {id(a) for a, _ in story_links})
    story_of: dict[int, str] = {}
    for a, link in story_links:
        cluster = _cluster_of(a, counts, story_counts)
        if cluster is not None:
            for node in cluster.iter("a"):
                if id(node) in headline_nodes:
                    story_of.setdefault(id(node), link)
    for a, link, text in headlines:
        container = _entry_container(a, counts)
        source, age = _source_and_age(container, a, rules, anchor)
        page.entries.append(RiverEntry(link, text, source, age, story_of.get(id(a))))
    del alive
    return page


def _counts(root: etree._Element, headline_nodes: set[int]) -> dict[int, int]:
    """For every element: how many of the given links (headlines, story links) it holds."""
    counts: dict[int, int] = {}

    def walk(node: etree._Element) -> int:
        n = 1 if id(node) in headline_nodes else 0
        for child in node:
            if isinstance(child.tag, str):
                n += walk(child)
        counts[id(node)] = n
        return n

    walk(root)
    return counts


def _entry_container(a: etree._Element, counts: dict[int, int]) -> etree._Element:
    """The largest element around a headline that holds no other headline."""
    node = a
    parent = node.getparent()
    while parent is not None and counts.get(id(parent), 0) <= 1:
        node, parent = parent, parent.getparent()
    return node


def _cluster_of(
    a: etree._Element, counts: dict[int, int], story_counts: dict[int, int]
) -> etree._Element | None:
    """The story cluster a story link belongs to: climbing from the link, the first element
    that holds headlines and repeats (a sibling of the same tag and class holds headlines
    too: the river's next cluster), never one that holds another story link. A page with no
    such unit (one cluster on its last page) gives the largest element below ``<body>``."""
    node = a
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return node if counts.get(id(node), 0) >= 1 else None
        if story_counts.get(id(parent), 0) > 1:
            return node if counts.get(id(node), 0) >= 1 else None
        if counts.get(id(node), 0) >= 1 and any(
            sibling is not node
            and sibling.tag == node.tag
            and sibling.get("class") == node.get("class")
            and counts.get(id(sibling), 0) >= 1
            for sibling in parent
        ):
            return node
        node = parent


def _texts_outside(container: etree._Element, a: etree._Element) -> list[str]:
    """Text pieces of the entry, in order, without the headline's and other links' text."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        if node is a or node.tag in ("script", "style"):
            return
        if node.tag == "a" and node is not container:
            return
        if node.text and node.text.strip():
            pieces.append(_SPACES.sub(" ", node.text).strip())
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                pieces.append(_SPACES.sub(" ", child.tail).strip())

    walk(container)
    return pieces


def _clean_outlet(text: str) -> str | None:
    name = text.strip(_SEPARATORS)
    if not name or len(name.split()) > MAX_OUTLET_WORDS or name.endswith((".", "!", "?")):
        return None
    return name


def _source_and_age(
    container: etree._Element, a: etree._Element, rules: RiverRules, anchor: datetime
) -> tuple[str | None, str | None]:
    pieces = _texts_outside(container, a)
    for i, piece in enumerate(pieces):
        bare = piece.strip(_SEPARATORS)
        if not bare or len(bare.split()) > MAX_AGE_WORDS + MAX_OUTLET_WORDS:
            continue
        parts = _split_on_separator(bare, rules, anchor)  # "Reuters · 45m", "45m · Reuters"
        if parts is not None:
            return parts
        if len(bare.split()) <= MAX_AGE_WORDS and _is_age(bare, rules, anchor):
            before = _clean_outlet(pieces[i - 1]) if i > 0 else None
            after = _clean_outlet(pieces[i + 1]) if i + 1 < len(pieces) else None
            return before or after, bare
        split = split_trailing_age(bare, anchor, timezone=rules.timezone, day_first=rules.day_first)
        if split is not None and split[0]:
            outlet = _clean_outlet(split[0])
            if outlet is not None and len(split[2].split()) <= MAX_AGE_WORDS:
                return outlet, split[2].strip()
    # no age: the outlet is the first short piece that is not a sentence
    for piece in pieces:
        outlet = _clean_outlet(piece)
        if outlet is not None:
            return outlet, None
    return None, None


_SEPARATOR = re.compile(r"\s*[·•|]\s*")


def _split_on_separator(
    text: str, rules: RiverRules, anchor: datetime
) -> tuple[str | None, str] | None:
    """(outlet, age) of a byline whose parts are set apart by ``·``, ``•`` or ``|``, in
    either order; None unless exactly one part is an age."""
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    ages = [
        i
        for i, p in enumerate(parts)
        if len(p.split()) <= MAX_AGE_WORDS and _is_age(p, rules, anchor)
    ]
    if len(ages) != 1:
        return None
    outlets = [_clean_outlet(p) for i, p in enumerate(parts) if i != ages[0]]
    return next((o for o in outlets if o), None), parts[ages[0]]


def _is_age(text: str, rules: RiverRules, anchor: datetime) -> bool:
    try:
        return (
            parse_timestamp(text, anchor, timezone=rules.timezone, day_first=rules.day_first)
            is not None
        )
    except Exception:  # a broken time must never lose the entry
        return False


def continue_link(selector: Selector, url: str, rules: RiverRules) -> str | None:
    """On a consent or interstitial page of the river: the link that goes on to the article
    (its label is one of the profile's, else the one link that leaves the river)."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return None
    links = _links(root, url)
    for _, link, text in links:
        if _fold(text) in rules.continue_labels and link != url:
            return link
    leaving = {link for _, link, _ in links if rules.is_outlink(link) and link != url}
    return leaving.pop() if len(leaving) == 1 else None
