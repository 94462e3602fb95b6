"""The site registry: what each aggregator looks like, read from ``settings/<name>.toml``.

Every profile is parsed once (:func:`load_profile`, cached) into a :class:`SiteProfile` that
carries all that is site-specific: URL patterns and the article id, chrome labels, per-site
noise, timezone, browser needs and the ``kind`` of aggregator. Components take the site from
the item (``item["aggregator"]``) or the spider that made the request, never a default.

The operator-edited folder ``settings/`` is found, in order, at ``$NEWSBOT_SETTINGS_DIR``,
next to the package in a source checkout, or inside the installed package as
``newsbot.site_config`` (pyproject maps ``settings/`` there, so a scrapyd egg carries it).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomllib
from cssselect import SelectorSyntaxError
from parsel.csstranslator import css2xpath as css_to_xpath

from newsbot.exitcodes import UsageError
from newsbot.spiders.hosts import in_domains
from newsbot.spiders.kinds import DEFAULT_KIND, SPIDER_KINDS
from newsbot.url_variants import (
    front_path_route,
    is_other_page,
    may_be_a_story_alias,
    may_name_a_page,
    path_variants,
    plain_url,
    redirect_target,
    routed_path,
)
from newsbot.usage import did_you_mean, not_utf8, one_of, operator_text, short


def settings_dir() -> Path | resources.abc.Traversable:
    """The folder holding profiles, noise rules and environment overlays."""
    override = os.environ.get("NEWSBOT_SETTINGS_DIR")
    if override:  # a relative one is read from the current folder: messages say which
        return Path(override).absolute()
    checkout = Path(__file__).resolve().parent.parent / "settings"
    if (checkout / "noise.toml").is_file():  # a source checkout (any site profiles)
        return checkout
    try:
        return resources.files("newsbot.site_config")
    except ModuleNotFoundError:
        # a checkout whose settings/ was moved or renamed (ops round 8: a ModuleNotFoundError
        # traceback from every command, scrapy list included): one line, exit status 2
        print(
            f"newsbot: no settings folder: {checkout} has no noise.toml (moved or renamed?); "
            "put it back, or set NEWSBOT_SETTINGS_DIR to the folder that holds daily8.toml "
            "and noise.toml",
            file=sys.stderr,
        )
        raise SystemExit(2) from None


def shown_path(name: str) -> str:
    """How a message names the file ``settings/<name>``: the path read when
    ``NEWSBOT_SETTINGS_DIR`` moves the folder (the operator edits that copy)."""
    if os.environ.get("NEWSBOT_SETTINGS_DIR"):
        return str(settings_dir() / name)
    return f"settings/{name}"


def read_settings_file(name: str) -> str:
    """Text of a file under ``settings/`` (works from a checkout, a wheel or an egg); a byte
    order mark some editors write at its start is not part of it."""
    return operator_text((settings_dir() / name).read_bytes())


def load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_settings_file(name))


def load_settings_toml(
    name: str, where: str, error: type[UsageError] = UsageError
) -> dict[str, Any]:
    """``settings/<name>`` parsed: the one way newsbot reads its TOML files.

    A missing file raises :class:`FileNotFoundError` (the caller knows what exists instead);
    any other failure raises ``error`` with one line: ``<where>: settings/<name> cannot be
    read (...)`` or ``... is not valid TOML (...)``.
    """
    try:
        return load_toml(name)
    except IsADirectoryError:
        raise FileNotFoundError(name) from None
    except UnicodeDecodeError as exc:
        raise error(f"{where}: {shown_path(name)} is {not_utf8(exc)}") from None
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise error(f"{where}: {shown_path(name)} cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{where}: {shown_path(name)} is not valid TOML ({exc})") from None


@dataclass(frozen=True)
class ArticlePattern:
    regex: re.Pattern[str]
    language: str


@dataclass(frozen=True)
class Chrome:
    """The site's own interface text in one language."""

    language: str
    hashtags: str
    block: tuple[str, ...]
    related: str
    listing_heading: str
    other: tuple[str, ...]
    #: Regular expressions for the site's gallery counters ("Show all 12").
    gallery_counter: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteProfile:
    name: str
    #: What kind of aggregator this is (a key of ``newsbot.spiders.kinds.SPIDER_KINDS``).
    kind: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    canonical_host: str
    mirror_hosts: tuple[str, ...]
    timezone: str
    day_first: bool
    browser: str
    article_patterns: tuple[ArticlePattern, ...]
    listing_patterns: tuple[re.Pattern[str], ...]
    hashtag_pattern: re.Pattern[str]
    pagination_labels: frozenset[str]
    max_pages: int
    chrome: dict[str, Chrome]
    categories: frozenset[str]
    age_prefix: str
    unreadable_ages: tuple[str, ...] = ()
    #: The N the site prints per age unit (``{"hours": (2, 21)}``); settles glued headers.
    age_ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: Source names the site credits, as printed (the noise cleaner reads echoes of them).
    known_sources: tuple[str, ...] = ()
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    # -- URL knowledge -------------------------------------------------------------
    def article_id(self, url: str) -> tuple[str, str] | None:
        """``(id, language)`` when ``url`` is an article page of this site (by its plain
        address or another the site prints for it: newsbot.url_variants)."""
        found = _article_match(self.article_patterns, redirect_target(url) or url)
        return None if found is None else found[:2]

    def may_lead_to_article(self, url: str) -> bool:
        """Whether ``url``, no article address itself, is a page file named by a token shaped
        like an article's id (Optimizely's permanent links `/link/<guid>.aspx`, which the
        site redirects to the article they name: blind site 78), or another address a
        platform prints for a story (:func:`may_be_a_story_alias`: DataLife Engine's
        `/index.php?newsid=118`, Tilda's `/tpost/<id>-<slug>`, DNN's `/ArticleID/1234/`,
        uCoz's `/news/2025-11-30-123`: sites 79 to 82): where it leads is asked."""
        return _may_lead(self.article_patterns, url)

    def may_lead_from_related(self, url: str, page_host: str) -> bool:
        """Whether a related entry's link ``url`` (an entry the site lists as an article) may
        lead to one: any page on the host of the page it is on (or the site's own), no file,
        listing or front page (:func:`may_name_a_page`), as well as what
        :meth:`may_lead_to_article` takes."""
        if self.may_lead_to_article(url):
            return True
        host = urlsplit(url).hostname or ""
        return (host == page_host or self.owns_host(host)) and may_name_a_page(url)

    def article_url(self, url: str) -> str:
        """The plain address of the article ``url`` links to (its AMP twin's, its index
        file's, with tracking or view parameters): where it is fetched, once."""
        url = redirect_target(url) or url  # a click-through link's target
        found = _article_match(self.article_patterns, url)
        return url if found is None else plain_url(url, found[2])

    def owns_host(self, host: str) -> bool:
        """Whether ``host`` is one of the site's own domains (or a subdomain of one)."""
        return in_domains(host, self.allowed_domains)

    def is_listing(self, url: str) -> bool:
        path = urlsplit(url).path or "/"
        return any(p.match(path) for p in self.listing_patterns)

    def hashtag(self, url: str) -> str | None:
        match = self.hashtag_pattern.match(urlsplit(url).path)
        return unquote(match.group("tag")) if match else None

    def is_pagination_label(self, text: str) -> bool:
        return " ".join(text.split()).casefold() in self.pagination_labels

    # -- interface text ------------------------------------------------------------
    def related_labels(self) -> frozenset[str]:
        return frozenset(c.related.casefold() for c in self.chrome.values())

    def hashtag_labels(self) -> frozenset[str]:
        return frozenset(c.hashtags.casefold() for c in self.chrome.values())

    def chrome_lines(self) -> frozenset[str]:
        lines: set[str] = set()
        for chrome in self.chrome.values():
            lines.update(s.casefold() for s in chrome.block)
        return frozenset(lines)


def profile_from_dict(data: dict[str, Any]) -> SiteProfile:
    from newsbot.timestamps.ranges import read_age_ranges  # timestamps reads settings_dir

    urls = data.get("urls", {})
    chrome = {
        lang: Chrome(
            language=lang,
            hashtags=c.get("hashtags", "Hashtags"),
            block=tuple(c.get("block", ())),
            related=c.get("related", "Related Articles"),
            listing_heading=c.get("listing_heading", ""),
            other=tuple(c.get("other", ())),
            gallery_counter=_strings(c.get("gallery_counter", ())),
        )
        for lang, c in data.get("chrome", {}).items()
    }
    pagination = data.get("pagination", {})
    entries = data.get("entries", {})
    return SiteProfile(
        name=data["name"],
        kind=str(data.get("kind", DEFAULT_KIND)),
        start_urls=tuple(data.get("start_urls", ())),
        allowed_domains=tuple(data.get("allowed_domains", ())),
        canonical_host=data.get("canonical_host", ""),
        mirror_hosts=tuple(data.get("mirror_hosts", ())),
        timezone=data.get("timezone", "UTC"),
        day_first=bool(data.get("day_first", True)),
        browser=data.get("browser", "never"),
        article_patterns=tuple(
            ArticlePattern(re.compile(a["pattern"]), a.get("language", "en"))
            for a in urls.get("article", ())
        ),
        listing_patterns=tuple(re.compile(p) for p in urls.get("listing", ())),
        hashtag_pattern=re.compile(urls.get("hashtag", r"^/hashtag/(?P<tag>[^/?#]+)")),
        pagination_labels=frozenset(
            " ".join(label.split()).casefold() for label in pagination.get("labels", ())
        ),
        max_pages=int(pagination.get("max_pages", 50)),
        chrome=chrome,
        categories=category_names(entries.get("categories", ())),
        age_prefix=entries.get("age_prefix", "time"),
        unreadable_ages=tuple(entries.get("unreadable_ages", ())),
        age_ranges=read_age_ranges(data.get("ages", {})),
        known_sources=_strings(entries.get("known_sources", ())),
        raw=data,
    )


def _strings(value: Any) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    if isinstance(value, str):
        return (value,)
    return tuple(v for v in value if isinstance(v, str))


@lru_cache(maxsize=4096)
def _may_lead(patterns: tuple[ArticlePattern, ...], url: str) -> bool:
    if _article_match(patterns, url) is not None:
        return False
    return _archive_match(
        patterns, urlsplit(url).path, loose=True
    ) is not None or may_be_a_story_alias(url)


@lru_cache(maxsize=4096)
def _article_match(patterns: tuple[ArticlePattern, ...], url: str) -> tuple[str, str, str] | None:
    """``(id, language, plain path)`` of an article URL: its path as it is, else another
    spelling of it (an AMP twin's, an index file's, in capitals)."""
    if is_other_page(url):
        return None  # its edit form, its history
    path = urlsplit(url).path
    routed = routed_path(url)
    routes = (routed, *path_variants(routed)) if routed else ()
    candidates = (path, *path_variants(path), *routes)
    found = _first_match(patterns, candidates)
    if found is not None:
        return found
    # a site served under a base path as well (a GitHub Pages project site's
    # `/daily8/en/article/<id>/`: blind site 71): the article's id read under it, fetched
    # where the link points (its base path's spellings are not known to be served)
    for candidate in candidates:
        base, slash, rest = candidate[1:].partition("/")
        if not slash or not base or "/" not in rest:
            continue
        for pattern in patterns:
            match = pattern.regex.match("/" + rest)
            if match:
                return match.group("id").lower(), pattern.language, path
    # a route through a front controller (`/index.php/en/article/<id>`: blind site 77): the
    # article, fetched at the controller's spelling (its pretty one is not known to be served)
    routed_through = front_path_route(path)
    if routed_through is not None:
        route, fetched = routed_through
        found = _first_match(patterns, (route, *path_variants(route)))
        if found is not None:
            return found[0], found[1], fetched
    return _archive_match(patterns, path)


def _first_match(
    patterns: tuple[ArticlePattern, ...], candidates: tuple[str, ...]
) -> tuple[str, str, str] | None:
    """``(id, language, candidate)`` of the first spelling a pattern matches, or None."""
    for candidate in candidates:
        for pattern in patterns:
            match = pattern.regex.match(candidate)
            if match:
                return match.group("id").lower(), pattern.language, candidate
    return None


# a static archive's page named by the article's id (Movable Type's
# `/en/archives/2026/11/<id>.html`: blind site 73), or the id under a dated folder
_PAGE_EXTENSION = re.compile(r"\.(?:html?|shtml|php|aspx?|jsp)$", re.I)
_DATED_FOLDER = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/")
_LANGUAGE_GROUP = re.compile(r"\(\?P<lang>([a-z]{2,3}(?:-[a-z]{2,4})?)\)")
_LANGUAGE_LITERAL = re.compile(r"\^/([a-z]{2,3}(?:-[a-z]{2,4})?)/")
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2}(?:-[a-z]{2,4})?")
_ARCHIVE_ID_MIN = 8  # an id this long or longer names one page, not a day or a page number
# where an undated page file named by the id is the article: the language's folder itself or
# its archive folder (`/en/<id>.html`, `/archives/<id>.html`)
_ARCHIVE_FOLDER = re.compile(r"(?:archives?)?", re.I)


def _language_folders(patterns: tuple[ArticlePattern, ...]) -> set[str]:
    return {folder for p in patterns if (folder := _archive_parts(p)[1]) is not None}


def _archive_match(
    patterns: tuple[ArticlePattern, ...], path: str, loose: bool = False
) -> tuple[str, str, str] | None:
    """``(id, language, path)`` when ``path``'s last segment is an article's id as a page file
    (or under a dated folder) in the language folder of the pattern it belongs to; ``loose``:
    in any folder (a token shaped like an id, which may name another page)."""
    folders, _, last = path.rstrip("/").rpartition("/")
    stem = _PAGE_EXTENSION.sub("", last)
    dated = _DATED_FOLDER.search(path + "/") is not None
    if stem == last and not dated:
        return None  # not a page file, not in a dated archive: an id there may be anything
    if len(stem) < _ARCHIVE_ID_MIN:
        return None
    first, _, inner = folders[1:].partition("/")
    prefixes = _language_folders(patterns)
    if (
        not loose
        and not dated
        and not _ARCHIVE_FOLDER.fullmatch(inner if first in prefixes else folders[1:])
    ):
        # a page file named by an id-shaped token elsewhere (Optimizely's permanent links
        # `/link/<guid>.aspx`: blind site 78) is another page's
        return None
    for pattern in patterns:
        id_regex, prefix = _archive_parts(pattern)
        if id_regex is None or not id_regex.fullmatch(stem):
            continue
        if prefix is not None and first != prefix:
            continue
        if prefix is None and (first in prefixes or _LANGUAGE_FOLDER.fullmatch(first)):
            continue  # another language's folder
        return stem.lower(), pattern.language, path
    return None


@lru_cache(maxsize=64)
def _archive_parts(pattern: ArticlePattern) -> tuple[re.Pattern[str] | None, str | None]:
    """The pattern's ``id`` group alone, and the language folder before it (``en``), if any."""
    source = pattern.regex.pattern
    start = source.find("(?P<id>")
    if start < 0:
        return None, None
    end = _group_end(source, start)
    if end is None:
        return None, None
    try:
        id_regex = re.compile(source[start:end], pattern.regex.flags)
    except re.error:
        return None, None
    head = source[:start]
    found = _LANGUAGE_GROUP.search(head) or _LANGUAGE_LITERAL.match(head)
    return id_regex, found.group(1) if found else None


def _group_end(source: str, start: int) -> int | None:
    """The index after the parenthesis closing the group that opens at ``start``."""
    depth, n, in_class = 0, start, False
    while n < len(source):
        ch = source[n]
        if ch == "\\":
            n += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return n + 1
        n += 1
    return None


class ProfileError(UsageError):
    """A site profile that is missing or cannot be used; one line naming the file."""


class ProfileNotFound(ProfileError):
    """No ``settings/<name>.toml`` (a spider without a profile, such as reprocess's)."""


# a profile has a [urls] table (or urls.article = / urls = {...}); other settings files do not
_URLS_TABLE = re.compile(r"^\s*(?:\[\s*urls\b|urls\s*[.=])", re.MULTILINE)


def registered_sites() -> dict[str, str]:
    """The registry: every site profile under ``settings/``, as name -> kind.

    A file is a profile when it says what the site's URLs look like (``[urls]``); noise and
    zone tables are not. A profile that cannot be parsed is listed too (kind as written, or
    the default): using it then fails with its own one-line error, not as an unknown site.
    """
    sites: dict[str, str] = {}
    try:
        entries = list(settings_dir().iterdir())
    except OSError:
        return {}
    for entry in entries:
        if not entry.name.endswith(".toml"):
            continue
        name = entry.name[: -len(".toml")]
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not _URLS_TABLE.search(text):  # noise and zone tables: not parsed here
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            sites[name] = DEFAULT_KIND
            continue
        if "urls" in data:
            sites[name] = str(data.get("kind", DEFAULT_KIND))
    return dict(sorted(sites.items()))


def available_profiles() -> list[str]:
    """Names of the site profiles under ``settings/`` (``daily8``...)."""
    return list(registered_sites())


def category_names(names: Any) -> frozenset[str]:
    """The categories as lines are compared with them (case-folded), an English plural with
    its singular too: a copy of the site that prints `Sport` for its `Sports`. (`News`,
    `Business`, `Politics` and the like have no singular.)"""
    forms: set[str] = set()
    for name in names:
        folded = str(name).casefold()
        forms.add(folded)
        plural = folded.isascii() and folded.isalpha() and folded.endswith("s")
        if plural and not folded.endswith(_PLURAL_ONLY_ENDINGS):
            forms.add(folded[:-1])
    return frozenset(forms)


# words whose final s is not a plural's: `Business`, `News`, `Politics`, `Economics`, `Bonus`
_PLURAL_ONLY_ENDINGS = ("ss", "ws", "ics", "us", "is")


@lru_cache(maxsize=16)
def load_profile(name: str) -> SiteProfile:
    """The profile ``settings/<name>.toml``; :class:`ProfileError` when it cannot be used."""
    where = f"site profile {shown_path(name + '.toml')}"
    try:
        data = load_settings_toml(f"{name}.toml", "site profile", ProfileError)
    except FileNotFoundError:
        known = available_profiles()
        raise ProfileNotFound(
            f"{where}: not found in {settings_dir()}{did_you_mean(name, known)}; "
            f"available: {', '.join(known) or 'none'} (NEWSBOT_SETTINGS_DIR moves the folder)"
        ) from None
    _check_keys(where, data)
    _check_types(where, data)
    data.setdefault("name", name)
    if data["name"] != name:  # items name their site by it: it must find this file again
        raise ProfileError(
            f"{where}: name {data['name']!r} differs from the file's name; "
            f"write name = {name!r} (or rename the file)"
        )
    try:
        profile = profile_from_dict(data)
    except re.error as exc:
        keys = [
            key
            for key, value in data.get("urls", {}).items()
            if value == exc.pattern or (isinstance(value, list) and exc.pattern in value)
        ]
        named = f"[urls] {keys[0]}" if keys else "[urls]"
        raise ProfileError(
            f"{where}: bad regular expression {exc.pattern!r} in {named} ({exc})"
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProfileError(
            f"{where}: a value has the wrong type or is missing ({type(exc).__name__}: {exc})"
        ) from None
    _check_profile(where, profile)
    return profile


# The keys a profile may hold, per table (a misspelt key would be ignored: `max_page = 1`
# would crawl fifty pages)
PROFILE_KEYS: dict[str, frozenset[str]] = {
    "": frozenset(
        [
            "name",
            "kind",
            "start_urls",
            "allowed_domains",
            "canonical_host",
            "mirror_hosts",
            "timezone",
            "day_first",
            "browser",
            "script_filled",
            "urls",
            "pagination",
            "chrome",
            "ages",
            "entries",
            "river",
        ]
    ),
    "urls": frozenset(
        ["article", "listing", "hashtag", "story", "redirect", "redirect_params", "interstitial"]
    ),
    "pagination": frozenset(["labels", "max_pages"]),
    "entries": frozenset(["categories", "age_prefix", "unreadable_ages", "known_sources"]),
    "river": frozenset(
        ["story_labels", "continue_labels", "min_headline_words", "follow_listings"]
    ),
    "chrome.*": frozenset(
        ["hashtags", "block", "related", "listing_heading", "other", "gallery_counter"]
    ),
}


def _check_keys(where: str, data: dict[str, Any]) -> None:
    """Every key is one the profile reads; else :class:`ProfileError` naming it and the
    key it is close to."""
    tables: list[tuple[str, str, Any]] = [("", "", data)]
    tables += [(key, key, data.get(key)) for key in PROFILE_KEYS if key and key != "chrome.*"]
    chrome = data.get("chrome")
    if isinstance(chrome, dict):
        tables += [("chrome.*", f"chrome.{lang}", value) for lang, value in chrome.items()]
    for schema, label, table in tables:
        if table is not None and schema not in ("", "chrome.*") and not isinstance(table, dict):
            # `urls = ['^/en/article/...']` (ops round 26): a table's keys written as a list
            raise ProfileError(
                f"{where}: {label} = {short(table)}: expected a table, [{label}] on a line of "
                f"its own with its keys under it{_TABLE_EXAMPLES.get(label, '')}"
            )
        if not isinstance(table, dict):
            continue
        allowed = PROFILE_KEYS[schema]
        for key in table:
            if key not in allowed:
                at = f"[{label}] " if label else ""
                raise ProfileError(
                    f"{where}: unknown key {at}{key!r}{did_you_mean(key, allowed)}; "
                    f"expected {one_of(allowed)}"
                )


# What each value must be, as TOML writes it (`day_first = "false"` would read as true,
# `start_urls = "https://..."` letter by letter)
_LIST = (list, 'a list of strings, e.g. ["https://www.example.com/en"]')
_TEXT = (str, "a string in quotes")
_YES_NO = (bool, "true or false, without quotes")
_WHOLE = (int, "a whole number, without quotes")
PROFILE_TYPES: dict[tuple[str, str], tuple[type, str]] = {
    ("", "name"): _TEXT,
    ("", "kind"): _TEXT,
    ("", "start_urls"): _LIST,
    ("", "allowed_domains"): (list, 'a list of strings, e.g. ["example.com"]'),
    ("", "canonical_host"): _TEXT,
    ("", "mirror_hosts"): (list, 'a list of strings, e.g. ["mirror.example.com"]'),
    ("", "timezone"): _TEXT,
    ("", "day_first"): _YES_NO,
    ("", "browser"): _TEXT,
    ("pagination", "labels"): _LIST,
    ("pagination", "max_pages"): _WHOLE,
    ("entries", "categories"): _LIST,
    ("entries", "age_prefix"): _TEXT,
    ("entries", "unreadable_ages"): _LIST,
    ("urls", "redirect_params"): _LIST,
    ("river", "story_labels"): _LIST,
    ("river", "continue_labels"): _LIST,
    ("river", "min_headline_words"): _WHOLE,
    # `follow_listings = "false"` read as true (ops round 7): a string is refused
    ("river", "follow_listings"): _YES_NO,
}
_PATTERNS = "a regular expression in quotes, or a list of them"
_TABLE_EXAMPLES = {"urls": " (article = [...], listing = [...])"}


def _check_types(where: str, data: dict[str, Any]) -> None:
    """Every value the profile reads is of its type; else :class:`ProfileError` naming the
    key, what it holds and what it must be."""
    for (table, key), (kind, meaning) in PROFILE_TYPES.items():
        holder = data.get(table) if table else data
        if not isinstance(holder, dict) or key not in holder:
            continue
        value = holder[key]
        wrong = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        if kind is list and not wrong:
            wrong = not all(isinstance(v, str) for v in value)
        if wrong:
            at = f"[{table}] " if table else ""
            raise ProfileError(f"{where}: {at}{key} = {short(value)}: expected {meaning}")


def _check_profile(where: str, profile: SiteProfile) -> None:
    try:
        ZoneInfo(profile.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ProfileError(
            f"{where}: timezone {profile.timezone!r} is not an IANA zone name such as "
            "Europe/London or UTC"
        ) from None
    if profile.kind not in SPIDER_KINDS:  # first: a misspelt kind explains what follows
        raise ProfileError(
            f"{where}: kind {profile.kind!r}{did_you_mean(profile.kind, SPIDER_KINDS)}: "
            f"expected {one_of(SPIDER_KINDS)}"
        )
    if "tag" not in profile.hashtag_pattern.groupindex:
        # ops round 12: every article with hashtags failed ("no such group"), exit 0
        raise ProfileError(
            f"{where}: hashtag pattern {profile.hashtag_pattern.pattern!r} has no "
            "(?P<tag>...) group"
        )
    if profile.kind == "river":
        _check_river(where, profile)
    elif not profile.article_patterns:
        raise ProfileError(f"{where}: [urls] article is empty; no page would be an article")
    for pattern in profile.article_patterns:
        if "id" not in pattern.regex.groupindex:
            raise ProfileError(
                f"{where}: article pattern {pattern.regex.pattern!r} has no (?P<id>...) group"
            )
    for url in profile.start_urls if profile.kind != "river" else ():
        if profile.is_listing(url) and profile.article_id(url):
            # `(?P<id>.*)`: every listing would be read as an article, a crawl of one page
            raise ProfileError(
                f"{where}: an article pattern in [urls] also matches the listing {url}; "
                "it must match article pages only"
            )
    if profile.browser not in ("never", "always", "auto"):
        raise ProfileError(
            f"{where}: browser {profile.browser!r}: expected one of: always, auto, never"
        )
    if profile.max_pages < 1:
        raise ProfileError(f"{where}: [pagination] max_pages must be at least 1")
    _check_selectors(where, profile.raw.get("script_filled"))


def _check_selectors(where: str, table: object) -> None:
    """``script_filled``: page kind -> CSS selectors, each one that parses (a broken one was
    found only when a browser mode read it, as a failure on every article page)."""
    if table is None:
        return
    if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
        raise ProfileError(
            f"{where}: script_filled: expected a table of lists of CSS selectors, e.g. "
            "{ article = ['[data-fill=\"related\"]'] }"
        )
    for kind, selectors in table.items():
        for selector in selectors:
            try:
                css_to_xpath(str(selector))
            except SelectorSyntaxError as exc:
                raise ProfileError(
                    f"{where}: script_filled.{kind}: {selector!r} is not a CSS selector ({exc})"
                ) from None


def _check_river(where: str, profile: SiteProfile) -> None:
    """A river's article pages are the publishers': it needs story and redirect patterns,
    not article patterns."""
    urls = profile.raw.get("urls", {})
    for key in ("story", "redirect", "interstitial"):
        value = urls.get(key, [])
        listed = [value] if isinstance(value, str) else value
        if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
            raise ProfileError(f"{where}: [urls] {key} = {short(value)}: expected {_PATTERNS}")
        for pattern in listed:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ProfileError(
                    f"{where}: bad regular expression {pattern!r} in [urls] {key} ({exc})"
                ) from None
            # `redirect = ['.*']`: every listing read as a link out, a crawl of nothing
            for url in profile.start_urls:
                path = urlsplit(url).path or "/"
                if profile.is_listing(url) and compiled.match(path):
                    raise ProfileError(
                        f"{where}: [urls] {key} pattern {pattern!r} also matches the listing "
                        f"{url}; it must match {_RIVER_PAGES[key]} only"
                    )


_RIVER_PAGES = {
    "story": "story pages",
    "redirect": "the river's redirect links",
    "interstitial": "consent or interstitial pages",
}
