"""Result type and small shared helpers (pure, no Scrapy)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

UTC = timezone.utc

#: Precisions from finest to coarsest.
PRECISIONS = ("second", "minute", "hour", "day", "month", "year")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}

#: Results later than anchor + this are rejected (clock skew allowance).
FUTURE_TOLERANCE = timedelta(minutes=5)
MIN_YEAR = 1900


@dataclass(frozen=True)
class ParsedTime:
    """A normalised timestamp: ``at`` is an aware UTC datetime."""

    at: datetime
    precision: str  # one of PRECISIONS
    kind: str  # "relative" or "absolute"

    def iso(self) -> str:
        """``at`` as ISO 8601 UTC with ``Z``, microseconds dropped."""
        return to_iso_z(self.at)


@lru_cache(maxsize=2048)  # a crawl formats the same few anchors (response Dates) over and over
def to_iso_z(dt: datetime) -> str:
    """Format an aware datetime (naive = UTC) as ``YYYY-MM-DDTHH:MM:SSZ``."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def best_time(candidates: Iterable[ParsedTime | None]) -> ParsedTime | None:
    """Absolute beats relative, then finer precision beats coarser, then first wins."""
    best: ParsedTime | None = None
    best_key: tuple[int, int] | None = None
    for cand in candidates:
        if cand is None:
            continue
        key = (0 if cand.kind == "absolute" else 1, _RANK.get(cand.precision, 99))
        if best_key is None or key < best_key:
            best, best_key = cand, key
    return best


_OFFSET_RE = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$")


@lru_cache(maxsize=64)
def get_zone(name: str) -> tzinfo:
    """IANA zone (or ``UTC``/``+05:00``). Raises ValueError for unknown names."""
    if name.upper() in ("UTC", "Z", "GMT"):
        return UTC
    m = _OFFSET_RE.match(name.strip())
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(-delta if m.group(1) == "-" else delta)
    try:
        return ZoneInfo(name)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError on odd keys
        raise ValueError(f"unknown timezone {name!r}") from exc


def aware(anchor: datetime) -> datetime:
    """Treat a naive anchor as UTC."""
    return anchor if anchor.tzinfo is not None else anchor.replace(tzinfo=UTC)


def local_midnight(day: date, zone: tzinfo) -> datetime:
    """Midnight of ``day`` in ``zone``, as UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def local_datetime(day: date, hour: int, minute: int, second: int, zone: tzinfo) -> datetime | None:
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone).astimezone(
            UTC
        )
    except (ValueError, OverflowError):
        return None


def minus_months(dt: datetime, months: int) -> datetime:
    """Calendar arithmetic: the same day ``months`` earlier, clamped to month end."""
    total = dt.year * 12 + (dt.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    if year < 1:
        raise OverflowError("year out of range")
    for day in (dt.day, 30, 29, 28):
        if day <= dt.day:
            try:
                return dt.replace(year=year, month=month, day=day)
            except ValueError:
                continue
    raise OverflowError("bad date")  # pragma: no cover


def truncate(dt: datetime, precision: str) -> datetime:
    """``dt`` with the fields finer than ``precision`` zeroed (for comparisons)."""
    rank = _RANK[precision]
    dt = dt.replace(microsecond=0)
    if rank >= 1:
        dt = dt.replace(second=0)
    if rank >= 2:
        dt = dt.replace(minute=0)
    if rank >= 3:
        dt = dt.replace(hour=0)
    if rank >= 4:
        dt = dt.replace(day=1)
    if rank >= 5:
        dt = dt.replace(month=1)
    return dt


def validate(result: ParsedTime | None, anchor: datetime) -> ParsedTime | None:
    """Reject results in the future (beyond tolerance) or absurdly old."""
    if result is None:
        return None
    at = result.at
    if at.tzinfo is None:
        return None
    at = at.astimezone(UTC)
    if at.year < MIN_YEAR or at > anchor + FUTURE_TOLERANCE:
        return None
    if at is not result.at:
        result = ParsedTime(at, result.precision, result.kind)
    return result
