"""What a run's stats say about it, as the exit status schedulers act on.

One function decides, for the crawl command's exit status and for the run summary's
``outcome`` (which scrapyd users read, since scrapyd only logs a non-zero exit status).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsbot.exitcodes import ExitCode

EXPORT_FAILED_STAT = "newsbot/export/failed"
EXPORT_ERROR_STAT = "newsbot/export/error"
HEALTH_FAILED_STAT = "newsbot/health/failed"
SAMPLE_PREFIX = "newsbot/sample/"  # + a count's key: the first URL it counted


def record_sample(stats: Any, key: str, url: str) -> None:
    """Keep the first URL counted under ``newsbot/<key>`` (for the end-of-run report)."""
    if stats is not None and stats.get_value(SAMPLE_PREFIX + key) is None:
        stats.set_value(SAMPLE_PREFIX + key, url)


MEANING = {
    ExitCode.OK: "ok",
    ExitCode.UNEXPECTED: "unexpected error",
    ExitCode.USAGE: "bad argument or setting",
    ExitCode.EXPORT_FAILED: "export failed",
    ExitCode.HEALTH_FAILED: "health checks failed",
}


def export_failed(stats: Mapping[str, Any]) -> bool:
    return bool(stats.get(EXPORT_FAILED_STAT)) or any(
        key.startswith("feedexport/failed_count/") and value for key, value in stats.items()
    )


def exit_code(stats: Mapping[str, Any]) -> ExitCode:
    """A failed export outranks failed health checks: its articles are not in any file."""
    if export_failed(stats):
        return ExitCode.EXPORT_FAILED
    if stats.get(HEALTH_FAILED_STAT):
        return ExitCode.HEALTH_FAILED
    return ExitCode.OK
