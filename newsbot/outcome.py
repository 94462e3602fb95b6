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
