"""Exit status of newsbot's commands, for schedulers (cron, systemd, scrapyd, Airflow).

``0`` only when the run did its job. The other codes say what went wrong, so a scheduler can
tell an operator's mistake from a broken disk from a site that changed.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    UNEXPECTED = 1  # a crash newsbot did not classify
    USAGE = 2  # bad spider argument, setting, environment, profile or noise file
    EXPORT_FAILED = 3  # an export could not be written completely (disk full, unwritable...)
    HEALTH_FAILED = 4  # the run finished, but its health checks failed
    INTERRUPTED = 130  # a forced (unclean) shutdown: 128 + SIGINT, as a shell reports it


class UsageError(ValueError):
    """An operator's mistake found before the engine starts.

    ``str(error)`` is one line that names the argument or setting, what was wrong, what is
    allowed and, for a misspelling, a suggestion. Commands print it without a traceback and
    exit with :attr:`ExitCode.USAGE`.
    """


class ExportFailed(RuntimeError):
    """An export could not be written completely (disk full, unwritable folder...).

    ``str(error)`` is one line naming the file and the system's reason. Nothing of the run is
    recorded in the seen-store; commands print it without a traceback and exit with
    :attr:`ExitCode.EXPORT_FAILED`.
    """
