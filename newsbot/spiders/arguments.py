"""Spider arguments (``-a name=value``), validated before any request goes out.

Every mistake raises :class:`ArgumentError` (a :class:`newsbot.exitcodes.UsageError`) whose
message is one line: the argument, what was wrong, what is allowed and, for a misspelled
name, the argument probably meant. An empty value (an unset shell variable) is an error,
never a silent fallback to the profile's defaults.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from newsbot.exitcodes import UsageError
from newsbot.timestamps import parse_since, to_iso_z
from newsbot.usage import did_you_mean, not_utf8, operator_text, short

# A ``since`` this far past the crawl's clock is still taken (clocks drift a little).
FUTURE_TOLERANCE = timedelta(minutes=5)

ARGUMENTS = {
    "start_urls": "comma-separated http(s) listing or article URLs",
    "related_depth": "a whole number >= 0",
    "max_articles": "a whole number >= 1",
    "since": "a duration (30m, 24h, 7d, 2w) or an ISO time (2026-11-25T06:00Z)",
    "mirror_hosts": "comma-separated host or host:port names",
    "fresh": "1/true/yes/on or 0/false/no/off",
}
# What a resumed crawl (JOBDIR) or a joining worker (Redis) must share with the crawl it
# continues: its queued requests were made for these. ``since`` and ``fresh`` may differ (a
# later resume reads "24h" from a later now).
SHAPING_ARGUMENTS = ("start_urls", "related_depth", "max_articles", "mirror_hosts")
# What a worker joining a distributed crawl must share with it besides: the crawl's articles
# are shared out between its workers, so one that skips what is older than its own ``since``
# (or stops its listings at its own page limit) drops the others' share. Each is recorded
# only when given, as given (`24h` on every worker of one crawl).
WORKER_ARGUMENTS = (*SHAPING_ARGUMENTS, "since")
_FLAGS = {"1": True, "true": True, "yes": True, "on": True}
_FLAGS.update({"0": False, "false": False, "no": False, "off": False})
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$", re.I)


class ArgumentError(UsageError):
    """A spider argument that cannot be used; the message says which, why and what is allowed."""


@dataclass(frozen=True)
class CrawlArguments:
    start_urls: tuple[str, ...]
    related_depth: int = 1
    max_articles: int | None = None
    since: datetime | None = None
    mirror_hosts: tuple[str, ...] = ()
    fresh: bool = False
    since_given: str | None = None  # ``since`` as typed (``24h``), for workers to compare


def check_names(given: Iterable[str], known: Iterable[str] = ARGUMENTS) -> None:
    """Unknown ``-a`` names are errors (``-a max_article=5`` must not crawl the whole site).

    Names starting with ``_`` are passed by tools (scrapyd's ``_job``) and are left alone.
    """
    known = list(known)
    for name in given:
        if name in known or name.startswith("_"):
            continue
        raise ArgumentError(
            f"-a {name}: unknown spider argument{did_you_mean(name, known)}; "
            f"known: {', '.join(known)}"
        )


def _expected(name: str) -> str:
    return ARGUMENTS.get(name) or PAGE_ARGUMENTS.get(name, "a value")


def _text(name: str, value: object) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, (list, tuple)):  # from code: get_crawler(...).crawl(start_urls=[...])
        text = ",".join(map(str, value))
    else:
        text = str(value)
    if not text.strip():
        raise ArgumentError(
            f"-a {name}: empty value (an unset shell variable?); expected "
            f"{_expected(name)}, or leave the argument out"
        )
    return text.strip()


def _items(name: str, value: object) -> list[str]:
    items = [v.strip() for v in _text(name, value).split(",")]
    if any(not v for v in items):
        raise ArgumentError(f"-a {name}: empty item in {short(value)}; expected {_expected(name)}")
    return items


def check_url(name: str, url: str) -> str:
    """An absolute http(s) URL with a host and, if any, a port from 1 to 65535."""
    expected = "an http(s) URL such as https://www.daily8.com/en"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        raise ArgumentError(f"-a {name}: {short(url)} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ArgumentError(
            f"-a {name}: {short(url)} is not http(s) (scheme {parts.scheme or 'missing'!r}); "
            f"expected {expected}"
        )
    if not host:
        raise ArgumentError(f"-a {name}: {short(url)} has no host; expected {expected}")
    if not _valid_host(host):
        raise ArgumentError(f"-a {name}: {short(url)}: {host!r} is not a valid host name")
    if port == 0:
        raise ArgumentError(f"-a {name}: {short(url)}: port 0 is not allowed (1-65535)")
    if parts.username is not None or parts.password is not None:
        # ops round 12: it failed at download ("invalid hostname") with the password in the
        # log, the report and the summary
        raise ArgumentError(
            f"-a {name}: a URL with a user name or password (…@{host}): give the page's URL "
            "without them (they would be written to the log and the run summary)"
        )
    if any(c.isspace() for c in url):
        # ops round 12: `URL1 URL2` was fetched as one URL with %20 in it (a 404)
        raise ArgumentError(
            f"-a {name}: {short(url)} holds a space: one URL each (a space inside a URL is %20)"
        )
    if _SECOND_URL.search(url, 1):
        # ops round 7: `URL1;URL2` was one URL with a second in its path (a 404)
        raise ArgumentError(
            f"-a {name}: {short(url)} holds two URLs: one URL each (commas between them)"
        )
    return url


# a second URL inside one: after a `;` or `|`, or glued on (not a query's value, `?u=https://`)
_SECOND_URL = re.compile(r"[;|]\s*https?://|(?<![=/:%])https?://", re.I)


def _valid_host(host: str) -> bool:
    if ":" in host:  # an IPv6 literal, already checked by urlsplit's brackets
        return True
    labels = host.rstrip(".").split(".")
    return all(_HOST_LABEL.match(label) for label in labels)


def check_host(name: str, value: str) -> str:
    """``host`` or ``host:port`` (or a URL, whose host and port are kept), lower-cased."""
    candidate = value if "//" in value else f"http://{value}"
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise ArgumentError(
            f"-a {name}: {short(value)} is not a host ({exc}); expected {ARGUMENTS[name]}"
        ) from None
    # a URL's path goes with it (`https://test.daily8.com/en/`: its host is meant); a host
    # name with a path after it is no host
    pathless = "//" in value or parts.path in ("", "/")
    if not host or not _valid_host(host) or not pathless or " " in value:
        raise ArgumentError(
            f"-a {name}: {short(value)} is not a host; expected {ARGUMENTS[name]}, "
            "e.g. test.daily8.com or 127.0.0.1:8009"
        )
    return parts.netloc.lower()


def _int(name: str, value: object, *, minimum: int) -> int:
    text = _text(name, value)
    try:
        number = int(text)
    except ValueError:
        raise ArgumentError(
            f"-a {name}: {short(value)} is not a whole number; expected {ARGUMENTS[name]}"
        ) from None
    if number < minimum:
        raise ArgumentError(f"-a {name}: {number} is too small; expected {ARGUMENTS[name]}")
    return number


def _flag(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(name, value).lower()
    if text not in _FLAGS:
        raise ArgumentError(f"-a {name}: {short(value)} is not a yes/no value; expected one of "
                            f"{ARGUMENTS[name]}")  # fmt: skip
    return _FLAGS[text]


def _since(value: object, now: datetime) -> datetime:
    text = _text("since", value)
    try:
        since = parse_since(text, now)
    except ValueError:
        raise ArgumentError(
            f"-a since: {short(value)} is not a time; expected {ARGUMENTS['since']}"
        ) from None
    if since == now:  # `0m`, `0h`: a window no article can be in
        raise ArgumentError(
            f"-a since: {short(value)} is an empty window (now): every article would be "
            "skipped; expected a duration such as 24h or a past time"
        )
    if since > now + FUTURE_TOLERANCE:
        raise ArgumentError(
            f"-a since: {to_iso_z(since)} is in the future (now {to_iso_z(now)}): every "
            "article would be skipped; expected a past time or a duration such as 24h"
        )
    return since


def parse_arguments(
    *,
    start_urls: object = None,
    default_start_urls: tuple[str, ...],
    related_depth: object = None,
    max_articles: object = None,
    since: object = None,
    mirror_hosts: object = None,
    fresh: object = None,
    now: datetime,
    others: Mapping[str, object] | None = None,
) -> CrawlArguments:
    """Check every argument (``None`` = not given); raise :class:`ArgumentError`."""
    check_names(others or ())
    if start_urls is None:
        if not default_start_urls:
            raise ArgumentError("-a start_urls: not given and the site profile has none")
        urls = [check_url("start_urls", u) for u in default_start_urls]
    else:
        urls = [check_url("start_urls", u) for u in _items("start_urls", start_urls)]
    mirrors = (
        ()
        if mirror_hosts is None
        else tuple(check_host("mirror_hosts", h) for h in _items("mirror_hosts", mirror_hosts))
    )
    crawled = {urlsplit(u).netloc.lower() for u in urls}
    for host in mirrors:
        if host in crawled:  # its links would be read as the profile's real host's
            raise ArgumentError(
                f"-a mirror_hosts: {host} is also a start URL's host; a mirror is another "
                "host serving the same site, not one the crawl starts on: drop it from "
                "mirror_hosts"
            )
    return CrawlArguments(
        start_urls=tuple(urls),
        related_depth=1
        if related_depth is None
        else _int("related_depth", related_depth, minimum=0),  # fmt: skip
        max_articles=None
        if max_articles is None
        else _int("max_articles", max_articles, minimum=1),  # fmt: skip
        since=None if since is None else _since(since, now),
        mirror_hosts=mirrors,
        fresh=False if fresh is None else _flag("fresh", fresh),
        since_given=None if since is None else str(since).strip(),
    )


# -- the ``article`` spider ----------------------------------------------------------------
PAGE_ARGUMENTS = {
    "start_urls": "comma-separated http(s) article URLs",
    "urls_file": "a file with one http(s) URL a line (# comments and blank lines ignored)",
    "max_articles": ARGUMENTS["max_articles"],
    "fresh": ARGUMENTS["fresh"],
}


_TRAILING_COMMENT = re.compile(r"\s+#.*$")


def _looks_like_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def read_urls_file(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and ``#`` comments are ignored."""
    try:
        with open(path, "rb") as handle:
            lines = operator_text(handle.read()).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if isinstance(exc, UnicodeDecodeError):
            reason = not_utf8(exc)
        raise ArgumentError(f"-a urls_file: cannot read {path!r}: {reason}") from None
    urls = []
    for number, line in enumerate(lines, 1):
        text = _TRAILING_COMMENT.sub("", line).strip()  # `URL  # note`: the note is a comment
        if not text or text.startswith("#"):
            continue
        try:
            if "," in text and all(_looks_like_url(p) for p in text.split(",")):
                raise ArgumentError(
                    f"-a urls_file: {short(text)} holds more than one URL: one URL a line"
                )
            check_url("urls_file", text)
        except ArgumentError as exc:
            raise ArgumentError(f"{exc} (line {number} of {path})") from None
        urls.append(text)
    return urls


@dataclass(frozen=True)
class PageArguments:
    """Arguments of the ``article`` spider: the pages to read."""

    start_urls: tuple[str, ...]
    max_articles: int | None = None
    fresh: bool = False
    related_depth: int = 0  # pages are read alone: nothing is followed


def parse_page_arguments(
    *,
    start_urls: object,
    urls_file: object,
    max_articles: object = None,
    fresh: object = False,
) -> PageArguments:
    """Check the ``article`` spider's arguments; raise :class:`ArgumentError` if unusable.

    ``start_urls`` (comma-separated) and ``urls_file`` may both be given; their URLs are read
    in that order, each once. An empty value is an error, as for every spider.
    """
    urls = [] if start_urls is None else _items("start_urls", start_urls)
    for url in urls:
        check_url("start_urls", url)
    if urls_file is not None:
        path = _text("urls_file", urls_file)
        from_file = read_urls_file(path)
        if not from_file and not urls:  # ops round 8: said "start_urls: no URL given"
            raise ArgumentError(
                f"-a urls_file: {path!r} holds no URL (one http(s) URL a line; blank lines "
                "and # comments are skipped)"
            )
        urls += from_file
    if not urls:
        raise ArgumentError(
            "start_urls: no URL given (use -a start_urls=URL,URL or -a urls_file=PATH)"
        )
    return PageArguments(
        start_urls=tuple(dict.fromkeys(urls)),
        max_articles=None
        if max_articles is None
        else _int("max_articles", max_articles, minimum=1),
        fresh=False if fresh is False else _flag("fresh", fresh),
    )


def shaping_arguments(args: object) -> dict[str, object]:
    """The :data:`SHAPING_ARGUMENTS` of a spider's parsed arguments as JSON values (tuples
    as lists); one the spider does not have is left out."""
    found: dict[str, object] = {}
    for name in SHAPING_ARGUMENTS:
        if args is None or not hasattr(args, name):
            continue
        value = getattr(args, name)
        found[name] = list(value) if isinstance(value, tuple) else value
    return found


def worker_arguments(args: object, max_pages: int | None) -> dict[str, object]:
    """:func:`shaping_arguments` and, when given, ``since`` as typed and the listing page
    limit (``-s NEWSBOT_MAX_PAGES``): what the workers of one distributed crawl share."""
    found = shaping_arguments(args)
    since = getattr(args, "since_given", None)
    if since is not None:
        found["since"] = since
    if max_pages:
        found["NEWSBOT_MAX_PAGES"] = max_pages
    return found


def changed_arguments(before: Mapping[str, object], now: Mapping[str, object]) -> str:
    """``related_depth 1 -> 3, start_urls a -> b``: what differs, for one error line."""

    def shown(value: object) -> str:
        if value is None:
            return "(not given)"
        if isinstance(value, list):
            return ",".join(str(v) for v in value) or "(none)"
        return str(value)

    names = [*WORKER_ARGUMENTS, *sorted((set(before) | set(now)) - set(WORKER_ARGUMENTS))]
    return ", ".join(
        f"{name} {shown(before.get(name))} -> {shown(now.get(name))}"
        for name in names
        if before.get(name) != now.get(name)
    )
