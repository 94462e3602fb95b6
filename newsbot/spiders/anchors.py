"""The moment a response was served: its ``Date`` header, else the fetch time."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy.http import Response


def response_anchor(response: Response, fetched_at: datetime) -> datetime:
    raw = response.headers.get(b"Date")
    if raw:
        try:
            served = parsedate_to_datetime(raw.decode("latin-1"))
        except (TypeError, ValueError, IndexError):
            served = None
        if served is not None:
            if served.tzinfo is None:
                served = served.replace(tzinfo=timezone.utc)
            return served.astimezone(timezone.utc)
    return fetched_at
