"""Writes ``<export>.summary.json`` next to each finished JSONL export.

A small record of the run for schedulers and dashboards: start and end time, items,
items dropped by reason, pages failed, unreadable times, noise removed, finish reason.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals

from newsbot.timestamps import to_iso_z


def _by_prefix(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


def peak_memory_mb() -> float | None:
    """This process's peak resident memory (Linux ``VmHWM``; unlike ``ru_maxrss`` it is not
    inherited from the parent across exec), or None where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        return None
    return None


def build_summary(
    stats: dict[str, Any], started: datetime, finished: datetime, reason: str | None
) -> dict[str, Any]:
    summary = {
        "started_at": to_iso_z(started),
        "finished_at": to_iso_z(finished),
        "finish_reason": reason,
        "items": stats.get("item_scraped_count", 0),
        "items_dropped": stats.get("newsbot/dropped", 0),
        "dropped_by_reason": _by_prefix(stats, "newsbot/dropped/"),
        "pages_failed": stats.get("newsbot/pages/failed", 0),
        "failed_by_kind": _by_prefix(stats, "newsbot/pages/failed/"),
        "pages_unparseable": stats.get("newsbot/pages/unparseable", 0),
        "times_unreadable": stats.get("newsbot/timestamps/unreadable", 0),
        "noise_removed": stats.get("newsbot/noise/removed", 0),
        "noise_removed_by_rule": _by_prefix(stats, "newsbot/noise/removed/"),
        "responses": stats.get("downloader/response_count", 0),
        "peak_memory_mb": peak_memory_mb(),
        # issue 5: what this run recovered from a killed run, and incremental counts
        "recovered": {
            "files": stats.get("newsbot/recovered/files", 0),
            "items": stats.get("newsbot/recovered/items", 0),
            "torn_lines_dropped": stats.get("newsbot/recovered/torn_lines", 0),
            "discarded_files": stats.get("newsbot/recovered/discarded_files", 0),
            "jobdir_reset": bool(stats.get("newsbot/recovered/jobdir_reset", 0)),
        },
        "incremental": {
            "new": stats.get("newsbot/incremental/new", 0),
            "updated": stats.get("newsbot/incremental/update", 0),
            "unchanged": stats.get("newsbot/incremental/unchanged", 0),
            "skipped_seen": stats.get("newsbot/skipped/seen", 0),
        },
    }
    if "newsbot/distributed/claimed" in stats:  # issue 17: this worker's share of the crawl
        counts = _by_prefix(stats, "newsbot/distributed/")
        summary["items"] -= counts.get("items_given_up", 0)  # not in the finished export
        summary["distributed"] = {
            key: counts.get(key, 0)
            for key in ("claimed", "finished", "lost", "taken_over", "items_given_up", "refused")
        }
    return summary


def summary_path(export: Path) -> Path:
    return export.with_name(export.name.removesuffix(".jsonl") + ".summary.json")


class RunSummary:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.started = datetime.now(timezone.utc)
        self.reason: str | None = None
        self.exports: list[Path] = []

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunSummary:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(ext.feed_exporter_closed, signal=signals.feed_exporter_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.reason = reason

    def feed_slot_closed(self, slot: Any) -> None:
        uri = getattr(slot, "uri", "")
        parts = urlsplit(uri)
        if parts.scheme in ("", "file") or len(parts.scheme) == 1:  # plain path or file://
            path = Path(parts.path if parts.scheme == "file" else uri)
            if path.exists():
                self.exports.append(path)

    def feed_exporter_closed(self) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        summary = build_summary(stats, self.started, datetime.now(timezone.utc), self.reason)
        for export in self.exports:
            target = summary_path(export)
            temporary = target.with_name(target.name + ".part")
            temporary.write_text(
                json.dumps({**summary, "export": str(export)}, ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
            os.replace(temporary, target)
