"""Absolute dates: ISO 8601, RFC 2822, DD-MM-YYYY, ``6 March 2025 at 05:55``, Unix time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

from .clock import MONTH, MONTHS, TIME, WEEKDAY, parse_clock
from .model import UTC, ParsedTime, local_midnight

_ZONE = r"(?P<tz>Z|UTC|GMT|UT|[+-]\d{2}:?\d{2})"
_TAIL = r"(?:\s*(?:at|@|,|-|–|·|\|)?\s*(?P<time>" + TIME + r")(?:\s*" + _ZONE + r")?)?\s*$"
_WD = r"(?:" + WEEKDAY + r",?\s+)?"
_ISO_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:(?:[T\s]|\s+at\s+)(?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(?:\s*" + _ZONE + r")?)?"
    r"\s*$",
    re.I,
)
_NUMERIC_RE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})" + _TAIL, re.I
)
_YMD_RE = re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})" + _TAIL, re.I)
_DMY_NAME_RE = re.compile(
    _WD
    + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>"
    + MONTH
    + r"),?\s+(?P<y>\d{4})"
    + _TAIL,
    re.I,
)
_MDY_NAME_RE = re.compile(
    _WD + r"(?P<mon>" + MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TAIL,
    re.I,
)
_YEAR_RE = re.compile(r"\d{4}")
_UNIX_RE = re.compile(r"(?P<s>\d{10}|\d{13})(?:\.\d{1,6})?")


def _zone_of(raw: str | None, default: tzinfo) -> tzinfo:
    if not raw:
        return default
    raw = raw.upper()
    if raw in ("Z", "UTC", "GMT", "UT"):
        return UTC
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _build(
    y: int, mo: int, d: int, clock: str | None, tz_raw: str | None, zone: tzinfo
) -> ParsedTime | None:
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if clock is None:
        return ParsedTime(local_midnight(day, zone), "day", "absolute")
    parsed = parse_clock(clock)
    if parsed is None:
        return None
    hour, minute, second, has_seconds = parsed
    try:
        zone_used = _zone_of(tz_raw, zone)
        at = datetime(y, mo, d, hour, minute, second, tzinfo=zone_used).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return ParsedTime(at, "second" if has_seconds else "minute", "absolute")


def match_absolute(
    text: str, zone: tzinfo, day_first: bool = True
) -> tuple[int, ParsedTime] | None:
    """Find an absolute date at the end of ``text``: (start index, result)."""
    best: tuple[int, ParsedTime] | None = None
    if not _YEAR_RE.search(text):
        return None

    def consider(start: int, res: ParsedTime | None) -> None:
        nonlocal best
        if res is not None and (best is None or start < best[0]):
            best = (start, res)

    m = _ISO_RE.search(text)
    if m:
        consider(
            m.start(),
            _build(int(m["y"]), int(m["mo"]), int(m["d"]), m["time"], m["tz"], zone),
        )
    m = _NUMERIC_RE.search(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        d, mo = (a, b) if day_first else (b, a)
        consider(m.start(), _build(int(m["y"]), mo, d, m["time"], m["tz"], zone))
    m = _YMD_RE.search(text)
    if m:
        consider(
            m.start(),
            _build(int(m["y"]), int(m["mo"]), int(m["d"]), m["time"], m["tz"], zone),
        )
    for regex in (_DMY_NAME_RE, _MDY_NAME_RE):
        m = regex.search(text)
        if m:
            mo = MONTHS[m["mon"].lower().rstrip(".")]
            consider(m.start(), _build(int(m["y"]), mo, int(m["d"]), m["time"], m["tz"], zone))
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
