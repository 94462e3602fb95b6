"""The end of a run: ``<export>.summary.json`` next to each export, and a short report.

When the engine has stopped (after the exports were closed, the seen-store written and the
health checks run), this extension:

- writes ``<name>.summary.json`` next to each local export (also for an export that failed:
  then ``export`` is null and ``export_error`` says why; ``<name>.failed.summary.json`` when
  the file it aimed at is there untouched, whose own summary stays): start and end time,
  items, drops by reason, failed pages by kind, unreadable times, noise removed, incremental
  and recovery counts, peak memory, finish reason, the health checks, the ``outcome`` (the
  exit status ``scrapy crawl`` ends with) and every Scrapy stat;
- logs a short report as the log's last lines: the exported file and how many articles,
  new/updated/skipped, dropped and failed by reason with a sample URL each, the health
  checks, the exit status and the summary's path. Scrapy's own stats dump is logged only at
  DEBUG (``STATS_DUMP`` is off; the summary file has every stat).
"""

from __future__ import annotations

import json
import logging
import pprint
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy import signals

from newsbot import stats as names
from newsbot.atomic import write_atomically
from newsbot.extensions.context import run_context
from newsbot.logfile import FAILURES
from newsbot.memory import peak_memory_mb
from newsbot.outcome import EXPORT_ERROR_STAT, MEANING, SAMPLE_PREFIX, exit_code
from newsbot.timestamps import to_iso_z

logger = logging.getLogger(__name__)
report_logger = logging.getLogger("newsbot.report")


def _by_prefix(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {
        k[len(prefix) :]: v
        for k, v in sorted(stats.items())
        if k.startswith(prefix) and isinstance(v, int)
    }


def build_summary(
    stats: dict[str, Any], started: datetime, finished: datetime, reason: str | None
) -> dict[str, Any]:
    summary = {
        "started_at": to_iso_z(started),
        "finished_at": to_iso_z(finished),
        "finish_reason": reason,
        "items": stats.get("item_scraped_count", 0),
        "items_dropped": stats.get(names.DROPPED, 0),
        "dropped_by_reason": _by_prefix(stats, names.DROPPED + "/"),
        "pages_failed": stats.get(names.PAGES_FAILED, 0),
        "failed_by_kind": _by_prefix(stats, names.PAGES_FAILED + "/"),
        "pages_unparseable": stats.get(names.PAGES_UNPARSEABLE, 0),
        "times_unreadable": stats.get(names.TIMES_UNREADABLE, 0),
        "noise_removed": stats.get(names.NOISE_REMOVED, 0),
        "noise_removed_by_rule": _by_prefix(stats, names.NOISE_REMOVED + "/"),
        # issue 11: charset corrected, invalid bytes, NUL bytes (newsbot/decoding.py)
        "text_damage": _by_prefix(stats, names.TEXT),
        "responses": stats.get("downloader/response_count", 0),
        "peak_memory_mb": peak_memory_mb(),
        # issue 5: what this run recovered from a killed run, and incremental counts
        "recovered": {
            "files": stats.get(names.RECOVERED_FILES, 0),
            "items": stats.get(names.RECOVERED_ITEMS, 0),
            "torn_lines_dropped": stats.get(names.RECOVERED_TORN_LINES, 0),
            "discarded_files": stats.get(names.RECOVERED_DISCARDED_FILES, 0),
            "jobdir_reset": bool(stats.get(names.RECOVERED_JOBDIR_RESET, 0)),
        },
        "incremental": {
            "new": stats.get(names.INCREMENTAL + "new", 0),
            "updated": stats.get(names.INCREMENTAL + "update", 0),
            "unchanged": stats.get(names.INCREMENTAL + "unchanged", 0),
            "skipped_seen": stats.get(names.SKIPPED_SEEN, 0),
            "claimed_by_other_run": stats.get(names.INCREMENTAL + "claimed", 0),
        },
        "samples": {k: v for k, v in sorted(stats.items()) if k.startswith(SAMPLE_PREFIX)},
    }
    if names.DISTRIBUTED + "claimed" in stats:  # issue 17: this worker's share of the crawl
        counts = _by_prefix(stats, names.DISTRIBUTED)
        summary["items"] -= counts.get("items_given_up", 0)  # not in the finished export
        summary["distributed"] = {
            key: counts.get(key, 0)
            for key in ("claimed", "finished", "lost", "taken_over", "items_given_up", "refused")
        }
    return summary


def summary_path(export: Path) -> Path:
    return export.with_name(export.name.removesuffix(".jsonl") + ".summary.json")


def failed_summary_path(export: Path) -> Path:
    """Where a run whose export failed writes its summary when the file it aimed at is there,
    untouched: another run's export (two runs given one ``NEWSBOT_RUN_ID``) or yesterday's
    (a full disk). ``<name>.summary.json`` beside it describes that file and stays (ops
    round 8: it was replaced by the failed run's, "export: null" beside 103 good records)."""
    return export.with_name(export.name.removesuffix(".jsonl") + ".failed.summary.json")


def _counts_line(counts: dict[str, int], stats: dict[str, Any], kind: str) -> str:
    parts = []
    for reason, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        sample = stats.get(f"{SAMPLE_PREFIX}{kind}/{reason}")
        label = reason.replace("_", " ")
        parts.append(f"{label} {count}" + (f" (e.g. {sample})" if sample else ""))
    return ", ".join(parts)


def report_lines(
    summary: dict[str, Any], exports: list[dict[str, Any]], stats: dict[str, Any]
) -> list[str]:
    """The end-of-run report, one string per line."""
    outcome = summary["outcome"]
    lines = [
        f"Run {summary['run_id']} ended ({summary['finish_reason']}): exit status "
        f"{outcome['exit_code']} ({outcome['meaning']})"
    ]
    inc = summary["incremental"]
    counts = (
        f"new {inc['new']}, updated {inc['updated']}, unchanged {inc['unchanged']}, "
        f"skipped as seen {inc['skipped_seen']}"
    )
    if inc["claimed_by_other_run"]:
        counts += f", left to a concurrent run {inc['claimed_by_other_run']}"
    for export in exports or [{"path": None, "items": summary["items"], "error": None}]:
        if export["error"]:
            if export.get("set_aside"):
                left = "the next run exports its articles again"
            elif export.get("untouched"):
                left = f"{export['path']} left as it was"
            else:
                left = "no file written"
            lines.append(f"Export FAILED: {export['error']} ({left})")
        elif export.get("kept_previous"):
            lines.append(
                f"Exported nothing: kept the previous {export['path']} as it was ({counts})"
            )
        elif export["path"]:
            lines.append(f"Exported {export['items']} article(s) to {export['path']} ({counts})")
        else:
            lines.append(f"Scraped {export['items']} article(s), no file export ({counts})")
    dropped = summary["dropped_by_reason"]
    if dropped:
        total = sum(dropped.values())
        lines.append(f"Dropped {total}: {_counts_line(dropped, stats, 'dropped')}")
    failed = summary["failed_by_kind"]
    if failed:
        lines.append(
            f"Failed pages {summary['pages_failed']}: {_counts_line(failed, stats, 'pages/failed')}"
        )
    if summary["pages_unparseable"]:
        sample = stats.get(f"{SAMPLE_PREFIX}pages/unparseable")
        lines.append(
            f"Unparseable pages {summary['pages_unparseable']}"
            + (f" (e.g. {sample})" if sample else "")
        )
    health = summary["health"]
    bad = [c for c in health if not c["ok"]]
    if not health:
        lines.append("Health checks: none ran")
    elif bad:
        lines.append(f"Health checks: {len(bad)} of {len(health)} FAILED")
        lines.extend(f"  FAILED {c['check']}: {c['detail']}" for c in bad)
    else:
        lines.append(f"Health checks: all {len(health)} passed")
    for export in exports:
        if export.get("summary"):
            lines.append(f"Summary: {export['summary']}")
    return lines


class RunSummary:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.reason: str | None = None
        self.slots: list[Any] = []
        self.outcome: int | None = None  # the exit status reported, once the run has ended

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunSummary:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.reason = reason

    def feed_slot_closed(self, slot: Any) -> None:
        if hasattr(slot.storage, "committed"):  # newsbot.feeds.AtomicFileFeedStorage
            self.slots.append(slot)

    def _health(self) -> list[dict[str, Any]]:
        from newsbot.health.extension import HealthChecks

        try:
            health = self.crawler.get_extension(HealthChecks)
        except (KeyError, ValueError, AttributeError):
            return []
        return list(getattr(health, "results", []) or [])

    def _exports(self) -> list[dict[str, Any]]:
        exports = []
        for slot in self.slots:
            storage = slot.storage
            error = storage.error
            untouched = bool(error) and not storage.committed and Path(storage.path).exists()
            exports.append(
                {
                    "path": str(storage.path),
                    "items": slot.itemcount,
                    "error": (f"{storage.path}: {error.strerror or error}" if error else None),
                    "kept_previous": untouched or bool(getattr(storage, "kept_previous", False)),
                    "untouched": untouched,
                    "collided": bool(getattr(storage, "collided", False)),
                    "set_aside": getattr(storage, "set_aside", None),
                    "summary": None,
                }
            )
        return exports

    def engine_stopped(self) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        started = run_context(self.crawler).started_at
        summary = build_summary(stats, started, datetime.now(timezone.utc), self.reason)
        code = exit_code(stats)
        summary["run_id"] = self.crawler.settings.get("NEWSBOT_RUN_ID")
        summary["outcome"] = {"exit_code": int(code), "meaning": MEANING[code]}
        summary["health"] = self._health()
        summary["export_error"] = stats.get(EXPORT_ERROR_STAT)
        summary["log_file_error"] = FAILURES[0] if FAILURES else None  # newsbot.logfile
        exports = self._exports()
        for export in exports:
            if export["collided"]:  # its summary is the other run's: left alone
                continue
            path = Path(export["path"])
            target = failed_summary_path(path) if export["untouched"] else summary_path(path)
            record = {
                **summary,
                "export": None if export["error"] else export["path"],
                "export_kept_previous": export["kept_previous"],
                "stats": stats,
            }
            try:
                write_atomically(target, summary_json(record))
                export["summary"] = str(target)
            except OSError as exc:
                logger.warning("Could not write the run summary %s: %s", target, exc)
        logger.debug("Scrapy stats:\n%s", pprint.pformat(stats))
        for line in report_lines(summary, exports, stats):
            report_logger.info(line)
        self.outcome = int(code)


def reported_outcome(crawler: Any) -> int | None:
    """The exit status the run's report gave, if the run got that far (a stop signal sent
    after it does not change what the run did)."""
    try:
        summary = crawler.get_extension(RunSummary)
    except (KeyError, ValueError, AttributeError):
        return None
    return getattr(summary, "outcome", None)


def summary_json(record: dict[str, Any]) -> bytes:
    """A summary as UTF-8 JSON. A path with bytes that are not UTF-8 (``/tmp/exp\\xe9``, read
    by Python as a lone surrogate) cannot be written as UTF-8: the whole summary is then
    written with JSON's ASCII escapes, which any JSON reader takes back (ops round 14: the
    summary crashed, no summary and no report, exit 0)."""
    text = json.dumps(record, ensure_ascii=False, indent=2, default=str) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True, indent=2, default=str) + "\n").encode()
