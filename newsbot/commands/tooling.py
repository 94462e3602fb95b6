"""What the commands that look at pages (``shell``, ``fetch``, ``view``, ``parse``, ``check``,
``bench``) leave out of a crawl's settings: they are not runs.

- No export and no run summary: ``scrapy fetch`` wrote an empty ``exports/default/*.jsonl``
  and a summary of a run that exported nothing (ops round 7).
- No seen-store: a page looked at is not an article exported.
- No ``JOBDIR``: the production overlay sets one, and a stopped job's queue is not a place for
  a look at one page. Scrapy's shell hung there for good ("0 requests waiting"): its request,
  saved to the job's disk queue, came back without the callback the shell waits on.
- No progress lines, no worker processes, no health checks and no end-of-run report.
- No distributed mode: ``NEWSBOT_REDIS_URL`` (or ``NEWSBOT_ENV=distributed``) is for runs.

``-o``/``-O`` and ``-s`` on the command line still win, except ``JOBDIR`` for every one of
them (``use_tool_settings(..., no_jobdir=True)``): ``shell``, ``fetch``, ``view`` and
``bench`` cannot work with one, and ``check`` or ``parse`` given a stopped job's folder
finished that job and left only its lock (ops round 14).
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from w3lib.url import is_url

from newsbot.exitcodes import UsageError
from newsbot.usage import did_you_mean

logger = logging.getLogger(__name__)

# Above the environment overlays and spider settings, below the command line (-s, -o).
TOOL_PRIORITY = (SETTINGS_PRIORITIES["spider"] + SETTINGS_PRIORITIES["cmdline"]) // 2
TOOL_SETTINGS: dict[str, Any] = {
    "FEEDS": {},  # no default export (the environment add-on adds one only when none is set)
    "NEWSBOT_INCREMENTAL": False,  # never read or write the seen-store
    "JOBDIR": None,  # never read or write a job's saved queue
    "NEWSBOT_PROGRESS_INTERVAL": 0,
    "NEWSBOT_PROGRESS_BAR": "off",
    # one page: read here, not in a worker process (whose answer could come after Scrapy's
    # parse command has collected the callback's output: no item shown)
    "NEWSBOT_WORKERS": 0,
    "SPIDERMON_ENABLED": False,  # no health checks: a look at a page finds no articles
    # never a distributed worker: its scheduler took the page through the crawl's Redis
    # queue (a traceback, "no response", keys left in Redis; ops round 11)
    "NEWSBOT_TOOL_COMMAND": True,
}
# no run report ("Run ... ended: exit status 4 (health checks failed)" after a fetch)
RUN_SUMMARY = "newsbot.extensions.summary.RunSummary"


def use_tool_settings(settings: BaseSettings, command: str, *, no_jobdir: bool = False) -> None:
    """Apply :data:`TOOL_SETTINGS`; with ``no_jobdir``, a ``-s JOBDIR`` given is dropped too,
    with a warning (the shell's fetch never comes back from a job's disk queue). An
    environment that cannot be loaded ends the command in one line."""
    for key, value in TOOL_SETTINGS.items():
        settings.set(key, value, priority=TOOL_PRIORITY)
    extensions = {**settings.getdict("EXTENSIONS"), RUN_SUMMARY: None}
    settings.set("EXTENSIONS", extensions, priority=TOOL_PRIORITY)
    if no_jobdir and settings.get("JOBDIR"):
        logger.warning(
            "scrapy %s: JOBDIR=%s ignored (a page fetched here cannot go through a job's "
            "saved queue)",
            command,
            settings.get("JOBDIR"),
        )
        settings.set("JOBDIR", None, priority="cmdline")
    problem = environment_problem(settings)
    if problem is not None:  # one line now, not the environment add-on's traceback later
        from newsbot.commands.crawl import report_failure  # (crawl imports this module)

        sys.exit(int(report_failure(command, problem)))


def unknown_spider(loader: Any, name: str, label: str) -> UsageError | None:
    """The one-line error for a spider name the project does not have, named as ``label``
    (``spider 'daily9'``, ``--spider daily9``): crawl and parse said so, check and fetch
    gave KeyError tracebacks (ops round 12)."""
    known = sorted(loader.list())
    if name in known:
        return None
    return UsageError(
        f"{label}: not found{did_you_mean(name, known)}; available: {', '.join(known)}"
    )


def not_a_url(args: list[str]) -> UsageError | None:
    """The one-line error for a page argument that is not a URL (ops round 12: `scrapy fetch
    example.com` printed the whole --help and no reason)."""
    if len(args) != 1:
        return None  # Scrapy's usage text: the count of arguments is the mistake
    if is_url(args[0]):
        return None
    hint = (
        f"; write it with its scheme: https://{args[0]}"
        if "://" not in args[0] and "." in args[0]
        else ""
    )
    return UsageError(f"{args[0]!r} is not a URL{hint}")


def unknown_option(command: Any, args: list[str]) -> UsageError | None:
    """The one-line error for an option the command does not have, left among its arguments
    by Scrapy's parser (`scrapy fetch --no-redirects URL` printed the whole --help and no
    reason: ops round 19), with the option meant."""
    stray = next((a for a in args if a.startswith("-") and a != "-"), None)
    if stray is None:
        return None
    parser = argparse.ArgumentParser(add_help=True)
    command.add_options(parser)
    known = sorted(o for o in parser._option_string_actions if o.startswith("--"))
    name = stray.split("=", 1)[0]
    return UsageError(f"{name}: no such option{did_you_mean(name, known)}")


def environment_problem(settings: BaseSettings) -> UsageError | None:
    """The one-line error for an environment that cannot be loaded (`-s NEWSBOT_ENV=tset`),
    before the command starts a crawler: its add-on raised it there as a traceback (ops
    round 19)."""
    from newsbot.addons.environment import active_environment, load_environment

    try:
        load_environment(active_environment(settings))
    except UsageError as error:
        return error
    return None
