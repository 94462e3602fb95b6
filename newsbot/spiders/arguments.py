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
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ArgumentError(f"start_urls: {url!r} is not an http(s) URL")
    return tuple(urls)


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
