"""``--since`` values: ``24h``, ``90m``, ``7d``, ``2w``, ``30s`` or an ISO 8601 time."""

from __future__ import annotations

from datetime import datetime, timedelta

from newsbot.durations import parse_duration

from .model import UTC, ParsedTime


def parse_since(value: str, now: datetime) -> datetime:
    """``now`` minus a duration, or an ISO 8601 date/time (naive = UTC). Aware UTC result."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    text = (value or "").strip()
    try:
        seconds = parse_duration(text, unit_required=True)
    except ValueError:
        seconds = None  # an ISO time, or nothing
    if seconds is not None and seconds >= 0:
        try:
            return (now - timedelta(seconds=seconds)).astimezone(UTC)
        except OverflowError as exc:
            raise ValueError(f"--since duration {value!r} is too large") from exc
    try:
        iso = text[:-1] + "+00:00" if text[-1:] in "zZ" and text else text
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        raise ValueError(
            f"invalid since value {value!r}: expected a duration like 24h, 90m, 7d, 2w, 30s "
            "or an ISO 8601 date/time such as 2025-05-19 or 2025-05-19T10:28:00Z"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# How long a time at each precision may stand for ("3 hours ago" is any time in an hour).
PRECISION_SPAN = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "month": timedelta(days=31),
    "year": timedelta(days=366),
}


def agrees(machine: ParsedTime, printed: ParsedTime) -> bool:
    """Whether a ``<time datetime>`` value tells the same moment as the age printed in the
    element: within the printed one's span and a day (a machine time read in another zone);
    `3 hours ago` and `2026-11-25T09:02` agree, a template's fixed `2025-07-09` beside
    `10 hours ago` does not (blind site 84)."""
    return abs(machine.at - printed.at) <= PRECISION_SPAN[printed.precision] + timedelta(days=1)


def older_than(
    at: datetime, precision: str | None, since: datetime, *, anchor: datetime | None = None
) -> bool:
    """True only when the whole interval ``at`` stands for lies before ``since``.

    A calendar time stands for the unit that starts at ``at``: a day-precision date (local
    midnight), ``yesterday``, on the ``since`` day is not older than it. An age counted back
    from the page's clock (``anchor``: ``a day ago``, ``3 hours ago``, ``منذ يوم``, ``at`` a
    whole number of units before it) stands for the unit around ``at``: sites round ages (a
    "day ago" is 22 to 35 hours on most), so it is no later than half a unit after ``at``.
    Read as the unit after ``at``, "a day ago" passed ``since=2h`` (ops round 7).
    """
    span = PRECISION_SPAN.get(precision or "second", timedelta(0))
    if anchor is not None and counted_back(at, precision, anchor):
        return at + span / 2 <= since
    return at + span <= since


# the fields below a precision: an age counted back from the anchor keeps the anchor's
_BELOW = {
    "minute": ("second",),
    "hour": ("minute", "second"),
    "day": ("hour", "minute", "second"),
    "month": ("day", "hour", "minute", "second"),
    "year": ("month", "day", "hour", "minute", "second"),
}


def counted_back(at: datetime, precision: str | None, anchor: datetime) -> bool:
    """Whether ``at`` is an age counted back from ``anchor`` (``2 days ago``: the anchor's
    time of day, two days earlier) rather than a calendar time (``yesterday``: midnight)."""
    fields = _BELOW.get(precision or "")
    if not fields or at >= anchor:
        return False
    at_utc, anchor_utc = at.astimezone(UTC), anchor.astimezone(UTC)
    return all(getattr(at_utc, f) == getattr(anchor_utc, f) for f in fields)
