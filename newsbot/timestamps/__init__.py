"""Timestamp normalisation for aggregator ages and dates (pure: no Scrapy).

>>> from datetime import datetime, timezone
>>> anchor = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
>>> parse_timestamp("Independent14 hours ago", anchor).iso()
'2026-11-24T22:00:00Z'
"""

from .core import parse_timestamp, split_trailing_age
from .model import PRECISIONS, ParsedTime, best_time, to_iso_z
from .since import PRECISION_SPAN, agrees, older_than, parse_since
from .zones import ZoneTableError, abbreviation_table

__all__ = [
    "PRECISIONS",
    "ParsedTime",
    "ZoneTableError",
    "abbreviation_table",
    "agrees",
    "best_time",
    "PRECISION_SPAN",
    "older_than",
    "parse_since",
    "parse_timestamp",
    "split_trailing_age",
    "to_iso_z",
]
