"""Durations as operators write them: ``90``, ``30s``, ``90m``, ``12h``, ``7d``, ``2w``.

The one parser behind ``-a since=24h`` and ``NEWSBOT_SEEN_MAX_AGE=30d``.
"""

from __future__ import annotations

import re

_DURATION = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([smhdw]?)\s*", re.IGNORECASE)
UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


class AmbiguousDuration(ValueError):
    """A duration whose unit reads two ways (``1M``: a month to a reader, a minute here)."""


def parse_duration(value: object, *, unit_required: bool = False) -> float:
    """Seconds; a bare number is seconds unless ``unit_required``. ``ValueError`` when
    ``value`` is not a duration."""
    match = _DURATION.fullmatch(str(value))
    if not match or (unit_required and not match.group(2)):
        raise ValueError(f"{value!r} is not a duration (such as 90s, 30m, 12h, 7d, 2w)")
    if match.group(2) == "M":  # `1M`: a month to some, a minute to the parser (ops round 14)
        raise AmbiguousDuration(
            f"{value!r} is ambiguous: m is minutes and there is no month unit "
            f"(write {match.group(1)}m for minutes, or days: 30d)"
        )
    return float(match.group(1)) * UNIT_SECONDS[match.group(2).lower()]
