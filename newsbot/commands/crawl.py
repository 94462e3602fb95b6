"""``scrapy crawl``, with an exit status a scheduler can act on (see ``newsbot.exitcodes``).

Scrapy's own command exits 1 when the crawl could not start and 0 otherwise, whatever
happened to the export. This one exits:

- 2 for an operator's mistake found before the engine starts (:class:`UsageError`): one line
  on stderr, no traceback;
- 3 when an export could not be written completely (:class:`ExportFailed` before the crawl,
  or a failed write during it);
- 4 when the run finished but its health checks failed (``newsbot.health``);
- 130 when a forced shutdown (Ctrl-C or SIGTERM a second time) stopped it before the crawl
  ended: no export, only its ``.part`` (the next run recovers it);
- 1 for anything else that stopped the crawl (with its traceback), 0 otherwise.

scrapyd runs this same command, so its jobs get the same status (scrapyd logs a non-zero one
as ``Process died: exitstatus=N``; the run summary's ``outcome`` says it too).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
import time
import traceback
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError as ScrapyUsageError

from newsbot.commands.stops import (
    hang_up_as_terminate,
    hold_early_stops,
    ignore_late_stops,
    stop_once_started,
)
from newsbot.commands.tooling import unknown_spider
from newsbot.component_paths import check_spider_modules
from newsbot.exitcodes import ExitCode, ExportFailed, UsageError
from newsbot.extensions.summary import reported_outcome
from newsbot.feeds import check_cli_targets
from newsbot.logfile import guard_log_file
from newsbot.outcome import exit_code
from newsbot.settings_check import (
    check_log_file,
    check_mapping_values,
    check_setting_pairs,
    normalise_log_level,
    raise_open_files_limit,
)


def failure_of(run: Any, errors: list[BaseException]) -> BaseException | None:
    """The exception that ended a crawl task (or Deferred), retrieved so that asyncio does not
    print it again as "Task exception was never retrieved"."""
    if isinstance(run, asyncio.Future):
        if run.done() and not run.cancelled():
            return run.exception()
        return None
    return errors[0] if errors else None


def report_failure(command: str, error: BaseException) -> ExitCode:
    """Print why the crawl could not run; the exit status for it."""
    if isinstance(error, UsageError):
        message = " ".join(str(error).split())  # one line, whatever the message held
        _say(f"scrapy {command}: error: {message}")
        return ExitCode.USAGE
    if isinstance(error, ExportFailed):
        _say(f"scrapy {command}: export failed: {error}")
        return ExitCode.EXPORT_FAILED
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
    return ExitCode.UNEXPECTED


# the LOG_FILE a command was given, for a refusal before Scrapy opens it (ops round 11: a
# scrapyd job refused for its LOG_LEVEL or FEEDS left no job log at all, `log_url: null`)
_early_log_file: list[str] = []


def remember_log_file(pairs: list[str], settings: Any) -> None:
    """Note the ``-s LOG_FILE=...`` (or the settings') log file before anything is checked."""
    given = [v for name, sep, v in (p.partition("=") for p in pairs) if sep and name == "LOG_FILE"]
    value = given[-1] if given else settings.get("LOG_FILE")
    _early_log_file[:] = [str(value)] if isinstance(value, (str, os.PathLike)) and value else []


def _say(line: str) -> None:
    """The one line on stderr, and in the log file too when there is one (a scrapyd job's log,
    which is what its operator reads; stderr goes to scrapyd's own log)."""
    print(line, file=sys.stderr)
    if any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        logging.getLogger("newsbot.report").error(line)
    elif _early_log_file and "LOG_FILE" not in line:  # not a log file that is the mistake
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        with contextlib.suppress(OSError), open(_early_log_file[0], "a", encoding="utf-8") as log:
            log.write(f"{stamp} [newsbot.report] ERROR: {line}\n")


def check_log_level(command: str, settings: Any) -> None:
    """``-L info`` read as ``INFO``; an unknown level, or a ``LOG_FILE`` that cannot be
    written, is one line and exit status 2, before Scrapy sets up its logging with it
    (which would end in a traceback)."""
    try:
        normalise_log_level(settings)
        check_log_file(settings)
    except UsageError as error:
        sys.exit(int(report_failure(command, error)))


def check_repeated_arguments(pairs: list[str]) -> None:
    """``-a start_urls=A -a start_urls=B``: Scrapy keeps B without a word, and the crawl ran
    on half of what was asked. Two values of one argument are one line and exit 2 (the same
    value twice is harmless). A pair without `=` is named too."""
    seen: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            # `-a max_articles 5`: Scrapy says "Invalid -a value" without naming it
            raise UsageError(f"-a {name}: expected NAME=VALUE (for example -a {name}=5)")
        if name in seen and seen[name] != value:
            hint = ", with commas between them" if name in ("start_urls", "mirror_hosts") else ""
            raise UsageError(
                f"-a {name} given twice ({seen[name]!r} and {value!r}): give it once{hint}"
            )
        seen[name] = value


# names of standard output as a file: Scrapy read a format off them ("Unrecognized output
# format ''") or, with one, took them for a file (ops round 10)
_STDOUT_FILES = ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def stdout_as_json_lines(values: list[str] | None) -> list[str] | None:
    """``-O -`` (or ``stdout:``, or ``/dev/stdout``) with no format: JSON Lines, the project's
    format. Scrapy takes the format from the file name and said "Unrecognized output format
    ''" (ops round 8); ``-O -:json`` still picks another."""
    if not values:
        return values
    found = []
    for value in values:
        name, colon, form = value.rpartition(":")
        if value in _STDOUT_FILES or (colon and name in _STDOUT_FILES):
            value = f"-:{form}" if colon else "-"  # Scrapy's own name for standard output
        found.append(f"{value}:jsonlines" if value in ("-", "stdout:") else value)
    return found


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        remember_log_file([*(opts.set or [])], self.settings)
        if getattr(opts, "logfile", None):
            _early_log_file[:] = [opts.logfile]
        opts.output = stdout_as_json_lines(opts.output)
        opts.overwrite_output = stdout_as_json_lines(opts.overwrite_output)
        try:  # before Scrapy reads a format off the name, and keeps the last of two -a
            check_cli_targets(
                [*(opts.output or ()), *(opts.overwrite_output or ())],
                self.settings.getwithbase("FEED_EXPORTERS"),
            )
            check_repeated_arguments(opts.spargs or [])
            check_setting_pairs(opts.set or [])
            check_mapping_values(opts.set or [], self.settings)
            raise_open_files_limit()
        except UsageError as error:
            sys.exit(int(report_failure("crawl", error)))
        super().process_options(args, opts)
        check_log_level("crawl", self.settings)
        try:  # Scrapy builds its spider loader from them before the crawl's own checks
            check_spider_modules(self.settings)
        except UsageError as error:
            sys.exit(int(report_failure("crawl", error)))
        hold_early_stops()

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) < 1:
            raise ScrapyUsageError
        if len(args) > 1:
            extra = " ".join(repr(a) for a in args[1:])
            raise ScrapyUsageError(
                f"one spider name expected, got {args[0]!r} and {extra}: "
                f"{unquoted_space(sys.argv, args[1])}; running more than one spider is not "
                "supported"
            )
        assert self.crawler_process is not None
        guard_log_file()  # Scrapy's log handler exists now: a disk that fills is one line
        unknown = unknown_spider(self.crawler_process.spider_loader, args[0], f"spider {args[0]!r}")
        if unknown is not None:
            self.exitcode = int(report_failure("crawl", unknown))
            return
        crawler = self._create_crawler(args[0])
        errors: list[BaseException] = []
        run = self.crawler_process.crawl(crawler, **opts.spargs)
        if hasattr(run, "addErrback"):  # a Deferred (a non-asyncio reactor)
            run.addErrback(lambda failure: errors.append(failure.value))
        stop_once_started(self.crawler_process, crawler)
        hang_up_as_terminate()
        self.crawler_process.start()
        ignore_late_stops()
        error = failure_of(run, errors)
        if error is not None:
            self.exitcode = int(report_failure("crawl", error))
        elif not (run.done() if isinstance(run, asyncio.Future) else getattr(run, "called", True)):
            # the reactor stopped before the crawl: forced, unless the run had ended and
            # reported already (a late second Ctrl-C) - then its own outcome stands
            done = reported_outcome(crawler)
            self.exitcode = int(ExitCode.INTERRUPTED) if done is None else done
        elif self.crawler_process.bootstrap_failed or crawler.stats is None:
            self.exitcode = int(ExitCode.UNEXPECTED)
        else:
            self.exitcode = int(exit_code(crawler.stats.get_stats()))


def unquoted_space(argv: list[str], stray: str) -> str:
    """How to quote the value ``stray`` was cut from: the ``-a``/``-s`` option just before it
    in ``argv`` (``-a start_urls=.../Middle East`` unquoted: ops round 17), else an example."""
    for at in range(2, len(argv)):
        option, pair = argv[at - 2], argv[at - 1]
        if argv[at] != stray or option not in ("-a", "-s", "--set") or "=" not in pair:
            continue
        name, value = pair.split("=", 1)
        return (
            f"{stray!r} follows {option} {name}=..., a value with a space must be quoted "
            f"({option} {name}='{value} {stray}')"
        )
    return "a value with a space must be quoted (-a since='24 h')"
