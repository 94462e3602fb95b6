"""Whether a stopped job's saved state (``JOBDIR``) can be read back, without Scrapy.

A job stopped gracefully leaves its request queue and its spider state for the next run to
resume. A file of it cut short or overwritten (a full disk, a hand edit, a copy interrupted)
made the resumed run fail in Scrapy's scheduler: a truncated queue file an endless loop of
``OSError: [Errno 22] Invalid argument`` every few seconds with nothing fetched, a broken
``active.json`` or ``spider.state`` tracebacks. :func:`damage` names the first such file and
what is wrong with it; the caller then starts the crawl over, as after a killed run.

Only the shapes Scrapy writes are checked: the queue's ``active.json`` (JSON), each
LIFO disk queue file (``queuelib``'s: a count, then records each followed by its length:
walked back from the end), each FIFO disk queue of start requests (a folder: ``info.json``
and the chunks it names) and ``spider.state`` (a pickle of the spider's dict).
"""

from __future__ import annotations

import json
import pickle
import struct
from pathlib import Path

_SIZE = struct.Struct(">L")  # queuelib.LifoDiskQueue's count and record lengths


def damage(folder: Path, lifo_queues: bool = True) -> str | None:
    """``"<file>: <what is wrong>"`` for the first unreadable part of a job's saved state,
    else None. ``lifo_queues``: the job's disk queues are LIFO (Scrapy's default)."""
    queue = folder / "requests.queue"
    active = queue / "active.json"
    if active.exists():
        try:
            json.loads(active.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            return f"{active}: not the queue's JSON ({exc})"
    if queue.is_dir():
        # Scrapy 2.13 keeps start requests apart, in FIFO disk queues (SCHEDULER_START_DISK_
        # QUEUE): a folder of chunks (q00000...) and their info.json, not a LIFO file (ops
        # round 12: every stopped `article` job, whose requests are all start requests, was
        # taken for damaged and started over)
        fifo = {path.parent for path in queue.rglob("info.json")}
        for chunks in sorted(fifo):
            problem = _fifo_damage(chunks)
            if problem:
                return f"{chunks / 'info.json'}: {problem}"
        for path in sorted(queue.rglob("*")) if lifo_queues else ():
            if path.is_file() and path != active and path.parent not in fifo:
                problem = _lifo_damage(path)
                if problem:
                    return f"{path}: {problem}"
    state = folder / "spider.state"
    if state.exists():
        try:
            with state.open("rb") as handle:
                pickle.load(handle)  # the job's own file, as Scrapy's SpiderState reads it
        except Exception as exc:  # noqa: BLE001 - any failure to unpickle is damage
            return f"{state}: not a saved spider state ({type(exc).__name__})"
    return None


def _fifo_damage(folder: Path) -> str | None:
    """queuelib's FifoDiskQueue: info.json names the head and tail chunks, which exist."""
    try:
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        head, tail = int(info["head"][0]), int(info["tail"][0])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as exc:
        return f"not the queue's JSON ({type(exc).__name__})"
    for number in range(tail, head + 1):
        if not (folder / f"q{number:05d}").is_file():
            return f"its chunk q{number:05d} is missing"
    return None


def _lifo_damage(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(data) < _SIZE.size:
        return "cut short (no record count)"
    (count,) = _SIZE.unpack_from(data, 0)
    end = len(data)
    for _ in range(count):
        if end - _SIZE.size < _SIZE.size:
            return f"cut short ({count} records announced)"
        (size,) = _SIZE.unpack_from(data, end - _SIZE.size)
        end -= _SIZE.size + size
        if end < _SIZE.size:
            return f"cut short ({count} records announced)"
    return None
