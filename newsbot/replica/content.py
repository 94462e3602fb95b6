"""The replica's content: made-up articles, listings, related chains and the ground truth."""

from __future__ import annotations

import hashlib
import random
import re
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from newsbot.replica import words
from newsbot.replica.ages import Age, humanize
from newsbot.replica.noise import KINDS, TEASER_HEADS, TEASER_TAILS, TITLE_SUFFIX, add_noise

DEFAULT_CLOCK = datetime(2026, 11, 25, 12, 0, 0, tzinfo=timezone.utc)
PER_PAGE = 20
MISSING_BODY = "missing body"
HOURS_AGO = re.compile(r"\d+ hours ago")

# (kind, weight): how an article's age reads at the build clock.
AGE_KINDS = [("seconds", 2), ("minute", 2), ("minutes", 8), ("hour", 4), ("hours", 30),
             ("day", 6), ("days", 14), ("date", 30)]  # fmt: skip
_AGE_NAMES = [k for k, _ in AGE_KINDS]
_AGE_WEIGHTS = [w for _, w in AGE_KINDS]


@dataclass(slots=True)
class Article:
    id: str
    lang: str  # "en" or "ar"
    role: str  # home, tag, tier1, tier2 (which listings/related hops reach it)
    source: str
    title: str
    display_title: str
    blocks: list
    category: str | None
    hashtags: list[str]
    published: datetime | None  # None: the page prints "Invalid date"
    sort_time: datetime
    header: bool = True
    jsonld: bool = False
    meta: bool = False
    offset_hours: int = 0
    gallery: int = 0
    teaser_kind: str = "first"
    teaser_glue: str = ""
    related: list[str] = field(default_factory=list)
    mirror_slots: frozenset = frozenset()
    listings: list[str] = field(default_factory=list)
    dropped: str | None = None
    noise: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/en/article/{self.id}" if self.lang == "en" else f"/article/{self.id}"

    @property
    def paragraphs(self) -> list[str]:
        return [b[1] for b in self.blocks if b[0] == "p"]

    @property
    def captions(self) -> list[str]:
        return [b[1] for b in self.blocks if b[0] == "figure"]

    def teaser(self) -> str:
        paras = self.paragraphs
        if not paras:
            return ""
        if self.teaser_kind == "whole":
            return " ".join(paras)
        if self.teaser_kind == "head":
            return self.teaser_glue + paras[0]
        if self.teaser_kind == "tail":
            return paras[0] + self.teaser_glue
        return paras[0]


def article_id(seed: int, index: int) -> str:
    return hashlib.md5(f"daily8:{seed}:{index}".encode()).hexdigest()


def _fill(rng: random.Random, template: str, subjects: list[str]) -> str:
    return template.format(
        subj=rng.choice(subjects),
        name=rng.choice(words.NAMES),
        role=rng.choice(words.ROLES),
        num=rng.randint(3, 90),
    )


def _paragraphs(rng: random.Random, lang: str) -> list[str]:
    count = 1 if rng.random() < 0.2 else rng.randint(2, 5)
    pool, subjects = (
        (words.SENTENCES, words.SUBJECTS)
        if lang == "en"
        else (words.AR_SENTENCES, words.AR_SUBJECTS)
    )
    return [
        " ".join(_fill(rng, t, subjects) for t in rng.sample(pool, rng.randint(2, 3)))
        for _ in range(count)
    ]


def _title(rng: random.Random, lang: str, seen: set[str]) -> str:
    for attempt in range(1000):
        if lang == "en":
            title = " ".join(
                (rng.choice(words.SUBJECTS), rng.choice(words.VERBS), rng.choice(words.OBJECTS),
                 rng.choice(words.PLACES))
            )  # fmt: skip
        else:
            title = " ".join(
                (
                    rng.choice(words.AR_SUBJECTS),
                    rng.choice(words.AR_VERBS),
                    rng.choice(words.AR_OBJECTS),
                )
            )
            if title in seen:
                title += f" {len(seen)}"
        if attempt > 20:
            title += f" ({len(seen)})"  # the template space is running out
        if title not in seen:
            seen.add(title)
            return title
    raise RuntimeError("could not make a unique title")


def _published(rng: random.Random, clock: datetime, kind: str | None = None) -> datetime:
    kind = kind or rng.choices(_AGE_NAMES, _AGE_WEIGHTS)[0]
    if kind == "seconds":
        return clock - timedelta(seconds=10)
    if kind == "minute":
        return clock - timedelta(minutes=1)
    if kind == "minutes":
        return clock - timedelta(minutes=rng.randint(2, 44))
    if kind == "hour":
        return clock - timedelta(hours=1)
    if kind == "hours":
        return clock - timedelta(hours=rng.randint(2, 21))
    if kind == "day":
        return clock - timedelta(days=1)
    if kind == "days":
        return clock - timedelta(days=rng.randint(2, 6))
    day = (clock - timedelta(days=rng.randint(8, 500))).date()
    at = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return at + timedelta(seconds=rng.randint(0, 86399))


def _roles(n: int) -> list[str]:
    """Roles by position: specials first, then Arabic, hidden tiers, hashtag-only, home."""
    roles: list[str] = []
    if n >= 12:
        roles += ["dropped", "invalid"] + ["noheader"] * max(1, n // 40)
        ar = max(2, n // 30)
        roles += ["ar1"] * ((ar + 1) // 2) + ["ar2"] * (ar // 2)
        roles += ["tier1"] * max(1, n * 15 // 100) + ["tier2"] * max(1, n // 10)
        roles += ["tag"] * max(1, n // 10)
    roles += ["home"] * (n - len(roles))
    return roles[:n]


class ReplicaSite:
    """All articles of one replica, the listings, and the ground truth derived from them."""

    def __init__(self, seed: int, articles: list[Article], clock: datetime) -> None:
        self.seed = seed
        self.clock = clock
        self.per_page = PER_PAGE
        self.articles: dict[str, Article] = {a.id: a for a in articles}
        home = sorted(
            (a for a in articles if a.role in ("home", "dropped", "invalid", "noheader")),
            key=lambda a: a.sort_time,
            reverse=True,
        )
        self.listings: dict[str, list[str]] = {"/en": [a.id for a in home]}
        listed = sorted(
            (a for a in articles if a.role in ("home", "tag")),
            key=lambda a: a.sort_time,
            reverse=True,
        )
        for tag in words.TAGS:
            ids = [a.id for a in listed if tag in a.hashtags]
            if ids:
                self.listings[f"/en/hashtag/{tag}"] = ids
        for path, ids in self.listings.items():
            for i in ids:
                self.articles[i].listings.append(path)

    def set_clock(self, clock: datetime) -> None:
        self.clock = clock.astimezone(timezone.utc)

    def age(self, article: Article) -> Age:
        return humanize(article.published, self.clock)

    def listing_page(self, path: str, page: int) -> tuple[list[Article], int | None] | None:
        """The articles on one page of a listing and the next page number (None on the last)."""
        ids = self.listings.get(path)
        if ids is None or page < 1:
            return None
        start = (page - 1) * self.per_page
        if start >= len(ids) and page > 1:
            return None
        chunk = [self.articles[i] for i in ids[start : start + self.per_page]]
        return chunk, (page + 1 if start + self.per_page < len(ids) else None)

    def article_truth(self, a: Article) -> dict:
        age = self.age(a)
        if (a.jsonld or a.meta) and a.published is not None:
            published_at, precision = a.published.isoformat(), "second"
        else:
            published_at = age.published_at.isoformat() if age.published_at else None
            precision = age.precision
        return {
            "id": a.id,
            "path": a.path,
            "language": a.lang,
            "source": a.source,
            "title": a.title,
            "body": "\n\n".join(a.paragraphs),
            "captions": a.captions,
            "category": a.category,
            "hashtags": list(a.hashtags),
            "true_published_at": a.published.isoformat() if a.published else None,
            "published_at": published_at,
            "published_precision": precision,
            "published_raw": age.en if a.lang == "en" else age.ar,
            "has_header": a.header,
            "has_jsonld": a.jsonld,
            "has_meta": a.meta,
            "display_title": a.display_title,
            "noise": list(a.noise),
            "related": list(a.related),
            "related_via_mirror": [a.related[i] for i in sorted(a.mirror_slots)],
            "listings": list(a.listings),
            "expect_dropped": a.dropped,
        }

    def truth(self) -> dict:
        """Ground truth at the current clock.

        Per article: id, path, language, source, title (clean), body (clean paragraphs joined
        by a blank line), captions (descriptive image captions, not body text), category,
        hashtags, true_published_at, published_at/published_precision (what a crawler should
        export: from JSON-LD/meta when the page has them, precision ``second``, else from the
        printed age), published_raw (the printed age), has_header/has_jsonld/has_meta,
        display_title (as printed, may end in `` (cloned)``), noise (kinds in the body),
        related (ids in page order), related_via_mirror, listings, expect_dropped.
        """
        return {
            "clock": self.clock.isoformat(),
            "seed": self.seed,
            "per_page": self.per_page,
            "articles": {i: self.article_truth(a) for i, a in self.articles.items()},
            "listings": {p: list(ids) for p, ids in self.listings.items()},
        }

    def reachable_ids(self, start_paths: list[str], related_depth: int) -> set[str]:
        """Every article on the listings plus related entries up to ``related_depth`` hops."""
        seen: dict[str, int] = {}
        queue: deque[str] = deque()
        for raw in start_paths:
            path = urlsplit(raw).path.rstrip("/") or "/en"
            for i in self.listings.get(path, []):
                if i not in seen:
                    seen[i] = 0
                    queue.append(i)
        while queue:
            i = queue.popleft()
            if seen[i] >= related_depth:
                continue
            for r in self.articles[i].related:
                if r not in seen:
                    seen[r] = seen[i] + 1
                    queue.append(r)
        return set(seen)

    def expected_ids(self, start_paths: list[str], related_depth: int) -> set[str]:
        """The ids a crawler should export: reachable and not expected to be dropped."""
        return {
            i
            for i in self.reachable_ids(start_paths, related_depth)
            if not self.articles[i].dropped
        }


def _pick_related(rng: random.Random, self_id: str, pool: list[str], k: int) -> list[str]:
    out: list[str] = []
    for _ in range(k * 3):
        if len(out) >= k or not pool:
            break
        c = pool[rng.randrange(len(pool))]
        if c != self_id and c not in out:
            out.append(c)
    return out


def build_site(
    seed: int = 8, articles: int = 120, clock: datetime | None = None, body_paragraphs: int = 0
) -> ReplicaSite:
    """The replica: ``articles`` made-up articles at ``clock``.

    ``body_paragraphs`` > 0 lengthens every body by that many more made-up paragraphs (drawn
    from their own random stream: ids, titles, ages and links stay those of the same seed), for
    real-size pages; the truth follows.
    """
    clock = (clock or DEFAULT_CLOCK).astimezone(timezone.utc)
    rng = random.Random(seed)
    roles = _roles(articles)
    seen_titles: set[str] = set()
    kinds = list(KINDS)
    noise_turn = 0
    turns = {"home": 0, "ar": 0}
    ar_ages = ["hour", "day", "hours", "days", "minutes"]
    items: list[Article] = []
    for index, role in enumerate(roles):
        lang = "ar" if role in ("ar1", "ar2") else "en"
        title = _title(rng, lang, seen_titles)
        kind = None
        if lang == "ar":
            kind = ar_ages[turns["ar"] % len(ar_ages)]
            turns["ar"] += 1
        elif role == "home" and turns["home"] < len(_AGE_NAMES):
            kind = _AGE_NAMES[turns["home"]]  # every age form at least once
            turns["home"] += 1
        published = _published(rng, clock, kind)
        blocks: list = (
            [] if role == "dropped" else [("p", p, _esc(p)) for p in _paragraphs(rng, lang)]
        )
        art = Article(
            id=article_id(seed, index),
            lang=lang,
            role=role,
            source=rng.choice(words.SOURCES if lang == "en" else words.AR_SOURCES),
            title=title,
            display_title=title,
            blocks=blocks,
            category=rng.choice(words.CATEGORIES) if lang == "en" and rng.random() < 0.7 else None,
            hashtags=[],
            published=None if role == "invalid" else published,
            sort_time=published,
        )
        if role == "dropped":
            art.dropped = MISSING_BODY
        if role == "noheader":
            art.header = False
        if lang == "en" and blocks:
            chosen = []
            if noise_turn < len(kinds):
                chosen.append(kinds[noise_turn])
                noise_turn += 1
            while rng.random() < 0.45 and len(chosen) < 4:
                chosen.append(rng.choice(kinds))
            add_noise(rng, blocks, chosen)
            art.noise = chosen
            if rng.random() < 0.05 or index == len(roles) - 1:
                art.display_title = title + TITLE_SUFFIX
        if role in ("home", "tag", "tier1", "tier2") and blocks:
            art.jsonld = rng.random() < 0.25
            art.meta = rng.random() < 0.2
            art.offset_hours = rng.choice([0, 0, 1, 3, -5, 10])
        if role == "home" and rng.random() < 0.4:
            art.hashtags = rng.sample(words.TAGS, rng.randint(1, 3))
        elif role == "tag":
            art.hashtags = rng.sample(words.TAGS, rng.randint(1, 2))
        if blocks and rng.random() < 0.15:
            art.gallery = rng.randint(3, 12)
        r = rng.random()
        art.teaser_kind = (
            "first" if r < 0.5 else "whole" if r < 0.8 else rng.choice(["head", "tail"])
        )
        art.teaser_glue = rng.choice(TEASER_HEADS if art.teaser_kind == "head" else TEASER_TAILS)
        items.append(art)
    _link(rng, items)
    if body_paragraphs > 0:
        _lengthen(seed, items, body_paragraphs)
    if items and items[-1].role == "home":
        items[-1].source = "9 News"  # a source name that starts with a digit
    # A source name that ends in a digit, glued to "N hours ago" in the header line:
    # "Channel 45 hours ago" is "Channel 4" + "5 hours ago" (the site never prints 45 hours).
    # On a page without JSON-LD or meta times, so the header age is what dates it.
    glued = [
        a
        for a in items[:-1]
        if a.role == "home"
        and a.header
        and not (a.jsonld or a.meta)
        and HOURS_AGO.fullmatch(humanize(a.published, clock).en)
    ]
    if glued:
        glued[0].source = "Channel 4"
    return ReplicaSite(seed, items, clock)


def _lengthen(seed: int, items: list[Article], count: int) -> None:
    """``count`` more paragraphs after each body's first one (not at the end, where publisher
    rails and promos sit)."""
    for index, art in enumerate(items):
        first = next((i for i, b in enumerate(art.blocks) if b[0] == "p"), None)
        if first is None:
            continue
        rng = random.Random(f"{seed}:body:{index}")
        extra = []
        while len(extra) < count:
            extra.extend(p for p in _paragraphs(rng, art.lang) if p not in extra)
        art.blocks[first + 1 : first + 1] = [("p", p, _esc(p)) for p in extra[:count]]


def _esc(text: str) -> str:
    from html import escape

    return escape(text, quote=False)


def _link(rng: random.Random, items: list[Article]) -> None:
    """Related chains: listings -> tier1 -> tier2, Arabic: home -> ar1 -> ar2."""
    by: dict[str, list[str]] = {}
    for a in items:
        by.setdefault(a.role, []).append(a.id)
    home = by.get("home", [])
    listed = home + by.get("tag", []) + by.get("noheader", []) + by.get("invalid", [])
    tier1, tier2 = by.get("tier1", []), by.get("tier2", [])
    ar1, ar2 = by.get("ar1", []), by.get("ar2", [])
    pools = {
        "home": listed + tier1, "tag": listed + tier1, "noheader": listed + tier1,
        "invalid": listed + tier1, "tier1": tier2 + listed + tier1, "tier2": listed + tier1 + tier2,
        "ar1": ar1 + ar2, "ar2": ar1 + ar2,
    }  # fmt: skip
    index = {a.id: a for a in items}
    for a in items:
        if a.role != "dropped":
            a.related = _pick_related(rng, a.id, pools[a.role], rng.randint(2, 5))
    # every hidden article is reached one hop further than the tier before it
    for targets, sources in ((tier1, home), (ar1, home), (tier2, tier1), (ar2, ar1)):
        reached = {r for s in sources for r in index[s].related}
        for t in targets:
            if not sources or t in reached:
                continue
            src = index[rng.choice([s for s in sources if s != t] or sources)]
            if t != src.id:
                src.related.insert(rng.randint(0, len(src.related)), t)
    # tier2 must not be one hop from a listing
    for a in items:
        if a.role in ("home", "tag", "noheader", "invalid"):
            a.related = [r for r in a.related if index[r].role not in ("tier2", "ar2")]
    forced = False
    for a in items:
        if a.lang != "en":
            continue
        slots = {
            i for i, r in enumerate(a.related) if index[r].lang == "en" and rng.random() < 0.04
        }
        if not forced and a.role == "home" and a.related and index[a.related[0]].lang == "en":
            slots.add(0)
            forced = True
        a.mirror_slots = frozenset(slots)
