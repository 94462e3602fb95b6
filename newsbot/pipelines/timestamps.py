"""Reads the article's time slots into ``published_at``/``published_raw``/``published_precision``.

Each candidate is read against the ``Date`` of the response that carried it. An absolute
time beats a relative one, a finer precision a coarser one; a ``<time datetime>`` value
that the age printed beside it contradicts is passed over (the reader sees the printed one).
Unreadable text stays in ``published_raw`` with ``published_at`` null, counted and logged once
per URL.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from itemadapter import ItemAdapter

from newsbot.exitcodes import UsageError
from newsbot.pipelines.base import CrawlerPipeline
from newsbot.profiles import ProfileNotFound, load_profile
from newsbot.timestamps import (
    ParsedTime,
    ZoneTableError,
    abbreviation_table,
    agrees,
    best_time,
    parse_timestamp,
    to_iso_z,
)

logger = logging.getLogger(__name__)


def _anchor(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@lru_cache(maxsize=4096)
def _read(text: str, anchor_text: str, zone: str, day_first: bool) -> ParsedTime | None:
    """One candidate read; a crawl sees the same age at the same anchor many times over
    (every article served in the same second that says "2 hours ago")."""
    anchor = _anchor(anchor_text)
    if anchor is None:
        return None
    return parse_timestamp(text, anchor, timezone=zone, day_first=day_first)


class TimestampPipeline(CrawlerPipeline):
    def __init__(self, crawler: Any = None) -> None:
        super().__init__(crawler)
        self._logged: set[str] = set()
        self._unknown_sites: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> TimestampPipeline:
        """Read the zone abbreviation table now: a broken ``timezones.toml`` stops the crawl
        before any request, with the file and the problem named, rather than every dated
        item failing one by one."""
        try:
            abbreviation_table()
        except ZoneTableError as exc:
            problem = " ".join(str(exc).split())
            raise UsageError(f"zone abbreviation table {problem}") from None
        return cls(crawler)

    def _site(self, adapter: ItemAdapter) -> tuple[str, bool, tuple[str, ...]]:
        """Zone, day-first and placeholders of the item's aggregator; for an item found on
        none (a publisher's page read on its own) or on a site no longer registered: UTC,
        day first, no placeholders."""
        site = adapter.get("aggregator")
        if not site:
            return "UTC", True, ()
        try:
            profile = load_profile(site)
        except ProfileNotFound:
            if site not in self._unknown_sites:
                self._unknown_sites.add(site)
                logger.warning("No site profile %r: its times are read in UTC", site)
            return "UTC", True, ()
        return profile.timezone, profile.day_first, profile.unreadable_ages

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        candidates = adapter.get("time_candidates")
        if candidates is None:  # a re-run over an export: its raw text, read at crawled_at
            raw = adapter.get("published_raw")
            candidates = (
                [{"text": raw, "slot": "header", "anchor": adapter.get("crawled_at")}]
                if raw
                else []
            )
        zone, day_first, unreadable = self._site(adapter)
        parsed: list[tuple[ParsedTime, str]] = []
        for candidate in candidates:
            text, anchor = candidate.get("text"), candidate.get("anchor")
            if not text or not anchor or text in unreadable:
                continue  # the site's own "no time" placeholder: nothing to read
            if not isinstance(text, str) or not isinstance(anchor, str):
                continue
            result = _read(text, anchor, zone, day_first)
            if result is None:
                continue
            printed = candidate.get("printed")
            beside = _read(printed, anchor, zone, day_first) if printed else None
            if beside is not None and not agrees(result, beside):
                # a machine time the printed age beside it contradicts (a template's fixed
                # `datetime="2025-07-09"` beside `10 hours ago`: blind site 84): the reader's
                self.stat("timestamps/machine_time_contradicted")
                continue
            parsed.append((result, text))
        best = best_time(p for p, _ in parsed)
        if best is not None:
            raw = next(text for p, text in parsed if p is best)
            adapter["published_at"] = to_iso_z(best.at)
            adapter["published_raw"] = raw
            adapter["published_precision"] = best.precision
        else:
            adapter["published_at"] = None
            adapter["published_raw"] = candidates[0]["text"] if candidates else None
            adapter["published_precision"] = None
            if candidates:
                self.stat("timestamps/unreadable")
                url = adapter.get("url") or ""
                if url not in self._logged:
                    self._logged.add(url)
                    logger.warning("Unreadable time %r on %s", adapter["published_raw"], url)
            else:
                self.stat("timestamps/missing")
        if "time_candidates" in adapter:
            del adapter["time_candidates"]
        return item
