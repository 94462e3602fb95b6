"""Which numbers a site prints per age unit: site knowledge that settles glued header lines.

Daily8 glues the outlet to the age, so ``Channel 45 hours ago`` reads as ``Channel`` +
``45 hours ago`` or ``Channel 4`` + ``5 hours ago``. A site that prints ``N hours ago`` only
for N in 2-21 (moment.js thresholds) never prints the first, so the second is meant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .english import unit_of

#: Unit name (as written in a profile's ``[ages]`` table) -> (lowest, highest) N printed.
AgeRanges = Mapping[str, tuple[int, int]]

#: The unit names a profile may give ranges for, keyed by the parser's canonical unit.
UNIT_NAMES = {
    "s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks",
    "mo": "months", "y": "years",
}  # fmt: skip

# "45 hours ago", "45h ago", "45 hrs. ago": one number, one unit (the forms a glue can split).
_AMOUNT_RE = re.compile(r"(?P<n>[1-9]\d{0,8})\s*(?P<u>[^\W\d_]+)\.?\s+(?:ago|back)", re.I)


def age_amount(age: str) -> tuple[str, int] | None:
    """``("hours", 45)`` for ``45 hours ago``; None for any other form."""
    m = _AMOUNT_RE.fullmatch(age.strip())
    if m is None:
        return None
    unit = UNIT_NAMES.get(unit_of(m["u"]) or "")
    return None if unit is None else (unit, int(m["n"]))


def in_range(age: str, ranges: AgeRanges) -> bool:
    """False only when ``age`` is ``N <unit> ago`` and the site never prints that N."""
    amount = age_amount(age)
    if amount is None or amount[0] not in ranges:
        return True
    low, high = ranges[amount[0]]
    return low <= amount[1] <= high


def read_age_ranges(table: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """Check a profile's ``[ages]`` table (``hours = [2, 21]``); ValueError says what is wrong."""
    out: dict[str, tuple[int, int]] = {}
    for unit, bounds in table.items():
        if unit not in UNIT_NAMES.values():
            known = ", ".join(UNIT_NAMES.values())
            raise ValueError(f"[ages] {unit}: unknown unit (known: {known})")
        if (
            not isinstance(bounds, list)
            or len(bounds) != 2
            or not all(isinstance(b, int) and not isinstance(b, bool) for b in bounds)
            or not 0 <= bounds[0] <= bounds[1]
        ):
            raise ValueError(
                f"[ages] {unit} = {bounds!r}: expected [lowest, highest], 0 <= lowest <= highest"
            )
        out[unit] = (bounds[0], bounds[1])
    return out
