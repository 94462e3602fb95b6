"""What a worker process runs: plain functions over plain data, free of Scrapy.

The same functions serve the crawl process when it works alone. Objects every task of a kind
needs (the site profile, the noise rules) are handed to a worker once, when it starts, as its
context; a task names only its own data (a page's text, an article's blocks).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from parsel import Selector

from newsbot.cleaning import clean_blocks
from newsbot.cleaning.clean import CleanResult
from newsbot.cleaning.learner import LearnedLines
from newsbot.cleaning.rules import NoiseRules
from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.listing import parse_listing
from newsbot.profiles import SiteProfile

PARSERS: dict[str, Callable[..., Any]] = {"article": parse_article, "listing": parse_listing}

# in a worker: what the crawl process handed over when it started the worker
_CONTEXT: dict[str, Any] = {}


def read_with(
    selector: Selector, kind: str, url: str, profile: SiteProfile, anchor: datetime
) -> Any:
    """The page as ``kind`` ("article" or "listing") reads it, ages anchored at ``anchor``."""
    return PARSERS[kind](selector, url, profile, age_reader(profile, anchor))


def read_page(
    text: str, kind: str, url: str, selector_type: str | None, anchor: datetime,
    profile: SiteProfile | None = None,
) -> Any:  # fmt: skip
    """``read_with`` on a page given as text, with the worker's profile unless one is given."""
    selector = Selector(text=text, type=selector_type, base_url=url)
    return read_with(selector, kind, url, profile or _context("profile"), anchor)


def clean_body(
    blocks: list[str], learned: LearnedLines | None, rules: NoiseRules | None = None, **ctx: Any
) -> CleanResult:
    """``clean_blocks`` with the lines learned so far for the article's source."""
    return clean_blocks(blocks, rules or _context("noise_rules"), learner=learned, **ctx)


def _context(name: str) -> Any:
    try:
        return _CONTEXT[name]
    except KeyError:
        raise RuntimeError(f"this worker was started without {name!r}") from None


# -- worker process lifecycle -----------------------------------------------------------------
def start_worker(context: dict[str, Any], parent_pid: int) -> None:
    """Worker initialiser: keep the context; exit when the crawl process is gone.

    A crawl killed with SIGKILL cannot shut its pool down, and a worker holds its own end of
    the task queue, so it would wait forever: it watches its parent instead.
    """
    _CONTEXT.clear()
    _CONTEXT.update(context)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int, every: float = 1.0) -> None:
    while os.getppid() == parent_pid:
        time.sleep(every)
    os._exit(0)


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM), 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
