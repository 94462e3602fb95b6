"""Wording shared by every check of an operator's input (arguments, settings, files).

Pure functions: each builds part of the one line a :class:`newsbot.exitcodes.UsageError`
carries (what was wrong, what is allowed, and for a misspelling what was probably meant).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from newsbot.exitcodes import UsageError


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'max_articles'?)"`` for a close misspelling or the same name in
    other capitals (``START_URLS``), else ``""``."""
    options = list(choices)
    same = [c for c in options if c.casefold() == value.casefold()]
    close = same or difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def not_utf8(exc: UnicodeDecodeError) -> str:
    """``not UTF-8 at line 12, column 7 (byte 0xe9); save the file as UTF-8``: where an
    editor wrote another encoding (Latin-1, Windows-1252, UTF-16)."""
    data = exc.object if isinstance(exc.object, bytes) else bytes(exc.object)
    if _looks_utf16(data):  # two bytes a letter: its lines and columns are not UTF-8's
        return "not UTF-8: it looks saved as UTF-16; save the file as UTF-8"
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return (
        f"not UTF-8 at line {line}, column {column} (byte 0x{data[exc.start]:02x}); "
        "save the file as UTF-8"
    )


def _looks_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]


def operator_text(data: bytes) -> str:
    """A file an operator edits (settings, noise rules, a URLs file) as text: UTF-8, an
    editor's byte order mark dropped. A NUL byte is no text such a file holds: a file saved
    as UTF-16 without its mark decodes as UTF-8 with one between every two letters (ops
    round 12), so it raises :class:`UnicodeDecodeError` at the first, as other encodings do.
    Line ends are read as Python's text mode reads them (Windows' and old Macs' alike)."""
    text = data.decode("utf-8-sig")
    if "\x00" in text:
        at = data.index(b"\x00")
        raise UnicodeDecodeError("utf-8", data, at, at + 1, "a NUL byte in a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as a text-mode read gives it


def one_of(choices: Iterable[str]) -> str:
    """``"one of: a, b, c"`` in a stable order."""
    return "one of: " + ", ".join(sorted(choices))


def short(value: object, limit: int = 80) -> str:
    """``repr`` of a value cut to ``limit`` characters, on one line."""
    text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# newsbot's numeric settings: (int or float, smallest allowed, what they are).
NUMERIC_SETTINGS: dict[str, tuple[type, float, str]] = {
    "NEWSBOT_MAX_PAGES": (int, 1, "listing pages per start URL"),
    "NEWSBOT_WORKER_TIMEOUT": (float, 0.001, "seconds a page may take in a worker"),
    "NEWSBOT_WORKER_MAX_INFLIGHT": (int, 0, "bytes of pages sent to the workers at once"),
    "NEWSBOT_MMAP_THRESHOLD": (int, 0, "bytes (0: leave the allocator alone)"),
    "NEWSBOT_GC_THRESHOLD": (int, 0, "new objects between collector passes (0: Python's)"),
    "NEWSBOT_DOWNLOAD_BUDGET": (
        int,
        0,
        "bytes of one site's pages downloaded at once (0: no bound)",
    ),
    "NEWSBOT_RETRY_AFTER_MAX": (float, 0, "seconds to wait at most for a Retry-After"),
    "NEWSBOT_BOILERPLATE_THRESHOLD": (int, 0, "articles (0: no learning)"),
    "NEWSBOT_BOILERPLATE_SOURCES": (int, 0, "sources"),
    "NEWSBOT_PROGRESS_INTERVAL": (float, 0, "seconds between progress lines (0: none)"),
    "NEWSBOT_BROWSER_PAGES": (int, 1, "browser pages open at once"),
    "NEWSBOT_REDIS_HEARTBEAT": (float, 0.001, "seconds between heartbeats"),
    "NEWSBOT_REDIS_WORKER_TIMEOUT": (float, 0.001, "seconds of silence before a worker is dead"),
    # (a word here was Scrapy's traceback as the worker opened its queue: blind operator round 14)
    "NEWSBOT_REDIS_PREFETCH": (int, 1, "requests a worker takes from the shared queue at once"),
    "NEWSBOT_REDIS_TIMEOUT": (float, 0.001, "seconds a Redis call may wait"),
}


def at_least(name: str, value: object, kind: type, minimum: float, meaning: str) -> float:
    """``value`` read as ``kind`` (int or float), no smaller than ``minimum``; else
    :class:`UsageError` naming ``name`` and what it is (``meaning``)."""
    try:
        number = kind(str(value).strip()) if isinstance(value, str) else kind(value)
    except (TypeError, ValueError):
        number = None
    if number is None or number < minimum:
        kind_name = "a whole number" if kind is int else "a number"
        raise UsageError(f"{name}={short(value)}: expected {kind_name} >= {minimum:g} ({meaning})")
    return float(number)


def numeric_setting(get: Callable[..., object], name: str, default: object) -> float:
    """The numeric setting ``name`` as the ``-s`` check reads it (``get`` is
    ``settings.get``; ``default`` when it is not set); else :class:`UsageError`."""
    return at_least(name, get(name, default), *NUMERIC_SETTINGS[name])


def check_numeric_settings(get: Callable[[str], object]) -> None:
    """Each numeric setting that is set is a number no smaller than allowed; else
    :class:`UsageError` (``get`` is ``settings.get``)."""
    read: dict[str, float] = {}
    for name, (kind, minimum, meaning) in NUMERIC_SETTINGS.items():
        value = get(name)
        if value is not None and value != "":
            read[name] = at_least(name, value, kind, minimum, meaning)
    check_worker_timing(read)


def check_worker_timing(read: dict[str, float]) -> None:
    """A distributed worker is taken for dead after ``NEWSBOT_REDIS_WORKER_TIMEOUT`` seconds
    without a heartbeat: with heartbeats further apart than that, every live worker would be
    taken for dead between two of them and its requests crawled again by the others (ops
    round 9: accepted without a word). ``read``: the numeric settings that are set."""
    from newsbot import settings as defaults

    every = read.get("NEWSBOT_REDIS_HEARTBEAT", defaults.NEWSBOT_REDIS_HEARTBEAT)
    dead_after = read.get("NEWSBOT_REDIS_WORKER_TIMEOUT", defaults.NEWSBOT_REDIS_WORKER_TIMEOUT)
    if every * 2 > dead_after:
        raise UsageError(
            f"NEWSBOT_REDIS_HEARTBEAT={every:g} with NEWSBOT_REDIS_WORKER_TIMEOUT={dead_after:g}: "
            "a live worker would be taken for dead between two heartbeats; the timeout must be "
            "at least twice the heartbeat (defaults 1 and 15 seconds)"
        )
