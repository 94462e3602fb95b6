"""Clock-time and calendar-name pieces shared by the English and absolute parsers."""

from __future__ import annotations

import re

#: A clock time: ``10:28pm``, ``05:55``, ``9 pm``, ``11.20 a.m.``, ``22:28:00``.
TIME = (
    r"\d{1,2}(?:[:.]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\s*[ap]\.?\s?m\b\.?)"
)
_TIME_RE = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?)?(?:[.,]\d+)?\s*(?P<ap>[ap])?",
    re.I,
)

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# Each name list starts with a check of its first letters: a regex search tries it at every
# position of a line, and most positions can be turned away by that one test.
MONTH = "(?=[adfjmnos])(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![a-z])\.?"

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
WEEKDAY = "(?=[fmstw])(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")(?![a-z])\.?"


def parse_clock(text: str) -> tuple[int, int, int, bool] | None:
    """``(hour, minute, second, has_seconds)`` in 24h, or None if out of range."""
    m = _TIME_RE.match(text.strip())
    if not m:
        return None
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    second = int(m.group("s") or 0)
    ap = (m.group("ap") or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, m.group("s") is not None
