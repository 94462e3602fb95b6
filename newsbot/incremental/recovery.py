"""Recovery of a killed run's partial export.

A crawl writes ``<name>.jsonl.part`` and renames it when it closes (newsbot.feeds). A crawl
killed halfway leaves the ``.part``. The next run, before it opens its own exports, turns
each such file into a finished ``<name>.recovered.jsonl``: complete lines are kept, a torn
last line (no newline, or not valid JSON) is dropped, and the ``.part`` is removed. The
caller marks the recovered ids seen, so those articles are not crawled again; articles whose
lines were torn or never written are not in any file and are crawled again.

A ``.part`` still being written by a live crawl is never touched: every run holds an
exclusive ``flock`` on its own ``.part`` files while it writes them (see
:func:`hold_lock`), and recovery skips any file it cannot lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from newsbot.atomic import write_atomically

PART_SUFFIX = ".part"
RECOVERED = ".recovered"


@dataclass
class Recovery:
    part: Path
    target: Path | None = None
    records: list[dict[str, Any]] = field(default_factory=list)
    torn_lines: int = 0  # dropped: a last line without newline, or a line that is not JSON
    skipped: int = 0  # dropped: already exported elsewhere (``keep`` said no)

    def as_dict(self) -> dict[str, Any]:
        return {
            "part": str(self.part),
            "recovered_to": str(self.target) if self.target else None,
            "items": len(self.records),
            "torn_lines_dropped": self.torn_lines,
            "already_exported": self.skipped,
        }


def hold_lock(path: Path) -> IO[bytes] | None:
    """Open ``path`` and take an exclusive, non-blocking flock; None if another process has it.

    The lock lasts until the returned handle is closed or the process dies (SIGKILL too).
    """
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def find_parts(folders: Iterable[Path], pattern: str = "*.jsonl" + PART_SUFFIX) -> list[Path]:
    found: set[Path] = set()
    for folder in folders:
        if folder.is_dir():
            found.update(p for p in folder.glob(pattern) if p.is_file())
    return sorted(found)


def recovered_name(part: Path) -> Path:
    """``x.jsonl.part`` -> ``x.recovered.jsonl`` (``x.recovered-2.jsonl`` if taken)."""
    final = part.name.removesuffix(PART_SUFFIX)
    stem = final.removesuffix(".jsonl")
    candidate = part.with_name(f"{stem}{RECOVERED}.jsonl")
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + PART_SUFFIX).exists():
        candidate = part.with_name(f"{stem}{RECOVERED}-{n}.jsonl")
        n += 1
    return candidate


def read_complete_lines(data: bytes) -> tuple[list[bytes], int]:
    """Complete JSON lines of ``data`` and how many lines were dropped as torn."""
    torn = 0
    end = data.rfind(b"\n")
    complete, tail = (data[: end + 1], data[end + 1 :]) if end >= 0 else (b"", data)
    if tail.strip():
        torn += 1
    lines: list[bytes] = []
    for line in complete.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            torn += 1
            continue
        if isinstance(record, dict):
            lines.append(line)
        else:
            torn += 1
    return lines, torn


def recover_part(
    part: Path, keep: Callable[[dict[str, Any]], bool] | None = None
) -> Recovery | None:
    """Turn ``part`` into a finished recovered export; None when another process holds it."""
    lock = hold_lock(part)
    if lock is None:
        return None
    try:
        result = Recovery(part)
        kept = _read_kept(part, keep, result)
        if kept:
            target = recovered_name(part)
            write_atomically(target, b"\n".join(kept) + b"\n")
            result.target = target
            _write_summary(target, {"items": len(result.records), **result.as_dict()})
        part.unlink()
        return result
    finally:
        lock.close()


def _read_kept(
    path: Path, keep: Callable[[dict[str, Any]], bool] | None, result: Recovery
) -> list[bytes]:
    """``path``'s complete lines that ``keep`` keeps (each record in ``result.records``);
    the torn and the skipped counted in ``result``."""
    lines, result.torn_lines = read_complete_lines(path.read_bytes())
    kept: list[bytes] = []
    for line in lines:
        record = json.loads(line)
        if keep is not None and not keep(record):
            result.skipped += 1
            continue
        kept.append(line)
        result.records.append(record)
    return kept


def _write_summary(target: Path, fields: dict[str, Any]) -> None:
    """``target``'s summary: ``finish_reason`` recovered, the time, ``fields``."""
    from newsbot.extensions.summary import summary_json, summary_path

    summary = {
        "finish_reason": "recovered",
        "recovered_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        **fields,
        "export": str(target),
    }
    write_atomically(summary_path(target), summary_json(summary))


# a run's own export (``exports/<spider>/<UTC start>-<run id>.jsonl``), not a file named by -o
RUN_EXPORT = re.compile(r"^\d{8}T\d{6}Z-.+\.jsonl$")


def find_unsummarised(folders: Iterable[Path]) -> list[Path]:
    """Finished exports of runs killed as they closed: renamed into place (the export is
    whole) but never summarised. A run records its articles in the seen-store after the
    rename and writes the summary last, so such a file's articles may be unrecorded."""
    from newsbot.extensions.summary import failed_summary_path, summary_path

    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.glob("*.jsonl"):
            if (
                RUN_EXPORT.match(path.name)
                and not path.name.endswith(RECOVERED + ".jsonl")
                and path.is_file()
                and not summary_path(path).exists()
                and not failed_summary_path(path).exists()
            ):
                found.add(path)
    return sorted(found)


def adopt_export(path: Path, keep: Callable[[dict[str, Any]], bool]) -> Recovery | None:
    """Read a finished export :func:`find_unsummarised` found: its records that ``keep``
    says are not recorded yet (the caller records them), and its missing summary written;
    None when another process holds the file."""
    lock = hold_lock(path)
    if lock is None:
        return None
    try:
        result = Recovery(path, target=path)
        _read_kept(path, keep, result)
        fields = {
            "note": "the run was killed after its export was finished, before it wrote this "
            "summary: the export is whole; its articles are recorded in the seen-store now",
            "items": len(result.records) + result.skipped,
            "recorded_now": len(result.records),
        }
        with contextlib.suppress(OSError):  # a read-only folder: the records are what matters
            _write_summary(path, fields)
        return result
    finally:
        lock.close()


def discard_part(part: Path) -> Path | None:
    """Set a killed run's ``.part`` aside as ``<name>.jsonl.discarded`` (fresh runs)."""
    lock = hold_lock(part)
    if lock is None:
        return None
    try:
        target = part.with_name(part.name.removesuffix(PART_SUFFIX) + ".discarded")
        os.replace(part, target)
        return target
    finally:
        lock.close()
