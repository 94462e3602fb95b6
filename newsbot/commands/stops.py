"""How a command answers Ctrl-C, SIGTERM (a scheduler's stop, scrapyd's cancel) and SIGHUP
over its whole life: held while Scrapy is set up, graceful once the crawl runs (forced the
second time), and ignored once the run has reported, so that the exit status is always the
one the report and the summary give."""

from __future__ import annotations

import logging
import os
import signal
import time
from typing import Any

from scrapy import signals
from scrapy.utils.ossignal import install_shutdown_handlers

from newsbot.exitcodes import ExitCode

logger = logging.getLogger(__name__)

_early: list[int] = []  # stops received before the crawl was set up
# One stop often arrives twice within microseconds: GNU `timeout` signals the command and
# then its whole process group, `systemctl stop` and `kill -- -PGID` reach the command and
# the wrapper that forwards to it (ops round 9: 2 runs in 5 ended unclean, exit 130, no
# export). A second signal this soon after the first is the same stop; a later one (a
# person pressing Ctrl-C again, 0.2 s or more apart) forces the stop.
SAME_STOP_SECONDS = 0.1
_first_stop_at: list[float] = []


def _same_stop() -> bool:
    """Whether a stop arriving now repeats the first one (see ``SAME_STOP_SECONDS``)."""
    now = time.monotonic()
    if not _first_stop_at:
        _first_stop_at.append(now)
        return False
    return now - _first_stop_at[0] < SAME_STOP_SECONDS


def hold_early_stops() -> None:
    """A Ctrl-C or SIGTERM while Scrapy is still being set up (its settings, its crawler) is
    held for the command to act on once the crawl runs, as a first stop is later on;
    Python's own handler raised KeyboardInterrupt wherever Scrapy was, with a traceback, or
    SIGTERM killed the process. A second one ends the process at once: nothing has been
    opened or written yet."""

    def on_signal(signum: int, _frame: Any) -> None:
        if _same_stop():
            return
        if _early:
            os.write(2, b"scrapy: stopped before the run started (signal received twice)\n")
            os._exit(int(ExitCode.INTERRUPTED))
        _early.append(signum)

    install_shutdown_handlers(on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, on_signal)


def stopped_early() -> bool:
    """Whether a stop came while the command was being set up (see :func:`hold_early_stops`)."""
    return bool(_early)


def hang_up_as_terminate() -> None:
    """SIGHUP (the terminal closed, an SSH session lost) stops the crawl as SIGTERM does:
    gracefully the first time (the export finished, the summary written), at once the second.
    Scrapy handles SIGINT and SIGTERM only; a hang-up killed the run and left a ``.part``."""
    if not hasattr(signal, "SIGHUP"):
        return

    def forward(signum: int, frame: Any) -> None:
        handler = signal.getsignal(signal.SIGTERM)
        if callable(handler):
            handler(signum, frame)

    signal.signal(signal.SIGHUP, forward)


def ignore_late_stops() -> None:
    """Once the run has ended and reported, a Ctrl-C, SIGTERM or hang-up changes nothing:
    the process exits with the status it reported. (Python puts back the default handlers
    while it exits, and a SIGTERM that arrived then, a scheduler stopping a run that was
    just finishing, killed a finished run: exit 143 against a report of 0. An ignored
    signal stays ignored to the end.)"""
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


def stop_once_started(process: Any, crawler: Any) -> None:
    """A first Ctrl-C or SIGTERM that arrives while the crawl is still opening (its
    extensions starting the workers and the seen-store) waits until the engine has started,
    then stops the crawl gracefully: Scrapy's graceful stop does nothing before the engine
    runs and then stops the reactor, and the run ended 130 with no report or export.
    A second signal in that window stops at once, as later on, unless it repeats the first
    within ``SAME_STOP_SECONDS``. (Scrapy installs its handler by this name when the reactor
    starts; the crawl's opening runs before that ends.)"""
    from twisted.internet import reactor

    graceful = process._signal_shutdown  # noqa: SLF001 (Scrapy's graceful stop)
    kill = process._signal_kill  # noqa: SLF001 (Scrapy's forced stop)
    pending: list[int] = []
    closed: list[bool] = []  # the spider has closed: the export is being finished
    finishing: list[int] = []  # a forced stop put off because of that

    def spider_closed() -> None:
        closed.append(True)

    crawler.signals.connect(spider_closed, signal=signals.spider_closed, weak=False)

    def started() -> bool:
        try:
            engine = crawler.engine
        except RuntimeError:  # not set before the crawl starts
            return False
        return engine is not None and engine.running

    def on_signal(signum: int, frame: Any) -> None:
        if _same_stop():
            # the stop this one repeats is under way: waiting for the engine, or begun by
            # this very handler, which Python interrupts to run it again (Scrapy's own
            # handler had not yet put its forced stop in place: "shutting down gracefully"
            # twice, then the reactor stopped under the closing spider, exit 130)
            return
        if started():
            graceful(signum, frame)
        elif pending:
            kill(signum, frame)
        else:
            pending.append(signum)
            reactor.callFromThread(stop_when_running)

    def on_second_signal(signum: int, frame: Any) -> None:
        """Scrapy's forced stop, unless this repeats the graceful stop just begun, or the
        spider has closed: then only the export's rename, the summary and the report are
        left, and a forced stop ended the run 130 ("no export, no summary") over a final
        export (ops round 13). A further signal after that one forces the stop."""
        if _same_stop():
            reactor.callFromThread(
                logger.info,
                "Signal %d came again within %.1f s: the same stop (send it again to stop at once)",
                signum,
                SAME_STOP_SECONDS,
            )
            return
        if closed and not finishing:
            finishing.append(signum)
            reactor.callFromThread(
                logger.warning,
                "Signal %d: the crawl has ended; finishing its export, summary and report "
                "(send it again to stop at once)",
                signum,
            )
            return
        kill(signum, frame)

    def stop_when_running() -> None:
        if started():
            graceful(pending[0], None)
        else:
            reactor.callLater(0.05, stop_when_running)

    process._signal_shutdown = on_signal  # noqa: SLF001
    # Scrapy's graceful stop installs ``_signal_kill`` for the next signal, by this name
    process._signal_kill = on_second_signal  # noqa: SLF001
    install_shutdown_handlers(on_signal)  # from now on, not only once the reactor runs
    if _early:  # a stop that came while Scrapy was being set up
        pending.append(_early[0])
        reactor.callFromThread(stop_when_running)
