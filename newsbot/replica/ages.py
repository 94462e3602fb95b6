"""Ages as Daily8 prints them (moment.js ``fromNow``), and what a crawler should export for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

INVALID_DATE = "Invalid date"


@dataclass(frozen=True)
class Age:
    """One printed age and the export it implies, relative to the clock it was printed at."""

    en: str
    ar: str
    published_at: datetime | None
    precision: str | None


def _half_up(x: float) -> int:
    return int(x + 0.5)


def _ar_count(n: int, one: str, two: str, few: str, many: str) -> str:
    if n == 1:
        return f"منذ {one}"
    if n == 2:
        return f"منذ {two}"
    if 3 <= n <= 10:
        return f"منذ {n} {few}"
    return f"منذ {n} {many}"


def humanize(published: datetime | None, clock: datetime) -> Age:
    """moment.js thresholds (45 s, 90 s, 45 min, 90 min, 22 h, 36 h); 7+ days print DD-MM-YYYY."""
    if published is None:
        return Age(INVALID_DATE, INVALID_DATE, None, None)
    s = max(0, _half_up((clock - published).total_seconds()))
    m = _half_up(s / 60)
    h = _half_up(m / 60)
    d = _half_up(h / 24)
    if s < 45:
        return Age("a few seconds ago", "منذ ثوان", clock, "minute")
    if s < 90:
        return Age("a minute ago", "منذ دقيقة واحدة", clock - timedelta(minutes=1), "minute")
    if m < 45:
        ar = _ar_count(m, "دقيقة واحدة", "دقيقتين", "دقائق", "دقيقة")
        return Age(f"{m} minutes ago", ar, clock - timedelta(minutes=m), "minute")
    if h <= 1:
        return Age("an hour ago", "منذ ساعة واحدة", clock - timedelta(hours=1), "hour")
    if h < 22:
        ar = _ar_count(h, "ساعة واحدة", "ساعتين", "ساعات", "ساعة")
        return Age(f"{h} hours ago", ar, clock - timedelta(hours=h), "hour")
    if d <= 1:
        return Age("a day ago", "منذ يوم واحد", clock - timedelta(days=1), "day")
    if d < 7:
        ar = _ar_count(d, "يوم واحد", "يومين", "أيام", "يوما")
        return Age(f"{d} days ago", ar, clock - timedelta(days=d), "day")
    day = published.astimezone(timezone.utc)
    text = day.strftime("%d-%m-%Y")
    midnight = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return Age(text, text, midnight, "day")
