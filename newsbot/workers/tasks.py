"""What a worker process runs: plain functions over plain data, free of Scrapy.

``read_with`` also serves the crawl process when it works alone. Objects every task of a
kind needs (the site profile, the noise rules) are handed to a worker once, when it starts,
as its context; a task names only its own data (a page's text, an article's blocks).
"""

from __future__ import annotations

import os
import pickle
import re
import signal
import struct
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from parsel import Selector

from newsbot.cleaning import clean_blocks
from newsbot.cleaning.clean import CleanResult, clean_article
from newsbot.cleaning.learner import LearnedLines
from newsbot.decoding import Decoded, decode_page
from newsbot.extract.ages import age_reader
from newsbot.extract.article import parse_article
from newsbot.extract.listing import parse_listing
from newsbot.extract.page import page_selector
from newsbot.memory import DEFAULT_MMAP_THRESHOLD, return_big_blocks
from newsbot.profiles import SiteProfile

PARSERS: dict[str, Callable[..., Any]] = {"article": parse_article, "listing": parse_listing}

_HEADER = struct.Struct("!Q")

# in a worker: what the crawl process handed over when it started the worker
_CONTEXT: dict[str, Any] = {}


def read_with(
    selector: Selector, kind: str, url: str, profile: SiteProfile, anchor: datetime
) -> Any:
    """The page as ``kind`` ("article" or "listing") reads it, ages anchored at ``anchor``."""
    return PARSERS[kind](selector, url, profile, age_reader(profile, anchor))


def read_page(text: str, kind: str, url: str, selector_type: str | None, anchor: datetime) -> Any:
    """``read_with`` on a page given as text, with the profile this worker was started with."""
    selector = page_selector(text, url, selector_type)
    return read_with(selector, kind, url, _context("profile"), anchor)


def read_bytes(
    body: bytes,
    content_type: str | None,
    kind: str,
    url: str,
    selector_type: str | None,
    anchor: datetime,
    profile: SiteProfile | None = None,
) -> tuple[Any, Decoded]:
    """``read_with`` on a page given as the bytes it was served as: decoded here (so the
    crawl process never holds a second, decoded copy of a big page), with the damage found
    on the way (:func:`newsbot.decoding.decode_page`; returned without the text)."""
    decoded = decode_page(body, content_type)
    del body
    text = decoded.text
    if len(text) > HUGE_PAGE_CHARS and selector_type in (None, "html"):
        text = without_bulk(text)
    decoded = replace(decoded, text="")
    selector = page_selector(text, url, selector_type)
    del text
    parsed = read_with(selector, kind, url, profile or _context("profile"), anchor)
    return parsed, decoded


# A page this long (characters) is read without what no reader sees: comments, scripts other
# than JSON-LD, style sheets. Real articles are 10-500 KB; such pages carry embedded data.
HUGE_PAGE_CHARS = 1 << 20
_BULK = re.compile(
    r"<!--.*?-->"
    r"|<script(?![^>]*ld\+json)(?:\s[^>]*)?>.*?</script\s*>"
    r"|<style(?:\s[^>]*)?>.*?</style\s*>",
    re.DOTALL | re.IGNORECASE,
)


def without_bulk(html: str) -> str:
    """``html`` without comments, non-JSON-LD scripts and style sheets (their tags stay)."""
    return _BULK.sub(_empty_element, html)


def _empty_element(match: re.Match[str]) -> str:
    found = match.group()
    if found.startswith("<!--"):
        return " "
    opening = found[: found.index(">") + 1]
    closing = found[found.rindex("</") :]
    return opening + closing


def clean_body(
    blocks: list[str], learned: LearnedLines | None, site: str | None, **ctx: Any
) -> CleanResult:
    """``clean_blocks`` with this worker's noise rules for the aggregator ``site`` (None: an
    item found on no aggregator) and the lines learned so far for the article's source."""
    return clean_blocks(blocks, _context("noise_rules")[site], learner=learned, **ctx)


def clean_body_and_captions(
    blocks: list[str],
    figures: Any,
    learned: LearnedLines | None,
    site: str | None,
    **ctx: Any,
) -> tuple[CleanResult, CleanResult]:
    """``clean_body``, and the page's figure captions cleaned with the same rules (so the
    crawl process never compiles the rules they need)."""
    rules = _context("noise_rules")[site]
    return clean_article(blocks, figures, rules, learner=learned, **ctx)


def _context(name: str) -> Any:
    try:
        return _CONTEXT[name]
    except KeyError:
        raise RuntimeError(f"this worker was started without {name!r}") from None


# -- the worker process -----------------------------------------------------------------
def start_worker(context: dict[str, Any]) -> None:
    """Keep what the crawl process handed over, and leave stopping to the crawl process.

    Ctrl-C reaches every process of the terminal's group: the crawl process then finishes
    what is in flight (Scrapy's graceful stop), which needs its worker, so a worker ignores
    SIGINT and SIGTERM and ends when the crawl process closes the task pipe. It needs no
    watch on its parent either: if the crawl process dies, even by SIGKILL, its end of the
    pipe closes and ``serve`` reads the end of it (or finds the result pipe broken, and ends
    without a traceback in the crawl's log).
    """
    _CONTEXT.clear()
    _CONTEXT.update(context)
    return_big_blocks(int(context.get("mmap_threshold", DEFAULT_MMAP_THRESHOLD)))
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_IGN)


def serve(tasks: Any, results: Any) -> None:
    """A worker process: run each task read from ``tasks``, write its outcome to ``results``.

    Frames are an 8-byte big-endian length, the task's 8-byte id and a pickle: the first
    one of the context the crawl process hands over (:func:`start_worker`), then of
    ``(function, args, kwargs)`` going in, of ``(ok, result or exception)`` coming back. The
    worker ends when the crawl process closes ``tasks``.
    """
    read_fd, write_fd = tasks.fileno(), results.fileno()
    first = _read_frame(read_fd)
    if first is None:
        return
    start_worker(pickle.loads(memoryview(first)[_HEADER.size :]))
    del first
    while True:
        frame = _read_frame(read_fd)
        if frame is None:
            return
        head = bytes(frame[: _HEADER.size])
        try:
            call = pickle.loads(memoryview(frame)[_HEADER.size :])
            del frame  # a big page is held once (as its task's argument), not twice
            task, args, kwargs = call
            del call
            outcome: tuple[bool, Any] = (True, task(*args, **kwargs))
        except Exception as exc:  # the crawl process re-raises it
            outcome = (False, exc)
        finally:
            frame = task = args = kwargs = None
        try:
            payload = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result or exception
            payload = pickle.dumps((False, RuntimeError(repr(exc))))
        # a result frame: its task's id, then the pickle (so a pickle the crawl process
        # cannot read still fails the right task)
        try:
            _write_all(write_fd, _HEADER.pack(_HEADER.size + len(payload)) + head)
            _write_all(write_fd, payload)
        except (BrokenPipeError, ConnectionResetError):
            return  # the crawl process is gone (killed): nobody to answer, nothing to say
        del payload, outcome


def _read_frame(fd: int) -> bytearray | None:
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    return _read_exactly(fd, size)


def _read_exactly(fd: int, size: int) -> bytearray | None:
    """``size`` bytes read into one buffer (no list of chunks joined into a second copy)."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        got = os.readv(fd, [view[done : done + (1 << 20)]])
        if not got:
            return None  # the crawl process closed the pipe (or died)
        done += got
    view.release()
    return buffer


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
