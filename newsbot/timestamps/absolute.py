"""Absolute dates: ISO 8601, RFC 2822, ``28.11.2025``, ``Nov. 28, 2025 at 2:05 p.m. ET``,
``Published 4:02 AM EDT, Fri July 4, 2025``, year-less ``28 Jun`` / ``Thu, Nov 28``, Unix time.

A date may carry a clock time before or after it, the time a zone (see ``zones``). A date
without a year is the most recent such day that is not in the future.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from functools import lru_cache

from .clock import MONTH, MONTHS, TIME, WEEKDAY, WEEKDAYS, parse_clock
from .model import UTC, ParsedTime, local_midnight
from .zones import site_name, zone_for, zone_pattern

#: A match that cannot be read and must not be guessed at (an ambiguous zone): stop there.
Found = tuple[int, ParsedTime | None]

_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    # 28 Nov 2025, 28th of November, 28-Nov-2025, 4 Sept
    r"(?:(?<!\d)(?P<d1>\d{1,2})(?:(?:st|nd|rd|th)(?:\s+of)?)?[\s\-]*(?P<m1>" + MONTH + r")"
    # (6 Mar 25, 6 Mar '25: a two-digit year after a day and a month's name, not a clock's
    # hour: 28 Nov 14:05, 4 Sept 10am)
    r"(?:(?:,\s*|[\s\-]+)(?P<y1>\d{4}(?!\d)|'?\d{2}(?![\d:.]|\s*[ap]\.?m)))?"
    # Nov 28, 2025, June 28th, Sept. 4
    r"|(?P<m2>" + MONTH + r")[\s\-]*(?P<d2>\d{1,2})(?!\d)" + _ORD + r"(?:,?\s+(?P<y2>\d{4})(?!\d))?"
    # 28.11.2025, 16-05-2025, 11/28/2025, 28.11.25 (a two-digit year only after 2-digit
    # day and month: "1.5.25" is a version number as often as a date)
    # (after a source whose name ends in a digit, `Channel 418-11-2026`: the site prints day
    # and month in two digits, so the last ten characters are the date)
    r"|(?:(?<![\d/.\-])|(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]\d\d)|(?<=\s\d)|(?<=\s\d\d))"
    r"(?=\d\d(?P<gsep>[-/.])\d\d(?P=gsep)\d{4}\s*$))"
    r"(?=\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d\d[-/.]\d\d[-/.]\d\d(?!\d))"
    r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y3>\d{4}|\d{2})(?!\d)"
    # 2025/11/28, 2025.11.28
    r"|(?<!\d)(?P<y4>\d{4})(?P<sep4>[/.])(?P<m4>\d{1,2})(?P=sep4)(?P<d4>\d{1,2})(?!\d))"
)
_WD = r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?"
# Where a date can start: a digit, a capital (``ReutersJun 28``) or a word's first letter.
# Checked first, it spares the search trying every name at every letter of the line.
_STARTS = r"(?=\d|(?-i:[A-Z])|(?<![^\W\d_])[a-z])"
# "14:05 hrs", "14.05 Uhr", "14:05 h"
_CLOCK_WORD = r"(?:\s*(?:hrs|hr|h|Uhr)(?![A-Za-z])\.?)?"
# "GMT+0000 (Coordinated Universal Time)", as JavaScript's Date prints itself.
_ZONE_NAME = r"(?:\s*\((?-i:[A-Z])[A-Za-z .'\-]{2,50}\))?"
_DATE_THEN_TIME = r"(?:,?\s+(?:at|um|à)\s+|\s*[,@|·•/\-–—]\s*|\s*)"
_TIME_THEN_DATE = r"(?:\s*[,|·•\-–—]\s*|\s+on\s+|\s+)"
# Worth trying at all: a year, a numeric date, or a month name (found by substring: fast).
_HINT_RE = re.compile(r"\d{4}|\d[-/.]\d{1,2}[-/.]\d\d")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIX_RE = re.compile(r"(?P<s>\d{10}|\d{13})(?:\.\d{1,6})?")
# `November 2025`, `Nov. 2025`: a month alone, the whole slot (in a line, `... in November
# 2025` is no date of the article's); its first day, read to the month
_MONTH_YEAR = re.compile(r"^\s*(?P<m>" + MONTH + r"),?\s+(?P<y>\d{4})\s*$", re.I)
#: A year-less date with a weekday: how many of its most recent past years may fit it.
_WEEKDAY_YEARS = 2


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: the zone names come from the abbreviation table."""
    zone = zone_pattern()
    printed_zone = r"(?:\s*,?\s*(?P<tz>" + zone + r")" + _ZONE_NAME + r")?"
    clock = r"(?<!\d)(?P<time>" + TIME + r")" + _CLOCK_WORD + printed_zone
    iso = re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
        r"(?:(?:[T\s]|\s+at\s+)(?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)"
        r"(?:\s*(?P<tz>Z(?![A-Za-z])|[+\-\u2212]\d{2}(?::?\d{2})?(?!\d)|" + zone + r"))?)?\s*$",
        re.I,
    )
    date_first = re.compile(
        _STARTS + _WD + _DATE + r"(?:" + _DATE_THEN_TIME + clock + r")?\s*$", re.I
    )
    time_first = re.compile(clock + _TIME_THEN_DATE + _WD + _DATE + r"\s*$", re.I)
    return iso, date_first, time_first


def _numeric(a: int, b: int, day_first: bool) -> tuple[int, int]:
    """(month, day) of ``a/b``: the site's order, the other one when only it is a date."""
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    return month, day


def _short_year(yy: int, today: date) -> int:
    year = 2000 + yy
    return year if year <= today.year else year - 100


def _latest_year(month: int, day: int, weekday: int | None, today: date) -> int | None:
    """The year of the most recent ``month``/``day`` not after ``today``.

    With a weekday (``Thu, Nov 28``), the most recent such day that falls on it, among the
    last two: a weekday that fits neither contradicts the date, which is then refused.
    """
    tried = 0
    for back in range(9):  # 29 February comes back within 8 years
        year = today.year - back
        try:
            when = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if when > today:
            continue
        if weekday is None or when.weekday() == weekday:
            return year
        tried += 1
        if tried == _WEEKDAY_YEARS:
            break
    return None


def _zone(m: re.Match[str], site: tzinfo) -> tzinfo | None:
    raw = m["tz"]
    return site if not raw else zone_for(raw, site_name(site))


def _read_date(
    m: re.Match[str], anchor: datetime, zone: tzinfo, day_first: bool
) -> tuple[int, int, int, bool] | None:
    """(year, month, day, year_printed) of a ``_DATE`` match; None for a year-less miss."""
    today = anchor.astimezone(zone).date()
    if m["m1"] or m["m2"]:
        month = MONTHS[(m["m1"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d1"] or m["d2"])
        raw_year = m["y1"] or m["y2"]
        if raw_year:
            raw_year = raw_year.lstrip("'")
            printed = int(raw_year) if len(raw_year) == 4 else _short_year(int(raw_year), today)
            return printed, month, day, True
        weekday = WEEKDAYS[m["wd"].lower().rstrip(".")] if m["wd"] else None
        year = _latest_year(month, day, weekday, today)
        return None if year is None else (year, month, day, False)
    if m["a"]:
        month, day = _numeric(int(m["a"]), int(m["b"]), day_first)
        y3 = m["y3"]
        year = int(y3) if len(y3) == 4 else _short_year(int(y3), today)
        return year, month, day, True
    return int(m["y4"]), int(m["m4"]), int(m["d4"]), True


def _at(
    year: int, month: int, day: int, clock: str | None, zone: tzinfo
) -> tuple[datetime, str] | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    if clock is None:
        return local_midnight(when, zone), "day"
    parsed = parse_clock(clock)
    if parsed is None:
        return None
    hour, minute, second, has_seconds = parsed
    try:
        at = datetime(year, month, day, hour, minute, second, tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return at, "second" if has_seconds else "minute"


def _dated(
    m: re.Match[str], anchor: datetime, site: tzinfo, day_first: bool
) -> ParsedTime | None | bool:
    """The time of a date(-and-time) match; False when it cannot be a date, None if refused."""
    zone = _zone(m, site)
    if zone is None:
        return None  # a zone the table refuses (IST on a UTC site) or does not know
    ymd = _read_date(m, anchor, zone, day_first)
    if ymd is None:
        return None  # a year-less date whose weekday fits none of its recent years
    year, month, day, _ = ymd
    built = _at(year, month, day, m["time"], zone)
    return False if built is None else ParsedTime(built[0], built[1], "absolute")


def match_absolute(
    text: str, anchor: datetime, zone: tzinfo, day_first: bool = True
) -> Found | None:
    """Find an absolute date at the end of ``text``: (start index, result).

    The result is None for a date that must not be read (a zone the table refuses).
    """
    if not _HINT_RE.search(text):
        low = text.lower()
        if not any(stem in low for stem in _MONTH_STEMS):
            return None
    month_year = _MONTH_YEAR.match(text)
    if month_year is not None:
        month = MONTHS[month_year["m"].lower().rstrip(".")]
        return 0, ParsedTime(
            local_midnight(date(int(month_year["y"]), month, 1), zone), "month", "absolute"
        )
    iso, date_first, time_first = _patterns()
    best: Found | None = None

    def consider(start: int, res: ParsedTime | None | bool) -> None:
        nonlocal best
        if res is not False and (best is None or start < best[0]):
            best = (start, res if isinstance(res, ParsedTime) else None)

    m = iso.search(text)
    if m:
        zone_used = _zone(m, zone)
        if zone_used is None:
            consider(m.start(), None)
        else:
            built = _at(int(m["y"]), int(m["mo"]), int(m["d"]), m["time"], zone_used)
            if built is not None:
                consider(m.start(), ParsedTime(built[0], built[1], "absolute"))
    for regex in (date_first, time_first):
        if best is not None and best[0] == 0:
            break  # nothing can start earlier
        m = regex.search(text)
        if m:
            consider(m.start(), _dated(m, anchor, zone, day_first))
    return best


def parse_unix(text: str) -> ParsedTime | None:
    """A whole-string Unix timestamp (seconds, or milliseconds with 13 digits)."""
    m = _UNIX_RE.fullmatch(text)
    if not m:
        return None
    value = float(text) / (1000 if len(m["s"]) == 13 else 1)
    try:
        at = datetime.fromtimestamp(int(value), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return ParsedTime(at, "second", "absolute")
