"""Spider arguments, validated before any request goes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from newsbot.timestamps import parse_since


class ArgumentError(ValueError):
    """A spider argument that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class CrawlArguments:
    start_urls: tuple[str, ...]
    related_depth: int = 1
    max_articles: int | None = None
    since: datetime | None = None
    mirror_hosts: tuple[str, ...] = ()
    fresh: bool = False


def _split(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [v.strip() for v in value if v and v.strip()]


def _urls(
    value: str | list[str] | tuple[str, ...] | None, default: tuple[str, ...]
) -> tuple[str, ...]:
    urls = _split(value) or list(default)
    if not urls:
        raise ArgumentError("start_urls: no URL given and the profile has none")
    for url in urls:
        _check_url("start_urls", url)
    return tuple(urls)


def _check_url(name: str, url: str) -> None:
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.netloc) and bool(parts.hostname)
    except ValueError:  # e.g. "http://[::1/"
        ok = False
    if not ok:
        raise ArgumentError(f"{name}: {url!r} is not an http(s) URL")


def read_urls_file(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and ``#`` comments are ignored."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ArgumentError(f"urls_file: cannot read {path!r}: {reason}") from None
    urls = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            _check_url("urls_file", text)
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
    start_urls: str | list[str] | None,
    urls_file: str | None,
    max_articles: object = None,
    fresh: object = False,
) -> PageArguments:
    """Check the ``article`` spider's arguments; raise :class:`ArgumentError` if unusable.

    ``start_urls`` (comma-separated) and ``urls_file`` may both be given; their URLs are read
    in that order, each once.
    """
    urls = _split(start_urls)
    for url in urls:
        _check_url("start_urls", url)
    if urls_file not in (None, ""):
        urls += read_urls_file(str(urls_file))
    if not urls:
        raise ArgumentError(
            "start_urls: no URL given (use -a start_urls=URL,URL or -a urls_file=PATH)"
        )
    return PageArguments(
        start_urls=tuple(dict.fromkeys(urls)),
        max_articles=None
        if max_articles in (None, "")
        else _int("max_articles", max_articles, minimum=1),
        fresh=_flag(fresh),
    )


def _int(name: str, value: object, *, minimum: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ArgumentError(f"{name}: {value!r} is not a whole number") from None
    if number < minimum:
        raise ArgumentError(f"{name}: must be at least {minimum}, got {number}")
    return number


def _flag(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def parse_arguments(
    *,
    start_urls: str | list[str] | None,
    default_start_urls: tuple[str, ...],
    related_depth: object = 1,
    max_articles: object = None,
    since: str | None = None,
    mirror_hosts: str | None = None,
    fresh: object = False,
    now: datetime,
) -> CrawlArguments:
    """Check every argument; raise :class:`ArgumentError` with a clear message."""
    since_at = None
    if since not in (None, ""):
        try:
            since_at = parse_since(str(since), now)
        except ValueError as exc:
            raise ArgumentError(f"since: {exc}") from None
    hosts = []
    for host in _split(mirror_hosts):
        hosts.append(urlsplit(host).netloc if "//" in host else host)
    return CrawlArguments(
        start_urls=_urls(start_urls, default_start_urls),
        related_depth=_int("related_depth", related_depth, minimum=0),
        max_articles=None
        if max_articles in (None, "")
        else _int("max_articles", max_articles, minimum=1),
        since=since_at,
        mirror_hosts=tuple(h.lower() for h in hosts),
        fresh=_flag(fresh),
    )
