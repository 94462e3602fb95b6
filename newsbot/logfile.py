"""A ``LOG_FILE`` whose disk fills during a run: one line, then the log goes on to stderr.

Python's logging prints a ``--- Logging error ---`` block with a traceback to stderr for every
record a handler fails to write, and Scrapy's file handler raises again when it is closed
(ops round 5: 86 blocks and a traceback at exit on a full disk; 694 lines of them when the
disk filled mid-run, the run's report lost). :func:`guard_log_file` makes the first failure
of the run's log file say so once on stderr and sends every later record, the failed one
included, to stderr; the run's summary records it (``log_file_error``).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import types
from typing import Any

FAILURES: list[str] = []  # what went wrong with this process's log file (for the summary)


def guard_log_file() -> None:
    """Guard Scrapy's root log handler now, and every one it installs later (a crawler
    installs its own, with the spider's settings, just before it builds the engine)."""
    import scrapy.utils.log as scrapy_log

    _guard(scrapy_log.get_scrapy_root_handler())
    make = getattr(scrapy_log, "_get_handler", None)  # private: skipped if Scrapy renames it
    if make is not None and not getattr(make, "_newsbot_guarded", False):

        def guarded(settings: Any) -> logging.Handler:
            handler = make(settings)
            _guard(handler)
            return handler

        guarded._newsbot_guarded = True  # type: ignore[attr-defined]
        scrapy_log._get_handler = guarded  # type: ignore[attr-defined]


def _guard(handler: logging.Handler | None) -> None:
    if isinstance(handler, logging.FileHandler) and not getattr(handler, "_newsbot_guarded", 0):
        handler._newsbot_guarded = True  # type: ignore[attr-defined]
        handler.handleError = types.MethodType(_to_stderr, handler)  # type: ignore[method-assign]


def _to_stderr(handler: logging.FileHandler, record: logging.LogRecord) -> None:
    error = sys.exc_info()[1]
    if not isinstance(error, OSError) or getattr(handler, "_newsbot_on_stderr", False):
        logging.Handler.handleError(handler, record)  # a bug, not the disk: Python's own report
        return
    reason = error.strerror or str(error)
    FAILURES.append(f"{handler.baseFilename}: {reason}")
    failed, handler.stream = handler.stream, sys.stderr
    handler._newsbot_on_stderr = True  # type: ignore[attr-defined]
    handler.close = types.MethodType(_close_leaving_stderr, handler)  # type: ignore[method-assign]
    with contextlib.suppress(OSError):
        failed.close()  # what it still buffers cannot be written either
    sys.stderr.write(
        f"newsbot: LOG_FILE {handler.baseFilename} cannot be written ({reason}); the rest "
        "of the log goes to standard error\n"
    )
    handler.emit(record)


def _close_leaving_stderr(handler: Any) -> None:
    handler.stream = None
    logging.Handler.close(handler)
