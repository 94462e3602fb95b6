"""A made-up headline river (river.md): outlets, stories, articles and the ground truth.

Nothing here is a real article: titles and bodies come from :mod:`newsbot.replica.words`.
The river links out to several publishers, each served on its own loopback port with its own
template; the truth says what a crawl of the river should export for every article.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from newsbot.publisher import normalized_url
from newsbot.replica import words
from newsbot.replica.content import _fill, _title

DEFAULT_CLOCK = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
#: The river's own clock: ``Yesterday 14:05`` and ``28 Nov`` are read in this zone.
SITE_ZONE = "America/New_York"
TOPICS = ("world", "business", "science", "sport")
PER_PAGE = 3  # story clusters per listing page
FRONT = 6  # clusters on the front page


@dataclass(frozen=True)
class Outlet:
    """A publisher: the name the river gives it, the name its own pages give, its template."""

    key: str
    river_name: str
    page_name: str | None
    template: str
    dated: bool  # its pages state datePublished


OUTLETS = (
    Outlet("harbour", "Harbour Times", "The Harbour Times", "jsonld", True),
    Outlet("northgate", "Northgate Herald", "Northgate Herald Online", "og", True),
    Outlet("valley", "Valley Courier", "Valley Courier", "paywall", True),
    Outlet("plainview", "Plainview Post", None, "bare", False),
    Outlet("metro", "Metro Wire", "MetroWire", "live", False),
    Outlet("coast", "Coastline News", "Coastline", "graph", True),
)
#: Real publisher pages (``../shared/reference/extraction/fundus-eval``, read where they are
#: at serve time, never copied): one story whose articles are real pages, on request.
REAL_OUTLET = Outlet("real", "Wire Desk", None, "real", True)
OUTLET_BY_KEY = {o.key: o for o in (*OUTLETS, REAL_OUTLET)}
LINK_KINDS = ("direct", "r", "click", "consent")


@dataclass
class RiverArticle:
    index: int
    outlet: Outlet
    slug: str
    title: str
    paragraphs: list[str]
    published: datetime  # the true time
    story: str
    link: str  # how the river links to it: direct | r | click | consent

    @property
    def path(self) -> str:
        return f"/{self.outlet.key}/news/{self.slug}"

    @property
    def entry_id(self) -> str:
        return f"e{self.index}"


@dataclass
class Story:
    id: str
    topic: str
    articles: list[RiverArticle] = field(default_factory=list)

    @property
    def newest(self) -> datetime:
        return max(a.published for a in self.articles)


@dataclass
class RiverSite:
    clock: datetime
    stories: list[Story]
    articles: list[RiverArticle]
    zone: str = SITE_ZONE  # the river's clock
    #: real pages' canonical URLs (fundus-eval's ground truth), by their article's path
    real_urls: dict[str, str] = field(default_factory=dict)

    def set_clock(self, clock: datetime) -> None:
        self.clock = clock

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)

    def topic_stories(self, topic: str | None) -> list[Story]:
        chosen = [s for s in self.stories if topic is None or s.topic == topic]
        chosen.sort(key=lambda s: s.newest, reverse=True)
        return chosen[:FRONT] if topic is None else chosen

    def entry(self, entry_id: str) -> RiverArticle | None:
        return next((a for a in self.articles if a.entry_id == entry_id), None)

    def age_text(self, article: RiverArticle) -> str:
        """The compact age the river prints for ``article`` at its clock."""
        return age_text(article.published, self.clock, self.zone)

    def truth(self, urls: dict[str, str] | None = None) -> dict[str, Any]:
        """What a crawl should export, keyed by the article's publisher path.

        ``urls`` maps outlet keys to base URLs (the ports of a running server); the ids are
        then the ids a crawl gives (MD5 of the normalized canonical URL).
        """
        records = {}

        def url_of(b: RiverArticle) -> str:
            if b.path in self.real_urls:  # a real page: its canonical URL
                return normalized_url(self.real_urls[b.path])
            return (urls or {}).get(b.outlet.key, f"http://{b.outlet.key}.invalid") + b.path

        for a in self.articles:
            at, precision, raw = self.expected_time(a)
            url = url_of(a)
            siblings = [b for b in self.story(a.story).articles if b is not a]  # type: ignore[union-attr]
            real = a.path in self.real_urls
            records[a.path] = {
                "url": url,
                "id": _md5(url),
                "source": a.outlet.river_name,
                # a real page's title, body and time are the page's (not checked here)
                "title": None if real else a.title,
                "body": None if real else "\n\n".join(a.paragraphs),
                "published_at": None if real else at,
                "published_precision": None if real else precision,
                "published_raw": None if real else raw,
                "related_paths": [b.path for b in siblings],
                "related": [_md5(url_of(b)) for b in siblings],
                "real": real,
                "story": a.story,
                "link": a.link,
            }
        return {"clock": _iso(self.clock), "timezone": self.zone, "articles": records}

    def expected_time(self, a: RiverArticle) -> tuple[str, str, str]:
        """(published_at, precision, the text it is read from)."""
        if a.outlet.dated:
            return _iso(a.published), "second", a.published.isoformat()
        text = self.age_text(a)
        delta = self.clock - a.published
        if text.endswith("m"):
            return _iso(self.clock - timedelta(minutes=delta.seconds // 60)), "minute", text
        if text.endswith("h"):
            return _iso(self.clock - timedelta(hours=delta.seconds // 3600)), "hour", text
        local = a.published.astimezone(ZoneInfo(self.zone))
        if text.startswith("Yesterday"):
            return _iso(local.replace(second=0)), "minute", text
        midnight = local.replace(hour=0, minute=0, second=0)
        return _iso(midnight), "day", text


def age_text(published: datetime, clock: datetime, zone_name: str = SITE_ZONE) -> str:
    delta = clock - published
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)}m"
    if minutes < 24 * 60:
        return f"{minutes // 60}h"
    zone = ZoneInfo(zone_name)
    local, today = published.astimezone(zone), clock.astimezone(zone).date()
    if local.date() == today - timedelta(days=1):
        return f"Yesterday {local:%H:%M}"
    return f"{local.day} {local:%b}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _md5(url: str) -> str:
    return hashlib.md5(url.encode("utf-8")).hexdigest()


def _slug(title: str, index: int) -> str:
    cleaned = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(filter(None, cleaned.split("-")))[:60] + f"-{index}"


# minutes before the clock: every compact form the river prints occurs
_AGES = [5, 12, 38, 45, 70, 130, 185, 260, 400, 610, 900, 1300, 1500, 1700, 1800, 2100, 2300]


def build_river(
    seed: int = 14,
    stories: int = 14,
    clock: datetime = DEFAULT_CLOCK,
    zone: str = SITE_ZONE,
    real_pages: dict[str, str] | None = None,
) -> RiverSite:
    """``real_pages``: file stems of fundus-eval pages -> their canonical URLs; they make one
    more story (topic world), served from those files (see :class:`RiverServer`)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    all_articles: list[RiverArticle] = []
    all_stories: list[Story] = []
    for s in range(stories):
        story = Story(f"s{s + 1}", TOPICS[s % len(TOPICS)])
        size = 1 if s % 5 == 4 else rng.choice((2, 3, 3, 4))
        outlets = rng.sample(OUTLETS, size)
        if s % 2 == 0:  # an undated publisher leads: the river's age is its time
            undated = [o for o in OUTLETS if not o.dated][(s // 2) % 2]
            outlets = [undated, *[o for o in outlets if o is not undated]][:size]
        base = _AGES[(s * 3) % len(_AGES)] + rng.randint(0, 20)
        if s % 7 == 6:
            base += 3000 + rng.randint(0, 4000)  # days ago: "28 Nov"
        for k, outlet in enumerate(outlets):
            index = len(all_articles) + 1
            title = _title(rng, "en", seen)
            paragraphs = [
                " ".join(_fill(rng, t, words.SUBJECTS) for t in rng.sample(words.SENTENCES, 3))
                for _ in range(rng.randint(3, 5))
            ]
            minutes = base + k * rng.randint(3, 50)
            published = (clock - timedelta(minutes=minutes, seconds=rng.randint(0, 59))).replace(
                microsecond=0
            )
            article = RiverArticle(
                index, outlet, _slug(title, index), title, paragraphs, published, story.id,
                LINK_KINDS[index % len(LINK_KINDS)],
            )  # fmt: skip
            story.articles.append(article)
            all_articles.append(article)
        all_stories.append(story)
    site = RiverSite(clock, all_stories, all_articles, zone)
    if real_pages:
        story = Story("s0", TOPICS[0])
        for k, (stem, url) in enumerate(sorted(real_pages.items())):
            index = len(all_articles) + 1
            article = RiverArticle(
                index, REAL_OUTLET, stem, f"Wire report from {stem.replace('_', ' ')}", [],
                clock - timedelta(minutes=20 + 7 * k), story.id, LINK_KINDS[k % len(LINK_KINDS)],
            )  # fmt: skip
            story.articles.append(article)
            all_articles.append(article)
            site.real_urls[article.path] = url
        all_stories.insert(0, story)
    return site
