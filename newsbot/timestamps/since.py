"""``--since`` values: ``24h``, ``90m``, ``7d``, ``2w``, ``30s`` or an ISO 8601 time."""

from __future__ import annotations

from datetime import datetime, timedelta

from newsbot.durations import parse_duration

from .model import UTC


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


def older_than(at: datetime, precision: str | None, since: datetime) -> bool:
    """True only when the whole interval ``at`` stands for lies before ``since``.

    A day-precision date (local midnight) on the ``since`` day is not older than it.
    """
    return at + PRECISION_SPAN.get(precision or "second", timedelta(0)) <= since
